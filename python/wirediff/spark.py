"""wirediff-spark: which articles reuse which wire stories, on Apache Spark.

    wirediff-spark --wires WIRES --articles ARTICLES --out DIR
                   [--options JSON] [--index JSON] [--window-days N]
                   [--from DATE] [--to DATE] [--master URL] [--partitions N]
                   [--keep-result] [--conf KEY=VALUE]

(or `spark-submit …/wirediff/spark.py` with the same arguments). WIRES and
ARTICLES are JSON Lines (`.jsonl`, `.json`, or a directory of them) or
Parquet (`.parquet`, or a directory of it): records `id`, `source` (the
agency or outlet), `date` (YYYY-MM-DD; needed only for a date window) and
`text`. Each text is fingerprinted in the executors by the engine
(`signature` → `band_keys`, the same word keys the page matches on); a
wire and an article that share a band key, within the date window, and whose
signatures agree on at least the index's `minSimilarity` are a candidate
pair, as `wirediff candidates` finds them on one machine; each is compared
by the engine in `mapPartitions`. Written, as Parquet:

* DIR/results: one row per candidate pair: `wire_id`, `article_id`,
  `outlet`, `similarity`, `verdict`, the shares, the quotes and numbers altered and cut,
  the agencies whose credit the outlet kept and removed, `approximate`,
  `source_map` (the article's sentences with their labels and sources, as
  JSON) and, with --keep-result, `result` (the whole result as JSON, as
  `wirediff --json` prints it);
* DIR/errors: `side` (wires, articles, or pair), `id`, `line` (of a JSON
  Lines input), `reason`: every record that could not be read or compared.
  The job never stops for one.

docs/scale.md has the rest: installing, running on a cluster, sizing.
"""

import argparse
import datetime
import json
import os
import sys
import time

import wirediff

RESULT_FIELDS = [
    ("wire_id", "string"), ("article_id", "string"), ("outlet", "string"), ("similarity", "double"),
    ("verdict", "string"), ("derived_share", "double"), ("verbatim_share", "double"),
    ("edited_share", "double"), ("paraphrased_share", "double"), ("new_share", "double"),
    ("source_reused_share", "double"), ("quotes_altered", "int"), ("quotes_cut", "int"),
    ("numbers_altered", "int"), ("numbers_cut", "int"), ("credit_kept", "array<string>"),
    ("credit_removed", "array<string>"), ("approximate", "boolean"), ("source_map", "string"),
    ("result", "string"),
]
ERROR_FIELDS = [("side", "string"), ("id", "string"), ("line", "long"), ("reason", "string")]
RECORD_FIELDS = [("id", "string"), ("source", "string"), ("date", "string"), ("text", "string"),
                 ("line", "long")]


def ddl(fields):
    return ", ".join(f"{name} {kind}" for name, kind in fields)


def refusal(text, limit):
    """Why a text cannot be compared, or None. The engine itself refuses
    only what is over the size limit; an empty or binary text is refused
    here, before it is fingerprinted, as the page and the CLI refuse it."""
    if not isinstance(text, str):
        return "no text: `text` must be a string"
    refused = wirediff.refusal(text)
    if refused:
        return f"{refused[0]}: the text {refused[1]}"
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        return f"text of {size} bytes, above the limit of {limit} bytes (maxInputBytes)"
    return None


def record_of(value, side, line, limit, window, undecodable=None):
    """(record, None) for a good record, (None, error row) for a bad one;
    `undecodable`, the error of a line that is not UTF-8 (read with U+FFFD
    for its id)."""
    if not isinstance(value, dict):
        return None, (side, None, line, "not a JSON object")
    rid = value.get("id")
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or rid == "":
        return None, (side, None, line, "no id: `id` must be a string or a whole number")
    rid = str(rid)
    if undecodable:
        return None, (side, rid, line, f"not UTF-8: {undecodable}")
    text = value.get("text")
    if isinstance(text, (bytes, bytearray)):
        # a binary Parquet column
        try:
            value["text"] = text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            return None, (side, rid, line, f"not UTF-8: {e}")
    why = refusal(text, limit)
    if why is None and window:
        try:
            datetime.date.fromisoformat(str(value.get("date")))
        except ValueError:
            why = f"date {value.get('date')!r} is not YYYY-MM-DD (a date window needs one)"
    if why:
        return None, (side, rid, line, why)
    source = value.get("source")
    date = value.get("date")
    return (rid, None if source is None else str(source), None if date is None else str(date),
            value["text"], line), None


