"""The text toolkit: the small text and measuring helpers several parts of drafter share.

One definition each, so retrieval, the extractive draft and the evaluation mean the same:
    stemmer(lang) / stem_words(words, lang)   one cached Snowball stemmer per language
    wordset(text)                              a frozenset of the whitespace-separated words
    stop_words(lang)                           retrieval stop words (bm25s lists + extras)
    bm25_scores(...)                           BM25 (Lucene variant, the retrieval index's)
    percentile(values, q)                      linear interpolation between ranks
    recall_at_k(...) / hit_at_k(...)           share of gold found in the top k / any found
Heavy libraries are imported on first use, so importing this module is cheap. The closing
formulas of a letter ("Mit freundlichen Grüßen", "Kind regards") are in drafter.closings.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

_STEMMER_NAMES = {"de": "german", "en": "english"}

# Words that say nothing about what a customer wants (on top of the usual stop words).
_EXTRA_STOP = {
    "de": {"bitte", "danke", "hallo", "gerne", "frage", "fragen", "mal", "eigentlich", "gibt"},
    "en": {"please", "thanks", "thank", "hello", "hi", "question", "questions", "would", "could"},
}

# --- words --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def stemmer(lang: str) -> Any:
    """The Snowball stemmer for a language ("de" German, anything else English)."""
    import Stemmer

    return Stemmer.Stemmer(_STEMMER_NAMES.get(lang, "english"))


def stem_words(words: Sequence[str], lang: str) -> list[str]:
    stems: list[str] = stemmer(lang).stemWords(list(words))
    return stems


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of a text (how word lists are written in code)."""
    return frozenset(text.split())


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    """Retrieval stop words: bm25s's German or English list plus request phrases."""
    from bm25s.stopwords import STOPWORDS_EN_PLUS, STOPWORDS_GERMAN

    base = STOPWORDS_GERMAN if lang == "de" else STOPWORDS_EN_PLUS
    return frozenset(w.lower() for w in base) | _EXTRA_STOP.get(lang, set())


# --- BM25 --------------------------------------------------------------------------------

K1 = 1.2
B = 0.75


def bm25_scores(
    query: Iterable[str],
    docs: Sequence[Sequence[str]],
    df: Counter[str],
    total: int,
    avg_len: float,
    *,
    k1: float = K1,
    b: float = B,
) -> list[float]:
    """BM25 of each document for the query terms, with document frequencies `df` over
    `total` documents of mean length `avg_len` (which may come from another corpus than
    `docs`, e.g. scoring a sentence's context with the sentences' statistics).

    idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part = tf (k1 + 1) / (tf + k1 (1 - b + b
    len / avg)) -- bm25s's default ("lucene") method, which the retrieval index uses, times
    the constant (k1 + 1) that bm25s leaves out (same ranking).
    """
    wanted = set(query)
    out: list[float] = []
    for doc in docs:
        counts = Counter(doc)
        score = 0.0
        for term in wanted & counts.keys():
            idf = math.log(1 + (total - df[term] + 0.5) / (df[term] + 0.5))
            tf = counts[term]
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / avg_len))
        out.append(score)
    return out


# --- measuring ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between ranks; 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = math.ceil(position)
    if low == high:
        return float(ordered[low])
    return float(ordered[low] + (ordered[high] - ordered[low]) * (position - low))


def recall_at_k(retrieved: Sequence[str], gold: Iterable[str], k: int) -> float | None:
    """Share of the gold articles among the first k retrieved; None without gold articles."""
    wanted = set(gold)
    if not wanted:
        return None
    return len(wanted & set(retrieved[:k])) / len(wanted)


def hit_at_k(retrieved: Sequence[str], gold: Iterable[str], k: int) -> float | None:
    """1.0 when any gold article is among the first k retrieved, else 0.0; None without gold."""
    wanted = set(gold)
    if not wanted:
        return None
    return 1.0 if wanted & set(retrieved[:k]) else 0.0
