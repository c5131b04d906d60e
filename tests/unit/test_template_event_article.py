"""An article written for a price change answers only a mail about prices (drafts32, issue 12):
"Kündigung zum Jahresende möglich?" is answered by the ordinary-termination article even when
the price-increase article (a notice-free termination "wenn wir die Preise erhöhen") was
retrieved first. Made-up articles and mails (tests/unit/template_drafts.py), no model."""

from __future__ import annotations

from drafter.drafting.situation import article_events, life_events
from tests.unit.template_drafts import draft_body

SONDER = """# Sonderkündigung bei Preiserhöhung

Wenn wir die Wasserpreise erhöhen, können Sie Ihren Wasservertrag ohne Frist kündigen.

Die Kündigung muss bis zum Tag vor der Preiserhöhung bei uns sein.
"""
ORDENTLICH = """# Wasservertrag kündigen: Fristen

Ihren Wasservertrag können Sie mit einer Frist von 1 Monat zum Monatsende kündigen.

Wir bestätigen die Kündigung innerhalb von 7 Tagen.
"""
SPECIAL = """# Cancelling after a price increase

If we raise our water prices, you may cancel your water contract without notice.

Your cancellation must reach us before the new prices apply.
"""
ORDINARY = """# Notice periods

A water supply agreement runs with 1 month's notice to the end of a month.

We confirm in writing within 7 days.
"""


def test_a_termination_mail_without_a_price_is_not_answered_by_the_price_article() -> None:
    body = draft_body(
        "Kündigung zum Jahresende",
        "Guten Tag,\n\nist eine Kündigung meines Wasservertrags zum 31.12. noch möglich?\n\n"
        "Gruß\nErika Schulz",
        [SONDER, ORDENTLICH],
        "de",
        [0.40, 0.36],
    )
    assert "1 Monat zum Monatsende" in body
    assert "Preis" not in body


def test_an_english_cancellation_mail_without_a_price_gets_the_ordinary_article() -> None:
    body = draft_body(
        "Cancel my contract",
        "Hello,\n\ncan I still cancel my water contract for the end of the year?\n\n"
        "Regards\nErika Schulz",
        [SPECIAL, ORDINARY],
        "en",
        [0.40, 0.36],
    )
    assert "1 month's notice" in body
    assert "price" not in body.lower()


def test_a_mail_about_a_price_increase_keeps_the_price_article() -> None:
    body = draft_body(
        "Kündigung wegen Preiserhöhung",
        "Guten Tag,\n\nSie erhöhen die Wasserpreise. Kann ich deshalb sofort kündigen?\n\n"
        "Gruß\nErika Schulz",
        [SONDER, ORDENTLICH],
        "de",
        [0.40, 0.36],
    )
    assert "ohne Frist kündigen" in body


def test_price_events_of_titles_and_mails() -> None:
    assert article_events("Sonderkündigungsrecht bei Preiserhöhung") == {"price"}
    assert article_events("Preisänderungen: Ihre Rechte") == {"price"}
    assert article_events("Special termination after a price increase") == {"price"}
    assert article_events("Vertrag kündigen: Fristen und Form") == set()
    assert "price" in life_events("Der Arbeitspreis steigt zum 1. Januar.")
    assert "price" in life_events("Why is my contract more expensive now?")
    assert "price" not in life_events("Kündigung zum 31.12. noch möglich?")
