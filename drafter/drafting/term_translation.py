"""Key terms of a request that a best article in the other language states in its own words.

An English mail whose best article exists only in German (or the reverse) can never contain
the mail's words: "electricity" is "Strom" there, "mandatory" is "Pflicht". Counted as
missing, such terms made the gap decision (drafter.drafting.gap_verdict) flag mails the
article answers. With `encode`, the index's multilingual encoder running in this process
(USE; texts -> unit vectors, drafter.drafting.closeness.Embed), a term counts as stated when
some word of the article means the same (the cosine of the two word vectors is at least
TRANSLATED_MIN) or is the same word ("Router").

The article's word vectors are computed once per article text and kept (a few hundred words,
0.2-1 s on first use); a term costs one small encode. Without a local encoder (a remote
embedding endpoint must not see mail words for a side use) nothing is translated.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import numpy as np

from drafter.drafting.closeness import Embed

#: a term counts as stated by an article word at least this close (USE cosine): "electricity"
#: / "Strom" 0.83, "mandatory" / "Pflicht" 0.76, "rented" / "mieten" 0.71; unrelated pairs of
#: the dev sets' gaps stay below ("subsidy" / "Versorgung" 0.56, "discount" / "Preissenkung"
#: 0.61)
TRANSLATED_MIN = 0.7
#: articles whose word vectors are kept
_KEPT = 64

_WORD = re.compile(r"[^\W\d_][\w-]*[^\W\d_]")
_vocabularies: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()
_lock = threading.Lock()


def _vocabulary(article: str, encode: Embed) -> tuple[list[str], np.ndarray]:
    """The article's distinct words (lower case, 4+ letters) and their unit vectors."""
    with _lock:
        if article in _vocabularies:
            _vocabularies.move_to_end(article)
            return _vocabularies[article]
    words = sorted({w.lower() for w in _WORD.findall(article) if len(w) >= 4})
    vectors = encode(words) if words else np.zeros((0, 1), dtype=np.float32)
    with _lock:
        _vocabularies[article] = (words, vectors)
        while len(_vocabularies) > _KEPT:
            _vocabularies.popitem(last=False)
    return words, vectors


def untranslated(missing: list[str], article: str, encode: Embed) -> list[str]:
    """The terms of `missing` (not in the other-language `article`) that no word of the
    article means either (see the module docstring)."""
    if not missing:
        return missing
    words, vectors = _vocabulary(article, encode)
    if not words:
        return missing
    known = set(words)
    asked = [t for t in missing if t.lower() not in known]
    if not asked:
        return []
    closest = (encode(asked) @ vectors.T).max(axis=1)
    return [t for t, c in zip(asked, closest, strict=True) if float(c) < TRANSLATED_MIN]
