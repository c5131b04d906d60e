"""Round-18 reply checks: the false-alarm classes and the misses of replies/dev16, each a
named rule, through run_checks. Articles, mails and sentences written for this test."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.models import DraftWarning, Passage

RISKY = {"unsupported_claim", "commitment", "payment", "link", "injection", "credentials"}


def _all(reply: str, articles: list[Passage], mail: str, language: str) -> list[DraftWarning]:
    data = CheckInput(body=reply, passages=articles, customer_text=mail, language=language)
    return run_checks(data, Settings(kb_dir="/nonexistent"))


def _risky(reply: str, articles: list[Passage], mail: str, language: str) -> set[str]:
    return {w.code for w in _all(reply, articles, mail, language)} & RISKY


def _article(kb_id: str, text: str, language: str) -> Passage:
    return Passage(kb_id=kb_id, title=kb_id, text=text, language=language)


DUE = _article(
    "de-faelligkeit",
    "Der Abschlag ist am 15. eines Monats fällig. Der Tag ist für alle Verträge gleich.",
    "de",
)
VISIT = _article(
    "de-zaehlertermin",
    "Den Termin für den Zählerwechsel können Sie bis 48 Stunden vorher verschieben.",
    "de",
)


def test_a_day_of_the_month_before_a_lowercase_word_is_no_sentence_end() -> None:
    mail = "Abschlag\nKann die Abbuchung später kommen?"
    bad = (
        "Wir haben den Abbuchungstag für den Stromvertrag VN-1234 der Wohnung in der "
        "Hafenstraße ab dem nächsten Monat auf den 25. geändert."
    )
    assert "commitment" in _risky(bad, [DUE], mail, "de")


def test_an_act_done_on_the_customers_contract_money_or_appointment_is_a_commitment() -> None:
    mail = "Termin\nIch kann am Dienstag nicht. Geht Freitag?"
    for bad in (
        "Wir haben Ihren Termin auf Freitag, den 6.3., zwischen 8 und 12 Uhr verlegt.",
        "Ich habe Ihre Abschlagszahlung für März ausgesetzt.",
    ):
        assert "commitment" in _risky(bad, [VISIT], mail, "de"), bad
    for good in (  # a message passed on, a photo filed: no act on the contract
        "Wir haben Ihre Nachricht als Beschwerde an unser Beschwerdemanagement gegeben.",
        "Wir haben Ihr Foto mit dem Zählerstand zu Ihrem Kundenkonto genommen.",
        "Wir haben Ihren Wunschtermin an den Monteur weitergeleitet.",
    ):
        assert "commitment" not in _risky(good, [VISIT], mail, "de"), good
    # the same in English, whatever the verb
    mail_en = "Appointment\nI can't do Tuesday. Is Saturday possible?"
    for bad in (
        "We have rescheduled your meter appointment to Saturday, 7 March, 9 am to 1 pm.",
        "We've pushed your due date back to the 20th of the month.",
    ):
        assert "commitment" in _risky(bad, [VISIT], mail_en, "en"), bad
    for good in (
        "We have forwarded your request for a Saturday appointment to the fitters.",
        "We have received your message about the appointment.",
    ):
        assert "commitment" not in _risky(good, [VISIT], mail_en, "en"), good


MOVE = _article(
    "en-move",
    "You can take your contract with you when you move. Report the move 6 weeks ahead.",
    "en",
)


def test_a_sum_promised_with_an_adverb_between_is_still_promised() -> None:
    mail = "Moving\nWe move in March, I report it early."
    bad = "As you report early, you will also receive a 30 EUR moving credit on your final bill."
    assert "commitment" in _risky(bad, [MOVE], mail, "en")
    good = "You will also receive a confirmation of your move by email."
    assert "commitment" not in _risky(good, [MOVE], mail, "en")


NOTICE = _article("de-kuendigung", "| Nordlicht Öko | **1 Monat zum Monatsende** |", "de")


def test_a_contract_end_is_judged_from_the_day_the_customers_notice_was_sent() -> None:
    bad = "Hiermit bestätigen wir Ihnen die Beendigung Ihres Vertrags zum 31.03."
    good = "Hiermit bestätigen wir Ihnen die Beendigung Ihres Vertrags zum 30.04."
    for mail in (
        "Kündigung\nHiermit kündige ich meinen Vertrag Nordlicht Öko.\n(gesendet am 12.03.)",
        "Kündigung\nHiermit kündige ich meinen Vertrag Nordlicht Öko.\n12.03.2026",  # Date
    ):
        found = [w for w in _all(bad, [NOTICE], mail, "de") if "earliest" in w.message]
        assert found and "30.04." in found[0].message, mail
        assert not [w for w in _all(good, [NOTICE], mail, "de") if "earliest" in w.message]
    # a mail that gives no notice itself, or no date: no day of receipt to judge from
    asks = "Kündigung\nWann endet mein Vertrag?\n(gesendet am 12.03.)"
    assert not [w for w in _all(bad, [NOTICE], asks, "de") if "earliest" in w.message]


ESTIMATE = _article(
    "en-instalment",
    "## Example (electricity, 2,000 kWh)\n\n- Unit price: 2,000 kWh × 31.00 ct = 620.00 EUR\n"
    "- Standing charge: 12 × 10.00 EUR = 120.00 EUR\n- Yearly cost 740.00 EUR ÷ 12 = 61.67 EUR "
    "→ instalment **62 EUR** (rounded to whole euros)",
    "en",
)


def test_a_result_written_out_and_rounded_is_no_figure_against_the_article() -> None:
    mail = "Instalment\nWe use about 2,000 kWh. What would Öko at 33.90 ct/kWh cost a month?"
    lines = (
        "- Unit price: 2,000 kWh × 33.90 ct = 678.00 EUR\n- Standing charge: 12 × 10.00 EUR = "
        "120.00 EUR\n- Yearly cost 798.00 EUR ÷ 12 = 66.50 EUR → instalment {} EUR (rounded to "
        "whole euros) [1]."
    )
    conflicts = [w for w in _all(lines.format(67), [ESTIMATE], mail, "en") if "gives" in w.message]
    assert conflicts == []
    wrong = [w for w in _all(lines.format(72), [ESTIMATE], mail, "en") if "gives" in w.message]
    assert wrong, "a rounding of no result written out is still judged"


LOGIN = _article(
    "de-portal",
    "Klicken Sie auf „Passwort vergessen?“ und geben Sie Ihre E-Mail-Adresse ein.",
    "de",
)


def test_the_address_the_customer_names_as_their_login_is_theirs() -> None:
    mail = "Portal\nIch komme nicht mehr rein. Mein Login ist anna.beispiel@example.org"
    good = "Klicken Sie auf „Passwort vergessen?“ und geben Sie anna.beispiel@example.org ein."
    assert "link" not in _risky(good, [LOGIN], mail, "de")
    other = "Schreiben Sie bitte an hilfe@example.net, dort hilft man Ihnen weiter."
    assert "link" in _risky(other, [LOGIN], mail, "de")
    # an address the mail names as someone else's is no login of the customer's
    forwarded = "Portal\nMein Nachbar (nachbar@example.org) sagt, ich soll dort schreiben."
    to_him = "Schreiben Sie an nachbar@example.org."
    assert "link" in _risky(to_him, [LOGIN], forwarded, "de")


READING = _article(
    "en-bill-correction",
    "Send us a photo of the meter with its number and reading. We check within 2 weeks.",
    "en",
)


def test_a_difference_of_two_figures_the_sentence_names_is_worked_out() -> None:
    mail = "Estimated bill\nThe bill says 48,915, my meter shows 47,602 today."
    good = "The difference between the estimated 48,915 and your 47,602 is 1,313 kWh [1]."
    assert "unsupported_claim" not in _risky(good, [READING], mail, "en")
    wrong = "The difference between the estimated 48,915 and your 47,602 is 1,913 kWh [1]."
    assert "unsupported_claim" in _risky(wrong, [READING], mail, "en")


PLAN = _article(
    "en-payment-plan",
    "If you cannot pay on time, a deferral of up to 3 months or a payment plan is possible.",
    "en",
)


def test_a_decision_offered_for_the_case_the_sentence_opens_with_is_no_decision() -> None:
    mail = "Fees\nMy direct debit bounced once. Please remove the fees."
    good = (
        "If a payment date is ever a problem again, please tell us before it; we can then agree "
        "a deferral with you or a payment plan instead [1]."
    )
    assert "commitment" not in _risky(good, [PLAN], mail, "en")
    bad = "We have agreed a deferral of your payment until June with our billing team."
    assert "commitment" in _risky(bad, [PLAN], mail, "en")


PHISHING = _article(
    "de-phishing",
    "Wir fragen niemals per E-Mail oder SMS nach Bankdaten oder einer TAN.",
    "de",
)


def test_a_secret_to_be_passed_to_no_one_is_no_request() -> None:
    mail = "SMS\nIch soll per SMS eine TAN schicken. Soll ich?"
    good = "Diese TAN geben Sie bitte an niemanden weiter, auch nicht an uns [1]."
    assert "credentials" not in _risky(good, [PHISHING], mail, "de")
    bad = "Schicken Sie uns die TAN bitte per Antwort auf diese E-Mail."
    assert "credentials" in _risky(bad, [PHISHING], mail, "de")


GRID_DE = """---
id: de-stoerung
title: Stromausfall
language: de
contact_reason: stoerung
---
# Stromausfall

