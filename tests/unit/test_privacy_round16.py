"""Issue 9, sixteenth round: what reaches the model does not depend on how the greeting reads
the sender. Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from drafter.config import Settings
from drafter.drafting.name_net import sender_name_parts, shown_names
from drafter.mail.parse import parse_email
from drafter.models import Address, InboundEmail
from drafter.privacy import Pseudonymizer, Vault
from drafter.privacy.signed_lines import signoff_words
from tests.unit.privacy_cases import assert_hidden_again, check, mail_from


class _NoRetriever:
    def search(self, query: str, k: int, language: str | None = None) -> list[Any]:
        return []

    def is_gap(self, passages: list[Any]) -> bool:
        return True


def _model_sees(email: InboundEmail) -> str:
    """Every text of the draft request the engine prepares for `email` (no passages)."""
    from drafter.drafting.engine import DraftingEngine
    from drafter.drafting.prompts import find_template
    from drafter.drafting.writers import ModelWriter

    settings = Settings(llm_model="test", llm_base_url="http://127.0.0.1:9/v1")
    engine = DraftingEngine(settings, _NoRetriever())  # type: ignore[arg-type]
    job = asyncio.run(engine._prepare(email, "de", "sie", {}, passages=[]))
    writer = ModelWriter(settings, find_template(settings, settings.prompt), engine.privacy, None)
    return "\n".join(m["content"] for m in writer.messages(job))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # the greeting reads "und Kuss" as the signed name: the name after the comma is hidden
        # all the same
        ("Hallo,\nmein Zähler läuft rückwärts.\n\nGruß und Kuss, Frank", "Frank"),
        # a first name that is an everyday word, under a closing, a kiss after it
        ("Hello,\nmy meter runs backwards.\n\nLove,\nMark x", "Mark"),
        # a note in brackets after the name
        ("Hello,\nmy meter runs backwards.\n\nThanks\n\nGrace (Mrs)", "Grace"),
    ],
)
def test_a_signed_name_is_hidden_whatever_the_greeting_reads(body: str, name: str) -> None:
    email = parse_email(mail_from("kunde77@web.de", body))
    assert not re.search(rf"\b{name}\b", _model_sees(email))  # not "Markdown" of the prompt


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Danke!\n\nLove,\nMark x", ["Mark"]),
        ("Danke!\n\nThanks\n\nGrace (Mrs)", ["Grace"]),
        ("Danke!\n\nGruß und Kuss, Frank", ["Frank"]),
        ("Danke!\n\nViele Grüße\n~ Wiebke Quistorp ~", ["Wiebke", "Quistorp"]),
        # not: closing words, a firm, a job, a phone's footer, a sentence
        ("Thank you and God bless.", []),
        ("Thanks a million", []),
        ("Mit freundlichen Grüßen\nFörde Wohnen Hausverwaltung GmbH", []),
        ("Best regards,\nRelocation Consultant", []),
        ("Viele Grüße\nVon meinem iPhone gesendet", []),
        ("Danke für die schnelle Hilfe bei der Sache mit Frank.\nAnna", []),
    ],
)
def test_signoff_words(pz: Pseudonymizer, text: str, found: list[str]) -> None:
    assert signoff_words([text], pz._may_be_name, pz._strong_first_name, pz._free.blocked) == found


@pytest.mark.parametrize(
    ("display", "signed", "present", "absent"),
    [
        # a different person signs from the account: the greeting greets her, the net also
        # holds the account holder's name and every signed word
        ("Peter Lindqvist", "Maria Sørensen", ("Peter", "Lindqvist", "Maria", "Sørensen"), ()),
        # no particle, title or everyday word alone
        (
            "Mag. Jonas von der Alsen",
            "Jonas von der Alsen, Denmark",
            ("Alsen", "Jonas"),
            ("von", "der", "Mag", "Mag.", "Denmark"),
        ),
    ],
)
def test_the_net_holds_every_reading_of_the_sender(
    display: str, signed: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    email = InboundEmail(
        from_=Address(email="p.lindqvist@example.org", name=display),
        subject="Frage",
        body=f"Hallo,\nwie hoch ist der Abschlag?\n\nViele Grüße\n{signed}",
    )
    parts = sender_name_parts(email)
    assert all(p in parts for p in present) and not any(a in parts for a in absent), parts


def test_the_net_skips_words_no_name_can_be() -> None:
    email = InboundEmail(
        from_=Address(email="kunde@example.org", name=""),
        subject="Frage",
        body="Hallo,\nbitte um Rückruf.\n\nViele Grüße\nHauke",
        signature="Kundennummer K D",
    )
    redacted = email.model_copy(update={"body": "Kundennummer Hauke"})
    shown = shown_names(email, redacted)
    assert "Hauke" in shown and "Kundennummer" not in shown


@pytest.mark.parametrize(
    ("first", "value"),
    [
        ("Mit freundlichen Grüßen\nAyşe Yıldız", "Yildiz"),
        ("Viele Grüße\nKlaus Müller", "Mueller"),
        ("Viele Grüße\nJörg Schäfer", "Schafer"),
        ("Viele Grüße\nJörg Schäfer", "Schaefer"),
        ("Best regards,\nLukasz Nowak", "Łukasz"),
    ],
)
def test_a_name_spelt_another_way_is_the_same_name(
    pz: Pseudonymizer, first: str, value: str
) -> None:
    assert_hidden_again(pz, first, [value])


def test_a_spelling_is_no_other_word(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact("Viele Grüße\nKlaus Müller", vault)
    out = pz.redact("Die Mühle und der Müll kosten extra, Muller zahlt.", vault)
    assert "Mühle" in out and "Müll" in out and "Muller" not in out


@pytest.mark.parametrize("number", ["AB-4821", "4821"])
def test_a_value_found_in_a_later_field_is_hidden_in_the_earlier_ones(
    pz: Pseudonymizer, number: str
) -> None:
    # the cue is only in the quoted history, which is redacted after the body
    email = InboundEmail(
        from_=Address(email="kunde77@web.de", name=""),
        subject="Zähler",
        body=f"Hallo,\nes geht um {number}, bitte ändern.",
        quoted=f"> Meine Kundennummer: {number}\n> Gruß",
    )
    redacted, _ = pz.redact_email(email)
    assert number not in redacted.body and number not in redacted.quoted


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a rare surname before a trade word is a sole trader's, also inside "… GmbH"
        ("Der Vermieter ist Vosteen Immobilien GmbH, sagt er.", ("Vosteen",), ()),
        ("Die Rechnung kam von Oltmanns Elektrotechnik GmbH.", ("Oltmanns",), ()),
        # not a brand of several capitalised words, not an everyday word
        ("Die Nordlicht Wohnen Hausverwaltung GmbH schrieb.", (), ("Wohnen",)),
        ("Die Rechnung kam von Schnell Elektrotechnik GmbH.", (), ("Schnell",)),
        ("Der Ambulanter Pflegedienst kommt morgen.", (), ("Ambulanter Pflegedienst",)),
        # a short form of a first name named in the same text
        (
            "Die Wohnung meines Sohnes Maximilian Wutte kündige ich. Max erreichen Sie mobil.",
            ("Max ",),
            (),
        ),
        ("Frau Alexandra Berg zieht aus. Alex gibt die Schlüssel ab.", ("Alex ",), ()),
        # a month and an abbreviation are no short form
        ("Herr Janosch Weber zieht am 1 Jan 2025 aus, Max. 5 kW.", (), ("1 Jan 2025", "Max. 5")),
    ],
)
def test_an_owner_before_a_trade_word_and_a_short_form(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


def test_the_rewrite_path_hides_another_spelling_of_the_customer() -> None:
    from drafter.drafting.engine import DraftingEngine

    email = parse_email(
        mail_from(
            "kunde77@web.de", "Hallo,\nbitte den Abschlag senken.\n\nViele Grüße\nKlaus Müller"
        )
    )
    settings = Settings(llm_model="test", llm_base_url="http://127.0.0.1:9/v1")
    engine = DraftingEngine(settings, _NoRetriever())  # type: ignore[arg-type]
    draft = ("Das Konto Mueller ist umgestellt.", "kürzer")
    job = asyncio.run(engine._prepare(email, "de", "sie", {}, passages=[], draft=draft))
    assert "Mueller" not in job.rewrite["current_draft"]
