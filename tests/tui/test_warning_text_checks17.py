"""The German desk's text for the five reply checks of round 17 (drafter.drafting
figure_conflicts, row_figures, notice_end, forbidden_advice: a figure against the cited
article's, a figure of another row of its list, a contract end before its notice rule allows,
advice it forbids, an emergency call put off). Each message is produced by the real check,
then must read German with its values, not the general text of `unsupported_claim`."""

from __future__ import annotations

import re

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage
from drafter.tui import i18n, warning_text

ENGLISH = re.compile(r"\b(?:the|reply|which|customer|article|gives|check|earliest|call)\b")


def _passage(kb_id: str, title: str, text: str, language: str) -> Passage:
    return Passage(kb_id=kb_id, title=title, text=text, language=language)


CASES = [
    (  # figure_conflicts
        _passage(
            "en-data-access",
            "Access to your data",
            "## How long does it take?\n\nWe answer **within 1 month**. You receive the "
            "information as an encrypted PDF in your portal inbox or by post.",
            "en",
        ),
        "Data access\nPlease send me the information you hold about me.",
        "You will receive the information within 7 days as a PDF in your portal inbox [1].",
        "en",
        "where the cited article gives",
        ("7 days", "1 month", "für dieselbe Angabe"),
    ),
    (  # row_figures
        _passage(
            "en-cancellation",
            "Cancelling your contract",
            "## Notice periods\n\n- **Nordlicht Öko**: **1 month to the end of a month**.\n"
            "- **Nordlicht Fix 24, Gas Fix 24**: 1 month to the end of the 24-month initial "
            "term.\n- **Basic supply** (Nordlicht Basis, Gas Basis): 2 weeks, at any time.",
            "en",
        ),
        "Cancel\nI want to leave Fix 24 at the end of the term.",
        "With Nordlicht Fix 24 a notice period of 2 weeks applies to the end of the term [1].",
        "en",
        "gives that for",
        ("2 weeks", "Nordlicht Fix 24", "Basic supply", "1 month"),
    ),
    (  # notice_end
        _passage(
            "de-kuendigung", "Kündigung", "| Nordlicht Öko | **1 Monat zum Monatsende** |", "de"
        ),
        "Kündigung\nIch kündige meinen Vertrag Nordlicht Öko.",
        "Da Ihre Kündigung am 9. Mai eingegangen ist, endet Ihr Vertrag zum 31. Mai.",
        "de",
        "at the earliest",
        ("31.05.", "30.06.", "Kündigungsfrist von 1 Monat"),
    ),
    (  # forbidden_advice: an order of the article
        _passage(
            "en-gas-smell",
            "Smell of gas: emergency",
            "Act immediately and call our gas emergency service: 0431 5577-112.\n\nIf the "
            "emergency team shuts off your gas supply, only a registered installer may turn it "
            "back on. Never reopen a sealed valve yourself.",
            "en",
        ),
        "Gas back on?\nYour team sealed the valve last night. Can I open it myself?",
        "Since the smell has gone, you can carefully reopen the valve yourself.",
        "en",
        "forbids",
        ("Never reopen a sealed valve yourself", "verbietet"),
    ),
    (  # forbidden_advice: an emergency call put off
        _passage(
            "de-gasgeruch-notfall",
            "Gasgeruch: Notfall",
            "Riechen Sie Gas? Handeln Sie sofort und rufen Sie von draußen unseren "
            "Gas-Notdienst an: 0431 5577-112.",
            "de",
        ),
        "Gasgeruch\nBei uns riecht es leicht nach Gas, seit gestern. Was soll ich tun?",
        "Öffnen Sie die Fenster; wenn der Geruch nach einer Stunde nicht schwächer ist, rufen "
        "Sie unseren Notdienst unter 0431 5577-112 an [1].",
        "de",
        "puts the call off",
        ("nach einer Stunde", "sofort"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[4])
def test_each_round17_check_reads_german_with_its_values(case: tuple) -> None:  # type: ignore[type-arg]
    article, mail, reply, language, marker, values = case
    data = CheckInput(body=reply, passages=[article], customer_text=mail, language=language)
    found = [w for w in run_checks(data, Settings(kb_dir="/nonexistent")) if marker in w.message]
    assert len(found) == 1, [w.message for w in run_checks(data, Settings())]
    i18n.set_language("de")
    try:
        shown = warning_text.message(found[0])
        general = warning_text.german(DraftWarning(code=found[0].code, message="?"))
    finally:
        i18n.set_language("en")
    assert not shown.startswith(general), shown  # its own words, not the kind's general text
    assert not ENGLISH.search(shown), shown
    for value in values:
        assert value in shown, (value, shown)
