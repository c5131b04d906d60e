"""`drafter inbox show` reads an email as the queue does: a review a crashed desk left
unchanged is `ready` again once its claim ran out (audit `review_lapsed`), on SQLite and on
PostgreSQL, so `inbox show`, `inbox list` and the desk say the same."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store.schema import emails
from tests.cli import run_cli
from tests.integration.desk_helpers import ScriptedEngine, queue_emails


async def test_inbox_show_says_ready_about_a_lapsed_unchanged_review(
    db_settings: Settings,
) -> None:
    """Before: `inbox show` said `in_review` (no claim) about the email, `inbox list --status
    in_review` listed nothing and the desk showed it `ready`, until a queue read moved it."""
    engine: Any = ScriptedEngine(warnings=[])
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}), engine=engine)
    (email_id,) = queue_emails(anna, 1)
    async for _ in anna.draft(email_id):
        pass
    anna.claim(email_id)  # anna opened it; then her desk was killed
    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    with anna.db.write() as conn:  # her lease ran out
        conn.execute(update(emails).where(emails.c.id == email_id).values(claim_expires_at=past))
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url, "DRAFTER_AGENT_ID": "ben"}
    shown = run_cli("inbox", "show", str(email_id), "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert (view["status"], view["claim"]) == ("ready", None)
    text = run_cli("inbox", "show", str(email_id), env=env).stdout
    assert text.startswith(f"#{email_id} [ready]"), text
    assert anna.email(email_id).status == "ready"
    anna.close()
