"""The review desk: the DeskService implementation over the store, the engine and sending.

`Desk(settings, engine=None)` opens (and migrates) the state database at once but imports
the drafting engine, retriever and privacy code only when first needed, so the queue shows
fast. Every state change is persisted, with an audit row, before a method returns. Sending
follows a two-phase protocol (intent committed, transport, result committed) so a crash can
never send a reply twice; `recover()` reconciles what a crash left behind.

The package splits `Desk` by concern; `Desk` and `ImportReport` are imported from here:
    base.py       the state and the lazily built parts (privacy, retriever, engine)
    intake.py     import_messages, ImportReport
    reading.py    queue, counts, email, versions, audit, changes, redacted, article, stats
    drafting.py   draft under a drafting claim, template fallback, give back on failure
    review.py     save_edit, approve, acknowledge, reject, reopen; review claims
    sending.py    send, recover
"""

from __future__ import annotations

import threading
from typing import Any

from drafter.config import Settings
from drafter.desk.base import DeskBase
from drafter.desk.drafting import Drafting
from drafter.desk.intake import ImportReport, Intake
from drafter.desk.reading import Reading
from drafter.desk.review import Review
from drafter.desk.sending import Sending
from drafter.store import disk, queue_state
from drafter.store.db import Database, open_database


class Desk(Intake, Reading, Drafting, Review, Sending):
    """What an agent can do with the queue (implements drafter.service.DeskService)."""

    def __init__(
        self,
        settings: Settings,
        engine: Any = None,
        *,
        retriever: Any = None,
        db: Database | None = None,
        no_llm: bool = False,
    ) -> None:
        self.settings = settings
        self.agent = settings.agent_id
        self.lease = settings.claim_lease_seconds  # an agent's review claim
        self.draft_lease = settings.draft_lease_seconds  # a drafting claim (renewed)
        self.no_llm = no_llm
        self._engine = engine
        self._retriever = retriever
        self._privacy_session: Any = None
        self._parts_lock = threading.RLock()  # the parts above are built once, in any thread
        self.db = db or open_database(settings)
        if self.db.path is not None:  # room to put an email back should the disk fill up
            disk.keep_reserve(self.db.path.parent)
        self.owner = queue_state.new_owner(self.agent)  # this process's claims
        self._listener: Any = None  # drafter.store.notify.Listener, made on first wait
        self._first_drafts: set[int] = set()  # ids pending_drafts() handed out
        self._swept_at = float("-inf")  # Reading.sweep_lapsed
        self.recover()

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self.db.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


__all__ = ["Desk", "DeskBase", "ImportReport"]
