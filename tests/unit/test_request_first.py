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


KOSTEN_DE = """# Warum ist meine Wasserrechnung gestiegen?

Eine höhere Wasserrechnung entsteht, wenn Ihr Wasserverbrauch gestiegen ist oder die Gebühren
für Wasser und Abwasser erhöht wurden. Ein tropfender Wasserhahn verbraucht bis zu 2.000 Liter
Wasser im Jahr. Prüfen Sie Ihren Wasserverbrauch auf der Wasserrechnung.
"""
LASTSCHRIFT_DE = """# Zahlungstermin ändern

Den Zahlungstermin für Ihre monatliche Zahlung können Sie auf den 1. oder 15. eines Monats legen.
Die Änderung gilt ab dem übernächsten Monat.
"""
TARIFF_EN = """# Why did my broadband bill go up?

A higher broadband bill comes from a price change of your broadband tariff or from extra
broadband services. Broadband prices change at most once a year, with 6 weeks notice.
"""
SPEED_EN = """# Upgrade your speed

You can upgrade your line speed to 500 Mbit/s at any time. The upgrade is active within 2
working days and costs 10 EUR more per month.
"""


def _two(texts: list[str], body: str, subject: str, language: str) -> str:
    passages = [
        Passage(kb_id=f"k{i}", title=f"K{i}", text=t, score=1.0 - i / 20, language=language)
        for i, t in enumerate(texts)
    ]
    email = InboundEmail(from_=Address(name="Kim Jansen", email="k@example.org"),
                         subject=subject, body=body)  # fmt: skip
    reply = extractive_reply(
        email, f"{subject} {body}", passages, settings=Settings(), language=language,
        formality="sie", kb_gap=False, texts=texts,
    )  # fmt: skip
    return reply.body


def test_the_request_leads_not_the_background() -> None:
    # background: a long story about a higher water bill; the request: the payment date
    body_de = _two(
        [KOSTEN_DE, LASTSCHRIFT_DE],
        "Meine Wasserrechnung ist gestiegen, der Wasserverbrauch war hoch, Wasser und Abwasser "
        "sind teuer, die Wasserrechnung kam spät. Bitte legen Sie meinen Zahlungstermin auf "
        "den 15. Ab wann gilt die Änderung?",
        "Wasserrechnung",
        "de",
    )
    assert "übernächsten Monat" in body_de
    assert body_de.index("Zahlungstermin") < body_de.find("Wasserhahn") or (
        "Wasserhahn" not in body_de
    )


def test_the_request_leads_not_the_background_en() -> None:
    body_en = _two(
        [TARIFF_EN, SPEED_EN],
        "My broadband bill went up, the broadband tariff and broadband prices are high. "
        "I would like to upgrade my line speed to 500 Mbit/s. When is the upgrade active?",
        "Broadband bill",
        "en",
    )
    assert "within 2 working days" in body_en
    assert body_en.index("upgrade") < body_en.find("price change") or (
        "price change" not in body_en
    )


def test_asking_sentences_are_told_from_background() -> None:
    from drafter.drafting.situation import requests

    de = requests(
        "Umzug",
        "Sehr geehrte Damen und Herren,\n\nich bin letzten Monat umgezogen und habe die\n"
        "Wohnung renoviert. Bitte melden Sie meinen Zähler ab. Senden Sie mir die\n"
        "Schlussrechnung per Post. Wann kommt sie?\n\nMit freundlichen Grüßen",
    )
    assert "Bitte melden Sie meinen Zähler ab." in de
    assert "Senden Sie mir die Schlussrechnung per Post." in de
    assert "Wann kommt sie?" in de
    assert "renoviert" not in de and "Damen" not in de and "Grüßen" not in de
    en = requests(
        "Moving",
        "Dear team,\n\nwe moved last week and the boxes are everywhere. I would like to close "
        "my account. Could you confirm the final reading? Send the bill to my new address.",
    )
    assert "close my account" in en and "final reading" in en and "Send the bill" in en
    assert "boxes" not in en and "Dear" not in en
