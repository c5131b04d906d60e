"""Evaluation metrics against hand-computed values."""

from __future__ import annotations

import pytest

from drafter.evaluation.cache import Outcome
from drafter.evaluation.datasets import EvalCase
from drafter.evaluation.metrics import (
    CaseResult,
    aggregate,
    citation_precision,
    citations_valid,
    facts_found,
    leaked_values,
    normalise,
    reciprocal_rank,
    warning_rates,
)
from drafter.evaluation.runner import score_case
from drafter.models import Citation, Draft, DraftWarning, Passage
from drafter.toolkit import percentile, recall_at_k


def passage(kb_id: str) -> Passage:
    return Passage(kb_id=kb_id, title=kb_id.title(), text=f"text of {kb_id}")


def test_recall_and_reciprocal_rank() -> None:
    retrieved = ["a", "b", "c", "d", "e", "f"]
    assert recall_at_k(retrieved, ["b", "f"], 5) == 0.5  # f is 6th
    assert recall_at_k(retrieved, ["b", "f"], 6) == 1.0
    assert recall_at_k(retrieved, [], 5) is None
    assert reciprocal_rank(retrieved, ["c", "a"]) == 1.0
    assert reciprocal_rank(retrieved, ["d"]) == 0.25
    assert reciprocal_rank(retrieved, ["x"]) == 0.0
    assert reciprocal_rank(retrieved, []) is None


def test_citations_valid_only_for_retrieved_passages() -> None:
    passages = [passage("a"), passage("b")]
    ok = [Citation(n=2, kb_id="b", title="B")]
    assert citations_valid("Siehe [2] und [1, 2].", ok, passages)
    assert not citations_valid("Siehe [3].", [], passages)  # no third passage
    assert not citations_valid("Siehe [1].", [Citation(n=1, kb_id="b", title="B")], passages)
    assert not citations_valid("x", [Citation(n=1, kb_id="zzz", title="Z")], passages)
    assert citations_valid("no citations at all", [], passages)


def test_citation_precision() -> None:
    assert citation_precision(["a", "b", "b", "c"], ["a", "c", "d"]) == pytest.approx(2 / 3)
    assert citation_precision([], ["a"]) is None
    assert citation_precision(["a"], []) is None


def test_fact_coverage_normalises_dashes_spaces_case_and_euro() -> None:
    body = "Der Abschlag ist am 15. des\nMonats fällig, Hotline 0431 5577-112, Gebühr 10 €."
    facts = ["15. des Monats", "0431 5577–112", "10 EUR", "5 Werktage"]
    coverage, missing = facts_found(body, facts)
    assert coverage == 0.75 and missing == ["5 Werktage"]
    assert facts_found(body, []) == (None, [])
    assert normalise("A\u00a0–\u00adB  Euro") == "a -b eur"


def test_leaked_values_by_type_including_compact_numbers() -> None:
    values = [
        ("NAME", "Sabine Krüger"),
        ("IBAN", "DE89 3704 0044 0532 0130 00"),
        ("PHONE", "0171 2345678"),
        ("EMAIL", "nobody@example.org"),
        ("POSTCODE", "24"),  # too short to judge: ignored
    ]
    texts = ["Hallo [NAME_1], Frau sabine krüger", "IBAN DE89370400440532013000", "24"]
    assert leaked_values(values, texts) == ["NAME", "IBAN"]
    assert leaked_values(values, ["nichts Persönliches"]) == []


def test_percentile_interpolates() -> None:
    assert percentile([], 95) == 0.0
    assert percentile([10.0], 95) == 10.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    values = [float(v) for v in range(1, 21)]  # 1..20: position 0.95 * 19 = 18.05
    assert percentile(values, 95) == pytest.approx(19.05)


def _result(case_id: str, **kw: object) -> CaseResult:
    return CaseResult(case_id=case_id, prompt="reply", language_expected="de", **kw)  # type: ignore[arg-type]


def test_aggregate_means_rates_and_counts() -> None:
    results = [
        _result(
            "1", recall_at_5=1.0, reciprocal_rank=1.0, language_correct=True,
            citation_valid=True, fact_coverage=0.5, warnings=["template_draft"],
            latency_ms=100.0, gold=["a"],
        ),
        _result(
            "2", recall_at_5=0.5, reciprocal_rank=0.5, language_correct=True,
            citation_valid=False, fact_coverage=1.0, warnings=["unsupported_claim"],
            pii_leaks=2, latency_ms=300.0, gold=["a"],
        ),
        _result(
            "3", recall_at_5=None, reciprocal_rank=None, language_correct=False,
            citation_valid=True, fact_coverage=None, warnings=["kb_gap"], kb_gap=True,
            latency_ms=200.0, error="", gold=[],
        ),
    ]  # fmt: skip
    metrics = aggregate(results)
    assert metrics["recall@5"] == 0.75
    assert metrics["mrr"] == 0.75
    assert metrics["language_correct"] == pytest.approx(2 / 3)
    assert metrics["citation_valid"] == pytest.approx(2 / 3)
    assert metrics["fact_coverage"] == 0.75
    assert metrics["warning_rate"] == pytest.approx(1 / 3)  # template_draft/kb_gap do not count
    assert metrics["unsupported_claim_rate"] == pytest.approx(1 / 3)
    assert metrics["kb_gap_accuracy"] == 1.0
    assert metrics["pii_leaks"] == 2
    assert metrics["p50_ms"] == 200.0
    assert metrics["p95_ms"] == pytest.approx(290.0)
    assert metrics["semantic_similarity"] is None
    assert "judge_tone" not in metrics
    assert warning_rates(results)["kb_gap"] == pytest.approx(1 / 3)


def test_score_case_from_a_draft() -> None:
    case = EvalCase(
        case_id="c1",
        lang="de",
        message="Wann ist der Abschlag fällig?",
        gold_kb_ids=["b", "x"],
        reference_facts=["am 15. des Monats", "5 Werktage"],
    )
    draft = Draft(
        body="Sehr geehrte Damen und Herren,\n\nder Abschlag ist am 15. des Monats fällig [2]. "
        "Bitte melden Sie sich bei Fragen jederzeit bei uns.\n\nMit freundlichen Grüßen\n",
        citations=[Citation(n=2, kb_id="b", title="B")],
        passages=[passage("a"), passage("b"), passage("c")],
        warnings=[DraftWarning(code="template_draft", message="")],
        usage={"prompt_tokens": 10, "completion_tokens": 5},
    )
    result = score_case(case, "reply", Outcome(draft=draft, latency_ms=12.34))
    assert result.recall_at_5 == 0.5 and result.reciprocal_rank == 0.5
    assert result.language_correct and result.citation_valid
    assert result.citation_gold == 1.0
    assert result.fact_coverage == 0.5 and result.facts_missing == ["5 Werktage"]
    assert result.tokens_prompt == 10 and result.latency_ms == 12.3
    failed = score_case(case, "reply", Outcome(error="model down"))
    assert failed.error == "model down" and failed.fact_coverage == 0.0
    assert not failed.language_correct and failed.recall_at_5 == 0.0
