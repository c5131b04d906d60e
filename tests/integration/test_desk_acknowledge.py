"""Risky warnings block sending on the real Desk (SQLite in tmp_path, outbox transport): each
one must be acknowledged on its own, the acknowledgement is in the audit log, a new draft
voids earlier acknowledgements, and taking the offending text out resolves a warning."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from drafter.models import DraftWarning
from tests.integration.desk_helpers import ScriptedEngine, queue_emails

BODY = (
    "Sehr geehrte Frau Schulz, Ihr Vertrag ist zum 31.12. gekündigt. "
    "Überweisen Sie 250 EUR an DE89 3704 0044 0532 0130 00. Mehr unter http://evil.example.com"
)
LINK = DraftWarning(code="link", message="link to evil.example.com", span="http://evil.example.com")
PAYMENT = DraftWarning(
    code="payment", message="bank details not in the sources", span="DE89 3704 0044 0532 0130 00"
)
COMMITMENT = DraftWarning(
    code="commitment",
    message="confirms a cancellation",
    span="Ihr Vertrag ist zum 31.12. gekündigt",
)
HARMLESS = DraftWarning(code="template_draft", message="template draft")


async def _drafted(settings: Settings, warnings: list[DraftWarning]) -> tuple[Desk, int]:
    desk = Desk(settings, engine=ScriptedEngine(warnings=warnings, body=BODY))
    (email_id,) = queue_emails(desk, 1)
    async for _ in desk.draft(email_id):
        pass
    return desk, email_id


async def test_send_refuses_until_each_risky_warning_is_acknowledged(settings: Settings) -> None:
    desk, email_id = await _drafted(settings, [HARMLESS, LINK, PAYMENT, COMMITMENT])
    assert desk.unacknowledged(email_id) == [LINK, PAYMENT, COMMITMENT]
    desk.approve(email_id, desk.versions(email_id)[-1].body)
    with pytest.raises(StoreError, match=r"3 risky warning\(s\) nobody acknowledged"):
        desk.send(email_id)
    desk.acknowledge(email_id, LINK)
    desk.acknowledge(email_id, PAYMENT)
    with pytest.raises(StoreError, match=r"1 risky warning\(s\).*\(commitment\)"):
        desk.send(email_id)
    assert desk.email(email_id).status != "sent" and desk.sends(email_id) == []
    desk.acknowledge(email_id, COMMITMENT)
    assert desk.unacknowledged(email_id) == []
    assert desk.send(email_id).transport == "outbox"
    assert desk.email(email_id).status == "sent"
    acks = [e for e in desk.audit(email_id) if e.action == "acknowledged"]
    assert [(e.actor, e.detail["kind"], e.detail["text"]) for e in acks] == [
        ("agent", "link", LINK.message),
        ("agent", "payment", PAYMENT.message),
        ("agent", "commitment", COMMITMENT.message),
    ]
    assert acks[1].detail["span"] == PAYMENT.span


async def test_a_new_draft_voids_earlier_acknowledgements(settings: Settings) -> None:
    desk, email_id = await _drafted(settings, [LINK])
    desk.acknowledge(email_id, LINK)
    assert desk.unacknowledged(email_id) == []
    async for _ in desk.draft(email_id):  # regenerated: the agent has not read this one
        pass
    assert desk.unacknowledged(email_id) == [LINK]
    desk.approve(email_id, desk.versions(email_id)[-1].body)
    with pytest.raises(StoreError, match="acknowledge"):
        desk.send(email_id)


async def test_removing_the_offending_text_resolves_the_warning(settings: Settings) -> None:
    desk, email_id = await _drafted(settings, [LINK, PAYMENT])
    edited = BODY.replace(" Mehr unter http://evil.example.com", "")
    desk.approve(email_id, edited)
    assert desk.unacknowledged(email_id) == [PAYMENT]
    with pytest.raises(StoreError, match=r"\(payment\)"):
        desk.send(email_id)
    with pytest.raises(StoreError, match="no such warning"):
        desk.acknowledge(email_id, LINK)  # gone from the text: nothing to acknowledge
    desk.acknowledge(email_id, PAYMENT)
    assert desk.send(email_id).transport == "outbox"


async def test_kb_gap_without_span_needs_acknowledging_and_the_list_is_a_setting(
    settings: Settings,
) -> None:
    gap = DraftWarning(code="kb_gap", message="no article answers this")
    desk, email_id = await _drafted(settings, [gap])
    desk.approve(email_id, desk.versions(email_id)[-1].body)
    with pytest.raises(StoreError, match=r"\(kb_gap\)"):
        desk.send(email_id)
    relaxed = settings.model_copy(update={"ack_required_warnings": ["link"]})
    assert Desk(relaxed).send(email_id).transport == "outbox"


def test_the_setting_reads_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_ACK_REQUIRED_WARNINGS", "link, payment")
    assert Settings().ack_required_warnings == ["link", "payment"]
    monkeypatch.setenv("DRAFTER_ACK_REQUIRED_WARNINGS", "")
    assert Settings().ack_required_warnings == []
