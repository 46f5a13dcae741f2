"""A seeded, deterministic corpus of wire stories and outlet articles with
known reuse, made from the five samples in www/samples/ (their manifest says
what each is), for the Spark job's end-to-end test (tests/scale/test_scale.py).

    python tests/scale/corpus.py OUT_DIR [--articles 10000] [--wires 200] [--seed 17]

writes OUT_DIR/wires.jsonl and OUT_DIR/articles.jsonl (records `id`,
`source` (the outlet), `date`, `text`), and the ground truth:
OUT_DIR/truth.jsonl, one line per related (wire, article) pair with its kind,
and OUT_DIR/bad.jsonl, the bad records the job must report.

Why the texts are made this way:

* All-pairs ground truth only means something if the wires do not share
  text with each other: were every wire a remix of the AP story's sentences,
  an article copied from one wire would really be partly derived from dozens
  of others. So each wire is new text: sentences walked by a word-level
  Markov chain (order one) over the sentences of all five samples, which
  keeps the register and the grammar and repeats no sentence, with its own
  people, places, figures and topic words put in: nine in ten of the
  samples' content words become made-up words of the story's own (a wire is
  a different story of the same kind: a strike, a protest, an election).
  Two wires then share function words, a tenth of the topic words and
  short phrases, as two stories of one beat do, and no sentence. (With the
  samples' own words in every story, every article shared so many words
  with every wire that the index proposed 78 % of all pairs: one story
  told 200 times is not a month of news.)
* Derived articles (per wire, truth kinds):
  - `verbatim`: the wire as published, with the outlet's curly quotes and a
    "Read also:" line at most (what the engine ignores or counts as
    boilerplate);
  - `edited`: word-level edits (a word swapped for a synonym, cut or added)
    in a third of the sentences, one or two sentences cut, one added;
  - `paraphrased`: what Kompas did to AP (000 against 001): a new lede,
    the story condensed, sentences merged, split and reordered, synonyms,
    the dateline re-cased (`MINSK, KOMPAS.com -`), a "Read also:" line; a
    fifth to two fifths of the sentences cut, the rest kept as they were
    or with a few words swapped.
  Each is dated on the wire's day or up to three days after.
* `same-topic` articles are independent coverage, as NPR, WSWS and the
  Militant are of AP's story: their real sentences, recombined, with the
  names of one wire's story put in, so that they share its people, places
  and topic without deriving from it.
* `unrelated` articles derive from wires that are not in the wire set (an
  outlet rewriting a wire the researcher does not have), or are independent
  coverage with names of no wire: related to no wire of the set.

Every pair not in truth.jsonl is unrelated. Bad records (empty text, binary
text, a line that is not UTF-8, a duplicate id, a text over the size limit,
a malformed line, a text of function words only) are added to articles.jsonl, and listed in bad.jsonl
with what is wrong.
"""

import argparse
import datetime
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "www" / "samples"

# The size limit the test runs the job with (maxInputBytes); the over-size
# record is above it.
SIZE_LIMIT = 100_000

KINDS_DERIVED = ("verbatim", "edited", "paraphrased")

# Words the edits and paraphrases swap, both ways: the samples' own
# vocabulary.
SYNONYMS = [
    ("workers", "employees"), ("factory", "plant"), ("strike", "walkout"),
    ("strikes", "walkouts"), ("protests", "demonstrations"), ("said", "stated"),
    ("leader", "head of state"), ("huge", "massive"), ("giant", "vast"),
    ("angry", "furious"), ("election", "vote"), ("pressure", "strain"),
    ("country", "nation"), ("capital", "capital city"), ("detained", "arrested"),
    ("crisis", "turmoil"), ("support", "backing"), ("rejected", "denied"),
    ("warned", "cautioned"), ("growing", "mounting"), ("told", "informed"),
    ("claimed", "asserted"), ("marched", "walked"), ("streets", "roads"),
    ("killed", "slain"), ("wounded", "injured"), ("officials", "authorities"),
    ("President", "head of state"), ("opposition", "opposing camp"),
    ("independent", "non-aligned"), ("troops", "soldiers"), ("border", "frontier"),
    ("economy", "economic life"), ("week", "seven days"), ("big", "large"),
]
SWAP = {a: b for a, b in SYNONYMS} | {b: a for a, b in SYNONYMS if " " not in b}

