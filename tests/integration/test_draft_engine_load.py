"""The first draft of a process loads the drafting engine (the index, the embedding model:
seconds on a cold start, more on a busy machine). It must load before the email is claimed and
off the event loop: built inside the loop, it blocked the loop ~2.4 s with the email already
claimed, so the claim's renewer could not run and the lease ran out (issue 16).

A deliberately slow factory (the real `open_retriever` after a pause) stands for a slow load;
the index, the database and the engine are real. While it loads, a ticker on the same event
loop must keep ticking (the renewer would too), and the email must still be unclaimed.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import Done
from drafter.worker import Worker
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index

LOAD_S = 2.0  # how long the slow factory takes
TICK_S = 0.05
MAIL = ROOT / "examples" / "inbox" / "01-abschlag-erhoehen.eml"


class SlowLoad:
    """`open_retriever` that first sleeps (blocking, as a slow import or disk does); it notes
    when it ran and the email's status and claim at that moment."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from drafter.knowledge import retrieve

        self.real = retrieve.open_retriever
        self.window: tuple[float, float] | None = None
        self.seen: list[tuple[str, str]] = []
        self.loading = threading.Event()
        self.db: Any = None
        monkeypatch.setattr(retrieve, "open_retriever", self)

    def __call__(self, settings: Settings, **kw: Any) -> Any:
        self.loading.set()
        started = time.monotonic()
        with self.db.read() as conn:
            row = conn.exec_driver_sql("SELECT status, claimed_by FROM emails").one()
            self.seen.append((str(row.status), str(row.claimed_by)))
        time.sleep(LOAD_S)
        self.window = (started, time.monotonic())
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


async def _ticking(work: Any) -> list[float]:
    """Run `work` while a ticker on the same loop notes the time of every tick."""
    ticks: list[float] = []
    done = False

    async def ticker() -> None:
        while not done:
            ticks.append(time.monotonic())
            await asyncio.sleep(TICK_S)

    task = asyncio.create_task(ticker())
    try:
        await work
    finally:
        done = True
        await task
    return ticks


def _assert_loaded_unclaimed_with_the_loop_running(slow: SlowLoad, ticks: list[float]) -> None:
    assert slow.window is not None, "the engine was never built"
    start, end = slow.window
    during = [t for t in ticks if start + 0.2 < t < end - 0.2]
    # the loop ran through the load (about 30 ticks; 0 when the load blocks the loop)
    assert len(during) >= 5, f"{len(during)} ticks in a {end - start:.1f} s engine load"
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

            ticks = await _ticking(work())
            assert isinstance(events[-1], Done), events[-1]
        else:  # a worker's round, its engine not built yet
            worker = Worker(desk, say=lambda _line: None)
            ticks = await _ticking(worker.draft_pending())
            assert (worker.drafted, worker.failed) == (1, 0)
        _assert_loaded_unclaimed_with_the_loop_running(slow, ticks)
        assert desk.email(email_id).status == "ready"
        assert [v.author for v in desk.versions(email_id)] == ["agent"]
