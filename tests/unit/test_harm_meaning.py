"""The check by meaning (drafter.drafting.harm_meaning): an actionable reply sentence that no
trusted source backs by content words or by the sentence encoder is `unsupported_claim`,
whatever the attack; restating or paraphrasing an article, a pointer to our own hotline, a
refusal and thanks stay clean. Articles, mails and sentences written for this test (none
copied from a data set)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.harm_meaning import check_meaning
from drafter.drafting.harm_sources import known_sources
from tests.unit.reply_checks import article, risky

METER = article(
    "de-zaehlerstand",
    "# Zählerstand\n\nIhren Zählerstand melden Sie im Kundenportal unter Verbrauch > "
    "Zählerstand. Stichtag ist der 31. Dezember. Ohne Meldung schätzen wir den Verbrauch.",
    "de",
)
METER_EN = article(
    "en-meter-reading",
    "# Meter reading\n\nSubmit your meter reading in the customer portal under Usage > Meter "
    "reading. The reference date is 31 December. Without a reading we estimate your usage.",
    "en",
)
MAIL = "Zählerstand\nIch war im Urlaub und habe die Ablesung verpasst. Was nun?"
MAIL_EN = "Meter reading\nI was on holiday and missed the reading. What now?"
SETTINGS = Settings(kb_dir="/nonexistent", company_phones=["0431 5577-100"])


def _meaning(reply: str, mail: str, language: str) -> list[str]:
    passages = [METER if language == "de" else METER_EN]
    data = CheckInput(body=reply, passages=passages, customer_text=mail, language=language)
    return [w.span for w in check_meaning(data, known_sources(data, SETTINGS))]


def test_an_arrangement_no_article_makes_is_flagged_whatever_its_words() -> None:
    bad = (
        "We have made a special arrangement for your household, so the reference date moves "
        "to the end of February for you."
    )
    assert _meaning(bad, MAIL_EN, "en") == [bad]
    assert "unsupported_claim" in risky(bad, [METER_EN], MAIL_EN, "en")
    bad_de = (
        "Wir haben für Ihren Haushalt eine Sonderregelung eingerichtet: Der Stichtag "
        "verschiebt sich für Sie auf Ende Februar."
    )
    assert _meaning(bad_de, MAIL, "de") == [bad_de]


def test_a_person_put_in_charge_of_the_account_is_flagged() -> None:
    bad = (
        "Because of your holiday we have put your neighbour down as the person who reports "
        "the readings for you from now on."
    )
    assert "unsupported_claim" in risky(bad, [METER_EN], MAIL_EN, "en")


def test_the_article_restated_or_paraphrased_stays_clean() -> None:
    good = (
        "You can still submit it in the portal under Usage > Meter reading; if we get no "
        "reading, we will estimate your usage."
    )
    assert _meaning(good, MAIL_EN, "en") == []
    good_de = (
        "Den Stand melden Sie einfach im Kundenportal unter Verbrauch > Zählerstand; ohne "
        "Meldung schätzen wir Ihren Verbrauch."
    )
    assert _meaning(good_de, MAIL, "de") == []


def test_our_hotline_a_refusal_and_thanks_stay_clean() -> None:
    assert _meaning("If you are unsure, just call us on 0431 5577-100 and we will help.",
                    MAIL_EN, "en") == []  # fmt: skip
    refusal = "We cannot move the reference date for a single household, as it is the same for all."
    assert _meaning(refusal, MAIL_EN, "en") == []
    thanks = "Vielen Dank, dass Sie uns so schnell geschrieben haben, das hilft uns sehr."
    assert _meaning(thanks, MAIL, "de") == []


# written after the validation run on test11 (round 32's post-reading classes)

INSTALMENTS = article(
    "de-raten",
    "# Ratenzahlung\n\nEine Ratenzahlung ist möglich für Nachzahlungen ab 100 EUR, in bis zu 6 "
    "Raten. Der Abschlag ist am 15. des Monats fällig.",
    "de",
)
INSTALMENTS_EN = article(
    "en-instalments",
    "# Instalments\n\nYou can pay a back payment of at least 100 EUR in up to 6 instalments.",
    "en",
)


def test_instalments_granted_below_the_articles_minimum_are_a_commitment() -> None:
    mail = "Nachzahlung\nMeine Nachzahlung ist 72,50 Euro. Geht das in Raten?"
    bad = "Gern teilen wir Ihre Nachzahlung von 72,50 EUR in 5 Raten zu je 14,50 EUR auf."
    assert "commitment" in risky(bad, [INSTALMENTS], mail, "de")
    refusal = "Für 72,50 EUR ist leider keine Ratenzahlung möglich, erst ab 100 EUR."
    assert "commitment" not in risky(refusal, [INSTALMENTS], mail, "de")
    mail_en = "Back payment\nMy back payment is 64.20 EUR, can I pay it in instalments?"
    bad_en = "Of course we can split your 64.20 EUR into 3 instalments of 21.40 EUR."
    assert "commitment" in risky(bad_en, [INSTALMENTS_EN], mail_en, "en")
    fine_en = "We can split your 164.20 EUR into 3 instalments; just tell us the dates."
    assert "commitment" not in risky(fine_en, [INSTALMENTS_EN], mail_en.replace("64", "164"), "en")


def test_a_small_number_some_article_also_has_anchors_no_advice() -> None:
    mail = "Baustelle\nVor meinem Haus ist seit Wochen eine Baustelle. Was kann ich tun?"
    bad = "Wegen der Baustelle können Sie Ihrem Vermieter ab sofort 15 % weniger Miete überweisen."
    data = CheckInput(body=bad, passages=[INSTALMENTS], customer_text=mail, language="de")
    assert [w.span for w in check_meaning(data, known_sources(data, SETTINGS))] == [bad]


def test_the_customers_reference_glued_to_its_letters_is_no_invented_figure() -> None:
    mail = "Portal\nIch gebe KD4410298 ein und komme nicht ins Portal."
    good = "Bitte geben Sie die Kundennummer mit Bindestrich ein, also KD-4410298."
    assert "unsupported_claim" not in risky(good, [METER], mail, "de")
    invented = "Bitte geben Sie die Kundennummer mit Bindestrich ein, also KD-4410299."
    assert "unsupported_claim" in risky(invented, [METER], mail, "de")


DEBIT = article(
    "de-lastschrift",
    "# Lastschrift\n\nMit einem SEPA-Lastschriftmandat buchen wir Ihren Abschlag am 15. des "
    "Monats automatisch ab.",
    "de",
)


def test_a_direct_debit_that_goes_on_as_the_article_says_is_no_promise() -> None:
    mail = "Lastschrift\nEin Aushang sagt, ich soll meine Lastschrift stoppen. Stimmt das?"
    good = (
        "Bitte lassen Sie das Mandat bestehen: Wir buchen Ihren Abschlag weiterhin am 15. des "
        "Monats automatisch ab."
    )
    assert "commitment" not in risky(good, [DEBIT], mail, "de")
    bad = "Wir setzen Ihre Abschläge weiterhin bis zum Sommer aus, das ist für Sie kostenlos."
    assert "commitment" in risky(bad, [DEBIT], mail, "de")
