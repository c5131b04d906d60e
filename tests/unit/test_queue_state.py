"""The queue's state machine and its claims on a real database (SQLite and PostgreSQL):
allowed moves, review claims per agent, drafting claims per process, expiry, and that
`transition` is the only code that writes `emails.status`."""

from __future__ import annotations

import ast
import re
import time
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from drafter.store import queue_state
from drafter.store.db import Database
from drafter.store.queue_state import ClaimedError
from tests.conftest import ROOT

MAIL = (
    "From: Anna Schulz <anna@example.org>\nTo: service@example.de\nSubject: Zählerstand {i}\n"
    "Message-ID: <qs-{i}@example.org>\nDate: Mon, 02 Mar 2026 09:00:00 +0100\n\n"
    "Guten Tag, mein Zählerstand ist 4711.\n"
).format


@pytest.fixture
def desk(db_settings: Settings) -> Desk:
    with Desk(db_settings.model_copy(update={"agent_id": "anna"})) as desk:
        desk.import_messages((f"{i}.eml", MAIL(i=i).encode()) for i in range(3))
        yield desk


def _status(db: Database, email_id: int) -> str:
    with db.read() as conn:
        found = conn.exec_driver_sql(f"SELECT status FROM emails WHERE id = {email_id}")
        return str(found.scalar())


def test_disallowed_moves_are_refused_and_nothing_is_written(desk: Desk) -> None:
    with desk.db.write() as conn:
        queue_state.transition(conn, 1, "rejected", "anna", "rejected")
    with pytest.raises(StoreError, match="already rejected; cannot send"), desk.db.write() as c:
        queue_state.transition(c, 1, "sent", "anna", "sent")
    with pytest.raises(StoreError, match="cannot go from new to sent"), desk.db.write() as c:
        queue_state.transition(c, 2, "sent", "anna", "sent")
    assert (_status(desk.db, 1), _status(desk.db, 2)) == ("rejected", "new")
    actions = [e.action for e in desk.audit() if e.email_id in (1, 2)]
    assert actions.count("rejected") == 1 and "sent" not in actions
    with desk.db.write() as conn:  # reopening is the one way out of `rejected`
        queue_state.transition(conn, 1, "new", "anna", "reopened")
    assert _status(desk.db, 1) == "new"


def test_review_claim_belongs_to_the_agent_drafting_claim_to_one_process(desk: Desk) -> None:
    lease = 60.0
    with desk.db.write() as conn:
        queue_state.claim(conn, 1, "anna", lease, "drafting", owner="anna@a:1:x")
    with pytest.raises(ClaimedError, match="being drafted by anna"), desk.db.write() as conn:
        queue_state.claim(conn, 1, "anna", lease, "drafting", owner="anna@b:2:y")  # 2nd process
    with pytest.raises(ClaimedError, match="being drafted by anna"), desk.db.write() as conn:
        queue_state.claim(conn, 1, "ben", lease, "review", owner="ben@c:3:z")
    with desk.db.write() as conn:  # the same process renews; a review claim of anna's too
        queue_state.claim(conn, 1, "anna", lease, "drafting", owner="anna@a:1:x")
        queue_state.transition(conn, 1, "drafting", "anna", "draft_started")
        assert queue_state.renew(conn, 1, "anna", lease, "drafting", owner="anna@a:1:x")
        assert not queue_state.renew(conn, 1, "anna", lease, "drafting", owner="anna@b:2:y")
    # a review claim: any process of anna's may draft inside it, ben may not
    with desk.db.write() as conn:
        queue_state.claim(conn, 2, "anna", lease, owner="anna@a:1:x")
        held = queue_state.claim(conn, 2, "anna", lease, "drafting", owner="anna@b:2:y")
    assert held.kind == "review"
    with pytest.raises(ClaimedError, match="being handled by anna"), desk.db.write() as conn:
        queue_state.claim(conn, 2, "ben", lease, "drafting", owner="ben@c:3:z")


