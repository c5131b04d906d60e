"""Vault stability, restore() round trip and flagging, redact_email, and `mail parse --redact`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli.main import cli
from drafter.config import Settings
from drafter.models import Address, Attachment, InboundEmail
from drafter.privacy import Pseudonymizer, RestoreResult, Vault, restore

MAIL = (
    "Hallo,\n\nmein Name ist Max Mustermann, Kundennummer KD-1234567. Bitte buchen Sie von "
    "DE89 3704 0044 0532 0130 00 ab. Rückruf unter 0171-1234567.\nMit freundlichen Grüßen\n"
    "Max Mustermann"
)


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer(Settings())


def test_placeholders_are_typed_numbered_and_stable(pz: Pseudonymizer) -> None:
    vault = Vault()
    text = pz.redact(MAIL, vault)
    assert text == (
        "Hallo,\n\nmein Name ist [NAME_1], Kundennummer [CUSTOMER_NO_1]. Bitte buchen Sie von "
        "[IBAN_1] ab. Rückruf unter [PHONE_1].\nMit freundlichen Grüßen\n[NAME_1]"
    )
    # a later message of the same thread: same values, same placeholders, even re-spaced
    later = pz.redact("IBAN DE89370400440532013000, Tel. +49 171 1234567, Max Mustermann", vault)
    assert later == "IBAN [IBAN_1], Tel. [PHONE_1], [NAME_1]"
    second = pz.redact("Meine Frau Erika Mustermann, Tel. 0431 98765", vault)
    assert "[NAME_2]" in second and "[PHONE_2]" in second
    assert [e.placeholder for e in vault.entities if e.type == "PHONE"] == [
        "[PHONE_1]",
        "[PHONE_2]",
    ]


def test_vault_survives_json(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact(MAIL, vault)
    loaded = Vault.model_validate_json(vault.model_dump_json())
    assert pz.redact("Konto DE89 3704 0044 0532 0130 00", loaded) == "Konto [IBAN_1]"
    assert loaded.placeholder_for("EMAIL", "new@example.org") == "[EMAIL_1]"
    assert loaded.value_of("[CUSTOMER_NO_1]") == "KD-1234567"


def test_round_trip_is_exact(pz: Pseudonymizer) -> None:
    vault = Vault()
    result = restore(pz.redact(MAIL, vault), vault)
    assert isinstance(result, RestoreResult)
    assert result.text == MAIL
    assert result.problems == [] and result.unresolved == [] and result.dropped == []


def test_model_reply_restored_with_dropped_as_information(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact(MAIL, vault)
    reply = "Sehr geehrter Herr [NAME_1], wir buchen ab sofort von [IBAN_1] ab."
    result = restore(reply, vault)
    assert result.text == (
        "Sehr geehrter Herr Max Mustermann, wir buchen ab sofort von "
        "DE89 3704 0044 0532 0130 00 ab."
    )
    assert result.problems == []
    assert result.dropped == ["[CUSTOMER_NO_1]", "[PHONE_1]"]
    assert restore(reply, vault, expected=["[IBAN_1]"]).dropped == []


@pytest.mark.parametrize(
    "mangled", ["[NAME 1]", "[name_1]", "NAME_1", "[NAME_1", "NAME_1]", "[Name-1]"]
)
def test_mangled_placeholders_are_repaired_and_flagged(pz: Pseudonymizer, mangled: str) -> None:
    vault = Vault()
    pz.redact(MAIL, vault)
    result = restore(f"Guten Tag {mangled}, danke.", vault)
    assert result.text == "Guten Tag Max Mustermann, danke."
    assert len(result.problems) == 1 and mangled in result.problems[0]
    assert result.repaired == [mangled] and result.unresolved == []


def test_invented_placeholders_stay_visible_and_are_flagged(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact(MAIL, vault)
    result = restore("Ihre IBAN [IBAN_7] und [EMAIL_1], Herr [name_9].", vault)
    assert result.text == "Ihre IBAN [IBAN_7] und [EMAIL_1], Herr [name_9]."
    assert result.unresolved == ["[IBAN_7]", "[EMAIL_1]", "[name_9]"]
    assert len(result.problems) == 3 and not result.ok


def test_prose_that_resembles_a_type_is_left_alone(pz: Pseudonymizer) -> None:
    vault = Vault()
    pz.redact(MAIL, vault)
    result = restore("Name 1 im Formular, DOB 12.03.1985 laut Email 2.", vault)
    assert result.text == "Name 1 im Formular, DOB 12.03.1985 laut Email 2."
    assert result.problems == []


def test_redact_email_covers_every_field_a_model_sees(pz: Pseudonymizer) -> None:
    email = InboundEmail(
        from_=Address(name="Mustermann, Max", email="max@example.org"),
        to=[Address(name="Kundenservice", email="service@stadtwerke-nordlicht.de")],
        cc=[Address(name="Erika Mustermann", email="erika@example.org")],
        subject="Abschlag KD-1234567 - Max Mustermann",
        body="Hallo,\nbitte den Abschlag senken. Mustermann zahlt pünktlich. Mail: max@example.org",
        quoted="> Sehr geehrter Herr Mustermann,\n> wir melden uns.",
        signature="Max Mustermann\nMusterstraße 12a\n24103 Kiel\nTel. 0431 123456",
        attachments=[Attachment(filename="Zaehlerstand_Mustermann.jpg")],
    )
    redacted, vault = pz.redact_email(email)
    assert redacted.from_ == Address(name="[NAME_1]", email="[EMAIL_1]")
    assert redacted.to == email.to  # the company's own address stays
    assert redacted.cc[0].email.startswith("[EMAIL_") and "Erika" not in redacted.cc[0].name
    assert redacted.subject == "Abschlag [CUSTOMER_NO_1] - [NAME_1]"
    assert redacted.body == (
        "Hallo,\nbitte den Abschlag senken. [NAME_2] zahlt pünktlich. Mail: [EMAIL_1]"
    )
    assert redacted.quoted == "> Sehr geehrter Herr [NAME_2],\n> wir melden uns."
    assert redacted.signature == "[NAME_1]\n[ADDRESS_1]\n[POSTCODE_CITY_1]\nTel. [PHONE_1]"
    assert redacted.attachments[0].filename == "Zaehlerstand_[NAME_2].jpg"
    dumped = redacted.model_dump_json()
    for secret in ("Mustermann", "max@example.org", "KD-1234567", "Musterstraße", "0431", "Kiel"):
        assert secret not in dumped
    assert vault.value_of("[NAME_1]") == "Max Mustermann"
    # the next message of the thread reuses the vault
    reply, same = pz.redact_email(email.model_copy(update={"body": "Max Mustermann again"}), vault)
    assert same is vault and reply.body == "[NAME_1] again"


RAW = (
    "From: Jana Petersen <jana.petersen@example.org>\n"
    "To: Stadtwerke Nordlicht <service@stadtwerke-nordlicht.de>\n"
    "Subject: Umzug, Kundennummer KD-2209481\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Hallo,\n\nwir ziehen vom Knooper Weg 41, 24103 Kiel, in die Elisabethstraße 17, 24143 Kiel.\n"
    "Meine IBAN bleibt DE89 3704 0044 0532 0130 00.\n\nBeste Grüße\nJana Petersen\n"
).encode()


def test_cli_mail_parse_redact_json(tmp_path: Path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(RAW)
    result = CliRunner().invoke(cli, ["mail", "parse", str(path), "--redact", "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.output)
    model_visible = json.dumps({k: v for k, v in view.items() if k != "entities"})
    for secret in ("Petersen", "jana.petersen", "KD-2209481", "Knooper", "24103", "DE89"):
        assert secret not in model_visible
    assert view["from"] == "[NAME_1] <[EMAIL_1]>"
    assert view["subject"] == "Umzug, Kundennummer [CUSTOMER_NO_1]"
    assert "[ADDRESS_1], [POSTCODE_CITY_1]" in view["body"] and "[IBAN_1]" in view["body"]
    entities = {e["placeholder"]: (e["type"], e["value"]) for e in view["entities"]}
    assert entities["[NAME_1]"] == ("NAME", "Jana Petersen")
    assert entities["[IBAN_1]"] == ("IBAN", "DE89 3704 0044 0532 0130 00")
    assert entities["[ADDRESS_2]"] == ("ADDRESS", "Elisabethstraße 17")
    why = {e["placeholder"]: e["why"] for e in view["entities"]}  # recognizer and cue
    assert why["[NAME_1]"] == "From header (display name)"
    assert why["[IBAN_1]"] == "iban (mod 97)"
    assert why["[CUSTOMER_NO_1]"].startswith("pattern ")


def test_cli_mail_parse_redact_readable(tmp_path: Path) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(RAW)
    result = CliRunner().invoke(cli, ["mail", "parse", str(path), "--redact"])
    assert result.exit_code == 0, result.output
    assert "[CUSTOMER_NO_1]" in result.output
    assert "Jana Petersen" in result.output.split("[NAME_1]")[-1]  # only in the entity list
