"""Template drafts lead with what the customer asks, and never copy a heading below the text
it introduces (issue 12). Own example articles and mails, German and English."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.extractive import extractive_reply
from drafter.evaluation.defects import count, find_defects
from drafter.models import Address, InboundEmail, Passage

WASSER_DE = """# Wasserzähler tauschen

Der Wasserzähler wird alle sechs Jahre geeicht und dafür getauscht.

## Wann kommt der Monteur zum Zählertausch?

Der Monteur kommt nach einer Terminankündigung per Brief, mindestens 14 Tage vorher.

- **Zugang**: Sorgen Sie dafür, dass der Zähler frei zugänglich ist.
- **Verschieben**: Einen Termin verschieben Sie telefonisch unter 0431 5577-300.

## Was kostet der Zählertausch?

Der Tausch ist für Sie kostenlos.
"""

PARKING_EN = """# Parking permits for charging stations

A parking permit lets you park at our public charging stations for up to 4 hours.

## When does the parking permit arrive?

The parking permit arrives by post within 10 working days of your order.

- **Lost permit**: We send a replacement for 5 EUR.
- **Wrong plate**: Tell us the correct number plate and we send a new permit free of charge.
"""


def _reply(text: str, body: str, subject: str, language: str):  # type: ignore[no-untyped-def]
    passages = [Passage(kb_id="a", title="A", text=text, score=1.0, language=language)]
    email = InboundEmail(from_=Address(name="Kim Jansen", email="k@example.org"),
                         subject=subject, body=body)  # fmt: skip
    return extractive_reply(
        email, f"{subject} {body}", passages, settings=Settings(), language=language,
        formality="sie", kb_gap=False, texts=[text],
    )  # fmt: skip


def _misplaced(body: str, mail: str, language: str) -> int:
    return count(find_defects(body, mail, language))["heading_out_of_place"]


def test_a_heading_below_its_answer_is_a_counted_defect() -> None:
    draft_de = (
        "Sehr geehrte Frau Jansen,\n\nvielen Dank für Ihre Nachricht.\n\n"
        "Der Monteur kommt nach einer Terminankündigung per Brief.\n\n"
        "Wann kommt der Monteur?\n- Zugang: Sorgen Sie für freien Zugang. [1]\n\n"
        "Mit freundlichen Grüßen\nIhr Team"
    )
    assert _misplaced(draft_de, "Wann kommt der Monteur?", "de") == 1
    draft_en = (
        "Dear Kim Jansen,\n\nThank you for your message.\n\n"
        "The parking permit arrives by post within 10 working days.\n\n"
        "When does the parking permit arrive?\n- Lost permit: We send a replacement. [1]\n\n"
        "Kind regards\nYour team"
    )
    assert _misplaced(draft_en, "Where is my permit?", "en") == 1
    # a heading before its own list is in place; a heading of another block is not compared
    in_place = draft_en.replace(
        "The parking permit arrives by post within 10 working days.\n\n", "Hello. [1]\n\n"
    )
    assert _misplaced(in_place, "Where is my permit?", "en") == 0


def test_template_draft_never_puts_a_heading_below_its_section() -> None:
    mail_de = (
        "Sie haben einen Zählertausch angekündigt. Wann kommt der Monteur zum Zählertausch? "
        "Ich muss den Zugang zum Zähler organisieren und den Termin verschieben."
    )
    body = _reply(WASSER_DE, mail_de, "Zählertausch Termin", "de").body
    assert "Terminankündigung per Brief" in body
    assert "Wann kommt der Monteur zum Zählertausch?" not in body
    assert _misplaced(body, mail_de, "de") == 0
    assert count(find_defects(body, mail_de, "de"))["fragment"] == 0
    mail_en = (
        "I ordered a parking permit. When does the parking permit arrive? I lost my old permit "
        "and the plate on it is wrong."
    )
    body = _reply(PARKING_EN, mail_en, "Parking permit", "en").body
    assert "within 10 working days" in body
    assert "When does the parking permit arrive?" not in body
    assert sum(count(find_defects(body, mail_en, "en")).values()) == 0
