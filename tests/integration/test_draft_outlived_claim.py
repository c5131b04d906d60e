"""A draft that outlived its drafting claim (a slow draft: its lease ran out) is saved when
nobody else claimed or changed the email meanwhile, and refused when another process did --
on SQLite and PostgreSQL (issue 16).

The drafting engine is scripted (the real one is tested elsewhere); the database, the desks
(each a separate claim owner, as separate processes are) and the crash recovery a starting
process runs are real. The lease running out is written as it happens (the claim's expiry put
in the past) while this process's draft waits between two engine events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import Done, DraftEvent, Failed
from drafter.store.clock import utcnow
from drafter.store.schema import emails
from tests.integration.desk_helpers import ScriptedEngine, queue_emails


@pytest.fixture
def settings_of(db_settings: Settings) -> Any:
    return lambda agent: db_settings.model_copy(update={"agent_id": agent})


@pytest.fixture
def mine(settings_of: Any) -> Iterator[Desk]:
    with Desk(settings_of("anna"), engine=ScriptedEngine(body="Annas Entwurf.")) as desk:
        yield desk


def _other(settings_of: Any) -> Desk:
    """Another process starting: its start puts a `drafting` email whose lease ran out back."""
    return Desk(settings_of("cron"), engine=ScriptedEngine(body="Crons Entwurf."))


def _lease_runs_out(desk: Desk, email_id: int) -> None:
    with desk.db.write() as conn:
        past = utcnow() - dt.timedelta(seconds=1)
        conn.execute(update(emails).where(emails.c.id == email_id).values(claim_expires_at=past))


async def _started(desk: Desk, email_id: int, instruction: str = "") -> AsyncIterator[DraftEvent]:
    """A draft under way: claimed, `drafting`, the engine has sent its first event."""
    events = desk.draft(email_id, instruction=instruction)
    assert not isinstance(await anext(events), Failed)
    assert desk.email(email_id).status == "drafting"
    return events


async def _end(events: AsyncIterator[DraftEvent]) -> DraftEvent:
    return [event async for event in events][-1]


def _authors(desk: Desk, email_id: int) -> list[tuple[str, str]]:
    return [(v.author, v.body) for v in desk.versions(email_id)]


async def test_nobody_came_the_draft_is_saved(mine: Desk) -> None:
    (email_id,) = queue_emails(mine, 1)
    events = await _started(mine, email_id)
    _lease_runs_out(mine, email_id)
    assert isinstance(await _end(events), Done)
    assert _authors(mine, email_id) == [("anna", "Annas Entwurf.")]
    assert mine.email(email_id).status == "ready"


async def test_a_starting_process_put_it_back_and_nobody_took_it_the_draft_is_saved(
    mine: Desk, settings_of: Any
) -> None:
    (email_id,) = queue_emails(mine, 1)
    events = await _started(mine, email_id)
    _lease_runs_out(mine, email_id)
    with _other(settings_of) as other:  # starts, recovers the email, does nothing else
        assert other.email(email_id).status == "new"
    end = await _end(events)
    assert isinstance(end, Done), end
    assert _authors(mine, email_id) == [("anna", "Annas Entwurf.")]
    record = mine.email(email_id)
    assert (record.status, record.claimed_by) == ("ready", "")
    actions = [e.action for e in mine.audit() if e.email_id == email_id]
    assert actions[-4:] == ["draft_started", "recovered", "draft_resumed", "drafted"]


async def test_a_redraft_put_back_to_ready_is_saved_as_the_next_version(
    mine: Desk, settings_of: Any
) -> None:
    (email_id,) = queue_emails(mine, 1)
    assert isinstance(await _end(mine.draft(email_id)), Done)
    events = await _started(mine, email_id, instruction="kürzer")
    _lease_runs_out(mine, email_id)
    with _other(settings_of) as other:
        assert other.email(email_id).status == "ready"
    assert isinstance(await _end(events), Done)
    assert [v.source for v in mine.versions(email_id)] == ["generated", "rewrite"]
    assert mine.email(email_id).status == "ready"


async def test_another_process_drafted_it_meanwhile_the_draft_is_refused(
    mine: Desk, settings_of: Any
) -> None:
    (email_id,) = queue_emails(mine, 1)
    events = await _started(mine, email_id)
    _lease_runs_out(mine, email_id)
    with _other(settings_of) as other:
        assert isinstance(await _end(other.draft(email_id)), Done)
    end = await _end(events)
    assert isinstance(end, Failed) and end.skipped, end
    assert _authors(mine, email_id) == [("cron", "Crons Entwurf.")]
    assert mine.email(email_id).status == "ready"


@pytest.mark.parametrize("others_lease", ["live", "run out too"])
async def test_another_process_is_drafting_it_the_draft_is_refused(
    mine: Desk, settings_of: Any, others_lease: str
) -> None:
    """Another process claimed the email after this lease ran out; its own draft is under
    way (its lease live, or run out as well: it is slow too). Only its draft is saved."""
    (email_id,) = queue_emails(mine, 1)
    events = await _started(mine, email_id)
    _lease_runs_out(mine, email_id)
    with _other(settings_of) as other:
        theirs = await _started(other, email_id)
        if others_lease == "run out too":
            _lease_runs_out(other, email_id)
        end = await _end(events)
        assert isinstance(end, Failed) and end.skipped, end
        assert mine.versions(email_id) == []
        assert isinstance(await _end(theirs), Done)
    assert _authors(mine, email_id) == [("cron", "Crons Entwurf.")]
    assert mine.email(email_id).status == "ready"
