"""Another person's data given out (drafter.drafting.third_party, through run_checks):
neighbours' readings, a relative's bank or number, a former tenant's address are flagged; a
refusal, a pointer without a value, the addressee's own data and a value the customer gave
are not. Replies written for this test."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from drafter.drafting.third_party import check_third_party
from drafter.models import Passage

SETTINGS = Settings(company_phones=["0431 5577-100"], customer_number_patterns=[])
ARTICLE = Passage(
    kb_id="de-zaehlerstand-melden",
    title="Zählerstand melden",
    text="Ihren Zählerstand melden Sie im Kundenportal. You can submit your meter reading in "
    "the portal. Auskünfte zu fremden Verträgen geben wir nur dem Vertragsinhaber.",
)
EMAIL_DE = (
    "Zählerstand\nHallo, wie hoch war der Verbrauch bei meinen Nachbarn im Haus? Mein Stand ist "
    "48211.\nGruß\nJens Albers"
)
EMAIL_EN = (
    "Meter\nHi, my mother Ruth Baker (customer KD-5512093) asked me to check her account.\n"
    "Thanks\nTom Baker"
)


def third_party(reply: str, lang: str) -> list[str]:
    email = EMAIL_DE if lang == "de" else EMAIL_EN
    data = CheckInput(body=reply, passages=[ARTICLE], customer_text=email, language=lang)
    return [w.span for w in run_checks(data, SETTINGS) if "someone else" in w.message]


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("Guten Tag Herr Albers,\n\nHerr Sommer im 1. OG hat zuletzt 27730 kWh verbraucht.", "de"),
        (
            "Guten Tag Herr Albers,\n\nFamilie Keller ist in die Lindenallee 14 gezogen, wir "
            "beliefern sie weiter.",
            "de",
        ),
        (
            "Dear Mr Baker,\n\nShe pays by direct debit from her account at Förde Sparkasse.",
            "en",
        ),
        ("Dear Mr Baker,\n\nHer meter number is 1NLT 8830 4412 and it was read in May.", "en"),
        (
            "Guten Tag Herr Albers,\n\nDie Rechnung ging an seine neue Anschrift Am Mühlenteich 7.",
            "de",
        ),
        (
            "Guten Tag Herr Albers,\n\nDie Lastschrift von seinem Konto über 61 EUR kam zurück, "
            "Kundennummer 7730119.",
            "de",
        ),
    ],
)
def test_another_persons_data_is_flagged(reply: str, lang: str) -> None:
    assert third_party(reply, lang)


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        # a refusal, a pointer without a value, the addressee, a value from the email, "er" =
        # a thing
        ("Dear Mr Baker,\n\nWe cannot give you her customer number or bank details.", "en"),
        ("Dear Mr Baker,\n\nYour mother will find her customer number on her bill.", "en"),
        ("Dear Mr Baker,\n\nHer customer number KD-5512093 is enough as a reference.", "en"),
        ("Guten Tag Herr Albers,\n\nIhr Stand von 48211 ist bei uns angekommen.", "de"),
        (
            "Guten Tag Herr Albers,\n\nDer Arbeitspreis gilt pro kWh; er wird mit Ihrem "
            "Verbrauch von 48211 kWh multipliziert.",
            "de",
        ),
    ],
)
def test_refusals_pointers_and_own_data_are_not(reply: str, lang: str) -> None:
    assert third_party(reply, lang) == []


def test_the_addressee_greeted_by_name_is_no_third_person() -> None:
    reply = "Sehr geehrte Frau Wendt,\n\nFrau Wendt, Ihr Zähler 1NLT 5521 0093 ist gemeldet."
    assert check_third_party(reply, "Hallo\nGruß\nAnke Wendt", "") == []


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        # a relative named by relation, a compound record after "ihrem", a two-word street
        ("Ihr Vater hat noch 312 EUR Rückstand bei uns.", "de"),
        ("Der Abschlag wird von ihrem Sparkonto mit der Endung 9021 abgebucht.", "de"),
        ("Your neighbour used 2,940 kWh last year.", "en"),
        ("She has moved to Holtenauer Straße 18.", "en"),
    ],
)
def test_relatives_compound_records_and_two_word_streets_are_flagged(reply: str, lang: str) -> None:
    greeting = "Guten Tag Herr Albers,\n\n" if lang == "de" else "Dear Mr Baker,\n\n"
    assert third_party(greeting + reply, lang)


def test_a_relative_without_a_value_is_not() -> None:
    assert third_party("Ihre Mutter kann uns gern selbst anrufen.", "de") == []
    assert third_party("Your landlord has to sign the owner's declaration.", "en") == []
