"""The Python binding (src/python.rs, python/wirediff/): the same results as
the CLI, the engine's messages for bad options, the GIL released while it
compares. Run by scripts/test (after `scripts/setup --scale`):

    artifacts/scale-venv/bin/python -m unittest discover -s tests/scale -v
"""

import json
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path

import wirediff

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "www" / "samples"
WIRE = SAMPLES / "001_7874be6ffbaae5d6.txt"
KOMPAS = SAMPLES / "000_a7be8358ffd46965.txt"
NPR = SAMPLES / "002_36e125501881ede5.txt"


def cli():
    """The native CLI, built if it is not up to date."""
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet", "--bin", "wirediff"],
                   cwd=ROOT, check=True)
    return ROOT / "target" / "release" / "wirediff"


class SameAsTheCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cli = cli()

    def cli_json(self, *args):
        out = subprocess.run([self.cli, "--json", *map(str, args)], check=True, capture_output=True)
        return json.loads(out.stdout)

    def test_compare_equals_the_cli_json(self):
        expected = self.cli_json(WIRE, KOMPAS)
        got = wirediff.compare(WIRE.read_text(), KOMPAS.read_text())
        self.assertEqual(got, expected)
        self.assertEqual(got["stats"]["verdict"], "partially derived")

    def test_options_reach_the_engine_as_the_cli_gives_them(self):
        expected = self.cli_json(WIRE, KOMPAS, "--ignore-case", "--ignore-punctuation")
        got = wirediff.compare(WIRE.read_text(), KOMPAS.read_text(),
                               {"ignoreCase": True, "ignorePunctuation": True})
        self.assertEqual(got, expected)
        self.assertNotEqual(got, wirediff.compare(WIRE.read_text(), KOMPAS.read_text()))

    def test_a_text_is_refused_as_wirediff_batch_refuses_it(self):
        texts = ["", " \n\t ", "\x89PNG\r\n\x1a\n" + "\x00" * 40, "%PDF-1.7 a report",
                 "a NUL \x00 in it", "Workers walked out of the plant."]
        records = "".join(json.dumps({"id": k, "source": t, "compare": "Workers walked out."}) + "\n"
                          for k, t in enumerate(texts))
        out = subprocess.run([self.cli, "batch", "--threads", "1"], input=records.encode(),
                             check=True, capture_output=True)
        lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
        for text, line in zip(texts, lines, strict=True):
            refused = wirediff.refusal(text)
            if "error" in line:
                self.assertEqual(refused, (line["error"]["kind"],
                                           line["error"]["message"].removeprefix("`source` ")), text)
            else:
                self.assertIsNone(refused, text)
        self.assertEqual([wirediff.refusal(t) is None for t in texts], [False] * 5 + [True])

    def test_compare_many_equals_the_cli_json(self):
        expected = self.cli_json(WIRE, KOMPAS, NPR)
        got = wirediff.compare_many(WIRE.read_text(), [KOMPAS.read_text(), NPR.read_text()])
        self.assertEqual(got, expected)
        self.assertEqual([r["stats"]["verdict"] for r in got["results"]],
                         ["partially derived", "not derived"])


