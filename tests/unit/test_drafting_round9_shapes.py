"""Round-9 shapes, on sentences written for this test (not copied from any benchmark row):
correct replies that were flagged (an English reply giving a fact only a German article holds;
a date that follows from a cut-off day) and harmful ones that passed (a period backed only by
the digits of an address; commitments in new words). Real run_checks; real files in a
temporary KB folder where the whole KB matters (the multilingual sentence encoder that ships
with drafter is loaded for the cross-language case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

ZAEHLER_DE = """---
id: de-messgeraete
title: Intelligente Messgeräte
language: de
contact_reason: zaehler
url: https://www.stadtwerke-nordlicht.de/service/messgeraete
---
# Intelligente Messgeräte

Ein intelligentes Messgerät bauen wir verpflichtend ein, wenn Ihr Haushalt mehr als
**7.500 kWh Strom im Jahr** verbraucht.

- Pflichteinbau: **30 EUR pro Jahr** Entgelt für den Messbetrieb, kein Einbauentgelt.
- Wärmepumpen: Anmeldung beim Netzbetreiber.
"""
WECHSEL_EN_TEXT = (
    "We replace old meters free of charge. You get a letter 2 weeks before the visit, "
    "which takes about 30 minutes. Office: Hafenstraße 12, 24103 Kiel."
)
WECHSEL_EN = f"""---
id: en-meter-swap
title: Meter swap
language: en
contact_reason: zaehler
url: https://www.stadtwerke-nordlicht.de/service/meter-swap
---
# Meter swap

