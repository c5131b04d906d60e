"""The first draft of a process loads the drafting engine (the index, the embedding model:
seconds on a cold start, more on a busy machine). It must load before the email is claimed and
off the event loop: built inside the loop, it blocked the loop ~2.4 s with the email already
claimed, so the claim's renewer could not run and the lease ran out (issue 16).

A deliberately slow factory (the real `open_retriever` after a pause) stands for a slow load;
the index, the database and the engine are real. While it loads, a ticker on the same event
loop must keep ticking (the renewer would too), and the email must still be unclaimed. The
pause ends as soon as the ticker has ticked a few times during it; if it cannot (the loop is
blocked), the pause ends after LOAD_S and the test fails.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import Done
from drafter.worker import Worker
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index

LOAD_S = 3.0  # the longest the slow factory waits for the ticker
TICKS = 5  # ticks the loop must make while the engine loads
TICK_S = 0.02
MAIL = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"


class SlowLoad:
    """`open_retriever` that first blocks its thread (as a slow import or disk does) until the
    event loop has ticked TICKS times, at most LOAD_S; it notes the email's status and claim
    then, and whether the loop ticked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from drafter.knowledge import retrieve

        self.real = retrieve.open_retriever
        self.loading = threading.Event()
        self.ticked = threading.Event()
        self.loop_ran: list[bool] = []
        self.seen: list[tuple[str, str]] = []
        self.db: Any = None
        monkeypatch.setattr(retrieve, "open_retriever", self)

    def __call__(self, settings: Settings, **kw: Any) -> Any:
        with self.db.read() as conn:
            row = conn.exec_driver_sql("SELECT status, claimed_by FROM emails").one()
            self.seen.append((str(row.status), str(row.claimed_by)))
        self.loading.set()
        self.loop_ran.append(self.ticked.wait(LOAD_S))
        return self.real(settings, **kw)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> SlowLoad:
    return SlowLoad(monkeypatch)


def _desk(tmp_path: Path, slow: SlowLoad) -> tuple[Desk, int]:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    desk = Desk(Settings(data_dir=data, agent_id="agent"), no_llm=True)
    (email_id,) = desk.import_messages(iter([(MAIL.name, MAIL.read_bytes())])).email_ids
    slow.db = desk.db
    return desk, email_id


async def _ticking(work: Any, slow: SlowLoad) -> None:
    """Run `work` while a ticker on the same loop counts its ticks during the engine load."""
    done = False

    async def ticker() -> None:
        ticks = 0
        while not done:
            if slow.loading.is_set():
                ticks += 1
                if ticks >= TICKS:
                    slow.ticked.set()
            await asyncio.sleep(TICK_S)

    task = asyncio.create_task(ticker())
    try:
        await work
    finally:
        done = True
        await task


def _assert_loaded_unclaimed_with_the_loop_running(slow: SlowLoad) -> None:
    # the loop ticked while the engine loaded (never when the load blocks the loop)
    assert slow.loop_ran == [True], f"the event loop was blocked for {LOAD_S} s"
    assert slow.seen == [("new", "")], "the email was claimed before the engine was ready"


@pytest.mark.parametrize("caller", ["desk", "worker"])
async def test_the_first_draft_loads_the_engine_before_the_claim_and_off_the_loop(
    tmp_path: Path, slow: SlowLoad, caller: str
) -> None:
    desk, email_id = _desk(tmp_path, slow)
    events: list[Any] = []
    with desk:
        if caller == "desk":  # the desk's first draft (the TUI, `inbox watch --draft`)

            async def work() -> None:
                events.extend([event async for event in desk.draft(email_id)])

            await _ticking(work(), slow)
            assert isinstance(events[-1], Done), events[-1]
        else:  # a worker's round, its engine not built yet
            worker = Worker(desk, say=lambda _line: None)
            await _ticking(worker.draft_pending(), slow)
            assert (worker.drafted, worker.failed) == (1, 0)
        _assert_loaded_unclaimed_with_the_loop_running(slow)
        assert desk.email(email_id).status == "ready"
        assert [v.author for v in desk.versions(email_id)] == ["agent"]
