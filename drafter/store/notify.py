"""Queue change notifications for the live queue: who changed the queue, as soon as it happened.

PostgreSQL: every audit row (each status change, claim, release, import) fires
`pg_notify('drafter_queue', actor)` from a trigger (revision 0008), delivered at commit; a
`Listener` holds one autocommit connection that LISTENs, so a desk learns of another desk's
change within milliseconds. SQLite has no notifications: the listener polls the newest audit
row (one indexed lookup) every POLL_S seconds.

A desk's own changes do not wake it (it shows them already), but new mail always does: an
`inbox import` (cron) or IMAP watcher run under the same agent name as the desk, the default
on a one-person desk where every process is the OS user, imports nothing the desk knows of.
Before, such mail stayed out of the open queue until `r`. The newest email id (the primary
key: one lookup) tells an import from the desk's own changes.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from drafter.errors import StoreError
from drafter.store import audit, emails
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
        self._token: tuple[int, int] | None = None  # SQLite: newest audit id, newest email id
        self._newest: int | None = None  # PostgreSQL: the newest email id seen

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
                token = (audit.last_change(conn, not_by=self.agent), emails.newest_id(conn))
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
        if self._newest is None:
            self._new_mail()
        deadline = time.monotonic() + timeout
        payloads: list[str] = []
        while not payloads:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            payloads += [n.payload for n in self._pg.notifies(timeout=left, stop_after=1)]
        payloads += [n.payload for n in self._pg.notifies(timeout=0.0)]  # arrived with it
        new_mail = self._new_mail()  # also after another's note: the next look starts here
        return new_mail or any(payload != self.agent for payload in payloads)

    def _new_mail(self) -> bool:
        """Whether an email was imported since the last look (by any process of any agent)."""
        with self.db.read() as conn:
            newest = emails.newest_id(conn)
        previous, self._newest = self._newest, newest
        return previous is not None and newest != previous
