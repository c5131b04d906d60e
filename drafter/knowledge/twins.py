"""Twins: an article and its translation in the other language of the knowledge base.

The sample KB (and a real bilingual one) writes most articles twice, once per language,
without saying which pairs belong together. Retrieval needs to know: an English mail should
be answered from the English article where one exists, and from a German one only when the
KB has no English version of it (drafter.knowledge.fusion.prefer_language). An article's
content vector is the normalised mean of its body-chunk vectors (the multilingual encoder
puts a translation close to its original); an article has a twin in language L when its
closest article in L has a content cosine of at least TWIN_COSINE and the closeness is
mutual (that article's closest one in the first article's language is the first article).
On the sample KB five German articles on a neighbouring topic reached 0.75-0.76 to an
English article whose own translation is closer (de-portal-registrierung to en-portal-login),
and an English mail about registering was answered from the login article. TWIN_COSINE was
chosen leave-one-set-out on the bilingual question sets (benchmarks/retrieval_language.py):
true translations score 0.72-0.88; with mutual closeness required (session 17) every fold
chose 0.65 (before: 0.75), which also pairs de-glasfaser-installation/en-fibre-installation
(0.72) and de-zaehlerwechsel/en-meter-replacement (0.67).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

TWIN_COSINE = 0.65
BLOCK = 1024  # articles compared at once


def closest_by_language(
    vectors: np.ndarray, chunk_article: Sequence[int], article_lang: np.ndarray
) -> dict[str, np.ndarray]:
    """For every language L of the KB: each article's content cosine to its closest article in
    L other than itself, when the closeness is mutual (that article's closest one in the first
    article's language is the first article); -1 otherwise, and when L has none. `vectors` are
    the body-chunk vectors, row i belonging to article `chunk_article[i]`.

    A translation and its original are each other's closest articles; an article on a
    neighbouring topic is often closest to an article whose own translation is closer still
    (de-portal-registrierung -> en-portal-login, whose twin is de-portal-login): it has no twin.
    """
    n = len(article_lang)
    out: dict[str, np.ndarray] = {}
    if n == 0 or len(vectors) == 0:
        return out
    content = np.zeros((n, vectors.shape[1]), dtype=np.float64)
    np.add.at(content, np.asarray(chunk_article, dtype=np.int64), vectors)
    norms = np.linalg.norm(content, axis=1, keepdims=True)
    content = np.divide(content, norms, out=np.zeros_like(content), where=norms > 0)
    langs = sorted({str(x) for x in article_lang})
    best: dict[str, np.ndarray] = {}
    nearest: dict[str, np.ndarray] = {}  # index of the closest article in L (-1: none)
    for lang in langs:
        cols = np.flatnonzero(article_lang == lang)
        best[lang] = np.full(n, -1.0)
        nearest[lang] = np.full(n, -1, dtype=np.int64)
        for start in range(0, n, BLOCK):  # bounded memory for a large KB
            rows = np.arange(start, min(n, start + BLOCK))
            sims = content[rows] @ content[cols].T
            sims[rows[:, None] == cols[None, :]] = -1.0  # not itself
            at = sims.argmax(axis=1)
            best[lang][rows] = sims[np.arange(len(rows)), at]
            nearest[lang][rows] = np.where(best[lang][rows] > -1.0, cols[at], -1)
    for lang in langs:
        found = nearest[lang]
        back = np.array(
            [nearest[str(article_lang[i])][j] if j >= 0 else -1 for i, j in enumerate(found)]
        )
        out[lang] = np.where(back == np.arange(n), best[lang], -1.0)
    return out


def twinned(closest: dict[str, np.ndarray], lang: str, n: int) -> np.ndarray:
    """Which articles have a twin in `lang` (all False when the KB has no article in it)."""
    best = closest.get(lang)
    if best is None or len(best) != n:
        return np.zeros(n, dtype=bool)
    return np.asarray(best >= TWIN_COSINE)