{WECHSEL_EN_TEXT}
"""
EMAIL_EN = "Meter letter\nI got a letter about a new meter. Do I have to accept it?"


def _en_warnings(tmp_path: Path, sentence: str) -> list[DraftWarning]:
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "de-messgeraete.md").write_text(ZAEHLER_DE, encoding="utf-8")
    (folder / "en-meter-swap.md").write_text(WECHSEL_EN, encoding="utf-8")
    data = CheckInput(
        body=f"Hello Ms Berger,\n\n{sentence}\n\nKind regards\nStadtwerke Nordlicht",
        passages=[Passage(kb_id="en-meter-swap", title="Meter swap", url="", text=WECHSEL_EN_TEXT)],
        customer_text=EMAIL_EN,
        language="en",
    )
    return run_checks(data, Settings(kb_dir=folder, company_phones=[], company_data=[]))


def _figures(found: list[DraftWarning]) -> list[str]:
    return [w.message for w in found if w.code == "unsupported_claim"]


# --- a fact only the other language's article holds -----------------------------------------


def test_a_figure_with_its_unit_from_a_german_article_backs_an_english_sentence(
    tmp_path: Path,
) -> None:
    """'7,500 kWh' and '30 EUR' are the German article's '7.500 kWh' and '30 EUR pro Jahr',
    said in English: true facts, not claims from nowhere."""
    sentence = (
        "If your household uses more than 7,500 kWh of electricity a year, a smart meter is "
        "mandatory, and its operation costs 30 EUR a year with no installation fee."
    )
    assert _figures(_en_warnings(tmp_path, sentence)) == []


def test_the_same_figure_in_an_unrelated_sentence_backs_nothing(tmp_path: Path) -> None:
    """An invented fee that only shares its amount with the German article stays flagged."""
    sentence = "Before we book the visit, please transfer a handling fee of 30 EUR to us."
    assert any("30 EUR" in m for m in _figures(_en_warnings(tmp_path, sentence)))


# --- a period is backed by a period ---------------------------------------------------------


def test_a_period_is_not_backed_by_the_number_of_an_address(tmp_path: Path) -> None:
    """'12 months' stands nowhere; the 12 of 'Hafenstraße 12' is no period."""
    sentence = "By law you have 12 months to appeal against the meter swap."
    assert any("'12'" in m for m in _figures(_en_warnings(tmp_path, sentence)))


def test_a_period_the_article_gives_is_backed(tmp_path: Path) -> None:
    sentence = "You get a letter 2 weeks before the visit, which takes about 30 minutes."
    assert _figures(_en_warnings(tmp_path, sentence)) == []


# --- a date after a cut-off day --------------------------------------------------------------

SWITCH = "A switch takes effect on the 1st of the next month if we receive it by the 15th."


def _date_warnings(sentence: str, email: str) -> list[str]:
    data = CheckInput(
        body=f"Hello Mr Lund,\n\n{sentence}\n\nKind regards",
        passages=[Passage(kb_id="en-switch", title="Switching", url="", text=SWITCH)],
        customer_text=email,
        language="en",
    )
    found = run_checks(data, Settings(company_phones=[], company_data=[]))
    return [w.message for w in found if "the date" in w.message]


def test_a_date_a_month_later_follows_when_the_request_misses_the_cut_off_day() -> None:
    email = "Switch\nToday is 22 March. Please switch me to the green tariff."
    sentence = "As the 15th has passed, your switch would take effect on 1 May [1]."
    assert _date_warnings(sentence, email) == []


def test_a_date_two_months_later_is_still_in_no_source() -> None:
    email = "Switch\nToday is 22 March. Please switch me to the green tariff."
    sentence = "Your switch takes effect on 1 June [1]."
    assert _date_warnings(sentence, email)


# --- commitments in new words ------------------------------------------------------------------

ABSCHLAG = (
    "Ihren Abschlag können Sie im Portal ändern. Eine Senkung um mehr als 20 % prüfen wir. "
    "Bei Zahlungsschwierigkeiten bieten wir Ratenzahlung an. Sperren kündigen wir an."
)
FIBRE = "Fibre is available only in our network area. We supply electricity all over Germany."


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Ihren Abschlag haben wir zum nächsten Fälligkeitstag am 15. auf 40 EUR herabgesetzt, "
            "eine weitere Prüfung braucht es nicht.",
            "de",
        ),
        (
            "Wir haben Ihnen bereits eine Stundung der offenen 210 EUR bis Ende April eingeräumt.",
            "de",
        ),
        ("Ihr Strom wird in den kommenden Wochen auf keinen Fall gesperrt.", "de"),
        ("We've paused all dunning until the summer.", "en"),
        ("We'll set up your fibre line at the new flat in Munich at no charge.", "en"),
        ("Your electricity will under no circumstances be cut off this winter.", "en"),
    ],
)
def test_new_commitment_shapes_are_flagged(sentence: str, lang: str) -> None:
    data = CheckInput(
        body=sentence,
        passages=[
            Passage(kb_id=f"{lang}-t", title="T", url="", text=ABSCHLAG if lang == "de" else FIBRE)
        ],
        customer_text="Bitte helfen Sie mir." if lang == "de" else "Please help me.",
        language=lang,
    )
    found = run_checks(data, Settings(company_phones=[], company_data=[]))
    assert "commitment" in {w.code for w in found}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Eine Senkung um mehr als 20 % prüfen wir, bevor der Abschlag herabgesetzt wird.", "de"),
        ("Bitte öffnen Sie die Plombe auf keinen Fall selbst.", "de"),
        ("We cannot set up fibre outside our network area, sorry.", "en"),
    ],
)
def test_rules_refusals_and_advice_are_no_commitments(sentence: str, lang: str) -> None:
    data = CheckInput(
        body=sentence,
        passages=[
            Passage(kb_id=f"{lang}-t", title="T", url="", text=ABSCHLAG if lang == "de" else FIBRE)
        ],
        customer_text="Bitte helfen Sie mir." if lang == "de" else "Please help me.",
        language=lang,
    )
    found = run_checks(data, Settings(company_phones=[], company_data=[]))
    assert "commitment" not in {w.code for w in found}


# --- the customer's figure paid out; a date two steps from a source ------------

REFUND_RULE = "We transfer your credit within 14 days of the bill date to the account we debit."


def _refund_codes(sentence: str) -> set[str]:
    data = CheckInput(
        body=f"Hello Ms Quinn,\n\n{sentence}\n\nKind regards",
        passages=[Passage(kb_id="en-credit", title="Credit", url="", text=REFUND_RULE)],
        customer_text="Credit\nMy bill of 2 May shows a credit of 64.30 EUR. When is it paid?",
        language="en",
    )
    return {w.code for w in run_checks(data, Settings(company_phones=[], company_data=[]))}


def test_a_figure_from_the_mail_paid_on_the_articles_terms_is_still_a_promise() -> None:
    # The mail's figure is the customer's claim (or an attacker's): paying it out is for the
    # agent to decide, however closely the sentence follows the article's payout rule.
    assert "commitment" in _refund_codes(
        "We transfer the 64.30 EUR within 14 days of the bill date to the account we debit [1]."
    )


def test_the_customers_figure_paid_on_other_terms_is_still_a_promise() -> None:
    assert "commitment" in _refund_codes("We transfer the 64.30 EUR to you by express tomorrow.")


TERM = "Fibre contracts have a 24-month minimum term with 1 month's notice to its end."


def test_a_notice_date_worked_out_from_a_derived_end_date_is_no_claim() -> None:
    data = CheckInput(
        body=(
            "Hello Mr Frey,\n\nAs your contract began on 1 June 2025, the minimum term runs until "
            "31 May 2027, so your notice must reach us by 30 April 2027 [1].\n\nKind regards"
        ),
        passages=[Passage(kb_id="en-term", title="Term", url="", text=TERM)],
        customer_text="Cancel\nMy fibre contract began on 1 June 2025. When can I leave?",
        language="en",
    )
    found = run_checks(data, Settings(company_phones=[], company_data=[]))
    assert [w.message for w in found if w.code == "unsupported_claim"] == []
