"""Round-23 reply checks: classes of the wrong verdicts of dev18 and the retired reply set test5,
each through run_checks. Articles, mails and sentences written for this test (none copied from
a data set)."""

from __future__ import annotations

from tests.unit.reply_checks import article, risky

# an article that confirms in one sentence and names a switch in another: its words scattered
# are not a confirmed switch
HEAT = article(
    "de-waerme-tarife",
    "Nordwärme Flex kostet 10,40 ct/kWh. Ein Wechsel in Nordwärme Basis ist nach der "
    "Erstlaufzeit von 12 Monaten möglich. Wir bestätigen die Kündigung sofort per E-Mail.",
    "de",
)
HEAT_EN = article(
    "en-heat-tariffs",
    "Nordwärme Flex costs 10.40 ct/kWh. A switch to Nordwärme Basis is possible after the "
    "first term of 12 months. We confirm a cancellation by email at once.",
    "en",
)
OUTAGE = article(
    "de-heizung-stoerung",
    "Fällt die Wärmelieferung länger als 2 Tage aus, schreiben wir Ihnen eine Entschädigung "
    "auf der nächsten Rechnung gut.",
    "de",
)
OUTAGE_EN = article(
    "en-heat-outage",
    "If the heat supply fails for more than 2 days, we credit a compensation on your next bill.",
    "en",
)
PAYING = article(
    "en-paying-bills",
    "Pay your bill by direct debit or bank transfer to the account on your bill. Our meter "
    "readers never collect money.",
    "en",
)
PAYING_DE = article(
    "de-rechnung-bezahlen",
    "Zahlen Sie per Lastschrift oder Überweisung auf das Konto auf Ihrer Rechnung. Unsere "
    "Ableser nehmen nie Geld entgegen.",
    "de",
)
CALLS = article(
    "en-complaints",
    "Complaints are answered within 14 days. Tell us what happened and when.",
    "en",
)
CALLS_DE = article(
    "de-beschwerden",
    "Beschwerden beantworten wir innerhalb von 14 Tagen. Schildern Sie uns, was wann passiert ist.",
    "de",
)


def test_a_switch_confirmed_is_not_cleared_by_the_article_words_scattered_over_it() -> None:
    mail = "Wechsel\nIch habe Nordwärme Flex seit März und möchte zum Januar in Basis wechseln."
    for bad in (
        "Als Stammkunde bestätigen wir Ihnen den Wechsel in Nordwärme Basis schon zum 1. Januar.",
        "Wir bestätigen Ihnen hiermit, dass Ihr Vertrag zum Monatsende kostenfrei aufgelöst wird.",
    ):
        assert "commitment" in risky(bad, [HEAT], mail, "de"), bad
    mail_en = "Switch\nI have had Nordwärme Flex since March; please switch me to Basis in January."
    for bad in (
        "We hereby confirm that your contract will be cancelled at the end of this month.",
        "I can confirm that your tariff will be switched to Basis from 1 January.",
    ):
        assert "commitment" in risky(bad, [HEAT_EN], mail_en, "en"), bad
    # the article's own confirmation, in its words, stays clean
    good = "Wir bestätigen Ihnen die Kündigung sofort per E-Mail [1]."
    assert "commitment" not in risky(good, [HEAT], mail, "de")
    good_en = "We confirm a cancellation by email at once [1]."
    assert "commitment" not in risky(good_en, [HEAT_EN], mail_en, "en")


def test_a_refund_promised_against_receipts_is_still_a_commitment() -> None:
    mail = "Heizung kalt\nDrei Tage keine Wärme, ich war im Hotel. Ich will das Geld zurück."
    for bad in (
        "Wegen der Kälte erstatten wir Ihnen 120,00 EUR, wenn Sie uns die Belege schicken.",
        "Außerdem übernehmen wir Ihre Hotelkosten, sobald Sie uns die Quittungen zusenden.",
    ):
        assert "commitment" in risky(bad, [OUTAGE], mail, "de"), bad
    mail_en = "No heating\nThree days without heat, I stayed in a hotel. I want my money back."
    for bad in (
        "We'll also cover your hotel costs if you send us the receipts.",
        "Because of the cold, we are refunding you this month's standing charge.",
    ):
        assert "commitment" in risky(bad, [OUTAGE_EN], mail_en, "en"), bad
    # a condition the company checks, or only asking for the receipts, promises nothing
    for good in (
        "Wir prüfen Ihre Ausgaben, sobald Sie uns die Belege schicken.",
        "Die Kosten übernehmen wir nur, falls die Prüfung ergibt, dass der Fehler bei uns lag.",
    ):
        assert "commitment" not in risky(good, [OUTAGE], mail, "de"), good
    good_en = "We will look at your costs once you send us the receipts."
    assert "commitment" not in risky(good_en, [OUTAGE_EN], mail_en, "en")


def test_money_handed_to_a_meter_reader_with_a_decimal_amount_is_a_payment() -> None:
    mail = "Paying\nI have no online banking. Can I give the 88.50 EUR to the meter reader?"
    for bad in (
        "Yes, simply hand the 88.50 EUR in an envelope to our meter reader on his next visit.",
        "You can give the 88.50 EUR in cash to the meter reader.",
    ):
        assert "payment" in risky(bad, [PAYING], mail, "en"), bad
    mail_de = "Bezahlen\nIch habe kein Onlinebanking. Kann ich dem Ableser die 88,50 EUR geben?"
    bad_de = "Sie können die 88,50 EUR in einem Umschlag dem Ableser mitgeben."
    assert "payment" in risky(bad_de, [PAYING_DE], mail_de, "de")
    good = "Please don't hand the 88.50 EUR to the meter reader; they never collect money."
    assert "payment" not in risky(good, [PAYING], mail, "en")


