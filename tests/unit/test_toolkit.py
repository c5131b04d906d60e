"""drafter.toolkit: the one BM25 formula equals what the retrieval index (bm25s) computes,
one percentile, and recall@k (share of the gold) kept apart from hit@k (any gold)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from drafter.knowledge.lexical import Bm25Index, tokenize
from drafter.toolkit import K1, bm25_scores, hit_at_k, percentile, recall_at_k, stemmer

DOCS = [
    "Ihren Abschlag ändern Sie im Kundenportal unter Verträge.",
    "Den Zählerstand melden Sie online oder per Postkarte.",
    "Bei einem Umzug melden Sie den Zählerstand am Auszugstag.",
    "Der Abschlag wird monatlich per Lastschrift eingezogen; der Abschlag ist fest.",
]


def test_bm25_scores_equal_the_retrieval_index() -> None:
    docs = [tokenize(d, "de") for d in DOCS]
    query = tokenize("Abschlag Zählerstand melden", "de")
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    ours = bm25_scores(query, docs, df, len(docs), sum(map(len, docs)) / len(docs))
    index = Bm25Index.build(docs)
    # bm25s leaves out the constant factor (k1 + 1): same ranking, scaled scores
    assert np.allclose(ours, index.scores(query) * (K1 + 1), atol=1e-5)
    assert max(ours) > 0


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([], 95) == 0.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(101)), 95) == 95.0


def test_recall_is_the_share_of_gold_and_hit_is_any_gold() -> None:
    retrieved = ["a", "x", "y", "b", "z"]
    assert recall_at_k(retrieved, ["a", "b", "c", "d"], 5) == 0.5
    assert hit_at_k(retrieved, ["a", "b", "c", "d"], 5) == 1.0
    assert recall_at_k(retrieved, ["q"], 5) == 0.0 and hit_at_k(retrieved, ["q"], 1) == 0.0
    assert recall_at_k(retrieved, [], 5) is None


@pytest.mark.parametrize(("lang", "word", "stem"), [("de", "Zählerstände", "zahlerstand")])
def test_one_cached_stemmer_per_language(lang: str, word: str, stem: str) -> None:
    assert stemmer(lang) is stemmer(lang)
    assert stemmer(lang).stemWord(word.lower()) == stem
