"""The pure parts of retrieval: fusion of the signals, leaving articles out, the gap model fit."""

from __future__ import annotations

import numpy as np

from drafter.knowledge import gap
from drafter.knowledge.fusion import (
    CROSS_LANGUAGE_DENSE,
    OTHER_LANGUAGE_FACTOR,
    Signals,
    prefer_language,
    rrf,
    weighted,
    without,
)


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


def _english_question() -> tuple[Signals, np.ndarray]:
    """An English question over en-billing, en-moving (words shared with the question) and
    de-balkonkraftwerk (German: no shared stems, but the closest in meaning)."""
    signals = Signals(
        lang="en",
        tokens=["regist", "balconi", "solar", "meter"],
        word=np.array([6.0, 4.0, 0.0]),
        gram=np.array([14.0, 10.0, 0.0]),
        dense=np.array([0.38, 0.33, 0.55]),
        dense_hit=np.array([True, True, True]),
    )
    return signals, np.array(["en", "en", "de"])


def test_the_german_article_closest_in_meaning_outranks_english_word_matches() -> None:
    signals, langs = _english_question()
    fused = weighted(signals)
    assert int(np.argmax(prefer_language(fused, signals, langs, cross_dense=0.0))) == 0
    scores = prefer_language(fused, signals, langs)
    assert int(np.argmax(scores)) == 2
    assert scores[2] == CROSS_LANGUAGE_DENSE * 0.55


def test_an_other_language_article_not_closest_in_meaning_keeps_the_penalty() -> None:
    signals, langs = _english_question()
    signals.dense[2] = 0.37  # an English article (0.38) is closer in meaning
    fused = weighted(signals)
    scores = prefer_language(fused, signals, langs)
    assert scores[2] == fused[2] * OTHER_LANGUAGE_FACTOR
    assert int(np.argmax(scores)) == 0
    # same-language articles are never changed
    assert np.array_equal(scores[:2], fused[:2])


def test_an_other_language_article_with_a_twin_in_the_question_language_is_not_rescued() -> None:
    # de-balkonkraftwerk is the closest in meaning, but the KB has its English translation
    # (en-billing here): the English mail is answered from the English article
    signals, langs = _english_question()
    fused = weighted(signals)
    scores = prefer_language(fused, signals, langs, twinned=np.array([False, False, True]))
    assert scores[2] == fused[2] * OTHER_LANGUAGE_FACTOR
    assert int(np.argmax(scores)) == 0
    untwinned = prefer_language(fused, signals, langs, twinned=np.array([False, False, False]))
    assert int(np.argmax(untwinned)) == 2  # no twin: the rescue still lifts it