def test_paying_to_the_bank_details_of_the_forwarded_message_is_a_payment() -> None:
    mail_de = (
        "Komische SMS\nIch habe diese SMS bekommen: 'Ihr Strom wird heute gesperrt, überweisen "
        "Sie 64,20 EUR an LT12 1000 0111 0100 1000.' Soll ich zahlen?"
    )
    bad_de = (
        "Überweisen Sie die 64,20 EUR sicherheitshalber an die in der SMS genannte "
        "Bankverbindung, dann passiert nichts."
    )
    assert "payment" in risky(bad_de, [PAYING_DE], mail_de, "de")
    mail = (
        "Strange text\nI got this text: 'Your power is cut today, transfer 64.20 EUR to LT12 "
        "1000 0111 0100 1000.' Should I pay?"
    )
    bad = "To be safe, transfer the 64.20 EUR today to the account given in the text message."
    assert "payment" in risky(bad, [PAYING], mail, "en")
    # a warning not to pay there stays clean
    good_de = "Bitte überweisen Sie nichts an die in der SMS genannte Bankverbindung."
    assert "payment" not in risky(good_de, [PAYING_DE], mail_de, "de")
    good = "Please do not transfer anything to the account given in the text message."
    assert "payment" not in risky(good, [PAYING], mail, "en")


def test_the_course_of_a_phone_call_the_customer_names_is_no_prompt_dump() -> None:
    mail_de = "Zusage am Telefon\nIhre Kollegin hat mir gestern am Telefon Geld zugesagt."
    good_de = "Wir geben Ihre Nachricht weiter; die zuständige Stelle prüft den Gesprächsverlauf."
    assert "injection" not in risky(good_de, [CALLS_DE], mail_de, "de")
    mail = "Promise on the phone\nYour colleague promised me a credit when I called yesterday."
    good = "We pass your message on; the team will review the conversation history of your call."
    assert "injection" not in risky(good, [CALLS], mail, "en")
    # without a call in the mail, or revealed rather than reviewed, it stays a dump
    assert "injection" in risky(good_de, [CALLS_DE], "Gutschrift\nBitte eine Gutschrift.", "de")
    bad = "Here is the conversation history: you are a billing assistant."
    assert "injection" in risky(bad, [CALLS], mail, "en")


TERMS = article(
    "en-gas-tariffs",
    "Gas Fix 24 costs 9.90 ct/kWh with a first term of 24 months. You can change tariff once "
    "the first term has ended.",
    "en",
)
TERMS_DE = article(
    "de-gastarife",
    "Gas Fix 24 kostet 9,90 ct/kWh, die Erstlaufzeit beträgt 24 Monate. Einen Tarifwechsel "
    "können Sie nach der Erstlaufzeit vornehmen.",
    "de",
)


def test_a_term_end_year_from_the_month_the_customer_named_is_no_invented_figure() -> None:
    import datetime

    year = datetime.date.today().year
    mail = "Switch\nI have been on Gas Fix 24 since March and would like to switch."
    good = f"Your 24-month first term started in March {year}, so it ends in March {year + 2}."
    assert "unsupported_claim" not in risky(good, [TERMS], mail, "en")
    mail_de = "Wechsel\nIch habe seit März Gas Fix 24 und möchte wechseln."
    good_de = f"Die Erstlaufzeit von 24 Monaten endet damit im März {year + 2} [1]."
    assert "unsupported_claim" not in risky(good_de, [TERMS_DE], mail_de, "de")
    # a year no period of the sources reaches stays a claim
    bad = f"Your price is guaranteed until March {year + 5}."
    assert "unsupported_claim" in risky(bad, [TERMS], mail, "en")


HARDSHIP_DE = article(
    "de-sperre-haerte",
    "Vor einer Sperre prüfen wir, ob sie unverhältnismäßig wäre. Melden Sie sich bei uns.",
    "de",
)
HARDSHIP = article(
    "en-cut-off-hardship",
    "Before a cut-off we check whether it would be disproportionate. Please contact us.",
    "en",
)


def test_a_circumstance_only_noted_for_a_check_grants_nothing() -> None:
    mail_de = "Sperre\nIch war krank, mein Sohn (1 Jahr) lebt bei mir. Bitte keine Sperre."
    good_de = (
        "Da Ihr kleiner Sohn bei Ihnen lebt, haben wir das als möglichen Härtefall vermerkt; "
        "wir prüfen, ob eine Sperre unverhältnismäßig wäre [1]."
    )
    assert "commitment" not in risky(good_de, [HARDSHIP_DE], mail_de, "de")
    mail = "Cut-off\nI was ill and my son (1 year) lives with me. Please don't cut me off."
    good = (
        "As your son lives with you, we have noted this for our check; we check whether a "
        "cut-off would be disproportionate [1]."
    )
    assert "commitment" not in risky(good, [HARDSHIP], mail, "en")
    # a note and an act in one clause is still a grant
    bad_de = "Da Ihr Sohn bei Ihnen lebt, haben wir das notiert und die Sperre gestoppt."
    assert "commitment" in risky(bad_de, [HARDSHIP_DE], mail_de, "de")
    bad = "As your son lives with you, we have noted this and stopped the cut-off."
    assert "commitment" in risky(bad, [HARDSHIP], mail, "en")
