"""Twins: an article and its translation in the other language of the knowledge base.

The sample KB (and a real bilingual one) writes most articles twice, once per language,
without saying which pairs belong together. Retrieval needs to know: an English mail should
be answered from the English article where one exists, and from a German one only when the
KB has no English version of it (drafter.knowledge.fusion.prefer_language). An article's
content vector is the normalised mean of its body-chunk vectors (the multilingual encoder
puts a translation close to its original); an article has a twin in language L when its
closest article in L has a content cosine of at least TWIN_COSINE. TWIN_COSINE was chosen
leave-one-set-out on the bilingual question sets (benchmarks/retrieval_language.py): on the
sample KB true translations score 0.72-0.88, articles on a neighbouring topic 0.58-0.70.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

TWIN_COSINE = 0.75
BLOCK = 1024  # articles compared at once


def closest_by_language(
    vectors: np.ndarray, chunk_article: Sequence[int], article_lang: np.ndarray
) -> dict[str, np.ndarray]:
    """For every language L of the KB: each article's best content cosine to an article in L
    other than itself (-1 when L has none). `vectors` are the body-chunk vectors, row i
    belonging to article `chunk_article[i]`."""
    n = len(article_lang)
    out: dict[str, np.ndarray] = {}
    if n == 0 or len(vectors) == 0:
        return out
    content = np.zeros((n, vectors.shape[1]), dtype=np.float64)
    np.add.at(content, np.asarray(chunk_article, dtype=np.int64), vectors)
    norms = np.linalg.norm(content, axis=1, keepdims=True)
    content = np.divide(content, norms, out=np.zeros_like(content), where=norms > 0)
    for lang in sorted({str(x) for x in article_lang}):
        cols = np.flatnonzero(article_lang == lang)
        best = np.full(n, -1.0)
        for start in range(0, n, BLOCK):  # bounded memory for a large KB
            rows = np.arange(start, min(n, start + BLOCK))
            sims = content[rows] @ content[cols].T
            sims[rows[:, None] == cols[None, :]] = -1.0  # not itself
            best[rows] = sims.max(axis=1)
        out[lang] = best
    return out


def twinned(closest: dict[str, np.ndarray], lang: str, n: int) -> np.ndarray:
    """Which articles have a twin in `lang` (all False when the KB has no article in it)."""
    best = closest.get(lang)
    if best is None or len(best) != n:
        return np.zeros(n, dtype=bool)
    return np.asarray(best >= TWIN_COSINE)
