"""A review a crashed (or killed) desk left behind, on the REAL Desk over SQLite and
PostgreSQL: once its claim ran out, an email whose review changed nothing is `ready` again
for everyone (queue, counts, claim_next), audited `review_lapsed`; an email that was edited
keeps its status and its versions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import audit
from drafter.store.schema import emails
from tests.integration.desk_helpers import ScriptedEngine, queue_emails


def team(db_settings: Settings) -> tuple[Desk, Desk, list[int]]:
    engine = ScriptedEngine(warnings=[])
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}), engine=engine)
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}), engine=engine)
    return anna, ben, queue_emails(anna, 2)


async def drafted(desk: Desk, *ids: int) -> None:
    for email_id in ids:
        async for _ in desk.draft(email_id):
            pass
        assert desk.email(email_id).status == "ready"


def crash(desk: Desk, email_id: int) -> None:
    """The desk holding the email died: nothing released it, and its lease ran out."""
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    with desk.db.write() as conn:
        conn.execute(update(emails).where(emails.c.id == email_id).values(claim_expires_at=past))


def actions(desk: Desk, email_id: int) -> list[str]:
    with desk.db.read() as conn:
        return [e.action for e in audit.entries(conn, email_id)]


async def test_a_review_left_unchanged_by_a_crashed_desk_is_ready_again(
    db_settings: Settings,
) -> None:
    """Before: the email stayed `in_review` for good (the queue said so, and when ben took it
    and left it unchanged it still stayed `in_review`: the review was anna's)."""
    anna, ben, (first, second) = team(db_settings)
    await drafted(anna, first, second)
    anna.claim(first)  # anna opens it ...
    assert anna.email(first).status == "in_review"
    crash(anna, first)  # ... and her desk is killed
    row = next(i for i in ben.queue() if i.email_id == first)
    assert (row.status, row.claimed_by) == ("ready", "")
    assert ben.counts().get("in_review", 0) == 0
    assert "review_lapsed" in actions(ben, first)
    lapsed = [e for e in ben.audit(first) if e.action == "review_lapsed"][-1]
    assert (lapsed.actor, lapsed.detail["agent"], lapsed.detail["to"]) == (
        "drafter",
        "anna",
        "ready",
    )
    assert ben.claim_next() == first, "next email hands it out again, in queue order"
    ben.release(first)  # ben looked and changed nothing either
    assert ben.email(first).status == "ready"
    assert actions(ben, first)[-1] == "review_left"
    anna.close()
    ben.close()


async def test_claim_next_puts_a_lapsed_unchanged_review_back_first(
    db_settings: Settings,
) -> None:
    """Taking the next email sweeps too (no queue read before it): ben's review is his own,
    so leaving it unchanged puts it back to `ready`."""
    anna, ben, (first, _) = team(db_settings)
    await drafted(anna, first)
    anna.claim(first)
    crash(anna, first)
    assert ben.claim_next() == first
    record = ben.email(first)
    assert (record.status, record.claimed_by) == ("in_review", "ben")
    assert actions(ben, first)[-3:] == ["review_lapsed", "claimed", "review_started"]
    ben.release(first)
    assert ben.email(first).status == "ready"
    anna.close()
    ben.close()


async def test_an_edited_review_keeps_its_state_and_versions_after_a_crash(
    db_settings: Settings,
) -> None:
    """Nothing saved is lost: an email anna edited before her desk died stays `in_review`
    with her version, and ben can take it over."""
    anna, ben, (first, _) = team(db_settings)
    await drafted(anna, first)
    anna.claim(first)
    anna.save_edit(first, "Sehr geehrte Frau Schulz,\n\nanna's edit.\n")
    crash(anna, first)
    row = next(i for i in ben.queue() if i.email_id == first)
    assert (row.status, row.claimed_by) == ("in_review", "")
    assert "review_lapsed" not in actions(ben, first)
    assert [v.source for v in ben.versions(first)] == ["generated", "edit"]
    assert ben.claim_next() == first
    assert ben.email(first).status == "in_review"
    assert ben.versions(first)[-1].body.endswith("anna's edit.\n")
    anna.close()
    ben.close()


async def test_a_live_review_is_not_swept(db_settings: Settings) -> None:
    """Only a claim that ran out lapses: anna's open review stays hers."""
    anna, ben, (first, _) = team(db_settings)
    await drafted(anna, first)
    anna.claim(first)
    assert next(i for i in ben.queue() if i.email_id == first).status == "in_review"
    assert ben.claim_next() != first
    assert anna.email(first).claimed_by == "anna"
    anna.close()
    ben.close()
