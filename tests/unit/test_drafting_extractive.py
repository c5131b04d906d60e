"""The no-LLM template draft: greeting, register, best sentences with citations, language."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.extractive import extractive_draft, greeting
from drafter.models import Address, InboundEmail, Passage

ARTICLE = """# Abschlag anpassen

Wenn Sie mehr Strom verbrauchen, können Sie Ihren Abschlag erhöhen oder senken.
Der Abschlag beträgt mindestens 10 EUR pro Monat und Vertrag.

## So geht's

1. Melden Sie sich im Kundenportal an.
2. Geben Sie den neuen Betrag ein.

Unser Kundenservice ist Mo. bis Fr. erreichbar (z. B. unter 0431 5577-100).
"""
DE = Passage(kb_id="abschlag", title="Abschlag anpassen", text=ARTICLE, language="de")
EN = Passage(
    kb_id="instalment", title="Instalment", text="You can change it online.", language="en"
)


def mail(name: str, body: str = "Wie kann ich meinen Abschlag erhöhen?") -> InboundEmail:
    return InboundEmail(from_=Address(name=name, email="x@example.org"), body=body)


def test_greetings_follow_language_register_and_name() -> None:
    assert greeting(mail("Erika Schulz"), "de", "sie").first_line == "Sehr geehrte Frau Schulz,"
    assert greeting(mail("Herr Dr. Weber"), "de", "sie").first_line.startswith("Sehr geehrter")
    assert greeting(mail("Kim Yilmaz"), "de", "sie").first_line == "Guten Tag Kim Yilmaz,"
    assert greeting(mail(""), "de", "sie").first_line == "Sehr geehrte Damen und Herren,"
    assert greeting(mail("Jonas Weber"), "de", "du").first_line == "Hallo Jonas,"
    assert greeting(mail("Mary Smith"), "en", "you").first_line == "Dear Ms Smith,"
    assert greeting(mail("Smith, John"), "en", "you").first_line == "Dear Mr Smith,"


def test_draft_keeps_amounts_and_cites_the_passage() -> None:
    email = mail("Erika Schulz", "Wie hoch ist der Abschlag mindestens? Wie erhöhe ich ihn?")
    body, citations = extractive_draft(
        email, email.body, [DE], settings=Settings(), language="de", formality="sie", kb_gap=False
    )
    assert body.startswith("Sehr geehrte Frau Schulz,\n\nvielen Dank")
    assert "mindestens 10 EUR pro Monat" in body and "[1]" in body
    assert "z. B. unter 0431 5577-100" in body or "erhöhen oder senken" in body
    assert body.rstrip().endswith("Stadtwerke Nordlicht")
    assert [c.kb_id for c in citations] == ["abschlag"]
    again, _ = extractive_draft(
        email, email.body, [DE], settings=Settings(), language="de", formality="sie", kb_gap=False
    )
    assert again == body


def test_gap_or_other_language_passages_give_a_holding_reply() -> None:
    email = mail("Mary Smith", "How do I change my instalment?")
    body, citations = extractive_draft(
        email, email.body, [DE], settings=Settings(), language="en", formality="you", kb_gap=False
    )
    assert citations == [] and "customer number" in body and "Abschlag" not in body
    assert body.startswith("Dear Ms Smith,")
    body, citations = extractive_draft(
        email,
        email.body,
        [EN, DE],
        settings=Settings(),
        language="en",
        formality="you",
        kb_gap=True,
    )
    assert citations == [] and "Kind regards" in body


def test_du_register_and_signature_setting() -> None:
    settings = Settings(signature="Anna Berger\\nTeam Nordlicht")
    email = mail("Jonas Weber")
    body, _ = extractive_draft(
        email, email.body, [DE], settings=settings, language="de", formality="du", kb_gap=False
    )
    assert body.startswith("Hallo Jonas,\n\ndanke für deine Nachricht.")
    assert body.rstrip().endswith("Viele Grüße\nAnna Berger\nTeam Nordlicht")
