"""Queue change notifications for the live queue: who changed the queue, as soon as it happened.

PostgreSQL: every audit row (each status change, claim, release, import) fires
`pg_notify('drafter_queue', actor)` from a trigger (revision 0008), delivered at commit; a
`Listener` holds one autocommit connection that LISTENs, so a desk learns of another desk's
change within milliseconds. SQLite has no notifications: the listener polls the newest audit
row (one indexed lookup) every POLL_S seconds.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from drafter.errors import StoreError
from drafter.store import audit
from drafter.store.db import Database

CHANNEL = "drafter_queue"
POLL_S = 0.5  # SQLite: seconds between looks at the audit log


class Listener:
    """Waits for queue changes made by anyone but `agent` (one waiter at a time)."""

    def __init__(self, db: Database, agent: str) -> None:
        self.db = db
        self.agent = agent
        self._lock = threading.Lock()
        self._pg: Any = None  # psycopg connection with LISTEN (PostgreSQL only)
        self._token: int | None = None  # SQLite: the newest audit id seen

    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True as soon as another agent changed the queue."""
        with self._lock:
            if self.db.engine.dialect.name == "postgresql":
                return self._wait_pg(timeout)
            return self._wait_poll(timeout)

    def close(self) -> None:
        with self._lock:
            if self._pg is not None:
                self._pg.close()
                self._pg = None

    def _wait_poll(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            with self.db.read() as conn:
                token = audit.last_change(conn, not_by=self.agent)
            previous, self._token = self._token, token
            if previous is not None and token != previous:
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_S, left))

    def _connect(self) -> Any:
        import psycopg

        url = self.db.engine.url.set(drivername="postgresql")
        conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _wait_pg(self, timeout: float) -> bool:
        import psycopg

        try:
            return self._listen(timeout)
        except psycopg.Error as exc:  # the server went away: reconnect on the next call
            if self._pg is not None:
                self._pg.close()
            self._pg = None
            raise StoreError(
                f"live queue updates stopped: {exc}",
                hint="the desk reconnects by itself; reload the queue (ctrl+r) meanwhile",
            ) from exc

    def _listen(self, timeout: float) -> bool:
        if self._pg is None or self._pg.closed:
            self._pg = self._connect()
        deadline = time.monotonic() + timeout
        changed = False
        while not changed:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            for note in self._pg.notifies(timeout=left, stop_after=1):
                changed = changed or note.payload != self.agent
        for note in self._pg.notifies(timeout=0.0):  # drain what arrived with it
            changed = changed or note.payload != self.agent
        return changed
