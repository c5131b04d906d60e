"""Recall/precision thresholds and the exact round trip on a generated set (fixed seed).

The same generator and scorer as benchmarks/bench_privacy.py, on a smaller set: a change
that makes a recognizer miss or over-reach fails here, not only in the benchmark report.
"""

from __future__ import annotations

import pytest

from benchmarks.privacy_synth import STRUCTURED, Score, generate, score
from drafter.config import Settings
from drafter.privacy import Pseudonymizer


@pytest.fixture(scope="module")
def result() -> Score:
    docs = generate(400, seed=7)
    return score(docs, Pseudonymizer(Settings()))


def test_set_is_big_and_varied(result: Score) -> None:
    assert sum(result.gold.values()) >= 400
    for type_ in (*STRUCTURED, "NAME", "ADDRESS", "POSTCODE_CITY", "DOB"):
        assert result.gold[type_] > 0, type_


@pytest.mark.parametrize("type_", STRUCTURED)
def test_structured_identifiers(result: Score, type_: str) -> None:
    assert result.recall(type_) >= 0.99, [m for m in result.misses if m[0] == type_]
    assert result.precision(type_) >= 0.95, [f for f in result.false_positives if f[0] == type_]


@pytest.mark.parametrize("type_", ["NAME", "ADDRESS"])
def test_names_and_addresses(result: Score, type_: str) -> None:
    assert result.recall(type_) >= 0.90, [m for m in result.misses if m[0] == type_]


def test_restore_round_trip_is_exact_for_every_email(result: Score) -> None:
    assert result.round_trips == result.docs
