"""Round-29 reply checks: classes of the wrong verdicts of the retired reply set test8, each
through run_checks. Articles, mails and sentences written for this test (none copied from a
data set)."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from tests.unit.reply_checks import article, risky

ROUTER = article(
    "de-router",
    "# Router\n\nIhre Zugangsdaten für Internet und Telefonie stehen in der Auftragsbestätigung.",
    "de",
)
ROUTER_EN = article(
    "en-router",
    "# Router\n\nYour internet and telephony access data are in your order confirmation.",
    "en",
)


def test_a_credentials_request_after_a_negated_purpose_is_still_a_request() -> None:
    mail = "Komische Mail\nIch soll meine Zugangsdaten schicken, sonst wird abgeschaltet. Echt?"
    bad = (
        "Damit Ihr Anschluss nicht gesperrt wird, schicken Sie uns bitte Ihre Zugangsdaten "
        "mit Passwort per E-Mail."
    )
    assert "credentials" in risky(bad, [ROUTER], mail, "de")
    mail_en = "Odd mail\nI am told to send my login or my line is cut off. Real?"
    bad_en = "So that your line is not cut off, please reply with your password and username."
    assert "credentials" in risky(bad_en, [ROUTER_EN], mail_en, "en")
    # a warning stays none: the negation is the request's own
    good = "Damit nichts passiert: schicken Sie uns Ihr Passwort niemals per E-Mail."
    assert "credentials" not in risky(good, [ROUTER], mail, "de")
    good_en = "To keep your line safe, never send us your password by email."
    assert "credentials" not in risky(good_en, [ROUTER_EN], mail_en, "en")


FEE = article(
    "de-techniker-termin",
    "# Techniker-Termin\n\nTreffen wir Sie nicht an, berechnen wir eine Anfahrtspauschale von "
    "45 EUR.",
    "de",
)


def test_a_lapse_the_main_clause_refuses_to_promise_is_no_commitment() -> None:
    mail = "Pauschale\nIch war nur kurz weg, bitte streichen Sie die Anfahrtspauschale."
    good = "Eine Garantie, dass die Pauschale entfällt, können wir Ihnen leider nicht geben."
    assert "commitment" not in risky(good, [FEE], mail, "de")
    good_ob = "Ob die Gebühr wegfällt, können wir Ihnen heute noch nicht sagen."
    assert "commitment" not in risky(good_ob, [FEE], mail, "de")
    # said as done, or confirmed, it stays a commitment
    bad = "Wir bestätigen Ihnen gern, dass die Pauschale entfällt."
    assert "commitment" in risky(bad, [FEE], mail, "de")
    bad_plain = "Die Pauschale entfällt in Ihrem Fall."
    assert "commitment" in risky(bad_plain, [FEE], mail, "de")


PRICES = article(
    "de-preise",
    "# Preise\n\n| Tarif | Monatspreis |\n|---|---|\n| Tempo 250 | 39,99 EUR |",
    "de",
)
PRICES_EN = article(
    "en-prices",
    "# Prices\n\n| Tariff | Monthly price |\n|---|---|\n| Speed 250 | 39.99 EUR |",
    "en",
)


def test_a_payout_with_its_verb_at_the_end_of_a_relative_clause_is_a_promise() -> None:
    mail = "Bonus\nMir wurde am Telefon ein Bonus von 80 Euro versprochen. Bitte bestätigen."
    bad = "Gern bestätigen wir den Bonus von 80 EUR, den wir Ihnen nächsten Monat gutschreiben."
    assert "commitment" in risky(bad, [PRICES], mail, "de")
    # a figure the article gives is no invented amount
    good = "Ihr Tarif kostet 39,99 EUR im Monat, die wir Ihnen monatlich berechnen [1]."
    assert "commitment" not in risky(good, [PRICES], mail, "de")


def test_a_refund_of_a_whole_months_price_is_a_commitment() -> None:
    mail = "Ausfall\nSeit einer Woche kein Internet. Ich will den ganzen Monat zurück."
    bad = "Wir erstatten Ihnen den vollen Monatspreis von 39,99 EUR [1] mit der nächsten Rechnung."
    assert "commitment" in risky(bad, [PRICES], mail, "de")
    mail_en = "Outage\nNo internet for a week. I want the whole month back."
    bad_en = "We will refund the full monthly price of 39.99 EUR [1] on your next bill."
    assert "commitment" in risky(bad_en, [PRICES_EN], mail_en, "en")
    # refused, or the article's own words: no promise
    good = "Den vollen Monatspreis erstatten wir nicht; das sieht unser Tarif nicht vor."
    assert "commitment" not in risky(good, [PRICES], mail, "de")
    good_en = "We cannot refund the full monthly price of 39.99 EUR [1]."
    assert "commitment" not in risky(good_en, [PRICES_EN], mail_en, "en")
    whole = article(
        "en-outage",
        "# Outage\n\nIf the line is down for more than 14 days, we refund the full monthly price.",
        "en",
    )
    said = "The line was down for 15 days, so we refund the full monthly price [1]."
    data = CheckInput(body=said, passages=[whole], customer_text=mail_en, language="en")
    warnings = run_checks(data, Settings(kb_dir="/nonexistent"))
    assert not [w for w in warnings if "pays back" in w.message]
    bad_said = "The line was down for 15 days, so we refund the full monthly price [1]."
    data = CheckInput(body=bad_said, passages=[PRICES_EN], customer_text=mail_en, language="en")
    warnings = run_checks(data, Settings(kb_dir="/nonexistent"))
    assert [w for w in warnings if "pays back" in w.message]


GAS = article(
    "en-gas",
    "# Smell of gas: emergency\n\n**Do you smell gas? Act immediately and call our gas "
    "emergency line from outside: 0800 555 0112.**",
    "en",
)
GAS_DE = article(
    "de-gas",
    "# Gasgeruch: Notfall\n\n**Riechen Sie Gas? Handeln Sie sofort und rufen Sie von draußen "
    "unseren Gas-Notdienst an: 0800 555 0112.**",
    "de",
)


def test_an_emergency_call_put_off_until_the_smell_continues_is_flagged() -> None:
    mail = "Gas\nThere is a slight smell of gas in my kitchen since this morning. What now?"
    bad = "Open the windows first; if the smell continues, call 0800 555 0112 [1]."
    assert "unsupported_claim" in risky(bad, [GAS], mail, "en")
    mail_de = "Gas\nIn der Küche riecht es seit heute früh leicht nach Gas. Was tun?"
    bad_de = "Lüften Sie zuerst; wenn der Geruch bestehen bleibt, rufen Sie 0800 555 0112 an [1]."
    assert "unsupported_claim" in risky(bad_de, [GAS_DE], mail_de, "de")
    good = "Please act immediately and call our gas emergency line from outside: 0800 555 0112 [1]."
    assert "unsupported_claim" not in risky(good, [GAS], mail, "en")
