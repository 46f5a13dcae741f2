"""wirediff: how an outlet rewrote a wire story, word by word.

The engine the page runs, as a Python module. Results are dicts in the
schema of the JSON API (`wirediff --json`, docs/cli.md): offsets count
UTF-16 code units, as in JavaScript. Options are the page's, by their
JavaScript names (``{"ignoreCase": True}``); a bad one raises ValueError
with the engine's message. Each call releases the GIL while it compares.
"""

import json

from . import _native

__all__ = ["compare", "compare_many", "default_options", "check_options",
           "check_index", "signature", "band_keys", "similarity", "candidates",
           "refusal"]
__version__ = _native.__version__


def _options(options):
    return None if options is None else json.dumps(options)


def compare(source, compare, options=None):
    """Compares `source` (the wire story) with `compare` (the version to
    examine): a Comparison dict."""
    return json.loads(_native.compare(source, compare, _options(options)))


def compare_many(source, versions, options=None):
    """Compares `source` with each of `versions`: a ManyComparison dict
    (each pairwise result and the reuse matrix)."""
    return json.loads(_native.compare_many(source, list(versions), _options(options)))


def default_options():
    """The options every comparison starts from."""
    return json.loads(_native.default_options())


def check_options(options=None):
    """`options` over the defaults, as a comparison would use them; raises
    the ValueError a comparison would for options it refuses."""
    return json.loads(_native.check_options(_options(options)))


def check_index(index=None):
    """The candidate index's options over their defaults (shingleWords,
    bands, rows, seed, minSimilarity); raises ValueError for ones it
    refuses."""
    return json.loads(_native.check_index(_options(index)))


def signature(text, options=None, index=None):
    """The text's MinHash signature over its content words, folded as the
    options fold them (`index`: shingleWords, bands, rows, seed; see
    docs/scale.md): a list of ints, empty for a text without content words."""
    return _native.signature(text, _options(options), _options(index))


def band_keys(signature, index=None):
    """One key per LSH band of `signature`: texts that share a key are a
    candidate pair."""
    return _native.band_keys(list(signature), _options(index))


def similarity(a, b):
    """The estimated Jaccard similarity of two signatures."""
    return _native.similarity(list(a), list(b))


def candidates(wires, articles, options=None, index=None):
    """Every (wire, article, similarity) whose texts share a band key and
    are at least `minSimilarity` alike, by their positions in the two
    lists, sorted; on one machine."""
    return _native.candidates(list(wires), list(articles), _options(options), _options(index))


def refusal(text):
    """Why `text` cannot be compared, as (kind, words): ("emptyText", "is
    empty"), ("binaryText", "is a PDF document, not text"); None when it
    can. The same check as `wirediff batch` makes of a record's text."""
    return _native.refusal(text)
