"""Evaluation inputs and bookkeeping: case files, thresholds, the cache, the judge's answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.errors import EvalError
from drafter.evaluation.cache import DraftCache, Outcome, cache_key
from drafter.evaluation.datasets import case_email, load_cases
from drafter.evaluation.drafts import known_metrics
from drafter.evaluation.judge import parse_scores
from drafter.evaluation.thresholds import check, load_thresholds
from drafter.models import Draft
from tests.conftest import ROOT


def write(path: Path, *rows: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


CASE = {"case_id": "c1", "lang": "de", "subject": "Abschlag", "message": "Bitte erhöhen."}


def test_cases_load_and_build_an_email(tmp_path: Path) -> None:
    eml = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"
    cases = load_cases(
        write(tmp_path / "c.jsonl", CASE, {**CASE, "case_id": "c2", "eml": str(eml)})
    )
    assert [c.case_id for c in cases] == ["c1", "c2"]
    plain = case_email(cases[0])
    assert plain.body == "Bitte erhöhen." and plain.language == "de"
    parsed = case_email(cases[1])
    assert "80 Euro" in parsed.body and parsed.from_.email == "sabine.krueger@web.de"
    assert cases[0].fingerprint() != cases[1].fingerprint()


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("{not json", "c.jsonl:2: not valid JSON"),
        ({**CASE, "lang": "fr"}, "c.jsonl:2: field 'lang'"),
        ({**CASE, "case_id": "c1"}, "c.jsonl:2: duplicate case_id 'c1'"),
        ({**CASE, "case_id": "c3", "message": "", "eml": ""}, "neither 'message' nor 'eml'"),
        ({**CASE, "case_id": "c4", "eml": "missing/x.eml"}, "c.jsonl:2: field 'eml'"),
    ],
)
def test_bad_case_lines_name_file_and_line(tmp_path: Path, row: object, expected: str) -> None:
    with pytest.raises(EvalError) as info:
        load_cases(write(tmp_path / "c.jsonl", CASE, row))
    assert expected in info.value.message and info.value.hint


def test_missing_cases_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="does not exist"):
        load_cases(tmp_path / "nope.jsonl")


def test_thresholds_breaches_say_metric_and_margin(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text(
        '[extractive.min]\n"recall@5" = 0.9\nfact_coverage = 0.5\n'
        "[extractive.max]\npii_leaks = 0\n[llm.min]\nfact_coverage = 0.8\n"
    )
    limits = load_thresholds(path, "extractive", known_metrics())
    assert len(limits) == 3
    metrics: dict[str, float | None] = {"recall@5": 0.85, "fact_coverage": None, "pii_leaks": 2}
    breaches = check(metrics, limits)
    assert [(b.metric, round(b.by, 4)) for b in breaches] == [("recall@5", 0.05), ("pii_leaks", 2)]
    assert breaches[0].message() == "recall@5 = 0.85 is below the minimum 0.9 by 0.05"
    assert "above the maximum 0 by 2" in breaches[1].message()
    assert check({"recall@5": 0.9, "pii_leaks": 0}, limits) == []
    assert [lim.value for lim in load_thresholds(path, "llm", known_metrics())] == [0.8]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[extractive.min]\nrecal = 0.9\n", "unknown metric 'recal'"),
        ("[nightly.min]\nmrr = 0.9\n", "unknown table [nightly]"),
        ("[extractive.least]\nmrr = 0.9\n", "unknown entry [extractive.least]"),
        ('[extractive.min]\nmrr = "high"\n', "must be a number"),
        ("[extractive.min\n", "not valid TOML"),
    ],
)
def test_bad_thresholds_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "t.toml"
    path.write_text(text)
    with pytest.raises(EvalError) as info:
        load_thresholds(path, "extractive", known_metrics())
    assert expected in info.value.message and str(path) in info.value.message


def test_shipped_thresholds_file_is_valid() -> None:
    for mode in ("extractive", "llm"):
        assert load_thresholds(ROOT / "eval" / "thresholds.toml", mode, known_metrics())


def test_cache_round_trip_and_torn_files(tmp_path: Path) -> None:
    cache = DraftCache(tmp_path)
    key = cache_key("case", ["reply", "1.0"], "model", "kb")
    assert key != cache_key("case", ["reply", "1.1"], "model", "kb")
    assert cache.get(key) is None
    cache.put(key, Outcome(draft=Draft(body="Hallo"), latency_ms=5.0, pii_leak_types=[]))
    hit = cache.get(key)
    assert hit is not None and hit.draft is not None and hit.draft.body == "Hallo"
    assert cache.hits == 1 and not list(tmp_path.rglob(".tmp-*"))
    next(tmp_path.rglob(f"{key}.json")).write_text('{"draft": {"bo')  # a crash mid-write
    assert cache.get(key) is None
    assert DraftCache(tmp_path, enabled=False).get(key) is None
    cache.put_value("sim", 0.5)
    assert cache.get_value("sim") == 0.5


def test_judge_answer_parsing() -> None:
    answer = 'Here: {"correctness": 4, "completeness": 3, "tone": 5, "formality": 5}'
    assert parse_scores(answer) == {
        "correctness": 4.0,
        "completeness": 3.0,
        "tone": 5.0,
        "formality": 5.0,
    }
    assert parse_scores('{"correctness": 9, "completeness": 3, "tone": 5, "formality": 5}') == {}
    assert parse_scores('{"correctness": 4}') == {}
    assert parse_scores("no json") == {}


def test_judge_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    from drafter.config import Settings
    from drafter.evaluation.runner import EvalOptions, Runner

    settings = Settings(data_dir=tmp_path)
    with pytest.raises(EvalError) as info:
        Runner(settings, object(), DraftCache(tmp_path), EvalOptions(judge=True))
    assert "--judge" in info.value.message and "DRAFTER_LLM_MODEL" in info.value.hint
