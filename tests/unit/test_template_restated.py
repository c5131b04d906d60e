"""A further article's sentence that says again what the lead article's draft text already
says is left out of a template draft (drafts29, issue 12: a draft reads like one answer, not
two articles pasted together), German and English; a further article's own point and its
contact line stay. Own example articles and mails."""

from __future__ import annotations

from tests.unit.template_drafts import draft_body

SONDER = """# Sonderkündigung bei Preiserhöhung

Wenn wir unsere Preise erhöhen, dürfen Sie Ihren Vertrag ohne Kündigungsfrist kündigen.

Preisgarantie: Bei Fest 12 ändern wir Arbeitspreis und Grundpreis während der Garantie nicht.
"""

RECHTE = """# Ihre Rechte bei einer Preiserhöhung

Preisgarantie: Bei Fest 12 bleiben Arbeitspreis und Grundpreis bis zum Ende der Garantie gleich.

Die Kündigung schicken Sie in Textform an kuendigung@beispiel-werke.de.
"""

SPECIAL = """# Cancelling after a price increase

If we raise our prices, you may cancel your contract without notice.

Price guarantee: on Fixed 12 we do not change unit price and standing charge during the guarantee.
"""

RIGHTS = """# Your rights when prices rise

Price guarantee: on Fixed 12 unit price and standing charge stay the same until the guarantee ends.

Send your cancellation in text form to cancel@beispiel-werke.de.
"""


def _draft(subject: str, body: str, texts: list[str], language: str) -> str:
    return draft_body(subject, body, texts, language, [1.0, 0.98])


def test_a_further_article_restating_the_lead_is_left_out_german() -> None:
    body = _draft(
        "Preiserhöhung",
        "Sie erhöhen die Preise. Darf ich kündigen, und gilt meine Preisgarantie im Tarif "
        "Fest 12 weiter? Wohin schicke ich die Kündigung?",
        [SONDER, RECHTE],
        "de",
    )
    assert "ändern wir Arbeitspreis und Grundpreis während der Garantie nicht" in body, body
    assert "bis zum Ende der Garantie gleich" not in body, body
    assert "kuendigung@beispiel-werke.de" in body, body


def test_a_further_article_restating_the_lead_is_left_out_english() -> None:
    body = _draft(
        "Price increase",
        "You are raising your prices. May I cancel, and does my price guarantee on tariff "
        "Fixed 12 still apply? Where do I send the cancellation?",
        [SPECIAL, RIGHTS],
        "en",
    )
    assert "we do not change unit price and standing charge during the guarantee" in body
    assert "stay the same until the guarantee ends" not in body, body
    assert "cancel@beispiel-werke.de" in body, body