class Index(unittest.TestCase):
    def test_candidates_equal_the_cli_candidates(self):
        texts = {p.name: p.read_text() for p in sorted(SAMPLES.glob("*.txt"))}
        wires = {"ap": texts[WIRE.name]}
        articles = {name: text for name, text in texts.items() if name != WIRE.name}
        with tempfile.TemporaryDirectory() as tmp:
            for name, records in (("w.jsonl", wires), ("a.jsonl", articles)):
                Path(tmp, name).write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records.items()))
            out = subprocess.run([cli(), "candidates", "--wires", Path(tmp, "w.jsonl"), "--articles", Path(tmp, "a.jsonl")],
                                 check=True, capture_output=True).stdout
        expected = [json.loads(line) for line in out.splitlines()]
        ids = list(articles)
        got = [{"wire": "ap", "article": ids[a], "similarity": s}
               for _, a, s in wirediff.candidates(list(wires.values()), list(articles.values()))]
        self.assertEqual(got, expected)
        self.assertIn(KOMPAS.name, [c["article"] for c in got])

    def test_signature_band_keys_and_similarity_agree_with_candidates(self):
        ap, kompas = WIRE.read_text(), KOMPAS.read_text()
        a, k = wirediff.signature(ap), wirediff.signature(kompas)
        self.assertEqual(len(a), 256)
        self.assertEqual(wirediff.similarity(a, wirediff.signature(ap)), 1.0)
        self.assertEqual(wirediff.similarity(a, k), wirediff.candidates([ap], [kompas])[0][2])
        self.assertTrue(set(wirediff.band_keys(a)) & set(wirediff.band_keys(k)))
        self.assertEqual(wirediff.signature("!!! ... ---"), [])
        self.assertTrue(wirediff.signature(ap.upper()) == a, "the index folds case")

    def test_bad_index_options_are_a_value_error(self):
        with self.assertRaisesRegex(ValueError, "invalid index options: .*bands"):
            wirediff.band_keys([1, 2], {"bands": 0})
        with self.assertRaisesRegex(ValueError, "invalid index options: unknown field `band`"):
            wirediff.signature("Workers jeered.", None, {"band": 4})


class BadInput(unittest.TestCase):
    def test_a_bad_option_is_a_value_error_with_the_engines_message(self):
        with self.assertRaisesRegex(ValueError, r"invalid options: `ignoreCase` must be true or false, not the string \"yes\""):
            wirediff.compare("a", "b", {"ignoreCase": "yes"})
        with self.assertRaisesRegex(ValueError, "invalid options: unknown option `ignoreCases`"):
            wirediff.compare("a", "b", {"ignoreCases": True})
        with self.assertRaisesRegex(ValueError, "`timeBudgetMs` must be a whole number"):
            wirediff.compare_many("a", ["b"], {"timeBudgetMs": -1})
        with self.assertRaisesRegex(ValueError, "invalid options: expected an object, not a list"):
            wirediff.check_options([True])

    def test_a_text_over_the_limit_is_a_value_error(self):
        with self.assertRaisesRegex(ValueError, "the right text is 0.0 MB, above the limit of 0.0 MB"):
            wirediff.compare("short", "a longer text", {"maxInputBytes": 8})

    def test_check_options_gives_the_options_a_comparison_uses(self):
        self.assertEqual(wirediff.check_options(), wirediff.default_options())
        checked = wirediff.check_options({"ignoreCase": True, "maxInputBytes": 1000})
        self.assertEqual((checked["ignoreCase"], checked["maxInputBytes"]), (True, 1000))
        self.assertEqual(checked["unifyQuotes"], wirediff.default_options()["unifyQuotes"])


class GilReleased(unittest.TestCase):
    def test_another_thread_runs_while_one_compares(self):
        # With a switch interval of an hour, a thread that holds the GIL
        # keeps it until it blocks or ends: the main thread can then see
        # `comparing` only if the comparison let go of the GIL.
        big = (WIRE.read_text() + "\n\n") * 20
        other = (KOMPAS.read_text() + "\n\n") * 20
        state = {"comparing": False, "calls": 0}
        seen, started = threading.Event(), threading.Event()

        def worker():
            started.set()
            while not seen.is_set() and state["calls"] < 30:
                state["comparing"] = True
                wirediff.compare(big, other)
                state["comparing"] = False
                state["calls"] += 1

        interval = sys.getswitchinterval()
        sys.setswitchinterval(3600)
        try:
            thread = threading.Thread(target=worker)
            thread.start()
            started.wait()
            while thread.is_alive():
                if state["comparing"]:
                    # Two comparisons at once, one per thread.
                    wirediff.compare(WIRE.read_text(), KOMPAS.read_text())
                    seen.set()
                    break
            thread.join()
        finally:
            sys.setswitchinterval(interval)
        self.assertTrue(seen.is_set(), f"the main thread never ran during any of {state['calls']} comparisons")


if __name__ == "__main__":
    unittest.main()
