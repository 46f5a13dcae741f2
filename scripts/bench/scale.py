"""The Python binding and the Spark job timed on the generated corpus
(tests/scale/corpus.py), written into BENCHMARKS.md between its scale
markers (scripts/bench/sections.mjs; report.mjs keeps the section):

    scripts/setup --scale
    artifacts/scale-venv/bin/python scripts/bench/scale.py [--runs 3] [--articles 10000] [--wires 200]

Python: `compare` on the candidate pairs in one thread and in two (the GIL
is released while comparing), and `signature` + `band_keys` over every
article (the index's cost per text). Spark: the job in local[2], each stage.
Medians of --runs runs.
"""

import argparse
import collections
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "scale"))
import corpus  # noqa: E402
import wirediff  # noqa: E402
from wirediff import spark as job  # noqa: E402

START = "<!-- scale:start (written by scripts/bench/scale.py) -->"
END = "<!-- scale:end -->"
WINDOW_DAYS = 7
OPTIONS = {"maxInputBytes": corpus.SIZE_LIMIT}


def good_records(path):
    records = collections.defaultdict(list)
    for line in Path(path).read_bytes().splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        records[r["id"]].append(r)
    return [rs[0] for i, rs in records.items() if len(rs) == 1 and not str(i).startswith("bad-")]


def seconds(f):
    start = time.perf_counter()
    out = f()
    return time.perf_counter() - start, out


def python_run(wires, articles):
    t_index, cands = seconds(lambda: wirediff.candidates([w["text"] for w in wires],
                                                         [a["text"] for a in articles], OPTIONS))
    pairs = [(wires[w]["text"], articles[a]["text"]) for w, a, _ in cands[:6000]]
    t_one, _ = seconds(lambda: [wirediff.compare(s, c, OPTIONS) for s, c in pairs])
    with ThreadPoolExecutor(2) as pool:
        t_two, _ = seconds(lambda: list(pool.map(lambda p: wirediff.compare(p[0], p[1], OPTIONS), pairs)))
    t_sig, _ = seconds(lambda: [wirediff.band_keys(wirediff.signature(a["text"], OPTIONS)) for a in articles])
    # How many key matches the join makes before `distinct`, per pair.
    keys = collections.defaultdict(lambda: ([], []))
    for side, texts in ((0, wires), (1, articles)):
        for k, t in enumerate(texts):
            for band, key in enumerate(wirediff.band_keys(wirediff.signature(t["text"], OPTIONS))):
                keys[(band, key)][side].append(k)
    sharing = {(w, a) for ws, as_ in keys.values() for w in ws for a in as_}
    matches = sum(len(w) * len(a) for w, a in keys.values())
    sigs = [wirediff.signature(t["text"], OPTIONS) for t in articles[:2000]]
    sig_pairs = [(sigs[k % 2000], sigs[(7 * k + 1) % 2000]) for k in range(100_000)]
    t_sim, _ = seconds(lambda: [wirediff.similarity(a, b) for a, b in sig_pairs])
    return {"similarities per s": len(sig_pairs) / t_sim,
            "largest key's pairs": max(len(w) * len(a) for w, a in keys.values()),
            "article bytes": statistics.mean(len(a["text"].encode()) for a in articles),
            "wire bytes": statistics.mean(len(w["text"].encode()) for w in wires),
            "one thread": len(pairs) / t_one, "two threads": len(pairs) / t_two,
            "texts fingerprinted per s": len(articles) / t_sig, "index (one machine) s": t_index,
            "sharing a key (no window)": len(sharing), "candidates (no window)": len(cands),
            "key matches per candidate": matches / len(sharing)}


def samples_run():
    """`compare` over the 20 ordered pairs of the five samples (2-9 KB, as
    real articles are), one thread: the figure at real sizes."""
    texts = [p.read_text() for p in sorted((ROOT / "www" / "samples").glob("*.txt"))]
    pairs = [(a, b) for a in texts for b in texts if a is not b] * 20
    t, _ = seconds(lambda: [wirediff.compare(a, b) for a, b in pairs])
    return len(pairs) / t


