"""The Spark job end to end, on the generated corpus (tests/scale/corpus.py),
in local mode on two cores: the index finds the derived pairs, the engine
gives each pair the verdict its kind calls for, no pair and no good record
is lost, bad records are reported, and the results are those of the native
`wirediff batch` and of Python's `compare`. Run by scripts/test (after
`scripts/setup --scale`, which installs Java, PySpark and the wheel):

    artifacts/scale-venv/bin/python -m unittest discover -s tests/scale -v

It prints how long each stage took (the figures of BENCHMARKS.md's
"Scale" section come from runs of it); it asserts no time.
"""

import collections
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

import wirediff
from wirediff import spark as job

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 10_000
WIRES = 200
WINDOW_DAYS = 7
OPTIONS = {"maxInputBytes": corpus.SIZE_LIMIT}
DERIVED = {"verbatim": {"wholly derived"},
           "edited": {"wholly derived", "partially derived"},
           "paraphrased": {"wholly derived", "partially derived"}}
TIMES = {}


def timed(name):
    class Timer:
        def __enter__(self):
            self.start = time.perf_counter()

        def __exit__(self, *exc):
            TIMES[name] = time.perf_counter() - self.start
            print(f"  {name}: {TIMES[name]:.1f} s", file=sys.stderr, flush=True)
    return Timer()


def jsonl(path):
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


