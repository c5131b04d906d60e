"""Dates in a reply (drafter.drafting.dates through run_checks): a date computed from a source
date and a source period is accepted; a date no source states or implies is flagged; markup,
identifiers and real words are not 'garbled'."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.drafting.dates import derived_spans, unsupported_spans
from drafter.models import DraftWarning, Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
REFUND = Passage(
    kb_id="en-refund",
    title="Refund of credit",
    text="We transfer a credit within 14 days of the bill date. Call us on 0431 5577-100.",
)
EMAIL = "Refund\nMy bill dated 3 March shows a credit. When will I get it? KD-7720415"


def warnings(reply: str) -> list[DraftWarning]:
    data = CheckInput(
        body=f"Dear Ms Lane,\n\n{reply}\n\nKind regards\nStadtwerke Nordlicht",
        passages=[REFUND],
        customer_text=EMAIL,
        language="en",
        extra_known="Stadtwerke Nordlicht",
    )
    return run_checks(data, SETTINGS)


def test_a_date_derived_from_the_sources_is_accepted() -> None:
    reply = (
        "We transfer a credit within 14 days of the bill date, so for your bill of 3 March "
        "the money should arrive by 17 March [1]. Please quote **KD-7720415**, e.g. in the form."
    )
    assert warnings(reply) == []
    sources = "Die Preisänderung gilt ab 1. März 2027."
    reply_de = "Ihre Kündigung muss bis 28. Februar bei uns sein."
    assert derived_spans(reply_de, sources) and not unsupported_spans(reply_de, sources)


def test_a_date_nobody_gave_is_flagged_with_its_sentence() -> None:
    promised = "Your credit will be on your account on 9 March [1]."
    found = [w for w in warnings(promised) if w.code == "unsupported_claim"]
    assert found and any("9 March" in w.span for w in found)
    assert unsupported_spans("Die Rechnung kommt am 8. Januar.", "Rechnung vom 2. Januar")


def test_month_starts_and_ends_the_sources_imply() -> None:
    # "end of October" names the month: its last day follows
    sources = "I am leaving Kiel at the end of October. What notice do I need?"
    assert not unsupported_spans("For a contract end on 31 October, give notice in time.", sources)
    # a switch effective the 1st of the next month, asked on a dated day
    sources_de = "Ich wechsle heute, am 12. Juni. Ab wann gilt das?"
    assert not unsupported_spans("Der Wechsel gilt dann ab dem 1. Juli.", sources_de)
    # a first of a month nobody named is still a date nobody gave
    assert unsupported_spans("Der Wechsel gilt dann ab dem 1. September.", sources_de)
    assert unsupported_spans("Your contract ends on 14 October.", sources)


def test_the_end_of_the_month_a_notice_period_ends_in() -> None:
    # notice received on a date, "1 month to the end of a month": the next month's last day
    sources = "Kündigungsfrist: 1 Monat zum Monatsende.\nIch kündige hiermit. Kiel, 9.3.2027"
    assert not unsupported_spans("Ihr Vertrag endet damit zum 30.04.2027.", sources)
    # a month nobody's period reaches is still a date nobody gave
    assert unsupported_spans("Ihr Vertrag endet damit zum 31.07.2027.", sources)


def test_a_weekday_of_the_week_after_a_source_date_follows_from_it() -> None:
    # Thursday 19.11.2026 in the mail; "Monday or Tuesday the week after" worked out
    sources = "Der Termin am 19.11.2026 passt nicht. Geht Montag oder Dienstag der Woche danach?"
    reply = "Frei sind noch Montag, 23.11., und Dienstag, 24.11., jeweils ab 8 Uhr."
    assert not unsupported_spans(reply, sources)
    # the wrong weekday, or a weekday date months away, is still a date nobody gave
    assert unsupported_spans("Frei ist noch Mittwoch, 23.11., ab 8 Uhr.", sources)
    assert unsupported_spans("Frei ist noch Montag, 22.2., ab 8 Uhr.", sources)


def test_a_date_nobody_gave_is_reported_once_and_a_figure_with_its_sentence() -> None:
    found = [w for w in warnings("Your credit will be on your account on 9 March [1].")]
    dated = [w for w in found if w.code == "unsupported_claim"]
    assert len(dated) == 1 and "9 March" in dated[0].message  # not also "'9' appears in ..."
    figure = "Your credit of 88.40 EUR arrives within 14 days of the bill date [1]."
    numbers = [w for w in warnings(figure) if "appears in neither" in w.message]
    assert numbers and numbers[0].span == figure


def test_a_year_a_dated_source_reaches_by_a_source_period() -> None:
    from drafter.drafting.dates import year_follows

    sources = "Vertragsbeginn 1. September 2025. Erstlaufzeit 24 Monate."
    assert year_follows(2027, sources)
    assert not year_follows(2029, sources)
    assert not year_follows(2027, "Erstlaufzeit 24 Monate.")  # no dated source
