#!/usr/bin/env python3
"""Prints the tables of src/text/words.rs from unicode-segmentation's own
(its src/tables.rs in cargo's registry, at the version in Cargo.lock):
UAX #29 word-break categories and Extended_Pictographic, as runs.
Usage: scripts/word-table.py  (paste its output over the two tables)"""
import glob, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
lock = open(os.path.join(root, "Cargo.lock")).read()
version = re.search(r'name = "unicode-segmentation"\nversion = "([^"]+)"', lock)[1]
home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
source = open(glob.glob(f"{home}/registry/src/*/unicode-segmentation-{version}/src/tables.rs")[0]).read()

def ranges(name):
    body = source[source.index(f"const {name}"):]
    body = body[: body.index("];")]
    entry = r"\(\s*'\\u\{([0-9a-f]+)\}',\s*'\\u\{([0-9a-f]+)\}',\s*(\w+)\s*\)"
    return [(int(a, 16), int(b, 16), c) for a, b, c in re.findall(entry, body)]

# The order of `Cat` in words.rs. Format behaves as Extend in every rule.
CATS = ["Any", "ALetter", "Hebrew_Letter", "Numeric", "Katakana", "ExtendNumLet", "MidLetter",
        "MidNum", "MidNumLet", "Single_Quote", "Double_Quote", "Extend", "ZWJ",
        "Regional_Indicator", "WSegSpace", "CR", "LF", "Newline"]
PICTOGRAPHIC = 0x20
code = [0] * 0x110000
for a, b, c in ranges("word_cat_table"):
    name = c.removeprefix("WC_")
    code[a : b + 1] = [CATS.index("Extend" if name == "Format" else name)] * (b - a + 1)
for a, b, c in ranges("emoji_cat_table"):
    assert c == "EC_Extended_Pictographic", c
    for u in range(a, b + 1):
        code[u] |= PICTOGRAPHIC

starts = [u for u in range(0x110000) if u == 0 or code[u] != code[u - 1]]
# Gaps between run starts fit 16 bits but one (the unassigned planes): it is
# cut into runs of the same code.
gaps, codes, at = [], [], 0
for u in starts:
    while u - at > 0xFFFF:
        at += 0xFFFF
        gaps.append(0xFFFF)
        codes.append(codes[-1])
    gaps.append(u - at)
    codes.append(code[u])
    at = u
def rows(items, per):
    return "\n".join("    " + ", ".join(items[i : i + per]) + "," for i in range(0, len(items), per))
print(f"const GAPS: [u16; {len(gaps)}] = [\n{rows([str(g) for g in gaps], 16)}\n];")
print(f"const CODES: [u8; {len(codes)}] = [\n{rows([str(c) for c in codes], 24)}\n];")
print(f"unicode-segmentation {version}: {len(starts)} runs", file=sys.stderr)