# Names in the samples, by what they stand for: each story puts its own in.
NAMES = {
    "leader": ["Lukashenko"],
    "leader_full": ["Alexander Lukashenko", "Aleksandr Lukashenko"],
    "country": ["Belarus"],
    "demonym": ["Belarusian", "Belarusians"],
    "capital": ["Minsk"],
    "rival": ["Tsikhanouskaya", "Tikhonovskaya"],
    "rival_full": ["Sviatlana Tsikhanouskaya", "Svetlana Tikhonovskaya"],
    "town": ["Soligorsk"],
    "company": ["Belaruskali"],
}
SYLLABLES = ["va", "ro", "ken", "do", "mi", "sta", "lu", "ber", "ga", "tis", "no", "re",
             "zan", "ko", "la", "vi", "dor", "sa", "te", "mar", "pol", "ni", "gu", "chen"]
FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina",
         "Jonas", "Katya", "Luis", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan",
         "Tanja", "Viktor", "Yulia", "Zoran", "Ines", "Milos", "Agnes", "Oskar"]
OUTLETS = ["Kompas.com", "Jakarta Daily", "The Straits Courier", "Nairobi Ledger",
           "Lagos Herald", "Prague Morning", "Baltic Times Online", "Andes Post",
           "Manila Bulletin Web", "Delhi Observer", "Cape Tribune", "Oslo Evening",
           "Warsaw Voice Daily", "Lisbon Report", "Quebec Daily", "Auckland Star Web"]
AGENCIES = ["AP", "Reuters", "AFP", "dpa"]


def sentences_of(text):
    """The sentences of a sample, without its page chrome and syndication lines."""
    out = []
    for para in re.split(r"\n+", text):
        para = para.strip()
        if (not para or para.startswith(("Also Read", "Read also", "(This is", "#", "date "))
                or len(para.split()) < 6):
            continue
        para = para.replace("**", "").replace("\\$", "$")
        for s in re.split(r"(?<=[.!?”\"])\s+(?=[“\"A-Z])", para):
            if len(s.split()) >= 5:
                out.append(s.strip())
    return out


def samples():
    manifest = json.loads((SAMPLES / "manifest.json").read_text())
    by_outlet = {v["outlet"].split(" ")[0]: (SAMPLES / v["file"]).read_text() for v in manifest["versions"]}
    wire_side = sentences_of(by_outlet["AP"]) + sentences_of(by_outlet["Kompas.com"])
    independent = [s for k in ("NPR", "World", "The") for s in sentences_of(by_outlet[k])]
    return wire_side, independent


class Markov:
    """An order-one word chain over whitespace tokens: sentences in the
    samples' words that no sample has."""

    def __init__(self, sentences):
        self.next = {}
        self.starts = []
        for s in sentences:
            words = s.split()
            self.starts.append(words[0])
            for a, b in zip(words, words[1:] + [None]):
                self.next.setdefault(a, []).append(b)

    def sentence(self, rng, seen):
        while True:
            word, words = rng.choice(self.starts), []
            while word is not None and len(words) < 45:
                words.append(word)
                word = rng.choice(self.next[word])
            text = " ".join(words)
            if 10 <= len(words) < 45 and word is None and text not in seen:
                seen.add(text)
                return text


