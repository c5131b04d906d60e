"""The desk's state and its lazily built parts (privacy session, retriever, drafting engine).

`DeskBase` declares what `Desk.__init__` (drafter/desk/__init__.py) sets; the other modules of
this package are mixins over it, one concern each. The parts are built under one lock, so
threads that ask at once (the desk's drafting lanes, the TUI's warm-up) build them once;
`ready_engine()` builds them in a worker thread, so an event loop is never blocked while the
embedding model and the index load (seconds on a cold start).
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from drafter.config import Settings
from drafter.store import vaults
from drafter.store.db import Database


class DeskBase:
    """The state every part of the desk works on, and the parts it builds on first use."""

    settings: Settings
    agent: str
    lease: float
    draft_lease: float
    no_llm: bool
    db: Database
    owner: str
    _engine: Any
    _retriever: Any
    _privacy_session: Any
    _listener: Any
    _swept_at: float  # time.monotonic() of the last sweep for lapsed reviews
    _first_drafts: set[int]
    _parts_lock: threading.RLock

    def _privacy(self) -> Any:
        with self._parts_lock:
            if self._privacy_session is None:
                from drafter.privacy import PrivacySession
                from drafter.privacy.gazetteer import vocabulary

                vocabulary(self.settings.data_dir / "cache")  # built once, then read from there

                self._privacy_session = PrivacySession(
                    self.settings, vaults=vaults.StoredVaults(self.db)
                )
            return self._privacy_session

    def _get_retriever(self) -> Any:
        with self._parts_lock:
            if self._retriever is None:
                from drafter.knowledge.retrieve import open_retriever

                self._retriever = open_retriever(self.settings)
            return self._retriever

    def engine(self) -> Any:
        """The drafting engine (built on first use, with the index and the local embedding
        model loaded; raises KnowledgeBaseError without an index). Blocks for seconds the
        first time: call it before taking a claim, or through `ready_engine()`."""
        return self._get_engine()

    async def ready_engine(self) -> Any:
        """`engine()` from a coroutine: built in a worker thread the first time."""
        if self._engine is not None:
            return self._engine
        return await asyncio.to_thread(self._get_engine)

    def _get_engine(self) -> Any:
        with self._parts_lock:
            if self._engine is None:
                from drafter.drafting.engine import DraftingEngine

                retriever = self._get_retriever()
                _load_embedding_model(retriever, self.settings.data_dir / "cache")
                self._engine = DraftingEngine(self.settings, retriever, privacy=self._privacy())
            return self._engine


def _load_embedding_model(retriever: Any, cache_dir: Path) -> None:
    """Load the local embedding model now rather than at the first search (~2 s, once per
    process), and embed the labelled reason examples with it (drafter.drafting.
    reason_examples: ~220 emails, seconds under load, which the first draft of a desk waited
    for with the editor showing "Drafting …"), or read their vectors from `cache_dir` when an
    earlier start left them there; a remote or test embedding has nothing to load."""
    from drafter.drafting.reason_examples import embed_examples
    from drafter.knowledge.embeddings import load_use, local_model

    if local_model(retriever) is not None:
        load_use()
        embed_examples(getattr(retriever, "embed_model", None), cache_dir)