def parse_lines(side, limit, window):
    def run(rows):
        for raw, index in rows:
            line = index + 1
            raw = bytes(raw)
            if not raw.strip():
                continue
            # The line's own bytes: a text may hold U+FFFD itself (scraped
            # copy often does), so only a failed decoding says "not UTF-8".
            try:
                text, undecodable = raw.decode("utf-8"), None
            except UnicodeDecodeError as e:
                text, undecodable = raw.decode("utf-8", "replace"), e
            try:
                value = json.loads(text)
            except ValueError as e:
                yield ("error", (side, None, line, f"malformed JSON: {e}"))
                continue
            record, error = record_of(value, side, line, limit, window, undecodable)
            yield ("error", error) if error else ("ok", record)
    return run


def parse_rows(side, limit, window):
    def run(rows):
        for row in rows:
            record, error = record_of(row.asDict(), side, None, limit, window)
            yield ("error", error) if error else ("ok", record)
    return run


def read(spark, path, side, limit, window):
    """The good records and the error rows of one input."""
    parquet = path.rstrip("/").endswith(".parquet") or (
        os.path.isdir(path) and any(n.endswith(".parquet") for n in os.listdir(path)))
    if parquet:
        rows = spark.read.parquet(path).rdd.mapPartitions(parse_rows(side, limit, window))
    else:
        # Spark's text source keeps each line's bytes as they are (its
        # strings are UTF-8 bytes, unchecked); `textFile` would hand them
        # over decoded, with U+FFFD for what is not UTF-8.
        from pyspark.sql import functions as F
        raw = spark.read.text(path).select(F.col("value").cast("binary"))
        lines = raw.rdd.map(lambda row: row[0]).zipWithIndex()
        rows = lines.mapPartitions(parse_lines(side, limit, window))
    rows = rows.cache()
    good = spark.createDataFrame(rows.filter(lambda r: r[0] == "ok").map(lambda r: r[1]), ddl(RECORD_FIELDS))
    bad = spark.createDataFrame(rows.filter(lambda r: r[0] == "error").map(lambda r: r[1]), ddl(ERROR_FIELDS))
    return good, bad


