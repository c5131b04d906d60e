"""The no-LLM template draft: greeting, register, best sentences with citations, language."""

from __future__ import annotations

from typing import Any

from drafter.config import Settings
from drafter.drafting.article_units import parse_article
from drafter.drafting.extractive import extractive_reply
from drafter.drafting.register import to_du, writes_du
from drafter.drafting.salutation import greeting
from drafter.models import Address, Citation, InboundEmail, Passage

ARTICLE = """# Abschlag anpassen

Wenn Sie mehr Strom verbrauchen, können Sie Ihren Abschlag erhöhen oder senken.
Der Abschlag beträgt mindestens 10 EUR pro Monat und Vertrag.

## So geht's

1. Melden Sie sich im Kundenportal an.
2. Geben Sie den neuen Betrag ein.

Unser Kundenservice ist Mo. bis Fr. erreichbar (z. B. unter 0431 5577-100).

| Tarif | Arbeitspreis | Grundpreis |
|---|---|---|
| Basis | 33,90 ct/kWh | 12,50 EUR/Monat |

**Muss ich bei Lastschrift etwas tun?** Nein. Wir buchen den neuen Betrag automatisch ab.
"""
OTHER = Passage(
    kb_id="kontakt",
    title="Kontakt",
    text="Sie erreichen uns per E-Mail an service@stadtwerke-nordlicht.de oder telefonisch "
    "unter 0431 5577-100.",
    language="de",
)
DE = Passage(kb_id="abschlag", title="Abschlag anpassen", text=ARTICLE, language="de")
EN = Passage(
    kb_id="instalment", title="Instalment", text="You can change it online.", language="en"
)


def extractive_draft(*args: Any, **kwargs: Any) -> tuple[str, list[Citation]]:
    reply = extractive_reply(*args, **kwargs)
    return reply.body, reply.citations


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
    assert "zum Thema" not in body  # the draft answers the question, not the topic
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
    assert " Sie " not in body and "Ihr" not in body.split("Viele Grüße")[0]
    assert "deinen Abschlag" in body
    assert body.rstrip().endswith("Viele Grüße\nAnna Berger\nTeam Nordlicht")


def test_article_units_keep_lead_ins_tables_and_faq_answers() -> None:
    units = parse_article(ARTICLE)
    texts = [u.text for u in units]
    assert "Basis – Arbeitspreis: 33,90 ct/kWh; Grundpreis: 12,50 EUR/Monat" in texts
    step = next(u for u in units if u.text.startswith("Geben Sie"))
    assert step.kind == "item" and step.context.startswith("So geht's")
    answer = next(u for u in units if "automatisch" in u.text)
    assert "Lastschrift" in answer.context and "?" not in answer.text
    assert not any(t.startswith(("#", "|", "Abschlag anpassen")) for t in texts)


def test_du_rewrites_only_what_it_can_conjugate() -> None:
    assert to_du("Wenn Sie mehr verbrauchen, können Sie Ihren Abschlag erhöhen.") == (
        "Wenn du mehr verbrauchst, kannst du deinen Abschlag erhöhen."
    )
    assert to_du("Geben Sie den neuen Betrag ein.") == "Gib den neuen Betrag ein."
    assert to_du("Melden Sie sich im Portal an.") == "Melde dich im Portal an."
    assert to_du("Wir informieren Sie innerhalb von 5 Werktagen.") == (
        "Wir informieren dich innerhalb von 5 Werktagen."
    )
    assert to_du("Haben Sie Fragen?") == "Hast du Fragen?"
    assert to_du("Sie sehen sich die Rechnung an.") is None  # dich or dir: unknown
    assert to_du("Der Abschlag beträgt 10 EUR.") == "Der Abschlag beträgt 10 EUR."


def test_customer_writing_du_gets_a_du_reply() -> None:
    assert writes_du("Hey, kannst du mir sagen, wie ich das mache?")
    assert not writes_du("Können Sie mir sagen, ob ich das darf?")
    email = mail("Jonas Weber", "Hi, wie kann ich meinen Abschlag erhöhen? Kannst du mir helfen?")
    body, _ = extractive_draft(
        email, email.body, [DE], settings=Settings(), language="de", formality="sie", kb_gap=False
    )
    assert body.startswith("Hallo Jonas,") and "Viele Grüße" in body
    assert body.rstrip().endswith("Viele Grüße\nDein Kundenservice-Team\nStadtwerke Nordlicht")


def test_sign_off_follows_the_register_unless_an_agent_name_is_configured() -> None:
    email = mail("Jonas Weber")

    def ending(settings: Settings, formality: str) -> str:
        body, _ = extractive_draft(
            email, email.body, [DE], settings=settings, language="de", formality=formality,
            kb_gap=False,
        )  # fmt: skip
        return "\n".join(body.rstrip().splitlines()[-3:])

    default = Settings(brand_name="Stadtwerke Nordlicht")
    assert ending(default, "sie") == (
        "Mit freundlichen Grüßen\nIhr Kundenservice-Team\nStadtwerke Nordlicht"
    )
    assert ending(default, "du") == "Viele Grüße\nDein Kundenservice-Team\nStadtwerke Nordlicht"
    named = Settings(agent_name="Anna Berger", brand_name="Stadtwerke Nordlicht")
    assert ending(named, "du") == "Viele Grüße\nAnna Berger\nStadtwerke Nordlicht"
    assert ending(named, "sie") == "Mit freundlichen Grüßen\nAnna Berger\nStadtwerke Nordlicht"


def test_gap_reply_offers_the_knowledge_base_contact_routes() -> None:
    email = mail("Erika Schulz", "Fördern Sie Balkonkraftwerke?")
    body, citations = extractive_draft(
        email,
        email.body,
        [DE, OTHER],
        settings=Settings(),
        language="de",
        formality="sie",
        kb_gap=True,
    )
    assert citations == [] and "Kundennummer" in body
    assert "service@stadtwerke-nordlicht.de" in body and "0431 5577-100" in body
    assert "Abschlag" not in body


def test_only_articles_close_to_the_best_are_used() -> None:
    email = mail("Erika Schulz", "Wie hoch ist der Abschlag mindestens?")
    close = [DE.model_copy(update={"score": 0.6}), OTHER.model_copy(update={"score": 0.3})]
    _, citations = extractive_draft(
        email, email.body, close, settings=Settings(), language="de", formality="sie", kb_gap=False
    )
    assert [c.kb_id for c in citations] == ["abschlag"]


def test_a_gap_draft_says_plainly_it_cannot_answer_and_what_it_needs() -> None:
    email = mail("Mary Smith", "Do you subsidise solar panels on my roof?")
    body, citations = extractive_draft(
        email, email.body, [EN], settings=Settings(), language="en", formality="you", kb_gap=True
    )
    assert citations == []
    assert "cannot give you reliable information" in body and "team responsible" in body
    assert "your customer number" in body and "meter number" not in body
    numbered = mail("Mary Smith", "Solar subsidy? My customer number is KD-1234567.")
    body, _ = extractive_draft(
        numbered, numbered.body, [EN], settings=Settings(), language="en", formality="you",
        kb_gap=True,
    )  # fmt: skip
    assert "reliable information" in body and "customer number" not in body  # already given


def test_a_bold_ui_label_ending_in_a_question_mark_keeps_quotes() -> None:
    units = parse_article(
        "- **Passwort falsch**: Nutzen Sie **Passwort vergessen?** unter dem Feld."
    )
    assert any('"Passwort vergessen?" unter dem Feld' in u.text for u in units)
