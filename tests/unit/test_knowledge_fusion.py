"""The pure parts of retrieval: fusion of the signals, leaving articles out, the gap model fit."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.knowledge import gap
from drafter.knowledge.fusion import (
    CROSS_LANGUAGE_DENSE,
    CROSS_LANGUAGE_MARGIN,
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
    # it scores like the best English article, scaled by how much closer in meaning it is
    assert scores[2] == pytest.approx(max(fused[0] * 0.55 / 0.38, CROSS_LANGUAGE_DENSE * 0.55))


def test_an_untwinned_article_not_quite_as_close_in_meaning_ranks_just_below_the_best() -> None:
    # 0.37 against the English article's 0.38: within CROSS_LANGUAGE_MARGIN, so the German
    # article is among the passages (second), not buried under English word matches
    signals, langs = _english_question()
    signals.dense[2] = 0.38 - CROSS_LANGUAGE_MARGIN / 2
    signals.dense[1] = 0.36
    fused = weighted(signals)
    scores = prefer_language(fused, signals, langs)
    assert list(np.argsort(-scores)) == [0, 2, 1]
    assert fused[2] * OTHER_LANGUAGE_FACTOR < fused[1]  # the old penalty put it last


def test_an_other_language_article_not_closest_in_meaning_keeps_the_penalty() -> None:
    signals, langs = _english_question()
    signals.dense[2] = 0.33  # an English article (0.38) is clearly closer in meaning
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


def test_an_other_language_best_article_is_supported_by_meaning_not_by_absent_words() -> None:
    # the lexical features of a German article for an English question are 0 by construction;
    # set to their fitted mean, the dense ones decide
    values = gap.MEAN.copy()
    for name in gap.LEXICAL:
        values[gap.FEATURES.index(name)] = 0.0
    assert gap.support(values) < 0.05
    imputed = gap.across_languages(values)
    assert gap.support(imputed) > 10 * gap.support(values)
    dense = gap.FEATURES.index("dense")
    assert imputed[dense] == values[dense]  # meaning is kept as measured
