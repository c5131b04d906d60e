"""The team worker applies the retention (docs/privacy.md says it calls the same function as
`drafter privacy purge`): a closed email older than DRAFTER_RETENTION_DAYS is erased by a
worker round, an open one of the same age is kept. Real Desk on SQLite; the drafting engine
is scripted (nothing is drafted here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select, update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store.schema import emails
from drafter.worker import Worker
from tests.integration.desk_helpers import ScriptedEngine, raw_email


def test_a_worker_round_erases_closed_emails_past_the_retention(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", retention_days=30, agent_id="worker")
    lines: list[str] = []
    with Desk(settings, engine=ScriptedEngine()) as desk:
        report = desk.import_messages(
            iter([(f"{n}.eml", raw_email(n, "Zählerstand", "Hallo")) for n in (1, 2)])
        )
        closed, still_open = report.email_ids
        desk.claim(closed)
        desk.reject(closed, "doppelt")
        long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
        with desk.db.write() as conn:
            conn.execute(update(emails).values(updated_at=long_ago))
            conn.execute(update(emails).where(emails.c.id == still_open).values(status="ready"))
        worker = Worker(desk, concurrency=1, say=lines.append)
        worker.run(once=True)
        with desk.db.read() as conn:
            erased = dict(conn.execute(select(emails.c.id, emails.c.erased_at)).all())
    assert erased[closed] is not None, lines
    assert erased[still_open] is None
    assert worker.purged == 1 and any("retention" in line for line in lines), lines
