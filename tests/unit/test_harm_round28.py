"""Round-28 reply checks: classes of the wrong verdicts of the retired reply set test7, each
through run_checks. Articles, mails and sentences written for this test (none copied from a
data set)."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.check_base import CheckInput
from drafter.drafting.checks import run_checks
from tests.unit.reply_checks import RISKY, article, risky

TERMS = article(
    "en-notice",
    "# Notice periods\n\n"
    "- **Stadtstrom Flex**: 1 month to the end of a month.\n"
    "- **Stadtstrom Fest 12**: 1 month to the end of the 12-month initial term, then 1 month "
    "to the end of any month.\n"
    "- **Emergency supply**: 2 weeks, at any time.",
    "en",
)
TERMS_DE = article(
    "de-kuendigungsfristen",
    "# Kündigungsfristen\n\n"
    "| Tarif | Frist |\n|---|---|\n"
    "| Stadtstrom Flex | 1 Monat zum Monatsende |\n"
    "| Stadtstrom Fest 12 | 1 Monat zum Ende der 12 Monate Erstlaufzeit |\n"
    "| Ersatzversorgung | 2 Wochen, jederzeit |",
    "de",
)


def test_leaving_a_fixed_term_tariff_at_any_time_is_a_commitment() -> None:
    mail = "Leaving early\nI am 4 months into Fest 12 and want out. Is that possible?"
    bad = "Good news: you can cancel Fest 12 at any time with 1 month's notice, free of charge."
    assert "commitment" in risky(bad, [TERMS], mail, "en")
    mail_de = "Früher raus\nIch bin seit 4 Monaten in Fest 12 und will raus. Geht das?"
    bad_de = (
        "Gute Nachricht: Sie können Fest 12 jederzeit mit einem Monat Frist kündigen, es fällt "
        "keine Gebühr an."
    )
    assert "commitment" in risky(bad_de, [TERMS_DE], mail_de, "de")
    # the article's own rule, a tariff without a term, the time after the term: no promise
    good = (
        "Fest 12 can be cancelled with 1 month's notice to the end of the 12-month initial "
        "term [1]; afterwards you can cancel it at any time."
    )
    assert "commitment" not in risky(good, [TERMS], mail, "en")
    assert "commitment" not in risky(
        "Emergency supply can be cancelled at any time with 2 weeks' notice [1].",
        [TERMS],
        mail,
        "en",
    )
    good_de = "Fest 12 ist nicht jederzeit kündbar, sondern zum Ende der Erstlaufzeit [1]."
    assert "commitment" not in risky(good_de, [TERMS_DE], mail_de, "de")
    # notice sent at any time that takes effect at the term's end is the article's rule
    sent = "You can cancel Fest 12 at any time; it takes effect at the end of the initial term."
    assert "commitment" not in risky(sent, [TERMS], mail, "en")
    sent_de = "Fest 12 können Sie jederzeit kündigen, wirksam zum Ende der 12 Monate Erstlaufzeit."
    assert "commitment" not in risky(sent_de, [TERMS_DE], mail_de, "de")


GUARANTEE = article(
    "en-fixed-price",
    "# Fest 12\n\n| Tariff | Energy price | Term |\n|---|---|---|\n"
    "| Fest 12 | 30.10 ct/kWh | 12 months, price guarantee |\n\n"
    "The price guarantee of Fest 12 covers the energy price and the network fees, "
    "not taxes and statutory levies.",
    "en",
)
GUARANTEE_DE = article(
    "de-festpreis",
    "# Fest 12\n\n| Tarif | Arbeitspreis | Laufzeit |\n|---|---|---|\n"
    "| Fest 12 | 30,10 ct/kWh | 12 Monate, Preisgarantie |\n\n"
    "Die Preisgarantie von Fest 12 umfasst Energiepreis und Netzentgelte. "
    "Änderungen bei Steuern und gesetzlichen Abgaben geben wir weiter.",
    "de",
)


def test_a_guarantee_stretched_over_what_the_article_leaves_out_is_a_commitment() -> None:
    mail = "Fixed price?\nWill my Fest 12 price really stay the same if the VAT goes up?"
    bad = (
        "Fest 12 has a 12-month price guarantee [1]: your energy price of 30.10 ct/kWh is "
        "guaranteed for the whole 12 months, even if taxes or levies go up."
    )
    assert "commitment" in risky(bad, [GUARANTEE], mail, "en")
    mail_de = "Festpreis?\nBleibt mein Preis bei Fest 12 wirklich gleich, wenn die Steuer steigt?"
    bad_de = (
        "Fest 12 hat 12 Monate Preisgarantie [1]. Ihr Arbeitspreis von 30,10 ct/kWh bleibt für "
        "die ganzen 12 Monate garantiert gleich, selbst wenn Steuern oder Abgaben steigen."
    )
    assert "commitment" in risky(bad_de, [GUARANTEE_DE], mail_de, "de")
    # the article's rule said back is no promise
    good = (
        "The price guarantee covers the energy price and the network fees, not taxes and "
        "statutory levies [1]."
    )
    assert "commitment" not in risky(good, [GUARANTEE], mail, "en")
    passed = (
        "Your Fest 12 price is fixed and the guarantee covers the energy price, but taxes and "
        "levies are passed on [1]."
    )
    assert "commitment" not in risky(passed, [GUARANTEE], mail, "en")
    good_de = (
        "Die Preisgarantie umfasst Energiepreis und Netzentgelte, nicht aber Steuern; "
        "Änderungen bei Steuern und Abgaben geben wir weiter [1]."
    )
    assert "commitment" not in risky(good_de, [GUARANTEE_DE], mail_de, "de")


PAYMENT = article(
    "en-paying",
    "# Paying\n\nYou pay by direct debit or bank transfer. We do not take credit cards.",
    "en",
)
PAYMENT_DE = article(
    "de-bezahlen",
    "# Bezahlen\n\nSie zahlen per Lastschrift oder Überweisung. Kreditkarten nehmen wir nicht.",
    "de",
)


def test_card_details_given_on_a_call_are_asked_for() -> None:
    mail = "Card?\nCan I pay with my credit card? I have no German account."
    bad = (
        "Sure: just phone our service team and give the card number and the expiry date, and "
        "we will take each instalment from it."
    )
    assert "credentials" in risky(bad, [PAYMENT], mail, "en")
    mail_de = "Karte?\nKann ich mit Kreditkarte zahlen? Ich habe kein deutsches Konto."
    bad_de = (
        "Gern: Rufen Sie unseren Kundenservice an und geben Sie Kartennummer und Ablaufdatum "
        "telefonisch durch, dann buchen wir jede Rate davon ab."
    )
    assert "credentials" in risky(bad_de, [PAYMENT_DE], mail_de, "de")
    # a warning about card data, or a customer number given on a call, asks for no secret
    good = "Please call us and give your customer number; we never ask for card details [1]."
    assert "credentials" not in risky(good, [PAYMENT], mail, "en")
    good_de = "Rufen Sie uns an und nennen Sie Ihre Kundennummer [1]."
    assert "credentials" not in risky(good_de, [PAYMENT_DE], mail_de, "de")


SMOKE = article(
    "de-rauch-notfall",
    "# Brandgeruch: Notfall\n\n"
    "**Riecht es verbrannt? Handeln Sie sofort und rufen Sie den Notdienst an: 0800 123 4567.**"
    "\n\nEin schmorendes Kabel riecht oft nach verbranntem Plastik.",
    "de",
)
SMOKE_EN = article(
    "en-burning-smell",
    "# Burning smell: emergency\n\n"
    "**Does something smell burnt? Act immediately and call our emergency line: 0800 123 "
    "4567.**\n\nA melting cable often smells of burnt plastic.",
    "en",
)


def test_an_emergency_told_in_the_articles_own_words_needs_the_emergency_line() -> None:
    mail = "Komisch\nSeit heute riecht es im Flur nach verbranntem Plastik. Kommt mal wer?"
    bad = "Rufen Sie für einen Termin unseren Kundenservice an, dann kommt morgen jemand vorbei."
    assert "unsupported_claim" in risky(bad, [SMOKE], mail, "de")
    mail_en = "Odd\nSince this morning the hall smells of burnt plastic. Can someone come?"
    bad_en = "Please book an appointment with our service team; a technician can come on Monday."
    assert "unsupported_claim" in risky(bad_en, [SMOKE_EN], mail_en, "en")
    # the line given at once, in the article's words: no warning
    good = "Bitte handeln Sie sofort und rufen Sie den Notdienst an: 0800 123 4567 [1]."
    assert "unsupported_claim" not in risky(good, [SMOKE], mail, "de")
    good_en = "Please act immediately and call our emergency line: 0800 123 4567 [1]."
    assert "unsupported_claim" not in risky(good_en, [SMOKE_EN], mail_en, "en")


SPEED = article(
    "de-tempo",
    "# Geschwindigkeit\n\nNormalerweise verfügbar sind 90 % der gebuchten Bandbreite.",
    "de",
)
SPEED_EN = article(
    "en-speed",
    "# Speed\n\nNormally available: 90 % of the booked bandwidth.",
    "en",
)


def test_a_percent_of_a_figure_the_sentence_names_is_worked_out() -> None:
    mail = "Langsam\nIch habe Tempo 500 gebucht und messe nur 300. Ist das normal?"
    good = "Bei Tempo 500 sind normalerweise 90 % verfügbar, also 450 Mbit/s [1]."
    assert "unsupported_claim" not in risky(good, [SPEED], mail, "de")
    mail_en = "Slow\nI booked Speed 500 and only measure 300. Is that normal?"
    good_en = "With Speed 500, 90 % is normally available, that is 450 Mbit/s [1]."
    assert "unsupported_claim" not in risky(good_en, [SPEED_EN], mail_en, "en")
    # a figure that is no such share stays invented
    bad = "Bei Tempo 500 sind normalerweise 90 % verfügbar, also 480 Mbit/s [1]."
    assert "unsupported_claim" in risky(bad, [SPEED], mail, "de")


def _kb(folder: Path) -> Path:
    """A KB folder: an outage article (cited) and a price list (not cited)."""
    for name, language, text in (
        (
            "de-ausfall",
            "de",
            "Ist ein Ausfall 2 Tage nach Ihrer Meldung nicht behoben, erhalten Sie ab dem 3. "
            "Tag je Tag 10 % des Monatspreises.",
        ),
        ("de-preise", "de", "| Tarif | Preis |\n|---|---|\n| Netz 300 | 44,90 EUR im Monat |"),
        (
            "en-outage",
            "en",
            "If an outage is not fixed 2 days after you report it, you get 10 % of the monthly "
            "price per day from day 3.",
        ),
        ("en-prices", "en", "| Tariff | Price |\n|---|---|\n| Net 300 | 44.90 EUR a month |"),
    ):
        (folder / f"{name}.md").write_text(
            f"---\nid: {name}\ntitle: {name}\nlanguage: {language}\n---\n{text}\n",
            encoding="utf-8",
        )
    return folder


def test_a_figure_worked_out_from_a_price_the_kb_backs_is_no_invention(tmp_path: Path) -> None:
    kb = _kb(tmp_path)
    config = Settings(kb_dir=str(kb))

    def codes(reply: str, cited: str, language: str) -> set[str]:
        text = (kb / f"{cited}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
        data = CheckInput(
            body=reply,
            passages=[article(cited, text, language)],
            customer_text="Ausfall\nSeit 4 Tagen kein Netz (Netz 300).",
            language=language,
        )
        return {w.code for w in run_checks(data, config)} & RISKY

    good = (
        "Ab dem 3. Tag erhalten Sie je Tag 10 % des Monatspreises [1]. Bei Netz 300 "
        "(44,90 EUR) sind das 4,49 EUR pro Tag."
    )
    assert "unsupported_claim" not in codes(good, "de-ausfall", "de")
    good_en = (
        "From day 3 you get 10 % of the monthly price per day [1]. For Net 300 (44.90 EUR) "
        "that is 4.49 EUR a day."
    )
    assert "unsupported_claim" not in codes(good_en, "en-outage", "en")
    # a figure no computation gives stays invented
    bad = (
        "Ab dem 3. Tag erhalten Sie je Tag 10 % des Monatspreises [1]. Bei Netz 300 "
        "(44,90 EUR) sind das 9,50 EUR pro Tag."
    )
    assert "unsupported_claim" in codes(bad, "de-ausfall", "de")


FIBRE = article(
    "de-glas-tarife",
    "# Tarife\n\n| Tarif | Preis |\n|---|---|\n| Stadtnetz Glas 300 | 29,99 EUR im Monat |\n"
    "| Stadtnetz Glas 600 | 39,99 EUR im Monat |",
    "de",
)
FIBRE_EN = article(
    "en-fibre-tariffs",
    "# Tariffs\n\n| Tariff | Price |\n|---|---|\n| Stadtnetz Fibre 300 | 29.99 EUR a month |\n"
    "| Stadtnetz Fibre 600 | 39.99 EUR a month |",
    "en",
)


def test_a_product_number_before_its_price_is_two_figures_and_names_its_row() -> None:
    mail = "Preise\nWas kosten Ihre Glasfasertarife?"
    good = "Stadtnetz Glas 300 kostet 29,99 EUR im Monat, Glas 600 39,99 EUR [1]."
    assert "unsupported_claim" not in risky(good, [FIBRE], mail, "de")
    mail_en = "Prices\nWhat do your fibre tariffs cost?"
    good_en = "Stadtnetz Fibre 300 costs 29.99 EUR a month, Fibre 600 39.99 EUR [1]."
    assert "unsupported_claim" not in risky(good_en, [FIBRE_EN], mail_en, "en")
    # the other row's price for the one product named stays a finding
    bad = "Stadtnetz Glas 300 kostet 39,99 EUR im Monat [1]."
    assert "unsupported_claim" in risky(bad, [FIBRE], mail, "de")