def without_duplicates(good, side):
    """Records whose id is unique; those that share one become errors (a
    result could not say which of them it is about)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    counted = good.withColumn("copies", F.count("*").over(Window.partitionBy("id")))
    dups = counted.where("copies > 1").select(
        F.lit(side).alias("side"), "id", "line",
        F.concat(F.lit("duplicate id: "), F.col("copies").cast("string"), F.lit(" records have it")).alias("reason"))
    return counted.where("copies = 1").drop("copies"), dups


def fingerprints(records, options, index):
    """(id, date, line, signature, band keys) of every record."""
    def run(rows):
        for rid, date, line, text in rows:
            signature = wirediff.signature(text, options, index)
            yield rid, date, line, signature, wirediff.band_keys(signature, index)
    return records.select("id", "date", "line", "text").rdd.map(tuple).mapPartitions(run)


def without_content_words(prints, side):
    """Error rows for the records whose text has no content word (only
    function words): no key finds them, so no pair would say so."""
    from pyspark.sql import functions as F

    return prints.where(F.size("signature") == 0).select(
        F.lit(side).alias("side"), "id", "line",
        F.lit("no content words: the text has only function words, so nothing can be matched to it")
        .alias("reason"))


def above_floor(floor, wire_signatures):
    """The (wire, article, similarity) of each pair that shares a band key
    and whose signatures agree on at least `floor` of their slots, as
    `wirediff.candidates` keeps them on one machine."""
    def run(rows):
        signatures = wire_signatures.value
        for article_id, article_signature, wire_ids in rows:
            for wire_id in sorted(wire_ids):
                similarity = wirediff.similarity(signatures[wire_id], article_signature)
                if similarity >= floor:
                    yield wire_id, article_id, similarity
    return run


def compare_pairs(options, keep, wire_texts):
    """A result row or an error row for every (wire, article) pair: rows
    are an article with the ids of its candidate wires, whose texts every
    executor has (`wire_texts`, broadcast)."""
    def run(rows):
        texts = wire_texts.value
        for article_id, outlet, article_text, wires in rows:
            for wire_id, similarity in sorted(wires):
                try:
                    r = wirediff.compare(texts[wire_id], article_text, options)
                except BaseException as e:
                    # A panic is a bug, but one pair's must not fail the job.
                    if not isinstance(e, ValueError) and type(e).__name__ != "PanicException":
                        raise
                    reason = str(e) if isinstance(e, ValueError) else f"internal error (please report it): {e}"
                    yield ("error", ("pair", f"{wire_id} {article_id}", None, reason))
                    continue
                s = r["stats"]
                yield ("ok", (
                    wire_id, article_id, outlet, similarity, s["verdict"], s["derivedShare"], s["verbatimShare"],
                    s["editedShare"], s["paraphrasedShare"], s["newShare"], s["sourceReusedShare"],
                    s["quotes"]["altered"], s["quotes"]["cut"], s["numbers"]["altered"], s["numbers"]["cut"],
                    sorted({c["agency"] for c in r["credits"] if c["status"] == "kept"}),
                    sorted({c["agency"] for c in r["credits"] if c["status"] in ("removed", "replaced")}),
                    r["approximate"], json.dumps(r["right"]["sentences"], ensure_ascii=False),
                    json.dumps(r, ensure_ascii=False, separators=(",", ":")) if keep else None,
                ))
    return run


def arguments(argv):
    p = argparse.ArgumentParser(prog="wirediff-spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--wires", required=True, help="wire stories: JSON Lines or Parquet")
    p.add_argument("--articles", required=True, help="outlet articles: JSON Lines or Parquet")
    p.add_argument("--out", required=True, help="output directory (results/, errors/)")
    p.add_argument("--options", default=None, help="the page's options as JSON, e.g. '{\"ignoreCase\": true}'")
    p.add_argument("--index", default=None, help="the candidate index's options as JSON (docs/scale.md)")
    p.add_argument("--window-days", type=int, default=None,
                   help="only articles dated on the wire's date or up to N days after")
    p.add_argument("--from", dest="start", default=None, help="only wires dated on or after DATE")
    p.add_argument("--to", dest="end", default=None, help="only wires dated on or before DATE")
    p.add_argument("--master", default=None, help="Spark master (spark-submit sets it)")
    p.add_argument("--partitions", type=int, default=None, help="partitions of the shuffles and of the comparisons")
    p.add_argument("--keep-result", action="store_true", help="also write each whole result as JSON")
    p.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                   help="a Spark setting (repeatable), as spark-submit --conf takes it")
    return p.parse_args(argv)


def run(spark, args):
    """Runs the job; returns counts and the seconds each stage took."""
    from pyspark.sql import functions as F

    options = json.loads(args.options) if args.options else None
    index = json.loads(args.index) if args.index else None
    checked = wirediff.check_options(options)  # a bad option fails here, before any work
    wirediff.check_index(index)
    limit = checked["maxInputBytes"]
    window = args.window_days is not None or args.start or args.end
    times = {}
    clock = time.perf_counter()

    wires, wire_errors = read(spark, args.wires, "wires", limit, window)
    articles, article_errors = read(spark, args.articles, "articles", limit, window)
    wires, wire_dups = without_duplicates(wires, "wires")
    articles, article_dups = without_duplicates(articles, "articles")
    if args.start:
        wires = wires.where(F.col("date") >= args.start)
    if args.end:
        wires = wires.where(F.col("date") <= args.end)
    wires, articles = wires.cache(), articles.cache()
    counts = {"wires": wires.count(), "articles": articles.count()}
    times["read"] = time.perf_counter() - clock

    clock = time.perf_counter()
    floor = wirediff.check_index(index)["minSimilarity"]
    prints = "id string, date string, line long, signature array<long>, keys array<long>"
    wire_prints = spark.createDataFrame(fingerprints(wires, options, index), prints).cache()
    article_prints = spark.createDataFrame(fingerprints(articles, options, index), prints).cache()
    wordless = without_content_words(wire_prints, "wires").unionByName(
        without_content_words(article_prints, "articles"))

    def keyed(prints):
        return prints.select("id", "date", F.posexplode("keys").alias("band", "key"))
    w, a = keyed(wire_prints).alias("w"), keyed(article_prints).alias("a")
    pairs = w.join(a, (F.col("w.band") == F.col("a.band")) & (F.col("w.key") == F.col("a.key")))
    if args.window_days is not None:
        pairs = pairs.where((F.col("a.date") >= F.col("w.date"))
                            & (F.datediff(F.col("a.date"), F.col("w.date")) <= args.window_days))
    pairs = pairs.select(F.col("w.id").alias("wire_id"), F.col("a.id").alias("article_id")).distinct().cache()
    counts["sharing a key"] = pairs.count()
    # The similarity floor, as on one machine: the wires' signatures (1 KB
    # each) go to every executor, each article's once with its pairs.
    wire_signatures = spark.sparkContext.broadcast(
        dict(wire_prints.select("id", "signature").rdd.map(tuple).collect()))
    grouped = (pairs.groupBy("article_id").agg(F.collect_list("wire_id").alias("wire_ids"))
               .join(article_prints.select(F.col("id").alias("article_id"), "signature"), "article_id")
               .select("article_id", "signature", "wire_ids"))
    pairs = spark.createDataFrame(grouped.rdd.map(tuple).mapPartitions(above_floor(floor, wire_signatures)),
                                  "wire_id string, article_id string, similarity double").cache()
    counts["candidates"] = pairs.count()
    times["candidates"] = time.perf_counter() - clock

    clock = time.perf_counter()
    # Each article's text moves once, with its candidate wires; the wires
    # (a month's are a few hundred MB) go to every executor whole, rather
    # than a text to each pair.
    wire_texts = spark.sparkContext.broadcast(dict(wires.select("id", "text").rdd.map(tuple).collect()))
    joined = (pairs.groupBy("article_id")
              .agg(F.collect_list(F.struct("wire_id", "similarity")).alias("wires"))
              .join(articles.select(F.col("id").alias("article_id"), F.col("source").alias("outlet"),
                                    F.col("text").alias("article_text")), "article_id")
              .select("article_id", "outlet", "article_text", "wires"))
    compared = joined.rdd.map(tuple).mapPartitions(
        compare_pairs(options, args.keep_result, wire_texts)).cache()
    results = spark.createDataFrame(compared.filter(lambda r: r[0] == "ok").map(lambda r: r[1]),
                                    ddl(RESULT_FIELDS))
    pair_errors = spark.createDataFrame(compared.filter(lambda r: r[0] == "error").map(lambda r: r[1]),
                                        ddl(ERROR_FIELDS))
    results.write.mode("overwrite").parquet(os.path.join(args.out, "results"))
    times["compare"] = time.perf_counter() - clock

    errors = wire_errors.unionByName(article_errors).unionByName(wire_dups).unionByName(article_dups) \
        .unionByName(wordless).unionByName(pair_errors)
    errors.coalesce(1).write.mode("overwrite").parquet(os.path.join(args.out, "errors"))
    results = spark.read.parquet(os.path.join(args.out, "results"))
    counts["results"] = results.count()
    counts["errors"] = spark.read.parquet(os.path.join(args.out, "errors")).count()
    return counts, times


def checked(args):
    """Refuses bad options before Spark starts: the message, or None."""
    try:
        options = json.loads(args.options) if args.options else None
        index = json.loads(args.index) if args.index else None
    except ValueError as e:
        return f"--options and --index take JSON: {e}"
    try:
        wirediff.check_options(options)
        wirediff.check_index(index)
    except ValueError as e:
        return str(e)
    return None


def main(argv=None):
    args = arguments(sys.argv[1:] if argv is None else argv)
    problem = checked(args)
    if problem:
        print(f"wirediff-spark: {problem}", file=sys.stderr)
        sys.exit(2)
    # The executors' Python must be one that has this package (in local
    # mode, this very interpreter).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("wirediff-spark")
    if args.master:
        builder = builder.master(args.master)
    if args.partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(args.partitions))
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    try:
        counts, times = run(spark, args)
    finally:
        spark.stop()
    print(json.dumps({"counts": counts, "seconds": {k: round(v, 2) for k, v in times.items()}}))


if __name__ == "__main__":
    main()
