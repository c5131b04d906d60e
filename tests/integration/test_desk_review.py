"""The Desk on a real SQLite file: queue, drafting, edits, approvals, claims, rejections."""

from __future__ import annotations

import hashlib

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from drafter.models import Done, Failed
from drafter.store.db import open_database
from tests.integration.desk_helpers import ScriptedEngine, queue_emails


@pytest.fixture
def desk(db_settings: Settings) -> Desk:
    """A desk on SQLite, then on PostgreSQL."""
    return Desk(db_settings, engine=ScriptedEngine())


async def _run(desk: Desk, email_id: int, instruction: str = "") -> list[object]:
    return [event async for event in desk.draft(email_id, instruction=instruction)]


def test_queue_orders_filters_and_searches(desk: Desk) -> None:
    ids = queue_emails(desk, 5)
    rows = desk.queue()
    assert [r.email_id for r in rows] == ids
    assert rows[0].sender == "Anna Schulz <kunde0@example.org>"
    assert [r.email_id for r in desk.queue(search="abschlag 3")] == [ids[3]]
    assert [r.email_id for r in desk.queue(search="KUNDE4@")] == [ids[4]]
    assert desk.queue(search="100%") == []
    desk.reject(ids[1], "spam")
    assert [r.email_id for r in desk.queue(status="rejected")] == [ids[1]]
    assert desk.pending_drafts() == [ids[0], ids[2], ids[3], ids[4]]
    assert desk.counts() == {"new": 4, "rejected": 1}


async def test_draft_saves_version_before_done(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    seen_versions: list[int] = []
    async for event in desk.draft(email_id):
        if isinstance(event, Done):
            seen_versions.append(len(desk.versions(email_id)))
    assert seen_versions == [1]
    (version,) = desk.versions(email_id)
    assert version.source == "generated" and version.number == 1
    assert version.draft.prompt.version == "3" and version.draft.model == "test-model"
    assert version.draft.timings == {"llm": 1.4}
    item = desk.queue()[0]
    assert (item.status, item.contact_reason, item.warnings) == ("ready", "abschlag", 1)


async def test_rewrite_uses_latest_version_and_keeps_review_status(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    await _run(desk, email_id)
    desk.save_edit(email_id, "Mein eigener Text.")
    await _run(desk, email_id, instruction="kürzer")
    versions = desk.versions(email_id)
    assert [v.source for v in versions] == ["generated", "edit", "rewrite"]
    assert versions[-1].body == "Mein eigener Text. (kürzer)"
    assert desk.email(email_id).status == "in_review"


async def test_failed_draft_never_saves_a_half_draft(settings: Settings) -> None:
    desk = Desk(settings, engine=ScriptedEngine(fail=True))
    (email_id,) = queue_emails(desk, 1)
    events = await _run(desk, email_id)
    assert isinstance(events[-1], Failed)
    assert desk.versions(email_id) == []
    assert desk.email(email_id).status == "needs_attention"
    stopped = Desk(settings, engine=ScriptedEngine(stop_early=True))
    (other,) = queue_emails(stopped, 1, start=10)
    events = await _run(stopped, other)
    assert isinstance(events[-1], Failed) and stopped.versions(other) == []


async def test_cancelled_draft_returns_email_to_queue(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    stream = desk.draft(email_id)
    await anext(stream)
    assert desk.email(email_id).status == "drafting"
    await stream.aclose()
    assert desk.email(email_id).status == "new"
    assert desk.versions(email_id) == []


def test_edits_are_versioned_and_unchanged_text_is_a_noop(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    first = desk.save_edit(email_id, "Entwurf A")
    assert desk.save_edit(email_id, "Entwurf A").version_id == first.version_id
    second = desk.save_edit(email_id, "Entwurf B")
    assert [v.number for v in desk.versions(email_id)] == [1, 2]
    assert second.source == "edit" and second.author == desk.agent
    assert desk.email(email_id).status == "in_review"


def test_approve_records_hash_of_exact_text(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    desk.save_edit(email_id, "Entwurf A")
    approval = desk.approve(email_id, "Entwurf A, final")
    assert approval.sha256 == hashlib.sha256(b"Entwurf A, final").hexdigest()
    assert desk.versions(email_id)[-1].body == "Entwurf A, final"
    assert desk.versions(email_id)[-1].version_id == approval.version_id
    assert approval.approved_by == desk.agent
    with pytest.raises(StoreError, match="empty"):
        desk.approve(email_id, "  ")


def test_claims_block_other_agents(db_settings: Settings) -> None:
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}))
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}))
    (email_id,) = queue_emails(anna, 1)
    anna.claim(email_id)
    anna.claim(email_id)  # re-claiming your own email is fine
    assert ben.email(email_id).claimed_by == "anna"
    with pytest.raises(StoreError) as err:
        ben.claim(email_id)
    assert "being handled by anna since" in err.value.message and err.value.hint
    with pytest.raises(StoreError):
        ben.save_edit(email_id, "fremder Text")
    ben.release(email_id)  # not his: nothing happens
    assert anna.email(email_id).claimed_by == "anna"
    anna.release(email_id)
    ben.claim(email_id)
    assert anna.email(email_id).claimed_by == "ben"


def test_reject_is_final_and_audited(desk: Desk) -> None:
    (email_id,) = queue_emails(desk, 1)
    desk.reject(email_id, "duplicate of #7")
    with pytest.raises(StoreError, match="already rejected"):
        desk.save_edit(email_id, "text")
    with pytest.raises(StoreError, match="already rejected"):
        desk.reject(email_id, "again")
    actions = [(e.action, e.detail.get("reason")) for e in desk.audit(email_id)]
    assert actions == [("imported", None), ("rejected", "duplicate of #7")]


async def test_state_survives_reopening(settings: Settings) -> None:
    desk = Desk(settings, engine=ScriptedEngine())
    (email_id,) = queue_emails(desk, 1)
    await _run(desk, email_id)
    desk.approve(email_id, "Freigegeben")
    desk.close()
    again = Desk(settings)
    assert [v.body for v in again.versions(email_id)][-1] == "Freigegeben"
    assert again.approvals(email_id)[0].sha256 == hashlib.sha256(b"Freigegeben").hexdigest()
    actions = [e.action for e in again.audit(email_id)]
    assert actions == ["imported", "draft_started", "drafted", "edited", "approved"]


def test_unknown_email_is_a_store_error(desk: Desk) -> None:
    with pytest.raises(StoreError) as err:
        desk.email(404)
    assert "404" in err.value.message and "inbox list" in err.value.hint


def test_stale_drafting_is_recovered(settings: Settings) -> None:
    desk = Desk(settings)
    (email_id,) = queue_emails(desk, 1)
    db = open_database(settings)
    with db.write() as conn:
        conn.exec_driver_sql(
            "UPDATE emails SET status='drafting', updated_at='2020-01-01 00:00:00.000000'"
        )
    assert Desk(settings).email(email_id).status == "new"


def test_email_without_sender_needs_attention_and_is_not_predrafted(desk: Desk) -> None:
    report = desk.import_messages([("noise.eml", b"just some bytes\r\nwithout headers\r\n")])
    (email_id,) = report.email_ids
    assert desk.email(email_id).status == "needs_attention"
    assert email_id not in desk.pending_drafts()
