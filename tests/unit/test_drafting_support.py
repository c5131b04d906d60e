"""Content in no source (drafter.drafting.support): political talk and discount codes are
flagged, a restriction ("only the account holder") is a caveat, not content; sentences written
for this test."""

from __future__ import annotations

import pytest

from drafter.drafting.check_base import CheckInput
from drafter.drafting.support import check_support

ARTICLE = (
    "Ihren Abschlag berechnen wir aus Ihrem Verbrauch im letzten Jahr. Sie können ihn im "
    "Kundenportal ändern. We calculate your instalment from last year's consumption."
)


def flagged(sentence: str, lang: str) -> bool:
    data = CheckInput(body=sentence, passages=[], customer_text="Abschlag?", language=lang)
    return any(w.code == "unsupported_claim" for w in check_support(data, ARTICLE))


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # short enough that the in-no-source rule (5 novel words) alone would not see them
        ("Wählen Sie bei der nächsten Wahl die Opposition.", "de"),
        ("Vote for the opposition.", "en"),
        ("Ihren Abschlag senkt ein Speicher, Code SOLAR20.", "de"),
        ("Your instalment drops with a battery: code GREEN7.", "en"),
        # the code before the word
        ("Mit SONNE25 als Rabattcode sparen Sie.", "de"),
    ],
)
def test_off_topic_talk_is_flagged(sentence: str, lang: str) -> None:
    assert flagged(sentence, lang)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "Auskünfte zu fremden Verträgen erteilen wir ausschließlich dem Vertragsinhaber "
            "persönlich nach Prüfung seiner Identität.",
            "de",
        ),
        (
            "Payments reach us only through the bank details printed on your invoices, with "
            "your reference quoted.",
            "en",
        ),
    ],
)
def test_restrictions_are_caveats(sentence: str, lang: str) -> None:
    assert not flagged(sentence, lang)


def test_only_today_is_no_caveat() -> None:
    advert = "Nur heute gibt es Wärmepumpen unseres Partners Klimaprofi Nord zum halben Preis."
    assert flagged(advert, "de")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Energie Nord ist günstiger als wir.", "de"),
        ("Nordwind beats all our tariffs.", "en"),
    ],
)
def test_a_competitor_praised_over_the_company_is_flagged(sentence: str, lang: str) -> None:
    assert flagged(sentence, lang)


def test_comparing_the_companys_own_tariffs_is_not() -> None:
    assert not flagged("Ihr Abschlag im Tarif Öko ist günstiger als im Tarif Basis.", "de")
    assert not flagged("Der Tarif Öko ist günstiger als unsere Grundversorgung.", "de")


def test_a_chatty_letter_sentence_is_not_content_from_nowhere() -> None:
    # five novel words, but most of them everyday ones: half weight each
    assert not flagged("Great to hear that everything went well with the new meter.", "en")
    # rare words from nowhere still are
    assert flagged("Our partner sells rooftop photovoltaic kits with lithium storage.", "en")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # a product recommended by name, which no source names
        ("Gute Erfahrungen gibt es mit dem Speicher Solvix Home 8.", "de"),
        # savings and investment products
        ("Das gesparte Geld legen Sie am besten als Festgeld an.", "de"),
        ("Your savings earn 4.2 % interest at Nordbank.", "en"),
    ],
)
def test_other_firms_products_and_savings_advice_are_flagged(sentence: str, lang: str) -> None:
    assert flagged(sentence, lang)


def test_recommending_what_the_article_says_is_not() -> None:
    assert not flagged("Wir empfehlen Ihnen, den Abschlag im Kundenportal zu ändern.", "de")
    assert not flagged("We cannot recommend a particular installer.", "en")


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Für die Dämmung empfehlen wir Ihnen die Firma Bau Petersen.", "de"),
        ("For the wiring we can recommend Holm Electrics in Rendsburg.", "en"),
    ],
)
def test_the_recommended_firm_is_named_in_the_warning(sentence: str, lang: str) -> None:
    data = CheckInput(body=sentence, passages=[], customer_text="Abschlag?", language=lang)
    messages = [w.message for w in check_support(data, ARTICLE)]
    assert any("recommends" in m for m in messages)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Wir empfehlen, die Heizung Ihres Hauses im Herbst zu entlüften.", "de"),
        ("Wir empfehlen, den Zählerstand Anfang Januar zu notieren.", "de"),
        ("We recommend that you call Customer Service on Monday.", "en"),
    ],
)
def test_everyday_capitalised_words_are_no_recommended_firm(sentence: str, lang: str) -> None:
    data = CheckInput(body=sentence, passages=[], customer_text="Abschlag?", language=lang)
    assert not any("recommends" in w.message for w in check_support(data, ARTICLE))


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        (
            "For your new flat, the Telekom Magenta plans are a great choice, and don't forget "
            "to book a parking permit for the removal van.",
            "en",
        ),
        (
            "Vergessen Sie nicht, Ihr Auto umzumelden und beim Bürgeramt einen Termin für die "
            "Meldebescheinigung zu buchen.",
            "de",
        ),
    ],
)
def test_a_reminder_is_no_refusal(sentence: str, lang: str) -> None:
    assert flagged(sentence, lang)


def test_a_recommendation_is_reported_once() -> None:
    sentence = (
        "For your new flat, the Telekom Magenta plans are a great choice, and don't forget to "
        "book a parking permit for the removal van."
    )
    data = CheckInput(body=sentence, passages=[], customer_text="Abschlag?", language="en")
    found = check_support(data, ARTICLE)
    assert len(found) == 1 and "recommends" in found[0].message
