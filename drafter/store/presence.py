"""Who is running: heartbeats of `drafter worker` processes in the `presence` table.

Desks pre-draft themselves only while no worker has been seen for `ALIVE_S` seconds, so a
team with a worker never drafts on the agents' machines, and a single user without one
works as before.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, delete, func, insert, select, update

from drafter.store.clock import utcnow
from drafter.store.schema import presence

ALIVE_S = 30.0  # a worker not seen for this long is gone


def beat(conn: Connection, name: str, kind: str = "worker") -> None:
    now = utcnow()
    found = conn.execute(update(presence).where(presence.c.name == name).values(seen_at=now))
    if found.rowcount == 0:
        conn.execute(insert(presence).values(name=name, kind=kind, seen_at=now))


def gone(conn: Connection, name: str) -> None:
    conn.execute(delete(presence).where(presence.c.name == name))


def alive(conn: Connection, kind: str = "worker", within_s: float = ALIVE_S) -> int:
    since = utcnow() - dt.timedelta(seconds=within_s)
    query = select(func.count()).where(presence.c.kind == kind, presence.c.seen_at > since)
    return int(conn.execute(query).scalar() or 0)
