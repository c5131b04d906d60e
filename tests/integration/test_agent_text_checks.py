"""Text an agent types or pastes is checked too (drafter.drafting.agent_text): a foreign link,
bank details or a credentials request in an edit, or in a reply approved without any draft
(`drafter inbox approve --body-file`), blocks sending until the agent acknowledges it, on the
real Desk and through the CLI (SQLite in tmp_path, outbox transport)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from tests.cli import run_cli
from tests.integration.desk_helpers import ScriptedEngine, queue_emails

CLEAN = "Guten Tag, wir haben Ihren Zählerstand erhalten und passen den Abschlag an.\n"
ATTACKER_IBAN = "DE89 3704 0044 0532 0130 00"
PASTED = f"Guten Tag, bitte überweisen Sie die 80 EUR auf das Konto {ATTACKER_IBAN}.\n"


async def _drafted(settings: Settings, body: str = CLEAN) -> tuple[Desk, int]:
    desk = Desk(settings, engine=ScriptedEngine(warnings=[], body=body))
    (email_id,) = queue_emails(desk, 1)
    async for _ in desk.draft(email_id):
        pass
    return desk, email_id


def test_a_reply_approved_without_any_draft_is_checked(settings: Settings) -> None:
    desk = Desk(settings)
    (email_id,) = queue_emails(desk, 1)
    desk.approve(email_id, PASTED)
    (pending,) = desk.unacknowledged(email_id)
    assert pending.code == "payment" and ATTACKER_IBAN in pending.span
    with pytest.raises(StoreError, match=r"1 risky warning\(s\).*\(payment\)"):
        desk.send(email_id)
    assert desk.sends(email_id) == []
    desk.acknowledge(email_id, pending)
    assert desk.send(email_id).transport == "outbox"


async def test_an_edit_that_adds_a_link_needs_acknowledging_until_it_is_taken_out(
    settings: Settings,
) -> None:
    desk, email_id = await _drafted(settings)
    assert desk.unacknowledged(email_id) == []
    first = desk.save_edit(
        email_id, CLEAN + "Hier anmelden: https://login.nordlicht-kunden.example.net\n"
    )
    (link,) = desk.unacknowledged(email_id)
    assert link.code == "link" and "nordlicht-kunden.example.net" in link.span
    # the same editing session takes it out again: one version, and nothing left to acknowledge
    again = desk.save_edit(email_id, CLEAN + "Viele Grüße\n", amend=first.version_id)
    assert again.version_id == first.version_id and again.draft.warnings == []
    assert desk.unacknowledged(email_id) == []


async def test_a_credentials_request_typed_by_the_agent_is_flagged(settings: Settings) -> None:
    desk, email_id = await _drafted(settings)
    desk.save_edit(email_id, CLEAN + "Nennen Sie uns bitte Ihr Passwort für das Kundenportal.\n")
    assert [w.code for w in desk.unacknowledged(email_id)] == ["credentials"]


async def test_the_companys_own_bank_details_and_hotline_pass(settings: Settings) -> None:
    own = settings.model_copy(
        update={"company_ibans": [ATTACKER_IBAN], "company_phones": ["0431 594 00"]}
    )
    desk, email_id = await _drafted(own)
    desk.save_edit(email_id, PASTED + "Fragen? Rufen Sie uns an: 0431 594 00\n")
    assert desk.unacknowledged(email_id) == []


def test_cli_approve_body_file_then_send_is_refused_with_the_hint(
    db_settings: Settings, tmp_path: Path
) -> None:
    (email_id,) = queue_emails(Desk(db_settings), 1)
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url, "DRAFTER_AGENT_ID": "anna"}
    body = tmp_path / "reply.txt"
    body.write_text(PASTED, encoding="utf-8")
    approved = run_cli("inbox", "approve", str(email_id), "--body-file", str(body), env=env)
    assert approved.returncode == 0, approved.stderr
    sent = run_cli("inbox", "send", str(email_id), env=env)
    assert sent.returncode == 2 and "payment" in sent.stderr and "Traceback" not in sent.stderr
    assert not list((db_settings.data_dir / "outbox").glob("*.eml"))
