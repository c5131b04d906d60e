"""Round-22 reply checks: classes of the wrong verdicts of the retired reply sets test3 and
test4, each a named rule, through run_checks. Articles, mails and sentences written for this
test (none copied from a data set)."""

from __future__ import annotations

import datetime
from pathlib import Path

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from tests.unit.reply_checks import RISKY
from tests.unit.reply_checks import article as _article
from tests.unit.reply_checks import risky as _risky

VISIT = _article(
    "en-meter-swap",
    "A technician swaps your meter on a weekday between 7 am and 4 pm. If nobody is at home, "
    "a call-out fee of 45 EUR applies. An adult must be present.",
    "en",
)
VISIT_DE = _article(
    "de-zaehlertausch",
    "Ein Techniker tauscht Ihren Zähler werktags zwischen 7 und 16 Uhr. Ist niemand zu Hause, "
    "berechnen wir eine Anfahrtspauschale von 45 EUR. Eine erwachsene Person muss da sein.",
    "de",
)
TARIFF = _article(
    "en-heat-tariffs",
    "Nordwärme Flex costs 10.40 ct/kWh. You can change tariff once a year in the portal.",
    "en",
)
TARIFF_DE = _article(
    "de-waermetarife",
    "Nordwärme Flex kostet 10,40 ct/kWh. Den Tarif wechseln Sie einmal im Jahr im Portal.",
    "de",
)
PAYING = _article(
    "en-paying",
    "You can pay by direct debit or bank transfer. At our shop on Marktweg 3 you can also pay "
    "by debit card.",
    "en",
)
REFUND = _article(
    "en-payout",
    "We pay out a credit within 21 days of the bill date to your account.",
    "en",
)
TERM = _article(
    "de-laufzeit",
    "Der Tarif Nordwärme Fix hat eine Erstlaufzeit von 12 Monaten. Danach können Sie mit "
    "1 Monat Frist kündigen.",
    "de",
)


def test_a_charge_the_company_says_it_will_not_make_is_a_commitment() -> None:
    mail = "Missed visit\nI was late by ten minutes. Please don't bill me the 45 EUR."
    for bad in (
        "This time we will not charge the 45 EUR.",
        "We won't be charging you the call-out fee.",
        "In your case, we are not going to bill the 45 EUR fee.",
    ):
        assert "commitment" in _risky(bad, [VISIT], mail, "en"), bad
    mail_de = "Termin verpasst\nIch kam 10 Minuten zu spät. Bitte keine 45 EUR berechnen."
    for bad in (
        "Die 45 EUR berechnen wir Ihnen diesmal nicht.",
        "Wir werden Ihnen die Anfahrtspauschale nicht in Rechnung stellen.",
        "Diesmal stellen wir Ihnen die 45 EUR nicht in Rechnung.",
    ):
        assert "commitment" in _risky(bad, [VISIT_DE], mail_de, "de"), bad
    # the article's rule, a refusal, or a condition stays clean
    for good in (
        "If nobody is at home, a call-out fee of 45 EUR applies [1].",
        "I can't promise that we will not charge the fee; a colleague checks it.",
    ):
        assert "commitment" not in _risky(good, [VISIT], mail, "en"), good
    good_de = "Ist niemand zu Hause, berechnen wir eine Anfahrtspauschale von 45 EUR [1]."
    assert "commitment" not in _risky(good_de, [VISIT_DE], mail_de, "de")


def test_an_appointment_or_switch_confirmed_to_the_customer_is_a_commitment() -> None:
    mail = "New date\nCan the technician come on Saturday instead? And switch me to Flex."
    for bad in (
        "Your new appointment is confirmed for Saturday, 9 am.",
        "We confirm your switch to Nordwärme Flex from 1 March.",
        "I can confirm your change of tariff as discussed on the phone.",
    ):
        assert "commitment" in _risky(bad, [VISIT, TARIFF], mail, "en"), bad
    mail_de = "Neuer Termin\nKann der Techniker am Samstag kommen? Und bitte auf Flex wechseln."
    for bad in (
        "Ihr neuer Termin ist für Samstag, 9 Uhr, bestätigt.",
        "Wir bestätigen Ihnen Ihren Wechsel in den Tarif Nordwärme Flex zum 1. März.",
    ):
        assert "commitment" in _risky(bad, [VISIT_DE, TARIFF_DE], mail_de, "de"), bad
    for good in (
        "We confirm receipt of your request; a colleague will call you about a new date.",
        "Once your appointment is confirmed, you receive a text message.",
    ):
        assert "commitment" not in _risky(good, [VISIT, TARIFF], mail, "en"), good
    good_de = "Wir bestätigen Ihnen den Eingang Ihres Wunsches; ein Kollege meldet sich."
    assert "commitment" not in _risky(good_de, [VISIT_DE, TARIFF_DE], mail_de, "de")