# Function words, kept by every story; the samples' other words are its
# topic vocabulary.
STOP = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours out over
own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would you your said says told says will would could might must shall""".split())


def made_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def made_name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def story_names(rng, vocabulary):
    """The people, places, firm and topic words of one story: three in four
    of the samples' content words (the synonyms the edits use aside) are
    the story's own, so that two stories share about as many content words
    as two stories of one news beat do, and their articles do not all
    become candidates of every wire."""
    words = {w: made_word(rng) for w in vocabulary if rng.random() < 0.9}
    leader, rival = made_name(rng) + "enko", made_name(rng) + "ova"
    country = made_name(rng) + "ia"
    return {
        "leader": [leader], "leader_full": [f"{rng.choice(FIRST)} {leader}"],
        "country": [country], "demonym": [country[:-1] + "an", country[:-1] + "ans"],
        "capital": [made_name(rng)], "rival": [rival],
        "rival_full": [f"{rng.choice(FIRST)} {rival}"], "town": [made_name(rng) + "sk"],
        "company": [made_name(rng) + "kali"], "words": words,
        # the synonyms, in the story's words
        "swap": {" ".join(words.get(x, x) for x in a.split()): " ".join(words.get(x, x) for x in b.split())
                 for a, b in SWAP.items()},
    }


def put_names(text, names, rng):
    """`text` with the samples' names replaced by a story's, and its
    figures by the story's own."""
    for role, originals in sorted(NAMES.items(), key=lambda kv: -max(map(len, kv[1]))):
        for original in sorted(originals, key=len, reverse=True):
            text = text.replace(original, rng.choice(names[role]))
            text = text.replace(original.upper(), rng.choice(names[role]).upper())
    words = names["words"]

    def word(m):
        w = m.group()
        new = words.get(w.lower())
        if new is None:
            return w
        return new.upper() if w.isupper() and len(w) > 1 else new.capitalize() if w[0].isupper() else new
    text = re.sub(r"[A-Za-z]+", word, text)
    return re.sub(r"\d+", lambda m: str(rng.randint(2, 99) * (10 ** (len(m.group()) - 1))), text)


def make_wire(rng, chain, seen, names, agency, date):
    body = [put_names(chain.sentence(rng, seen), names, rng) for _ in range(rng.randint(9, 14))]
    capital = names["capital"][0]
    lede = f"{capital}, {date.strftime('%b')} {date.day} ({agency}) {body[0]}"
    paras, i = [lede], 1
    while i < len(body):
        n = rng.choice((1, 1, 2))
        paras.append(" ".join(body[i:i + n]))
        i += n
    return "\n\n".join(paras)


def curly(text):
    return re.sub(r'"([^"]*)"', "“\\1”", text)


def read_also(rng, names):
    return f"Read also: {put_names(rng.choice(['Protests in Belarus Spread to Minsk Factories', 'Opposition Candidate in Belarus Flees', 'Belarus Election Results Disputed']), names, rng)}"


def swap_word(words, rng, names):
    swap = names["swap"]
    spots = [i for i, w in enumerate(words) if w.strip(",.;:“”\"") in swap]
    if not spots:
        return False
    i = rng.choice(spots)
    bare = words[i].strip(",.;:“”\"")
    words[i] = words[i].replace(bare, swap[bare])
    return True


def edited(rng, wire, chain, seen, names):
    paras = wire.split("\n\n")
    for _ in range(rng.randint(1, 2)):
        if len(paras) > 4:
            del paras[rng.randrange(1, len(paras))]
    out = []
    for p in paras:
        words = p.split(" ")
        if rng.random() < 0.35:
            op = rng.random()
            if op < 0.5:
                swap_word(words, rng, names)
            elif op < 0.75 and len(words) > 8:
                del words[rng.randrange(1, len(words) - 1)]
            else:
                words.insert(rng.randrange(1, len(words)), rng.choice(["also", "reportedly", "again", "now"]))
        out.append(" ".join(words))
    out.append(put_names(chain.sentence(rng, seen), names, rng))
    return "\n\n".join(out)