def spark_run(spark, directory):
    args = job.arguments(["--wires", str(directory / "wires.jsonl"), "--articles", str(directory / "articles.jsonl"),
                          "--out", str(directory / "out"), "--options", json.dumps(OPTIONS),
                          "--window-days", str(WINDOW_DAYS), "--partitions", "4"])
    counts, stages = job.run(spark, args)
    return counts, stages


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--wires", type=int, default=200)
    args = p.parse_args()
    directory = ROOT / "artifacts" / "bench" / "scale"
    corpus.generate(directory, articles=args.articles, wires=args.wires)
    wires, articles = good_records(directory / "wires.jsonl"), good_records(directory / "articles.jsonl")

    py = [python_run(wires, articles) | {"samples": samples_run()} for _ in range(args.runs)]
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sp = [spark_run(spark, directory) for _ in range(args.runs)]
    spark.stop()

    med = lambda xs: statistics.median(xs)  # noqa: E731
    days = collections.Counter(datetime.date.fromisoformat(w["date"]) for w in wires)
    pairs_in_window = sum(n for a in articles for d, n in days.items()
                          if 0 <= (datetime.date.fromisoformat(a["date"]) - d).days <= WINDOW_DAYS)
    counts = sp[0][0]
    stage = {k: med([s[k] for _, s in sp]) for k in sp[0][1]}
    py_m = {k: med([r[k] for r in py]) for k in py[0]}
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    import pyspark
    text = f"""{START}
## Scale: Python and Spark local (issue 17)

The generated corpus of tests/scale/corpus.py: {len(wires)} wire stories,
{len(articles)} articles (texts of {py_m['wire bytes'] / 1000:.1f} KB and {py_m['article bytes'] / 1000:.1f} KB on average), medians of {args.runs} runs of
`scripts/bench/scale.py` on {cpu}, 2 cores, Python {platform.python_version()},
PySpark {pyspark.__version__}, {java}, load average {os.getloadavg()[0]:.1f} at the end
(other jobs on the machine: two threads get less than two cores then). Per
core is the figure divided by the cores it used.

| what | figure |
| --- | --- |
| Python `compare`, one thread | {py_m['one thread']:.0f} pairs/s (per core) |
| Python `compare`, one thread, the 20 ordered pairs of the five samples (2–9 KB) | {py_m['samples']:.0f} pairs/s (per core) |
| Python `compare`, two threads (GIL released) | {py_m['two threads']:.0f} pairs/s, {py_m['two threads'] / 2:.0f} per core |
| Python `signature` + `band_keys` | {py_m['texts fingerprinted per s']:.0f} articles/s per core: {1e6 / py_m['texts fingerprinted per s'] / 60:.1f} core-minutes per million articles |
| Python `candidates` (one machine, whole corpus, no date window) | {py_m['index (one machine) s']:.2f} s: {py_m['sharing a key (no window)']:.0f} pairs share a key ({py_m['sharing a key (no window)'] / len(wires) / len(articles):.1%} of all), {py_m['candidates (no window)']:.0f} above the similarity floor ({py_m['candidates (no window)'] / len(wires) / len(articles):.2%}) |
| Python `similarity` of two signatures | {py_m['similarities per s']:.0f} pairs/s per core |
| band-key matches per distinct pair sharing a key (what the job's join shuffles before `distinct`) | {py_m['key matches per candidate']:.1f} |
| the most-shared band key: wires × articles that have it | {py_m["largest key's pairs"]:.0f} |
| Spark local[2]: read and check both inputs | {stage['read']:.1f} s |
| Spark local[2]: fingerprints, key join, distinct pairs, similarity floor ({WINDOW_DAYS}-day window) | {stage['candidates']:.1f} s: {counts['sharing a key']} pairs sharing a key, {counts['candidates']} candidates above the floor ({counts['sharing a key'] / pairs_in_window:.1%} and {counts['candidates'] / pairs_in_window:.2%} of the {pairs_in_window} pairs in the window) |
| Spark local[2]: join texts, compare, write Parquet | {stage['compare']:.1f} s: {counts['candidates'] / stage['compare'] / 2:.0f} pairs/s per core |
| Spark local[2]: whole job | {sum(stage.values()):.1f} s |

docs/scale.md sizes a cluster run from these.
{END}"""
    bench = ROOT / "BENCHMARKS.md"
    md = bench.read_text()
    a, b = md.find(START), md.find(END)
    if a >= 0 and b > a:
        md = md[:a] + text + md[b + len(END):]
    else:
        method = md.find("## Method")
        md = md[:method] + text + "\n\n" + md[method:]
    bench.write_text(md)
    print(text)


if __name__ == "__main__":
    main()