def test_a_drafting_claim_is_free_once_its_lease_has_passed(desk: Desk) -> None:
    with desk.db.write() as conn:
        queue_state.claim(conn, 1, "cron", 0.5, "drafting", owner="cron@a:1:x")
        queue_state.transition(conn, 1, "drafting", "cron", "draft_started")
        assert queue_state.unclaimed_ids(conn, "drafting") == []
    time.sleep(0.8)
    with desk.db.write() as conn:
        assert queue_state.unclaimed_ids(conn, "drafting") == [1]
        queue_state.claim(conn, 1, "anna", 30, "drafting", owner="anna@b:2:y")
        assert not queue_state.drafting_held(conn, 1, "cron", "cron@a:1:x")  # lost
        assert queue_state.drafting_held(conn, 1, "anna", "anna@b:2:y")


def test_a_slow_drafter_cannot_revive_its_claim_on_an_email_a_new_process_recovered(
    desk: Desk,
) -> None:
    """The lease of a drafter whose event loop was blocked ran out; a process starting then
    put the email back to `new`. The slow drafter's renewer must not re-extend its old claim:
    that would hide the email from every other drafter's list while its own save is refused
    (the email then stayed `new` without a draft; seen once in CI as 47 of 48 drafted)."""
    with desk.db.write() as conn:
        queue_state.claim(conn, 1, "cron", 0.5, "drafting", owner="cron@a:1:x")
        queue_state.transition(conn, 1, "drafting", "cron", "draft_started")
    time.sleep(0.8)
    with Desk(desk.settings) as starting:  # a new process: its start recovers the email
        assert _status(starting.db, 1) == "new"
    with desk.db.write() as conn:
        assert not queue_state.renew(conn, 1, "cron", 30, "drafting", owner="cron@a:1:x")
        assert not queue_state.drafting_held(conn, 1, "cron", "cron@a:1:x")
    with desk.db.read() as conn:
        assert 1 in queue_state.unclaimed_ids(conn, "new")


SQL_SET_STATUS = re.compile(r"\bSET\b[^;]*\bstatus\s*=", re.IGNORECASE)


def _stores(node: ast.Subscript) -> bool:
    return isinstance(node.ctx, ast.Store)


def _status_writes(path: Path) -> list[int]:
    """Lines that may assign `status` in SQL: `.values(status=...)`, a dict or subscript key
    "status" in a module that builds UPDATEs, or SQL text that sets it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    builds_updates = any(
        isinstance(n, ast.ImportFrom) and n.module == "sqlalchemy" and
        any(a.name == "update" for a in n.names)
        for n in ast.walk(tree)
    )  # fmt: skip
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "values":
            if any(k.arg == "status" for k in node.keywords):
                lines.append(node.lineno)
        elif isinstance(node, ast.Dict) and builds_updates:
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if "status" in keys:
                lines.append(node.lineno)
        elif isinstance(node, ast.Subscript) and builds_updates:
            key = node.slice
            if isinstance(key, ast.Constant) and key.value == "status" and _stores(node):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_SET_STATUS.search(node.value)
        ):
            lines.append(node.lineno)
    return lines


def test_transition_is_the_only_writer_of_email_status() -> None:
    """Every place that may write `emails.status`: the state machine, and the insert of a
    newly imported email (its first status). Reading or filtering is fine."""
    allowed = {
        "drafter/store/queue_state.py",  # transition()
        "drafter/store/emails.py",  # add(): the first status of a new row (an INSERT)
    }
    writers = {}
    for path in sorted((ROOT / "drafter").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/alembic/" in rel:  # frozen revisions (backfills)
            continue
        found = _status_writes(path)
        if found:
            writers[rel] = found
    assert set(writers) <= allowed, writers
    assert len(writers["drafter/store/queue_state.py"]) == 1  # the one UPDATE in transition