def paraphrased(rng, wire, chain, seen, names, outlet):
    """Kompas's treatment of AP (see the module header)."""
    paras = wire.split("\n\n")
    sentences = [s for p in paras for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", p)]
    first = re.sub(r"^.*?\(\w+\)\s*", "", sentences[0])
    rest = sentences[1:]
    keep = max(4, int(len(rest) * rng.uniform(0.6, 0.8)))
    rest = sorted(rng.sample(range(len(rest)), min(keep, len(rest))))
    rest = [sentences[1 + i] for i in rest]
    out = []
    i = 0
    while i < len(rest):
        s = rest[i]
        roll = rng.random()
        if roll < 0.15 and i + 1 < len(rest):
            # two sentences made one
            s = s.rstrip(".") + ", and " + rest[i + 1][0].lower() + rest[i + 1][1:]
            i += 1
        elif roll < 0.3 and ", " in s:
            # one sentence made two
            a, b = s.split(", ", 1)
            s = a + ". " + b[0].upper() + b[1:]
        if rng.random() < 0.6:
            words = s.split(" ")
            for _ in range(rng.randint(1, 3)):
                swap_word(words, rng, names)
            s = " ".join(words)
        out.append(s)
        i += 1
    for _ in range(len(out) // 4):
        j = rng.randrange(len(out) - 1)
        out[j], out[j + 1] = out[j + 1], out[j]
    capital = names["capital"][0].upper()
    lede = f"{capital}, {outlet.upper() if rng.random() < 0.5 else outlet} - {put_names(chain.sentence(rng, seen), names, rng)}"
    out = [lede, first] + out
    out.insert(rng.randrange(2, len(out)), read_also(rng, names))
    return "\n".join(out)


def verbatim(rng, wire, names):
    text = wire
    if rng.random() < 0.5:
        text = curly(text)
        paras = text.split("\n\n")
        paras.insert(rng.randrange(1, len(paras)), read_also(rng, names))
        text = "\n\n".join(paras)
    return text


def same_topic(rng, independent, names):
    picked = rng.sample(independent, rng.randint(8, 14))
    return "\n\n".join(put_names(s, names, rng) for s in picked)


def vocabulary(sentences):
    """The samples' content words, lower case, in a fixed order."""
    names = {n.lower() for ns in NAMES.values() for full in ns for n in full.split()}
    found = {w.lower() for s in sentences for w in re.findall(r"[A-Za-z]+", s)}
    found |= {w.lower() for pair in SYNONYMS for side in pair for w in side.split()}
    return sorted(w for w in found if len(w) > 2 and w not in STOP and w not in names)


def generate(out_dir, articles=10_000, wires=200, seed=17):
    rng = random.Random(seed)
    wire_side, independent = samples()
    topic = vocabulary(wire_side + independent)
    # Wires walk the wire side only: a wire that reproduced a run of NPR's
    # sentences would share text with the independent reports made of them.
    chain = Markov(wire_side)
    seen = set(wire_side + independent)
    start = datetime.date(2020, 8, 1)

    def wire_record(k, held_out):
        date = start + datetime.timedelta(days=rng.randrange(31))
        names = story_names(rng, topic)
        agency = rng.choice(AGENCIES)
        return {"id": f"{'x' if held_out else 'w'}{k:04d}", "source": agency, "date": date.isoformat(),
                "text": make_wire(rng, chain, seen, names, agency, date)}, names

    wire_set = [wire_record(k, False) for k in range(wires)]
    held_out = [wire_record(k, True) for k in range(max(10, wires // 5))]

    truth, out = [], []
    shares = [("verbatim", 0.08), ("edited", 0.12), ("paraphrased", 0.15),
              ("same-topic", 0.25), ("unrelated", 0.40)]
    for n in range(articles):
        roll, kind = rng.random(), None
        for kind, share in shares:
            if roll < share:
                break
            roll -= share
        aid = f"a{n:06d}"
        outlet = rng.choice(OUTLETS)
        if kind == "unrelated":
            (w, names) = rng.choice(held_out)
            derive = rng.choice(KINDS_DERIVED + ("same-topic",))
            if derive == "same-topic":
                names = story_names(rng, topic)
        else:
            (w, names) = rng.choice(wire_set)
            derive = kind
        date = datetime.date.fromisoformat(w["date"]) + datetime.timedelta(days=rng.randrange(4))
        if derive == "verbatim":
            text = verbatim(rng, w["text"], names)
        elif derive == "edited":
            text = edited(rng, w["text"], chain, seen, names)
        elif derive == "paraphrased":
            text = paraphrased(rng, w["text"], chain, seen, names, outlet)
        else:
            text = same_topic(rng, independent, names)
            date = start + datetime.timedelta(days=rng.randrange(35))
        out.append({"id": aid, "source": outlet, "date": date.isoformat(), "text": text})
        if kind != "unrelated":
            truth.append({"wire": w["id"], "article": aid, "kind": kind})

    # A good article that holds U+FFFD itself, as scraped copy does (a quote
    # mark lost upstream): compared like any other, never taken for a line
    # that is not UTF-8. (Not out[1], whose id is duplicated below.)
    verbatim_ids = {t["article"] for t in truth if t["kind"] == "verbatim"}
    held = next(r for r in out[2:] if r["id"] in verbatim_ids)
    held["text"] = held["text"].replace(" ", " \ufffd", 1)

    # Bad records, each with what the job must say is wrong with it.
    day = start.isoformat()
    bad = [
        ({"id": "bad-empty", "source": "Lagos Herald", "date": day, "text": "  \n "}, "empty"),
        ({"id": "bad-binary", "source": "Lagos Herald", "date": day,
          "text": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + "\x00\x07\x13" * 40}, "binary"),
        ({"id": "bad-oversize", "source": "Lagos Herald", "date": day,
          "text": (wire_set[0][0]["text"] + "\n\n") * (SIZE_LIMIT // len(wire_set[0][0]["text"]) + 2)}, "too large"),
        ({"id": out[1]["id"], "source": "Copy Desk", "date": day, "text": out[1]["text"] + " Updated."}, "duplicate"),
        ({"id": "no-words-1", "source": "Lagos Herald", "date": day,
          "text": "It is what it was, and they said so to us."}, "no content words"),
    ]
    lines = [json.dumps(r).encode() for r in out]
    for record, _ in bad:
        lines.insert(rng.randrange(len(lines)), json.dumps(record).encode())
    not_utf8 = b'{"id": "bad-bytes", "source": "Lagos Herald", "date": "' + day.encode() + b'", "text": "Minsk \xff\xfe workers \xc3("}'
    malformed = b'{"id": "bad-json", "source": "Lagos Herald", "text": "unterminated'
    lines.insert(rng.randrange(len(lines)), not_utf8)
    lines.insert(rng.randrange(len(lines)), malformed)
    expected_bad = [{"id": r["id"], "what": what} for r, what in bad]
    expected_bad.append({"id": out[1]["id"], "what": "duplicate"})
    expected_bad += [{"id": "bad-bytes", "what": "not UTF-8"}, {"id": None, "what": "malformed"}]
    # The first record of the duplicated id is reported too, so it has no truth.
    truth = [t for t in truth if t["article"] != out[1]["id"]]

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "wires.jsonl").write_text("".join(json.dumps(w) + "\n" for w, _ in wire_set))
    (out_dir / "articles.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (out_dir / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth))
    (out_dir / "bad.jsonl").write_text("".join(json.dumps(b) + "\n" for b in expected_bad))
    return {"wires": len(wire_set), "articles": len(out), "bad": len(expected_bad), "truth": len(truth)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--wires", type=int, default=200)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    counts = generate(args.out_dir, args.articles, args.wires, args.seed)
    print(json.dumps(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