def test_a_price_said_to_stay_the_same_for_the_customer_is_a_commitment() -> None:
    mail = "Moving\nI am moving to Lübeck. Does my price stay at 10.40 ct?"
    for bad in (
        "Your unit price stays at 10.40 ct/kWh after the move.",
        "Your price will remain exactly the same in your new home.",
    ):
        assert "commitment" in _risky(bad, [TARIFF], mail, "en"), bad
    mail_de = "Umzug\nIch ziehe nach Lübeck. Bleibt mein Preis gleich?"
    for bad in (
        "Ihr Arbeitspreis bleibt auch in Lübeck derselbe.",
        "Ihr Preis bleibt nach dem Umzug unverändert.",
    ):
        assert "commitment" in _risky(bad, [TARIFF_DE], mail_de, "de"), bad
    # a conditional or a question is no promise; the article's price stated is none either
    for good in (
        "Nordwärme Flex costs 10.40 ct/kWh [1].",
        "Whether your price stays the same depends on the grid fees at the new address.",
    ):
        assert "commitment" not in _risky(good, [TARIFF], mail, "en"), good
    good_de = "Ob Ihr Preis gleich bleibt, hängt von den Netzentgelten am neuen Ort ab."
    assert "commitment" not in _risky(good_de, [TARIFF_DE], mail_de, "de")


def test_a_payment_channel_refused_with_a_contracted_negation_is_no_request() -> None:
    mail = "Paying\nCan I pay cash at your shop, or by PayPal?"
    for good in (
        "At our shop you can pay by debit card [1]; cash isn't accepted.",
        "PayPal isn't one of our payment methods, and we don't take cash.",
        "Cash payments aren't possible; please use direct debit or bank transfer [1].",
    ):
        assert "payment" not in _risky(good, [PAYING], mail, "en"), good
    assert "payment" in _risky("You can also pay cash to the shop [1].", [PAYING], mail, "en")


def test_days_left_of_a_period_are_worked_out_not_invented() -> None:
    mail = "Credit\nMy bill from 5 days ago shows a credit. When do I get it?"
    good = "Your bill is 5 days old, so the money arrives within the next 16 days [1]."
    assert "unsupported_claim" not in _risky(good, [REFUND], mail, "en")
    # a figure no difference gives stays unsupported
    bad = "Your bill is 5 days old, so the money arrives within the next 13 days [1]."
    assert "unsupported_claim" in _risky(bad, [REFUND], mail, "en")


def test_the_year_of_a_month_the_customer_named_is_no_invented_figure() -> None:
    this_year = datetime.date.today().year
    mail = "Kündigung\nIch habe im Februar den Tarif Nordwärme Fix abgeschlossen."
    good = (
        f"Bei einem Vertragsbeginn im Februar {this_year} endet die Erstlaufzeit nach 12 Monaten."
    )
    assert "unsupported_claim" not in _risky(good, [TERM], mail, "de")
    # a year far away, or with a month the customer never named, is still a figure
    for bad in (
        "Bei einem Vertragsbeginn im Februar 2011 endet die Erstlaufzeit nach 12 Monaten.",
        f"Ihr Vertrag wurde im Juli {this_year} geschlossen und läuft 12 Monate.",
    ):
        assert "unsupported_claim" in _risky(bad, [TERM], mail, "de"), bad


KB = Path(__file__).resolve().parents[2] / "kb"


def test_a_menu_of_another_language_article_named_as_such_is_no_invented_sentence() -> None:
    """An English reply pointing at a German article's portal menu (kb/de says "Persönliche
    Daten > Postversand"): the words about the source and the article's own menu path are no
    sentence from nowhere; a longer menu path no article has still counts as the reply's
    words."""
    login = _article(
        "en-portal-login",
        "Log in to the customer portal with your email address and password.",
        "en",
    )
    mail = "Paper bill\nHow do I get my bills online instead of by post?"
    config = Settings(kb_dir=str(KB))

    def risky(reply: str, settings: Settings = config) -> set[str]:
        data = CheckInput(body=reply, passages=[login], customer_text=mail, language="en")
        return {w.code for w in run_checks(data, settings)} & RISKY

    good = (
        "You change that yourself: the German article names the menu Persönliche Daten > "
        "Postversand."
    )
    assert "unsupported_claim" not in risky(good)
    bad = (
        "You change that yourself: the German article names the menu Persönliche Daten > "
        "Papierablage > Sonderwünsche Express."
    )
    assert "unsupported_claim" in risky(bad, Settings(kb_dir="/nonexistent"))


def test_a_language_word_outside_a_sentence_about_the_sources_is_still_a_claim() -> None:
    """'German' names the article's language only where the sentence points at an article,
    menu or section; advice resting on German tenancy law that no source gives stays a
    sentence from nowhere (before: 'german' counted as a word about the sources everywhere,
    and such a reply drifting into legal advice went through)."""
    fibre = _article(
        "en-fibre-owner",
        "Tenants need the owner to sign the owner's declaration before we build the "
        "connection. Send the signed form to us by post or upload it in the portal.",
        "en",
    )
    mail = (
        "My landlord will not sign the owner's declaration for the fibre connection. What are "
        "my rights? Can I reduce my rent until he signs?"
    )
    legal = (
        "Under German tenancy law your landlord generally has to tolerate this, so set him a "
        "deadline."
    )
    assert "unsupported_claim" in _risky(legal, [fibre], mail, "en")
    pointing = "The German article names the form in its section on tenants."
    assert "unsupported_claim" not in _risky(pointing, [fibre], mail, "en")
