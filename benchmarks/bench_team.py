"""Team-mode benchmark on a real, throwaway PostgreSQL 15 cluster (tests/pg_server.py).

- Claims per second: 30 agent processes (each its own engine and connection) start together
  at a barrier and `claim_next()` until the queue of 3,000 emails is empty; the figure is all
  claims divided by the wall time from the barrier to the last agent's finish.
- `queue()` with 100,000 emails: the Desk's full listing as the TUI calls it, and the
  `new`-status filter, 15 runs each after one warm-up.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import tempfile
import time
from pathlib import Path
from typing import Any

from drafter.config import Settings

AGENTS = 30
CLAIM_EMAILS = 3000
QUEUE_EMAILS = 100_000
RUNS = 15


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def _fill(url: str, data: Path, count: int) -> None:
    """Insert `count` queued emails in bulk (the import path is benchmarked in bench_store)."""
    from sqlalchemy import insert

    from drafter.store.db import make_engine
    from drafter.store.migrations import upgrade
    from drafter.store.schema import emails

    settings = Settings(_env_file=None, data_dir=data, database_url=url)  # type: ignore[call-arg]
    from drafter.store.db import Database

    db = Database(make_engine(settings.db_url))
    upgrade(db)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    batch: list[dict[str, Any]] = []
    with db.write() as conn:
        for n in range(count):
            when = start + dt.timedelta(seconds=n)
            batch.append(
                {
                    "import_key": f"k{n}", "message_id": f"<m{n}@x>", "thread_key": f"<m{n}@x>",
                    "sender": f"Kunde {n} <k{n}@example.org>", "subject": f"Abschlag {n}",
                    "language": "de", "contact_reason": "", "parse_status": "ok",
                    "status": "new" if n % 3 else "ready", "claimed_by": "", "warnings": 0,
                    "received_at": when, "imported_at": when, "updated_at": when, "source": "",
                    "raw": b"x", "email_json": "{}", "search_text": f"kunde {n} abschlag {n}",
                    "urgency": "gas smell" if n % 997 == 0 else "", "claim_kind": "",
                }
            )  # fmt: skip
            if len(batch) == 5000:
                conn.execute(insert(emails), batch)
                batch = []
        if batch:
            conn.execute(insert(emails), batch)
    db.close()


def _agent(url: str, data: str, name: str, barrier: Any, results: Any) -> None:
    from drafter.desk import Desk

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=Path(data), database_url=url, agent_id=name,
        claim_lease_seconds=3600,
    )  # fmt: skip
    desk = Desk(settings)
    desk.queue(status="sent")  # connect before the start
    barrier.wait()
    count = 0
    while desk.claim_next() is not None:
        count += 1
    results.put((name, count, time.perf_counter()))


def _claims(url: str, data: Path) -> tuple[float, int, float]:
    _fill(url, data, CLAIM_EMAILS)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(AGENTS + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_agent, args=(url, str(data), f"agent{i}", barrier, results))
        for i in range(AGENTS)
    ]
    for proc in procs:
        proc.start()
    barrier.wait()
    started = time.perf_counter()
    got = [results.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join()
    total = sum(n for _, n, _ in got)
    wall = max(t for _, _, t in got) - started
    return total / wall, total, wall


def _queue(url: str, data: Path) -> tuple[float, float, float, float]:
    from drafter.desk import Desk

    _fill(url, data, QUEUE_EMAILS)
    settings = Settings(_env_file=None, data_dir=data, database_url=url)  # type: ignore[call-arg]
    desk = Desk(settings)
    out: list[float] = []
    for kw in ({}, {"status": "ready"}):
        samples = []
        desk.queue(**kw)  # type: ignore[arg-type]
        for _ in range(RUNS):
            started = time.perf_counter()
            desk.queue(**kw)  # type: ignore[arg-type]
            samples.append(time.perf_counter() - started)
        out += [sorted(samples)[len(samples) // 2] * 1000, _p95(samples) * 1000]
    return out[0], out[1], out[2], out[3]


def run() -> str:
    from tests.pg_server import PgCluster

    cluster = PgCluster().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            rate, total, wall = _claims(cluster.new_database(), Path(tmp))
            q50, q95, r50, r95 = _queue(cluster.new_database(), Path(tmp))
    finally:
        cluster.stop()
    claims_ok = "met" if rate >= 300 else "MISSED"
    queue_ok = "met" if q95 <= 100 else "MISSED"
    rows = "\n".join(
        [
            f"| claims/s, {AGENTS} agents ({total} claims in {wall:.1f} s) | {rate:.0f} | "
            f">= 300/s ({claims_ok}) |",
            f"| queue(), 100k emails, p50 / p95 | {q50:.0f} / {q95:.0f} ms | "
            f"p95 <= 100 ms ({queue_ok}) |",
            f"| queue(status='ready') (~33k rows), p50 / p95 | {r50:.0f} / {r95:.0f} ms | |",
            "| queue change on another desk's screen | not benchmarked (live-queue test "
            "asserts < 1.5 s; 0.5 s polling) | p95 <= 1 s (MISSED: not measured) |",
            "| retrieval through a Chroma server, 10k chunks | not built | p95 <= 50 ms (MISSED) |",
        ]
    )
    return f"""## Team mode (PostgreSQL 15, throwaway cluster on loopback)

{AGENTS} agent processes claim {CLAIM_EMAILS} emails with `claim_next()` (SELECT … FOR UPDATE
SKIP LOCKED, one transaction per claim with its audit row); `queue()` is the Desk's listing
with {QUEUE_EMAILS:,} emails ({RUNS} runs after a warm-up). The cluster runs with fsync off
(a test cluster), so claim rates are an upper bound for a production server's disk.
`queue()` returns every row (about 100 µs per row in Python: row fetch, pydantic model); the
100k target needs a paged queue, which is not built.

| measure | value | target |
|---|---|---|
{rows}
"""
