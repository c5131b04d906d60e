"""The pure parts of retrieval: fusion of the signals, leaving articles out, the gap model fit."""

from __future__ import annotations

import numpy as np

from drafter.knowledge import gap
from drafter.knowledge.fusion import Signals, rrf, weighted, without


def _signals() -> Signals:
    return Signals(
        lang="de",
        tokens=["abschlag", "erhoh"],
        word=np.array([9.0, 3.0, 0.0]),
        gram=np.array([20.0, 12.0, 1.0]),
        dense=np.array([0.8, 0.6, 0.3]),
        dense_hit=np.array([True, True, False]),
    )


def test_rrf_scales_an_article_first_everywhere_to_one() -> None:
    scores = rrf(_signals())
    assert scores[0] == 1.0
    assert scores[0] > scores[1] > scores[2]
    assert scores[2] > 0  # ranked by grams only


def test_without_leaves_the_article_out_of_every_signal() -> None:
    signals = _signals()
    removed = without(signals, [0])
    assert removed.excluded == frozenset({0})
    assert weighted(removed)[0] == 0.0 and rrf(removed)[0] == 0.0
    assert int(np.argmax(weighted(removed))) == 1
    assert signals.word[0] == 9.0  # the original is untouched


def test_fit_logistic_separates_and_predict_matches_support() -> None:
    rng = np.random.default_rng(3)
    x = np.vstack([rng.normal(1.0, 0.3, (50, 2)), rng.normal(-1.0, 0.3, (50, 2))])
    y = np.array([1.0] * 50 + [0.0] * 50)
    model = gap.fit_logistic(x, y)
    predicted = gap.predict(x, model)
    assert (predicted[:50] > 0.5).all() and (predicted[50:] < 0.5).all()
    mean, scale, weights, bias = model
    z = float(((x[0] - mean) / scale) @ weights + bias)
    assert abs(predicted[0] - 1 / (1 + np.exp(-z))) < 1e-9
