"""Fusion of the three retrieval signals (BM25 over stems, BM25 over character 4-grams of the
stems, dense cosine) into one per-article ranking score.

`Signals` holds one query's raw per-article scores; the fusions are pure functions of it, so
the product (`Retriever.search`) and the benchmark (which scores many variants from one
pass over the queries, benchmarks/bench_retrieval.py) run the same code.

Fusions:
- "rrf": reciprocal-rank fusion, sum of 1 / (RRF_K + rank) over the three rankings,
  divided by its maximum so the best possible article scores 1.0. RRF_K = 60 is the
  constant of the original RRF paper, not tuned here.
- "weighted": DENSE_WEIGHT x cosine + (1 - DENSE_WEIGHT) / 2 x (sat(bm25 words) +
  sat(bm25 grams)), with sat(x) = x / (x + c), c = SATURATION x idf_scale. Two parameters;
  the benchmark picks them from a grid by leave-one-set-out.
- "norm": the mean of the three signals, each divided by its best value for the query
  (parameter-free).

The product default `FUSION` is the one chosen by leave-one-set-out cross-validation in the
benchmark (see docs/benchmarks.md, section Retrieval).

`prefer_language` then ranks articles in the query's language first (the reply is written in
it): other-language articles get OTHER_LANGUAGE_FACTOR of their fused score. Their words are
stemmed in their own language, so the lexical signals of an English question never match a
German article; when such an article is still the closest in meaning (its dense cosine is at
least every same-language article's), it scores CROSS_LANGUAGE_DENSE x cosine instead if that
is higher -- unless it has a twin in the query's language (drafter.knowledge.twins): then the
mail is answered from the twin. CROSS_LANGUAGE_DENSE was chosen leave-one-set-out on the
sample KB's question sets (benchmarks/retrieval_language.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

Fusion = Literal["rrf", "weighted", "norm"]

FUSION: Fusion = "weighted"
RRF_K = 60.0
DENSE_WEIGHT = 0.3
SATURATION = 64.0  # for raw BM25 of a 1,000-chunk index (scaled by `idf_scale`)
OTHER_LANGUAGE_FACTOR = 0.75  # articles not in the query's language rank lower, not out
CROSS_LANGUAGE_DENSE = 0.65  # an other-language article closest in meaning: this x cosine


@dataclass
class Signals:
    """One query's raw per-article scores (index = the retriever's article order)."""

    lang: str
    tokens: list[str]
    word: np.ndarray  # best BM25 (stems) of the article's chunks, 0 = no shared word
    gram: np.ndarray  # best BM25 (character 4-grams of the stems)
    dense: np.ndarray  # best cosine of the article's chunk/title vectors
    dense_hit: np.ndarray  # bool: the article was among the dense candidates
    idf_scale: float = 1.0  # log(1 + chunks) / log(1 + 1000): BM25 grows with the index
    word_chunk: dict[int, str] = field(default_factory=dict)
    dense_chunk: dict[int, str] = field(default_factory=dict)
    excluded: frozenset[int] = frozenset()  # articles left out (evaluation of the gap model)

    def saturated(self, saturation: float = SATURATION) -> tuple[np.ndarray, np.ndarray]:
        """BM25 of words and grams mapped to [0, 1) independently of the other articles."""
        c = saturation * self.idf_scale
        return self.word / (self.word + c), self.gram / (self.gram + c)


def without(signals: Signals, indices: Iterable[int]) -> Signals:
    """A copy of the signals with these articles removed (scored as absent from the index)."""
    drop = list(indices)
    copy = replace(
        signals,
        word=signals.word.copy(),
        gram=signals.gram.copy(),
        dense=signals.dense.copy(),
        dense_hit=signals.dense_hit.copy(),
        excluded=signals.excluded | frozenset(drop),
    )
    if drop:
        copy.word[drop] = 0.0
        copy.gram[drop] = 0.0
        copy.dense[drop] = 0.0
        copy.dense_hit[drop] = False
    return copy


def ranks(values: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """1-based rank of every article by `values` (descending); invalid ones get 0."""
    order = np.argsort(-values, kind="stable")
    out = np.zeros(len(values), dtype=np.float64)
    out[order] = np.arange(1, len(values) + 1)
    return np.where(valid, out, 0.0)


def rrf(
    signals: Signals, k: float = RRF_K, parts: Iterable[str] = ("word", "gram", "dense")
) -> np.ndarray:
    """Reciprocal-rank fusion scaled to [0, 1]; an article missing from a ranking gets 0 there."""
    total = np.zeros(len(signals.word), dtype=np.float64)
    used = 0
    for part in parts:
        values = getattr(signals, part)
        valid = signals.dense_hit if part == "dense" else values > 0
        r = ranks(values, valid)
        total += np.where(r > 0, 1.0 / (k + np.maximum(r, 1.0)), 0.0)
        used += 1
    return total / (used / (k + 1.0))


def weighted(
    signals: Signals, dense_weight: float = DENSE_WEIGHT, saturation: float = SATURATION
) -> np.ndarray:
    """The absolute weighted fusion (dense weight; the rest split evenly over words/grams)."""
    word, gram = signals.saturated(saturation)
    lexical_weight = (1.0 - dense_weight) / 2
    fused = dense_weight * signals.dense + lexical_weight * (word + gram)
    return np.asarray(np.minimum(fused, 1.0), dtype=np.float64)


def norm(signals: Signals) -> np.ndarray:
    """Mean of the three signals, each divided by its best value for this query."""
    total = np.zeros(len(signals.word), dtype=np.float64)
    for values in (signals.word, signals.gram, np.where(signals.dense_hit, signals.dense, 0.0)):
        top = float(values.max()) if len(values) else 0.0
        if top > 0:
            total += values / top
    return total / 3.0


def fuse(signals: Signals, fusion: Fusion = FUSION) -> np.ndarray:
    if fusion == "rrf":
        return rrf(signals)
    if fusion == "norm":
        return norm(signals)
    return weighted(signals)


def lexical_only(signals: Signals) -> np.ndarray:
    word, gram = signals.saturated()
    return np.asarray(0.5 * word + 0.5 * gram, dtype=np.float64)


def dense_only(signals: Signals) -> np.ndarray:
    return np.asarray(np.minimum(signals.dense, 1.0), dtype=np.float64)


def prefer_language(
    scores: np.ndarray,
    signals: Signals,
    article_lang: np.ndarray,
    factor: float = OTHER_LANGUAGE_FACTOR,
    cross_dense: float = CROSS_LANGUAGE_DENSE,
    twinned: np.ndarray | None = None,
) -> np.ndarray:
    """Fused scores with articles in the query's language preferred (see the module text).

    `article_lang` holds each article's language; `cross_dense` 0 turns the dense rescue of
    the closest other-language article off (the plain factor). `twinned` marks the articles
    that have a twin in the query's language (drafter.knowledge.twins): those are never
    rescued, the mail is answered from the twin in its own language."""
    same = article_lang == signals.lang
    out = np.where(same, scores, scores * factor)
    other = ~same & signals.dense_hit
    if twinned is not None:
        other &= ~twinned
    if cross_dense <= 0 or not other.any():
        return np.asarray(out, dtype=np.float64)
    mine = same & signals.dense_hit
    best_same = float(signals.dense[mine].max()) if mine.any() else 0.0
    closest = other & (signals.dense >= best_same)
    return np.asarray(np.where(closest, np.maximum(out, cross_dense * signals.dense), out))
