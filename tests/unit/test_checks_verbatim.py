"""A sentence that stands word for word in a KB article is what the KB says: the round-17
figure and advice checks must not call it an unsupported claim (the golden set's template
drafts sample-de-047 and sample-en-004 were flagged for sentences copied from the sample
KB). The articles are the sample KB's own files."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.knowledge.loaders import load_paths
from drafter.models import Passage

KB = Path(__file__).resolve().parents[2] / "kb"


def _passages(*kb_ids: str) -> list[Passage]:
    articles = {a.kb_id: a for a in load_paths([KB]).articles}
    return [
        Passage(
            kb_id=i, title=articles[i].title, text=articles[i].text, language=articles[i].language
        )
        for i in kb_ids
    ]


def _claims(body: str, kb_ids: tuple[str, ...], mail: str, language: str, kb: Path) -> list[str]:
    data = CheckInput(body=body, passages=_passages(*kb_ids), customer_text=mail, language=language)
    return [
        w.message for w in run_checks(data, Settings(kb_dir=kb)) if w.code == "unsupported_claim"
    ]


GERMAN = ("de-kuendigung-ordentlich", "de-sonderkuendigung-preiserhoehung")
COPIED = (
    "Wir informieren Sie mindestens 1 Monat vorher per Brief oder E-Mail, in der "
    "Grundversorgung mindestens 6 Wochen vorher. [2]"
)
MAIL = "Kündigung zum 31.12.\nkündigung zum 31.12 noch möglich? hab den öko tarif."


def test_a_sentence_copied_from_a_kb_article_is_no_unsupported_claim() -> None:
    # without the KB's files to compare with, the figure check fires on the copied sentence
    assert _claims(COPIED, GERMAN, MAIL, "de", Path("/nonexistent"))
    assert _claims(COPIED, GERMAN, MAIL, "de", KB) == []


def test_a_changed_figure_in_a_copied_sentence_is_still_flagged() -> None:
    changed = COPIED.replace("6 Wochen", "2 Wochen")
    assert _claims(changed, GERMAN, MAIL, "de", KB)


def test_advice_copied_from_an_article_is_not_against_another_cited_article() -> None:
    body = (
        "If we raise our prices, you may cancel your electricity or gas contract without "
        "observing the notice period, even during a minimum term. [2]"
    )
    ids = ("en-cancellation", "en-special-termination", "en-fibre-installation")
    mail = "Cancel my electricity contract\nWhat is the notice period?"
    assert _claims(body, ids, mail, "en", KB) == []
