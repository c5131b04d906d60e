"""What the round-by-round privacy tests share: hide-and-keep checks on one text, and that
values found in a first mail stay hidden later without their cues (in the vault's re-hiding
and in the guard on the outgoing request)."""

from __future__ import annotations

import pytest

from drafter.errors import PrivacyError
from drafter.privacy import Pseudonymizer, Vault
from drafter.privacy.guard import check_request


def check(
    pz: Pseudonymizer,
    text: str,
    hidden: tuple[str, ...],
    kept: tuple[str, ...],
    known: tuple[str, ...] = (),
) -> None:
    """`text` redacted on its own (the thread's `known` names given): every `hidden` string is
    gone, every `kept` one is there."""
    out = pz.redact(text, Vault(), list(known))
    for value in hidden:
        assert value not in out, f"{value!r} visible in {out!r}"
    for word in kept:
        assert word in out, f"{word!r} hidden in {out!r}"


def mail_from(sender: str, body: str) -> bytes:
    """A plain-text customer mail from `sender` to the company (MIME bytes)."""
    return (
        f"From: {sender}\nTo: service@stadtwerke-nordlicht.de\nSubject: Frage\n"
        "Content-Type: text/plain; charset=utf-8\n\n" + body
    ).encode()


def check_sender(
    pz: Pseudonymizer, sender: str, body: str, hidden: str, kept: tuple[str, ...]
) -> None:
    """A mail from `sender` redacted whole: `hidden` (if any) is gone from its body and
    signature, every `kept` word is there."""
    from drafter.mail.parse import parse_email

    redacted, _ = pz.redact_email(parse_email(mail_from(sender, body)))
    seen = "\n".join([redacted.body, redacted.signature])
    if hidden:
        assert hidden not in seen, seen
    for word in kept:
        assert word in seen, seen


def assert_hidden_again(pz: Pseudonymizer, first_mail: str, later: list[str]) -> None:
    """Values found in `first_mail` are hidden in a later text that has lost their cues."""
    vault = Vault()
    pz.redact(first_mail, vault)
    out = pz.redact("Bitte freundlicher: " + " und ".join(later) + " nicht nennen.", vault)
    for value in later:
        assert value not in out, f"{value!r} visible in {out!r}"


def assert_guard_blocks(pz: Pseudonymizer, first_mail: str, value: str) -> None:
    """The outgoing-request guard lets clean text pass and blocks `value` from `first_mail`."""
    vault = Vault()
    pz.redact(first_mail, vault)
    check_request(["Bitte freundlicher schreiben."], vault, pz)
    with pytest.raises(PrivacyError):
        check_request([f"Bitte freundlicher schreiben, {value}."], vault, pz)
