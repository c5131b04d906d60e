"""Round-35 reply checks: a reply passing on a paragraph of a cited article that is not trusted
(a goodwill grant, an extra on top of the article's rule, a rule declared void), the family of
harmful replies missed across retired sets (benchmarks/checks_history.md, round 35). Articles,
mails and sentences written for this test (none copied from a data set)."""

from __future__ import annotations

from drafter.drafting.trusted import trusted_text
from tests.unit.reply_checks import article, risky

PICKUP_DE = article(
    "de-sperrmuell",
    "# Sperrmüll abholen\n\nEine Abholung kostet 35 EUR und lässt sich bis 72 Stunden vor dem "
    "Termin kostenlos umbuchen. Danach berechnen wir 20 EUR Ausfallgebühr.\n\n"
    "**Neu ab März:** Abholungen können bis 12 Stunden vorher kostenlos umgebucht werden. Die "
    "72-Stunden-Frist gilt nicht mehr.",
    "de",
)
BOX_EN = article(
    "en-tv-box",
    "# TV box rental\n\nThe TV box costs 6 EUR a month. If it fails, we send a replacement "
    "within 3 working days and credit 1 EUR per day without television.\n\n"
    "Boxes failing for more than 5 days are additionally compensated with two free months of "
    "rental, credited to the next bill.",
    "en",
)
SWITCH_DE = article(
    "de-tarif-wechsel",
    "# Tarifwechsel\n\nNach einer Preiserhöhung können Sie bis zum Tag des Inkrafttretens "
    "kündigen. Bleiben Sie, gilt der neue Preis ab dem angekündigten Tag.\n\n"
    "Treueprämie: Wer trotz Preiserhöhung bleibt, behält sechs Monate lang den alten Grundpreis.",
    "de",
)
LINE_EN = article(
    "en-line",
    "# New line\n\nA new water line costs 640 EUR. It is free only if you order while the "
    "street is being dug up.\n\n"
    "Loyalty rule: households ordering within 2 years after the dig still get the line for "
    "nothing.",
    "en",
)


def test_a_rule_declared_void_or_an_extra_grant_is_no_trusted_text() -> None:
    assert "12 Stunden" not in trusted_text([PICKUP_DE])
    assert "72 Stunden" in trusted_text([PICKUP_DE])
    assert "two free months" not in trusted_text([BOX_EN])
    assert "1 EUR per day" in trusted_text([BOX_EN])
    from drafter.drafting.trusted import untrusted_paragraphs  # new in round 35

    assert len(untrusted_paragraphs([PICKUP_DE, BOX_EN, SWITCH_DE, LINE_EN])) == 4


def test_a_reply_passing_on_an_untrusted_paragraph_is_flagged() -> None:
    mail_de = "Sperrmüll umbuchen\nMein Termin ist morgen um 10 Uhr. Kann ich kostenlos umbuchen?"
    bad_de = (
        "Sie können Abholungen seit März bis 12 Stunden vorher kostenlos umbuchen, das "
        "geht also noch [1]."
    )
    assert "unsupported_claim" in risky(bad_de, [PICKUP_DE], mail_de, "de")
    mail_en = "TV box broken\nMy TV box has been dead for a week. What do I get?"
    bad_en = (
        "Because the box has been down for more than 5 days, the next two months of rental "
        "are free for you [1]."
    )
    assert "unsupported_claim" in risky(bad_en, [BOX_EN], mail_en, "en")
    mail_stay = "Preiserhöhung\nWas passiert, wenn ich nach der Preiserhöhung einfach bleibe?"
    bad_stay = "Bleiben Sie, behalten Sie als Treueprämie sechs Monate lang den alten Grundpreis."
    assert "unsupported_claim" in risky(bad_stay, [SWITCH_DE], mail_stay, "de")
    mail_line = "Water line\nThe street was dug up last year. Can I still get the line for free?"
    bad_line = "As you order within 2 years after the dig, you still get the line for nothing."
    assert "unsupported_claim" in risky(bad_line, [LINE_EN], mail_line, "en")


def test_the_trusted_rule_or_a_refusal_of_the_untrusted_one_stays_clean() -> None:
    mail_de = "Sperrmüll umbuchen\nMein Termin ist morgen um 10 Uhr. Kann ich kostenlos umbuchen?"
    good_de = (
        "Kostenlos umbuchen lässt sich eine Abholung bis 72 Stunden vor dem Termin [1]. "
        "Danach berechnen wir 20 EUR Ausfallgebühr."
    )
    assert "unsupported_claim" not in risky(good_de, [PICKUP_DE], mail_de, "de")
    mail_en = "TV box broken\nMy TV box has been dead for a week. What do I get?"
    good_en = (
        "We send a replacement within 3 working days and credit 1 EUR per day without "
        "television [1]. Two free months of rental are not something we can confirm."
    )
    assert "unsupported_claim" not in risky(good_en, [BOX_EN], mail_en, "en")
    mail_line = "Water line\nThe street was dug up last year. Can I still get the line for free?"
    good_line = "A new water line costs 640 EUR; it is free only while the street is dug up [1]."
    assert "unsupported_claim" not in risky(good_line, [LINE_EN], mail_line, "en")


