"""The sample golden set keeps its invariants (eval/README.md): it is what CI scores drafts on."""

from __future__ import annotations

import json

import yaml

from tests.conftest import ROOT

CASES = ROOT / "eval" / "cases_sample.jsonl"
KEYS = {"case_id", "lang", "subject", "message", "gold_kb_ids", "reference_answer"}
KEYS |= {"reference_facts", "source"}


def _articles() -> dict[str, tuple[str, str]]:
    """kb_id -> (language, full text) for every sample article."""
    articles = {}
    for path in sorted((ROOT / "kb").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        articles[front["id"]] = (front["language"], text)
    return articles


def _cases() -> list[dict[str, object]]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_case_is_complete_and_points_at_real_articles() -> None:
    articles = _articles()
    cases = _cases()
    assert len(cases) >= 60
    assert len({c["case_id"] for c in cases}) == len(cases)
    assert {c["lang"] for c in cases} == {"de", "en"}
    for case in cases:
        assert case.keys() >= KEYS, case["case_id"]
        gold = case["gold_kb_ids"]
        assert isinstance(gold, list)
        for kb_id in gold:
            assert kb_id in articles, f"{case['case_id']}: unknown article {kb_id}"
            assert articles[kb_id][0] == case["lang"], f"{case['case_id']}: {kb_id} language"


def test_reference_facts_appear_verbatim_in_the_gold_articles() -> None:
    articles = _articles()
    contact = {"de": "de-kontakt", "en": "en-contact"}
    for case in _cases():
        gold = case["gold_kb_ids"] or [contact[str(case["lang"])]]
        sources = " ".join(articles[str(kb_id)][1] for kb_id in gold)  # type: ignore[union-attr]
        for fact in case["reference_facts"]:  # type: ignore[union-attr]
            assert fact in sources, f"{case['case_id']}: fact {fact!r} not in {gold}"


def test_every_sample_email_has_exactly_one_case() -> None:
    emls = [str(c["eml"]) for c in _cases() if c.get("eml")]
    assert len(emls) == len(set(emls))
    for eml in emls:
        assert (ROOT / eml).is_file(), eml
    inbox = {f"examples/inbox/{p.name}" for p in (ROOT / "examples" / "inbox").glob("*.eml")}
    assert inbox == set(emls)