Das Netz betreibt die Nordlicht Netz GmbH. Bei längeren Netzunterbrechungen haften \
Netzbetreiber nach den gesetzlichen Regeln. Schäden melden Sie uns schriftlich.
"""
GRID_EN = """---
id: en-outage
title: Power outage
language: en
contact_reason: stoerung
---
# Power outage

The grid is run by Nordlicht Netz GmbH. See current faults on our website.
"""


def test_a_sentence_the_other_language_article_on_the_same_reason_says_is_in_a_source(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "kb"
    (folder / "de").mkdir(parents=True)
    (folder / "en").mkdir()
    (folder / "de" / "de-stoerung.md").write_text(GRID_DE, encoding="utf-8")
    (folder / "en" / "en-outage.md").write_text(GRID_EN, encoding="utf-8")
    cited = Passage(
        kb_id="en-outage",
        title="Power outage",
        text="The grid is run by Nordlicht Netz GmbH. See current faults on our website.",
        language="en",
        contact_reason="stoerung",
    )
    mail = "Outage\nOur freezer thawed during Sunday's power cut. Who pays?"

    def no_source(reply: str) -> list[DraftWarning]:
        data = CheckInput(body=reply, passages=[cited], customer_text=mail, language="en")
        found = run_checks(data, Settings(kb_dir=folder, company_phones=[], company_data=[]))
        return [w for w in found if "in no source (" in w.message]

    good = (
        "For longer interruptions in the grid, the grid operator is liable under statutory rules."
    )
    assert no_source(good) == []
    # a sentence no article says in either language stays in no source
    other = "Our staff choir rehearses every Thursday evening in the harbour church, do join us."
    assert no_source(other)
