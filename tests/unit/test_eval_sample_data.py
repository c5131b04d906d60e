"""Invariants of the shipped golden set (eval/README.md): cases, gold ids, facts, emails."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.evaluation.datasets import EvalCase, load_cases
from drafter.knowledge.loaders import load_markdown
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def cases() -> list[EvalCase]:
    return load_cases(ROOT / "eval" / "cases_sample.jsonl")


@pytest.fixture(scope="module")
def articles() -> dict[str, tuple[str, str]]:
    """kb_id -> (language, text) for every article in kb/."""
    found = {}
    for path in sorted((ROOT / "kb").glob("*/*.md")):
        article = load_markdown(path)
        found[article.kb_id] = (article.language, article.text)
    return found


def test_gold_ids_name_articles_in_the_case_language(
    cases: list[EvalCase], articles: dict[str, tuple[str, str]]
) -> None:
    for case in cases:
        for kb_id in case.gold_kb_ids:
            assert kb_id in articles, f"{case.case_id}: unknown gold id {kb_id}"
            assert articles[kb_id][0] == case.lang, f"{case.case_id}: {kb_id} is not {case.lang}"


def test_reference_facts_occur_verbatim_in_a_gold_article(
    cases: list[EvalCase], articles: dict[str, tuple[str, str]]
) -> None:
    for case in cases:
        if not case.gold_kb_ids:
            continue
        texts = [articles[kb_id][1] for kb_id in case.gold_kb_ids]
        for fact in case.reference_facts:
            assert any(fact in text for text in texts), f"{case.case_id}: {fact!r}"


def test_every_inbox_mail_has_exactly_one_case(cases: list[EvalCase]) -> None:
    inbox = sorted(p.name for p in (ROOT / "examples" / "inbox").glob("*.eml"))
    referenced = sorted(Path(c.eml).name for c in cases if c.eml)
    assert referenced == inbox
    assert all(c.eml_path is not None and c.eml_path.is_file() for c in cases if c.eml)


def test_both_languages_and_knowledge_gaps_are_covered(cases: list[EvalCase]) -> None:
    languages = {c.lang for c in cases}
    assert languages == {"de", "en"}
    assert any(not c.gold_kb_ids for c in cases)
    assert all(c.reference_answer.strip() for c in cases)
