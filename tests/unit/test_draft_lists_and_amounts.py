"""Template drafts show a list of what we need whole and relate the customer's amount to a
share rule (drafter.drafting.amounts; issue 12). Own articles, not the sample knowledge base."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.drafting.amounts import relation
from drafter.drafting.extractive import extractive_reply
from drafter.models import Address, InboundEmail, Passage

KB = Path(__file__).resolve().parents[2] / "kb" / "de"

PAYING = """---
id: kb-pay
title: Bezahlen
---
# So bezahlen Sie

Sie können Ihre Wasserrechnung auf mehreren Wegen bezahlen. Am einfachsten ist die Lastschrift.

## Lastschrift

Wir buchen die Rechnung am Fälligkeitstag von Ihrem Konto ab. Das Mandat erteilen Sie im
Kundenportal unter Zahlungsdaten.

## Überweisung

Überweisen Sie den Betrag bis zum Fälligkeitstag. Geben Sie die Rechnungsnummer an.

## Andere Zahlwege

Haben Sie keine Rechnung erhalten, rufen Sie uns an.
Kreditkarten und Schecks nehmen wir leider nicht an.
"""

DEATH = """---
id: kb-death
title: Wasservertrag im Todesfall
---
# Wasservertrag im Todesfall

Wir beenden den Wasservertrag ohne Frist zum Tag der Übergabe der Wohnung.

## Das brauchen wir

- Kopie der Sterbeurkunde
- Die Lieferadresse der Wohnung
- Zählerstand am Übergabetag
- Konto für ein Guthaben

## Danach

Die Schlussrechnung senden wir innerhalb von 6 Wochen an die Adresse, die Sie uns nennen.
Die Gartenwasserzähler lesen wir getrennt ab. Die Bauwasserzähler holen wir ab.
"""


def _draft(subject: str, body: str, article: str, *, urgent: bool = False) -> str:
    passage = Passage(kb_id="kb-1", title=subject, text=article, score=1.0, language="de")
    mail = InboundEmail(
        from_=Address(name="Jana Beck", email="jb@example.de"), subject=subject, body=body
    )
    reply = extractive_reply(
        mail, f"{subject} {body}", [passage], settings=Settings(), language="de",
        formality="sie", kb_gap=False, texts=[article], urgent=urgent,
    )  # fmt: skip
    return reply.body


def test_a_list_of_what_we_need_is_shown_whole() -> None:
    article = (KB / "de-kuendigung-todesfall.md").read_text(encoding="utf-8")
    body = _draft(
        "Strom meines verstorbenen Vaters",
        "Guten Tag,\n\nmein Vater ist im Oktober verstorben. Die Wohnung wird zum Monatsende "
        "übergeben. Was brauchen Sie von mir, reicht die Sterbeurkunde?\n\nJana Beck",
        article,
    )
    assert "Das brauchen wir:" in body, body
    for item in ("Zählerstand am gewünschten", "Bankverbindung für"):
        assert f"- {item}" in body, body


def test_the_customers_amount_is_related_to_a_share_rule() -> None:
    rule = (
        "Möchten Sie den Abschlag um mehr als 20 % unter den berechneten Betrag senken, prüfen wir."
    )
    mail = "der abschlag ist immer noch 96 euro. kann ich den auf 60 runtersetzen??"
    assert relation(mail, rule, "de") == "Von 96 EUR auf 60 EUR sind es 38 % weniger."
    en_rule = "If you want to lower it by more than 20 % below our amount, we review it."
    assert relation("Please lower it from 90 EUR to 50 EUR.", en_rule, "en") == (
        "From 90 EUR to 50 EUR is 44 % less."
    )
    assert relation("Bitte erhöhen Sie von 62 Euro auf 80 Euro.", rule, "de") == ""  # a rise
    assert relation(mail, "Der Abschlag ist am 15. fällig.", "de") == ""  # no rule shown


def test_a_draft_relates_the_wished_amount_to_the_rule_it_quotes() -> None:
    article = (
        "---\nid: kb-w\ntitle: Wasserabschlag ändern\n---\n# Wasserabschlag ändern\n\n"
        "Sie können Ihren Wasserabschlag im Portal ändern. Möchten Sie den Wasserabschlag um "
        "mehr als 20 % senken, prüfen wir Ihren Wunsch.\n"
    )
    mail = "Hallo,\n\nmein Wasserabschlag ist 50 Euro. Kann ich ihn auf 30 senken?\n\nJana Beck"
    body = _draft("Wasserabschlag senken", mail, article)
    assert "Von 50 EUR auf 30 EUR sind es 40 % weniger." in body, body
