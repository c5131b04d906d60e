"""Twins (drafter.knowledge.twins): an article's translation found by its content vector."""

from __future__ import annotations

import numpy as np

from drafter.knowledge.twins import TWIN_COSINE, closest_by_language, twinned


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float64)
    return v / np.linalg.norm(v)


def test_a_translation_is_a_twin_and_a_neighbouring_topic_is_not() -> None:
    # articles: 0 de-zahlungsarten, 1 de-smart-meter, 2 en-payment-methods, 3 en-meter-reading
    langs = np.array(["de", "de", "en", "en"])
    vectors = np.vstack(
        [
            _unit(1.0, 0.1, 0.0),  # de-zahlungsarten, chunk 1
            _unit(1.0, 0.0, 0.1),  # de-zahlungsarten, chunk 2
            _unit(0.0, 1.0, 0.0),  # de-smart-meter
            _unit(1.0, 0.05, 0.05),  # en-payment-methods
            _unit(0.0, 0.6, 0.8),  # en-meter-reading: a neighbour of the smart meter
        ]
    )
    closest = closest_by_language(vectors, [0, 0, 1, 2, 3], langs)
    assert closest["en"][0] > 0.99 and closest["en"][1] == 0.6
    assert twinned(closest, "en", 4).tolist() == [True, False, False, False]
    assert twinned(closest, "de", 4)[2]  # and the English one has its German twin
    assert 0.6 < TWIN_COSINE < 0.99


def test_no_article_in_the_language_means_no_twins() -> None:
    langs = np.array(["de", "de"])
    closest = closest_by_language(np.vstack([_unit(1.0, 0.0), _unit(0.9, 0.1)]), [0, 1], langs)
    assert not twinned(closest, "en", 2).any()
    assert twinned(closest, "de", 2).all()  # a near-duplicate in the same language
    assert closest_by_language(np.zeros((0, 2)), [], np.array([], dtype=str)) == {}
