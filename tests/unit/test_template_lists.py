"""List items in a template draft (drafts29, issue 12: no list lead-ins without their items):
a bare label item ("- Instalments paid", "- Gesamtbetrag") is never shown alone under its
lead-in (with its whole list or not at all), and a list of what the customer needs ("Das
brauchen Sie:", "What you need:") is shown whole, German and English. Own example articles."""

from __future__ import annotations

from drafter.drafting.sentences import select_units

BILL = """# Your annual bill

We bill your actual consumption once a year.

## Page 1: the summary

- **Total amount** for the year
- **Instalments paid**
- **Result**: a credit we refund within 14 days, or an additional payment

You can pay an additional payment in instalments of at least 20 EUR.
"""

RECHNUNG = """# Ihre Jahresrechnung

Einmal im Jahr rechnen wir Ihren tatsächlichen Verbrauch ab.

## Seite 1: die Übersicht

- **Gesamtbetrag**
- **Abschläge gezahlt**
- **Ergebnis**: ein Guthaben, das wir innerhalb von 14 Tagen erstatten, oder eine Nachzahlung

Eine Nachzahlung können Sie in Raten von mindestens 20 EUR zahlen.
"""

PORTAL = """# Registrierung

Die Registrierung im Portal ist kostenlos.

## Das brauchen Sie

- Ihre Kundennummer
- Ihre Vertragsnummer
- eine E-Mail-Adresse, auf die nur Sie Zugriff haben

Beide Nummern stehen oben rechts auf Ihrer Rechnung.
"""

SIGN_UP = """# Signing up

Signing up for the portal is free.

## What you need

- Your customer number
- Your contract number
- An email address only you can read

Both numbers are at the top right of your bill.
"""


def _shown(query: str, text: str, language: str) -> list[str]:
    return [u.text for u in select_units(query, [text], [1.0], language, focus=query)]


def test_a_label_item_is_not_shown_alone_english() -> None:
    shown = _shown("Were my instalments paid? Can I pay in instalments?", BILL, "en")
    assert "Instalments paid" not in shown or "Total amount for the year" in shown, shown


def test_a_label_item_is_not_shown_alone_german() -> None:
    shown = _shown("Wurden meine Abschläge gezahlt? Kann ich in Raten zahlen?", RECHNUNG, "de")
    assert "Abschläge gezahlt" not in shown or "Gesamtbetrag" in shown, shown


def test_a_list_of_what_you_need_is_shown_whole() -> None:
    shown = _shown("Wo finde ich meine Vertragsnummer?", PORTAL, "de")
    assert "Ihre Vertragsnummer" in shown, shown
    assert {"Ihre Kundennummer", "eine E-Mail-Adresse, auf die nur Sie Zugriff haben"} <= set(
        shown
    ), shown
    shown = _shown("Where do I find my contract number?", SIGN_UP, "en")
    assert {"Your customer number", "Your contract number"} <= set(shown), shown
