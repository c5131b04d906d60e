"""Round-17 reply checks. A figure stated against the cited article's own figure for the
same quantity (drafter.drafting.figure_conflicts through run_checks). Articles, mails and
sentences written for this test."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

ACCESS = Passage(
    kb_id="en-data-access",
    title="Access to your data",
    text=(
        "## How long does it take?\n\nWe answer **within 1 month**. You receive the information "
        "as an encrypted PDF in your portal inbox or by post."
    ),
    language="en",
)
PLAN = Passage(
    kb_id="de-ratenzahlung",
    title="Ratenzahlung",
    text=(
        "## Ratenzahlung\n\n- Möglich für offene Beträge ab 100 EUR.\n- Aufteilung in **bis zu "
        "6 Monatsraten**.\n- Eine Ratenvereinbarung verteilt den Betrag zinsfrei."
    ),
    language="de",
)


def _warnings(reply: str, article: Passage, mail: str, language: str) -> list[DraftWarning]:
    data = CheckInput(body=reply, passages=[article], customer_text=mail, language=language)
    return [w for w in run_checks(data, Settings(kb_dir="/nonexistent")) if "gives" in w.message]


def test_a_period_against_the_articles_period_for_the_same_is_flagged() -> None:
    mail = "Data access\nPlease send me the information you hold about me."
    bad = "You will receive the information within 7 days as a PDF in your portal inbox [1]."
    found = _warnings(bad, ACCESS, mail, "en")
    assert [w.code for w in found] == ["unsupported_claim"]
    assert "'7 days'" in found[0].message and "'1 month'" in found[0].message
    # the same figure in other units, or the article's own, is no conflict
    for good in (
        "You will receive the information within 4 weeks as a PDF in your portal inbox [1].",
        "You will receive the information within 1 month as a PDF in your portal inbox [1].",
        "You will not receive the information within 7 days, but within 1 month [1].",
    ):
        assert _warnings(good, ACCESS, mail, "en") == [], good
    # ... and a figure of the customer's own mail is theirs to quote
    told = "Data access\nYour colleague said I would get it within 7 days."
    assert _warnings(bad, ACCESS, told, "en") == []


def test_a_count_against_the_articles_count_is_flagged_but_a_computation_is_not() -> None:
    mail = "Nachzahlung\nKann ich die 612,30 EUR in Raten zahlen?"
    bad = "Sie können den Betrag auf bis zu 12 Monatsraten verteilen [1]."
    assert len(_warnings(bad, PLAN, mail, "de")) == 1
    good = "Sie können den Betrag auf bis zu 6 Monatsraten verteilen, also 6 × 102,05 EUR [1]."
    assert _warnings(good, PLAN, mail, "de") == []
    # an amount named only by a bound ("ab 100 EUR" / "ab 50 EUR") is no quantity of its own
    assert _warnings("Raten gibt es schon ab 150 EUR [1].", PLAN, mail, "de") == []