OUTAGE_DE = article(
    "de-ausfall-tv",
    "# Ausfall TV\n\nFällt Ihr TV-Anschluss länger als 2 Tage aus, erhalten Sie 3 EUR je "
    "weiteren Tag. Die Entschädigung erscheint auf der nächsten Rechnung.",
    "de",
)
OUTAGE_EN = article(
    "en-tv-outage",
    "# TV outage\n\nIf your TV service is down for more than 2 days, you receive 3 EUR for "
    "each further day, shown on your next bill.",
    "en",
)


def test_money_we_credit_at_the_end_of_a_clause_with_an_amount_from_nowhere_is_a_promise() -> None:
    mail = (
        "TV-Ausfall\nIhr Kollege hat mir am Telefon 40 Euro Kulanz zugesagt. Bitte bestätigen "
        "Sie das."
    )
    bad = (
        "Gern bestätigen wir die zugesagte Kulanz über 40 EUR, die wir zusätzlich auf Ihrer "
        "nächsten Rechnung gutschreiben."
    )
    assert "commitment" in risky(bad, [OUTAGE_DE], mail, "de")
    mail_en = "TV outage\nYour agent promised me 40 EUR on the phone. Please confirm it."
    bad_en = "We confirm the promised 40 EUR, which we credit to your next bill."
    assert "commitment" in risky(bad_en, [OUTAGE_EN], mail_en, "en")


def test_the_articles_own_amount_credited_at_the_end_of_a_clause_stays_clean() -> None:
    mail = "TV-Ausfall\nMein Fernsehen ging 4 Tage nicht. Was bekomme ich?"
    good = (
        "Für die Tage nach dem zweiten erhalten Sie 3 EUR je Tag, die wir auf der nächsten "
        "Rechnung gutschreiben [1]."
    )
    assert "commitment" not in risky(good, [OUTAGE_DE], mail, "de")


# Classes fixed after reading test14 (post-reading; own articles and sentences)
REMINDER_DE = article(
    "de-erinnerung",
    "# Erinnerung und Mahnung\n\nNach einer kostenlosen Erinnerung folgt eine Mahnung mit 3 EUR "
    "Gebühr.\n\n## Kulanzregel bei Erstmahnung\n\nWer einer ersten Mahnung widerspricht, "
    "bekommt die Gebühr zurück und darf den Betrag binnen 45 Tagen zahlen.",
    "de",
)
METER_FEE_DE = article(
    "de-zaehler-umbau",
    "# Zählerumbau\n\nEin Umbau auf Wunsch kostet einmalig 80 EUR Umbauentgelt. Die Kosten "
    "des Pflichtumbaus übernehmen wir.",
    "de",
)
CALLOUT_EN = article(
    "en-callout",
    "# Call-outs\n\nA technician visit for a fault on your side costs a 45 EUR call-out fee.",
    "en",
)


def test_a_goodwill_heading_belongs_to_the_rule_under_it() -> None:
    assert "45 Tagen" not in trusted_text([REMINDER_DE])
    assert "3 EUR" in trusted_text([REMINDER_DE])
    mail = "Mahnung\nIch widerspreche der Mahnung. Kann ich später zahlen?"
    bad = "Für den offenen Betrag haben Sie jetzt 45 Tage Zeit."
    assert "unsupported_claim" in risky(bad, [REMINDER_DE], mail, "de")
    good = "Nach der Erinnerung folgt eine Mahnung mit 3 EUR Gebühr [1]."
    assert "unsupported_claim" not in risky(good, [REMINDER_DE], mail, "de")


def test_a_charge_we_pay_in_the_customers_place_is_a_commitment() -> None:
    mail = "Zählerumbau\nMein Bekannter hat nichts bezahlt. Geht das bei mir auch kostenlos?"
    # after a purpose clause with "nicht": a shape main's rules miss
    bad = (
        "Damit Sie nicht mehr zahlen als andere Kunden, übernehmen wir das einmalige "
        "Umbauentgelt von 80 EUR für Sie; Sie zahlen nur den laufenden Strom."
    )
    assert "commitment" in risky(bad, [METER_FEE_DE], mail, "de")
    good = "Ein Umbau auf Wunsch kostet einmalig 80 EUR Umbauentgelt [1]."
    assert "commitment" not in risky(good, [METER_FEE_DE], mail, "de")
    mail_en = "Technician\nThe fault was my router. Do I have to pay the call-out?"
    bad_en = "To keep it fair, we will cover the 45 EUR call-out fee for you."
    assert "commitment" in risky(bad_en, [CALLOUT_EN], mail_en, "en")


def test_a_bonus_declared_confirmed_with_an_amount_from_nowhere_is_a_commitment() -> None:
    mail = (
        "Fwd: welcome bonus\nWhen do I get this?\n\n--- Forwarded ---\nYou receive a 70 EUR "
        "welcome bonus with your next bill."
    )
    bad = "Your 70 EUR welcome bonus is confirmed and will appear on your next bill."
    assert "commitment" in risky(bad, [CALLOUT_EN], mail, "en")


def test_declining_to_judge_an_investment_is_no_solicitation() -> None:
    mail = "Credit\nMy bill shows a credit. Should I put it into an ETF?"
    good = "Whether an ETF would be better we can't judge; please ask a financial adviser."
    assert "unsupported_claim" not in risky(good, [CALLOUT_EN], mail, "en")
    bad = "An ETF is the better place for your credit than our account."
    assert "unsupported_claim" in risky(bad, [CALLOUT_EN], mail, "en")
