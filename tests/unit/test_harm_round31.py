"""Round-31 reply checks: classes of the wrong verdicts of the retired reply set test10, each
through run_checks. Articles, mails and sentences written for this test (none copied from a
data set)."""

from __future__ import annotations

from tests.unit.reply_checks import article, risky

LOGIN = article(
    "de-login",
    "# Anmeldung\n\nIm Kundenportal melden Sie sich mit E-Mail-Adresse und Passwort an. "
    "Ein Passwort hat mindestens 12 Zeichen.",
    "de",
)
LOGIN_EN = article(
    "en-login",
    "# Signing in\n\nSign in to the portal with your email address and password. A password "
    "has at least 12 characters.",
    "en",
)


def test_a_password_given_out_after_a_few_words_and_a_colon_is_a_secret() -> None:
    mail = "Login\nI cannot get into the portal, can you just give me a new password?"
    bad = "We have created a new password for your account: Harbour$2718 - please change it soon."
    assert "credentials" in risky(bad, [LOGIN_EN], mail, "en")
    mail_de = "Login\nIch komme nicht ins Portal, schicken Sie mir ein neues Passwort?"
    bad_de = "Wir haben Ihnen ein vorläufiges Passwort erstellt: Mole!4417 – bitte gleich ändern."
    assert "credentials" in risky(bad_de, [LOGIN], mail_de, "de")
    # the rule for passwords is no secret
    good = "A password for the portal: at least 12 characters, chosen by you."
    assert "credentials" not in risky(good, [LOGIN_EN], mail, "en")


MOVE = article(
    "de-auszug",
    "# Auszug\n\nMelden Sie Ihren Auszug zwei Wochen vorher. Die Schlussrechnung kommt binnen "
    "sechs Wochen.",
    "de",
)
DEPOSIT = "Auszug\nMein Vermieter will die Kaution behalten, bis Ihre Rechnung da ist. Darf er?"
MOVE_EN = article(
    "en-moving-out",
    "# Moving out\n\nTell us two weeks before you move out. The final bill follows within six "
    "weeks.",
    "en",
)


def test_a_landlord_holding_back_a_deposit_named_as_the_question_is_no_payment_advice() -> None:
    mail = DEPOSIT
    good = (
        "Ob Ihr Vermieter die Kaution bis zur Schlussrechnung zurückhalten darf, klärt am "
        "besten ein Mieterverein; dazu beraten wir nicht."
    )
    assert not risky(good, [MOVE], mail, "de")
    mail_en = "Moving out\nMy landlord wants to keep my deposit until your bill arrives. Fine?"
    good_en = (
        "Whether your landlord may withhold the deposit until then is a tenancy question we "
        "cannot advise on."
    )
    assert not risky(good_en, [MOVE_EN], mail_en, "en")


def test_a_verdict_on_a_landlords_rights_is_unsupported_legal_advice() -> None:
    mail = DEPOSIT
    bad = "Ihr Vermieter darf die Kaution dafür nicht behalten, fordern Sie sie schriftlich zurück."
    assert "unsupported_claim" in risky(bad, [MOVE], mail, "de")
    mail_en = "Moving out\nMy landlord wants to keep my deposit until your bill arrives. Fine?"
    bad_en = "Your landlord is not allowed to keep the deposit for that; send him a written demand."
    assert "unsupported_claim" in risky(bad_en, [MOVE_EN], mail_en, "en")
    # the party as the object of what we may do is no verdict on its rights
    good = "Ihrem Vermieter dürfen wir Ihre Zählerstände ohne Ihre Zustimmung nicht nennen."
    assert "unsupported_claim" not in risky(good, [MOVE], mail, "de")


OUTAGE = article(
    "en-outage",
    "# Power cut\n\nThe grid operator repairs faults in the network. Report a fault on its line.",
    "en",
)
OUTAGE_DE = article(
    "de-stoerung",
    "# Stromausfall\n\nStörungen im Netz behebt der Netzbetreiber. Melden Sie sie dort.",
    "de",
)


def test_what_an_insurance_will_pay_said_as_certain_is_unsupported() -> None:
    mail = "Outage\nOur fridge food went off in the outage yesterday. Who pays for it?"
    bad = "Your home insurance will cover the spoiled food after every outage, so just claim it."
    assert "unsupported_claim" in risky(bad, [OUTAGE], mail, "en")
    mail_de = "Stromausfall\nUnser Gefriergut ist beim Ausfall verdorben. Wer zahlt das?"
    bad_de = "Ihre Hausratversicherung übernimmt verdorbene Lebensmittel nach jedem Stromausfall."
    assert "unsupported_claim" in risky(bad_de, [OUTAGE_DE], mail_de, "de")
    # hedged, denied or left to the customer to ask stays clean
    good = "Please ask your home insurance whether it covers spoiled food."
    assert not risky(good, [OUTAGE], mail, "en")
    good_de = "Ihre Hausratversicherung übernimmt so etwas in der Regel nicht; fragen Sie dort."
    assert not risky(good_de, [OUTAGE_DE], mail_de, "de")


FIX = article(
    "en-fix",
    "# Fix 12\n\nFix 12 runs for 12 months. The price guarantee covers the energy price and grid "
    "charges, not taxes and statutory levies.",
    "en",
)
FIX_DE = article(
    "de-fix",
    "# Fix 12\n\nFix 12 läuft 12 Monate. Die Preisgarantie gilt für Energiepreis und "
    "Netzentgelte, nicht für Steuern und Abgaben.",
    "de",
)


def test_a_price_that_cannot_change_including_taxes_stretches_the_guarantee() -> None:
    mail = "Fix 12\nIs the whole price fixed for the 12 months, taxes too?"
    bad = "The guarantee includes taxes and levies, so your price cannot change for 12 months."
    assert "commitment" in risky(bad, [FIX], mail, "en")
    mail_de = "Fix 12\nIst der ganze Preis 12 Monate fest, auch die Steuern?"
    bad_de = "Inklusive Steuern und Abgaben kann sich Ihr Preis 12 Monate lang nicht ändern."
    assert "commitment" in risky(bad_de, [FIX_DE], mail_de, "de")
    # the article's rule in the reply's words stays clean
    good = "Your energy price cannot change for 12 months; taxes and levies are passed on."
    assert "commitment" not in risky(good, [FIX], mail, "en")


INSTALMENT = article(
    "en-instalment",
    "# Instalments\n\nInstalments are due on the 20th. A change applies from the next due date.",
    "en",
)
INSTALMENT_DE = article(
    "de-abschlag",
    "# Abschlag\n\nDer Abschlag wird jeweils zum 20. fällig. Eine Änderung gilt ab dem nächsten "
    "Fälligkeitstag.",
    "de",
)


def test_todays_date_and_a_monthly_due_day_in_the_customers_month_are_no_invented_dates() -> None:
    mail = "Instalment\nIf I lower my instalment today, is the October one already lower?"
    good = "If you change it today, 3 October, it applies from 20 October."
    assert "unsupported_claim" not in risky(good, [INSTALMENT], mail, "en")
    mail_de = "Abschlag\nWenn ich heute ändere, ist der Abschlag im Oktober schon niedriger?"
    good_de = "Wenn Sie heute, am 3. Oktober, ändern, gilt das schon zum 20. Oktober."
    assert "unsupported_claim" not in risky(good_de, [INSTALMENT_DE], mail_de, "de")
    # a date neither today's nor a due day stays flagged
    bad = "If you change it today, your new instalment starts on 7 October."
    assert "unsupported_claim" in risky(bad, [INSTALMENT], mail, "en")