class SparkJob(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = Path(tempfile.mkdtemp(prefix="wirediff-scale-"))
        print(f"\nscale test in {cls.dir}:", file=sys.stderr)
        with timed("corpus"):
            corpus.generate(cls.dir, articles=ARTICLES, wires=WIRES)
        cls.truth = {(t["wire"], t["article"]): t["kind"] for t in jsonl(cls.dir / "truth.jsonl")}
        cls.bad = jsonl(cls.dir / "bad.jsonl")
        cls.wires = {w["id"]: w for w in jsonl(cls.dir / "wires.jsonl")}
        cls.articles = {}
        for line in (cls.dir / "articles.jsonl").read_bytes().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            cls.articles.setdefault(record["id"], []).append(record)

        # Local mode: the driver and the executors on this machine only.
        os.environ["PYSPARK_PYTHON"] = sys.executable
        os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
        from pyspark.sql import SparkSession
        with timed("spark start"):
            cls.spark = (SparkSession.builder.master("local[2]").appName("wirediff-scale-test")
                         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                         .config("spark.sql.shuffle.partitions", "4").getOrCreate())
            cls.spark.sparkContext.setLogLevel("ERROR")
        args = job.arguments([
            "--wires", str(cls.dir / "wires.jsonl"), "--articles", str(cls.dir / "articles.jsonl"),
            "--out", str(cls.dir / "out"), "--options", json.dumps(OPTIONS),
            "--window-days", str(WINDOW_DAYS), "--partitions", "4", "--keep-result"])
        with timed("spark job"):
            cls.counts, cls.stages = job.run(cls.spark, args)
        print(f"  job: {json.dumps(cls.counts)}; stages (s): {json.dumps({k: round(v, 1) for k, v in cls.stages.items()})}",
              file=sys.stderr)
        cls.results = {(r.wire_id, r.article_id): r.asDict()
                       for r in cls.spark.read.parquet(str(cls.dir / "out" / "results")).collect()}
        cls.errors = [r.asDict() for r in cls.spark.read.parquet(str(cls.dir / "out" / "errors")).collect()]

    @classmethod
    def tearDownClass(cls):
        cls.spark.stop()
        shutil.rmtree(cls.dir, ignore_errors=True)
        print("scale test timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in TIMES.items()), file=sys.stderr)

    def good_articles(self):
        """The articles the job should read: one record to an id."""
        return {i: rs[0] for i, rs in self.articles.items() if len(rs) == 1 and not i.startswith("bad-")}

    def in_window(self, wire, article):
        days = (datetime.date.fromisoformat(article["date"]) - datetime.date.fromisoformat(wire["date"])).days
        return 0 <= days <= WINDOW_DAYS

    def test_the_index_finds_the_derived_pairs(self):
        derived = [p for p, k in self.truth.items() if k in DERIVED]
        self.assertGreater(len(derived), ARTICLES // 4)
        found = collections.Counter(self.truth[p] for p in derived if p in self.results)
        every = collections.Counter(self.truth[p] for p in derived)
        recall = sum(found.values()) / len(derived)
        print(f"  recall {recall:.4f}: " + ", ".join(f"{k} {found[k]}/{every[k]}" for k in every),
              file=sys.stderr)
        self.assertGreaterEqual(recall, 0.99)
        for kind in DERIVED:
            self.assertGreaterEqual(found[kind] / every[kind], 0.99, kind)

    def test_every_derived_pair_has_the_verdict_its_kind_calls_for(self):
        wrong = [(p, self.truth[p], r["verdict"]) for p, r in self.results.items()
                 if self.truth.get(p) in DERIVED and r["verdict"] not in DERIVED[self.truth[p]]]
        self.assertEqual(wrong, [])
        verdicts = collections.Counter((self.truth[p], r["verdict"]) for p, r in self.results.items()
                                       if p in self.truth)
        print(f"  verdicts by kind: {dict(sorted(verdicts.items()))}", file=sys.stderr)
        # A verbatim copy also shows every word as kept and the wire's words as reused.
        for p, r in self.results.items():
            if self.truth.get(p) == "verbatim":
                self.assertEqual(r["new_share"], 0.0, p)

    def test_unrelated_candidates_are_not_derived(self):
        unrelated = {p: r for p, r in self.results.items() if self.truth.get(p) not in DERIVED}
        same_topic = sum(1 for p in unrelated if self.truth.get(p) == "same-topic")
        print(f"  unrelated candidates: {len(unrelated)}, of which same-topic {same_topic}", file=sys.stderr)
        # The index proposes pairs that only share a topic: the engine is what tells them apart.
        self.assertGreater(same_topic, 100)
        wrong = [(p, self.truth.get(p, "unrelated"), r["verdict"]) for p, r in unrelated.items()
                 if r["verdict"] != "not derived"]
        self.assertEqual(wrong, [])

    def test_no_pair_and_no_good_record_is_lost(self):
        good = self.good_articles()
        self.assertEqual(self.counts["articles"], len(good))
        self.assertEqual(self.counts["wires"], len(self.wires))
        # The candidates on one machine, by the same index, within the window.
        wires, articles = list(self.wires.values()), list(good.values())
        with timed("candidates (python, one machine)"):
            pairs = {(wires[w]["id"], articles[a]["id"]): similarity
                     for w, a, similarity in wirediff.candidates([w["text"] for w in wires],
                                                                 [a["text"] for a in articles], OPTIONS)
                     if self.in_window(wires[w], articles[a])}
        pair_errors = {tuple(e["id"].split(" ")) for e in self.errors if e["side"] == "pair"}
        self.assertEqual(self.counts["candidates"], len(pairs))
        self.assertEqual(set(self.results) | pair_errors, set(pairs))
        self.assertEqual(len(self.results) + len(pair_errors), self.counts["candidates"])
        self.assertEqual({p: r["similarity"] for p, r in self.results.items()},
                         {p: pairs[p] for p in self.results})
        for (w, a) in self.results:
            self.assertTrue(self.in_window(self.wires[w], good[a]), (w, a))

    def test_bad_records_are_reported_with_their_reasons(self):
        reasons = {"empty": "emptyText", "binary": "binaryText", "too large": "above the limit",
                   "duplicate": "duplicate id: 2 records have it", "not UTF-8": "not UTF-8",
                   "malformed": "malformed JSON", "no content words": "no content words"}
        reported = collections.Counter((e["id"], e["reason"].split(":")[0]) for e in self.errors
                                       if e["side"] == "articles")
        for bad in self.bad:
            wanted = reasons[bad["what"]]
            hits = [e for e in self.errors if e["side"] == "articles" and e["id"] == bad["id"]
                    and wanted in e["reason"]]
            self.assertTrue(hits, f"{bad} not reported; errors: {self.errors}")
        self.assertEqual(sum(reported.values()), len(self.bad), self.errors)
        # each at its line of the file (the malformed one has no id)
        lines = (self.dir / "articles.jsonl").read_bytes().splitlines()
        for e in self.errors:
            if e["side"] == "articles":
                self.assertIn((e["id"] or "bad-json").encode(), lines[e["line"] - 1], e)
        self.assertEqual([e for e in self.errors if e["side"] != "articles"], [])

    def test_a_text_that_holds_u_fffd_is_compared(self):
        held = [a for a, records in self.articles.items()
                if any("\ufffd" in r["text"] for r in records)]
        self.assertEqual(len(held), 1, held)
        self.assertEqual([e for e in self.errors if e["id"] == held[0]], [])
        self.assertIn(held[0], {a for (_, a) in self.results})

    def test_results_equal_native_batch_and_python_compare(self):
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "wirediff"],
                       cwd=ROOT, check=True)
        good = self.good_articles()
        pairs = sorted(self.results)
        lines = "".join(json.dumps({"id": f"{w} {a}", "source": self.wires[w]["text"],
                                    "compare": good[a]["text"]}) + "\n" for w, a in pairs)
        with timed(f"native batch, {len(pairs)} pairs"):
            out = subprocess.run([ROOT / "target" / "release" / "wirediff", "batch", "--options", json.dumps(OPTIONS)],
                                 input=lines.encode(), capture_output=True, check=True).stdout
        batch = [json.loads(line) for line in out.splitlines()]
        self.assertEqual([b["id"] for b in batch], [f"{w} {a}" for w, a in pairs])
        differ = [b["id"] for b, p in zip(batch, pairs) if b.get("result") != json.loads(self.results[p]["result"])]
        self.assertEqual(differ, [])
        # The columns are read from the result.
        some = self.results[pairs[0]]
        full = json.loads(some["result"])
        self.assertEqual((some["verdict"], some["derived_share"], some["source_map"]),
                         (full["stats"]["verdict"], full["stats"]["derivedShare"],
                          json.dumps(full["right"]["sentences"], ensure_ascii=False)))

        with timed(f"python compare, {len(pairs)} pairs"):
            python = [wirediff.compare(self.wires[w]["text"], good[a]["text"], OPTIONS) for w, a in pairs]
        self.assertEqual(python, [json.loads(self.results[p]["result"]) for p in pairs])


    def test_parquet_input_and_a_wire_date_range_give_the_same_pairs(self):
        good = self.good_articles()
        some = sorted(good)[:800]
        parquet = self.dir / "articles.parquet"
        self.spark.createDataFrame([good[i] for i in some], "id string, source string, date string, text string") \
            .write.mode("overwrite").parquet(str(parquet))
        start, end = "2020-08-05", "2020-08-20"
        args = job.arguments([
            "--wires", str(self.dir / "wires.jsonl"), "--articles", str(parquet),
            "--out", str(self.dir / "out-parquet"), "--options", json.dumps(OPTIONS),
            "--window-days", str(WINDOW_DAYS), "--from", start, "--to", end, "--partitions", "2"])
        with timed("spark job, 800 articles from Parquet"):
            counts, _ = job.run(self.spark, args)
        results = {(r.wire_id, r.article_id): r.asDict()
                   for r in self.spark.read.parquet(str(self.dir / "out-parquet" / "results")).collect()}
        expected = {p for p in self.results if p[1] in set(some) and start <= self.wires[p[0]]["date"] <= end}
        self.assertEqual(counts["articles"], len(some))
        self.assertEqual(set(results), expected)
        self.assertGreater(len(expected), 100)
        self.assertEqual({p: r["verdict"] for p, r in results.items()},
                         {p: self.results[p]["verdict"] for p in expected})


class ConsoleScript(unittest.TestCase):
    def test_wirediff_spark_is_installed_and_refuses_a_bad_option_before_any_work(self):
        script = Path(sys.executable).parent / "wirediff-spark"
        shown = subprocess.run([script, "--help"], capture_output=True, text=True, check=True).stdout
        self.assertIn("--window-days", shown)
        with tempfile.TemporaryDirectory() as out:
            wires = Path(out) / "w.jsonl"
            wires.write_text(json.dumps({"id": 1, "text": "Workers jeered."}) + "\n")
            ran = subprocess.run([script, "--wires", wires, "--articles", wires, "--out", out,
                                  "--options", '{"ignoreCase": "yes"}'], capture_output=True, text=True)
        self.assertNotEqual(ran.returncode, 0)
        self.assertIn("`ignoreCase` must be true or false", ran.stderr)


if __name__ == "__main__":
    unittest.main()
