"""The knowledge-gap decision: does the best article found actually answer the question?

A small logistic model over signals of one search (`FEATURES`): how similar the best article
is in meaning (dense cosine) and in words (saturated BM25), how much of the query's content
words and character 4-grams the best article covers, its margin to the runner-up, whether
the lexical and dense rankings agree on it, and whether a question asking for a number or a
date finds one in it. `support()` is the model's probability that the knowledge base answers
the question; below the threshold the draft gets a `kb_gap` warning.

The coefficients and the threshold were fitted by benchmarks/bench_retrieval.py on in-domain
negatives: each question of the shared retrieval sets and of the sample KB's golden cases
asked again with its gold article(s) excluded from the candidates (leave-one-article-out),
against the same questions with the gold article present. The benchmark reports each set
held out of the fit (leave-one-set-out) in docs/benchmarks.md. DRAFTER_KB_GAP_THRESHOLD
overrides the threshold (a probability in 0..1).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

import numpy as np

from drafter.knowledge.fusion import Signals, ranks
from drafter.knowledge.lexical import char_grams

FEATURES = (
    "dense",  # cosine of the best article
    "dense_best",  # best cosine of any article
    "word",  # saturated BM25 (stems) of the best article
    "gram",  # saturated BM25 (character 4-grams) of the best article
    "cover",  # share of the query's distinct stems found in the best article
    "idf_cover",  # the same weighted by each stem's IDF over the articles (unknown: max)
    "gram_cover",  # share of the query's distinct 4-grams found in the best article
    "kb_cover",  # share of the query's distinct stems found in any article
    "missing_idf",  # highest IDF (scaled 0..1) of a query stem the best article lacks
    "dense_margin",  # cosine of the best article minus the best cosine of the others
    "lexical_margin",  # same for the saturated word BM25
    "agree",  # mean of 1/rank of the best article in the dense and the lexical ranking
    "answer_type",  # 0 when the question asks for a number/date and the article has none
    "query_len",  # log(1 + distinct query stems)
)

# Fitted by benchmarks/bench_retrieval.py (all sets; see its leave-one-set-out figures).
MEAN = np.array(
    [
        0.5349,
        0.5553,
        0.0850,
        0.2864,
        0.5201,
        0.4604,
        0.6229,
        0.8541,
        0.7276,
        0.0375,
        0.0165,
        0.7333,
        0.9934,
        1.7940,
    ]
)
SCALE = np.array(
    [
        0.2068,
        0.1969,
        0.0653,
        0.1539,
        0.2722,
        0.2883,
        0.2352,
        0.1981,
        0.3304,
        0.1009,
        0.0446,
        0.2461,
        0.0808,
        0.5286,
    ]
)
WEIGHTS = np.array(
    [
        0.2925,
        0.0791,
        0.8470,
        0.0823,
        -0.4284,
        0.1598,
        0.7266,
        0.3185,
        0.3913,
        0.4515,
        0.5688,
        -0.0340,
        0.0168,
        -0.6130,
    ]
)
BIAS = 0.0676
THRESHOLD = 0.30  # support below this: knowledge gap

_NUMBER_QUESTION = re.compile(
    r"\b(wie ?viele?|wie hoch|wie lange?|wie teuer|wie alt|wie weit|wann|bis wann|ab wann|"
    r"in welchem jahr|wieviel|welche[rsnm]? (jahr|datum|betrag|summe|preis|frist)|"
    r"how (much|many|long|old|far|high|large|big)|when|what year|which year|what percentage|"
    r"what date)\b",
    re.I,
)
_NUMBER = re.compile(
    r"\d|\b(januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    r"january|february|march|june|july|october|december|hundert|tausend|million|hundred|"
    r"thousand|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|two|three|four|five|"
    r"six|seven|eight|nine|ten|twelve)\b",
    re.I,
)


Postings = Callable[[str], np.ndarray]  # token -> indices of the articles containing it


def _present(
    tokens: Sequence[str], postings: Postings, top: int, excluded: frozenset[int]
) -> tuple[list[int], list[bool]]:
    """Per token: the number of (not excluded) articles containing it, and whether `top` does."""
    counts, in_top = [], []
    for token in tokens:
        articles = postings(token)
        if excluded and len(articles):
            articles = articles[~np.isin(articles, list(excluded))]
        counts.append(len(articles))
        in_top.append(bool(np.any(articles == top)))
    return counts, in_top


def features(
    signals: Signals,
    fused: np.ndarray,
    top: int,
    query: str,
    word_postings: Postings,
    gram_postings: Postings,
    article_text: Callable[[int], str],
) -> np.ndarray:
    """The feature vector (order of FEATURES) for the best article `top` of one search."""
    word, gram = signals.saturated()
    hits = signals.dense_hit
    dense = np.where(hits, signals.dense, 0.0)
    others = np.ones(len(fused), dtype=bool)
    others[top] = False
    dense_other = float(dense[others].max()) if others.any() else 0.0
    word_other = float(word[others].max()) if others.any() else 0.0
    stems = sorted(set(signals.tokens))
    n = max(1, len(fused) - len(signals.excluded))
    counts, in_top = _present(stems, word_postings, top, signals.excluded)
    idf = np.array([math.log((n + 1) / (c + 0.5)) for c in counts]) / math.log((n + 1) / 0.5)
    covered = np.array(in_top, dtype=bool)
    cover = float(covered.mean()) if stems else 0.0
    idf_cover = float(idf[covered].sum() / idf.sum()) if stems and idf.sum() > 0 else 0.0
    kb_cover = float(np.mean([c > 0 for c in counts])) if stems else 0.0
    missing_idf = float(idf[~covered].max()) if (~covered).any() else 0.0
    grams = sorted(set(char_grams(stems)))
    _gram_counts, gram_in_top = _present(grams, gram_postings, top, signals.excluded)
    gram_cover = float(np.mean(gram_in_top)) if grams else 0.0
    dense_rank = ranks(dense, hits)[top]
    lexical = word + gram
    lexical_rank = ranks(lexical, lexical > 0)[top]
    agree = (_inverse(dense_rank) + _inverse(lexical_rank)) / 2
    answer_type = 1.0
    if _NUMBER_QUESTION.search(query) and not _NUMBER.search(article_text(top)):
        answer_type = 0.0
    return np.array(
        [
            float(dense[top]),
            float(dense.max()) if len(dense) else 0.0,
            float(word[top]),
            float(gram[top]),
            cover,
            idf_cover,
            gram_cover,
            kb_cover,
            missing_idf,
            float(dense[top]) - dense_other,
            float(word[top]) - word_other,
            agree,
            answer_type,
            math.log1p(len(stems)),
        ]
    )


def _inverse(rank: float) -> float:
    return 1.0 / rank if rank else 0.0


def support(values: np.ndarray) -> float:
    """Probability (0..1) that the best article answers the question."""
    z = float(np.dot((values - MEAN) / SCALE, WEIGHTS) + BIAS)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """(mean, scale, weights, bias) of an L2-regularised logistic regression (Newton steps).

    Used by the benchmark to fit the constants above; y = 1 for answerable questions.
    """
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return mean, scale, w[:-1], float(w[-1])


def predict(x: np.ndarray, model: Sequence[object]) -> np.ndarray:
    """Support of each row of x under a (mean, scale, weights, bias) model from fit_logistic."""
    mean, scale, weights, bias = model
    z = ((x - mean) / scale) @ weights + bias  # type: ignore[operator]
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))
