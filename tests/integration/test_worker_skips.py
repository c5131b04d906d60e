"""The pre-drafting worker counts an email another process took over as a skip, not as a
failed email (the desk yields a `Failed` starting "skipped:" for it, as `inbox draft` reads)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import DraftEvent, Failed
from drafter.worker import Worker
from tests.integration.desk_helpers import ScriptedEngine, raw_email


class TakenOverDesk(Desk):
    """A real desk whose every draft ends the way a draft taken over by another process ends."""

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        yield Failed(
            message=f"skipped: the draft of email {email_id} took longer than its drafting claim",
            hint="its draft appears in the queue when that process is done",
        )


def test_a_taken_over_email_is_a_skip_for_the_worker(tmp_path: Path) -> None:
    lines: list[str] = []
    # the worker builds its engine before claiming; this desk's drafts never reach it
    with TakenOverDesk(Settings(data_dir=tmp_path / "data"), engine=ScriptedEngine()) as desk:
        desk.import_messages(
            iter([(f"{n}.eml", raw_email(n, "Zählerstand", "Hallo")) for n in (1, 2)])
        )
        worker = Worker(desk, concurrency=1, say=lines.append)
        assert asyncio.run(worker.draft_pending()) == 0
    assert worker.failed == 0, lines
    assert [line.split(" ", 1)[1][:8] for line in lines] == ["skipped:", "skipped:"], lines
