"""The closing offer of a template draft (replies25, issue 12): the last paragraph says in a
sentence of its own how to reach us, with the service number, its opening hours as the
articles give them and our own address ("Wenn Sie Fragen haben, erreichen Sie uns telefonisch
unter … (Mo–Fr …) oder per E-Mail an …"), instead of a torn contact row of an article
("Telefon 0800 … (Mo–Fr …)", "Questions: 0800 … or …"). A draft that holds the question offers
to talk in the meantime. Never an emergency number. Own example articles and mails."""

from __future__ import annotations

from drafter.config import Settings
from drafter.drafting.extractive import extractive_reply
from drafter.models import Address, InboundEmail, Passage

ABSCHLAG = """# Abschlag ändern

Ihren monatlichen Abschlag können Sie einmal pro Quartal ändern.

Der Abschlag beträgt mindestens 10 EUR pro Monat.
"""

KONTAKT = """# Kontakt

- Telefon 0800 444-555 (Mo–Fr 8–18 Uhr)
- Störungen rund um die Uhr: 0800 444-999
- E-Mail help@beispiel-werke.de
"""

INSTALMENT = """# Changing your instalment

You can change your monthly instalment once per quarter.

The instalment is at least 10 EUR per month.
"""

CONTACT = """# Contact

Questions: 0800 444-555 (Mon–Fri 8 am–6 pm) or help@beispiel-werke.de.

Faults around the clock: 0800 444-999.
"""

SETTINGS = Settings(mail_from="Beispiel Werke <service@beispiel-werke.de>")


def _draft(body: str, subject: str, text: str, language: str, *, kb_gap: bool = False) -> str:
    mail = InboundEmail(
        from_=Address(name="Erika Schulz", email="erika@example.org"),
        subject=subject,
        body=body,
        language=language,
    )
    contact = KONTAKT if language == "de" else CONTACT
    passages = [
        Passage(kb_id=str(n), title=t.splitlines()[0][2:], text=t, score=s, language=language)
        for n, (t, s) in enumerate([(text, 1.0), (contact, 0.1)])
    ]
    reply = extractive_reply(
        mail, f"{subject} {body}", passages, settings=SETTINGS, language=language,
        formality="sie", kb_gap=kb_gap, texts=[text, contact],
    )  # fmt: skip
    return reply.body


def _last_paragraph(body: str) -> str:
    return body.strip().split("\n\n")[-2]


def test_an_answering_draft_closes_with_an_offer_to_ask_in_a_sentence_of_its_own() -> None:
    german = _draft(
        "Kann ich meinen Abschlag ändern? Er ist zu hoch.", "Abschlag ändern", ABSCHLAG, "de"
    )
    assert _last_paragraph(german) == (
        "Wenn Sie Fragen haben, erreichen Sie uns telefonisch unter 0800 444-555 "
        "(Mo–Fr 8–18 Uhr) oder per E-Mail an service@beispiel-werke.de."
    )
    english = _draft(
        "Can I change my monthly instalment? It is too high.", "Instalment", INSTALMENT, "en"
    )
    assert _last_paragraph(english) == (
        "If you have any questions, call us on 0800 444-555 (Mon–Fri 8 am–6 pm) or email "
        "service@beispiel-werke.de."
    )


def test_a_holding_draft_offers_to_talk_in_the_meantime_never_with_the_emergency_line() -> None:
    german = _draft(
        "Bieten Sie eine Förderung für Wallboxen an?", "Wallbox", ABSCHLAG, "de", kb_gap=True
    )
    assert _last_paragraph(german) == (
        "Wenn Sie vorab mit uns sprechen möchten, erreichen Sie uns telefonisch unter "
        "0800 444-555 (Mo–Fr 8–18 Uhr) oder per E-Mail an service@beispiel-werke.de."
    )
    assert "444-999" not in german
    english = _draft(
        "Do you offer a charging card for electric cars?", "Charging card", INSTALMENT, "en",
        kb_gap=True,
    )  # fmt: skip
    assert _last_paragraph(english) == (
        "If you would like to talk to us in the meantime, call 0800 444-555 "
        "(Mon–Fri 8 am–6 pm) or email service@beispiel-werke.de."
    )


def test_the_offer_follows_the_customers_du() -> None:
    du = _draft(
        "Hallo, kann ich meinen Abschlag ändern? Er ist mir zu hoch. Danke dir!\nLG Erika",
        "Abschlag ändern",
        ABSCHLAG,
        "de",
    )
    assert "Viele Grüße" in du  # the draft is written in Du
    assert "Wenn du Fragen hast, erreichst du uns telefonisch unter 0800 444-555" in du
