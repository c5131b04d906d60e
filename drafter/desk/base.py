"""The desk's state and its lazily built parts (privacy session, retriever, drafting engine).

`DeskBase` declares what `Desk.__init__` (drafter/desk/__init__.py) sets; the other modules of
this package are mixins over it, one concern each.
"""

from __future__ import annotations

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
    _first_drafts: set[int]

    def _privacy(self) -> Any:
        if self._privacy_session is None:
            from drafter.privacy import PrivacySession

            self._privacy_session = PrivacySession(
                self.settings, vaults=vaults.StoredVaults(self.db)
            )
        return self._privacy_session

    def _get_retriever(self) -> Any:
        if self._retriever is None:
            from drafter.knowledge.retrieve import open_retriever

            self._retriever = open_retriever(self.settings)
        return self._retriever

    def engine(self) -> Any:
        """The drafting engine (built on first use; raises KnowledgeBaseError without an index)."""
        return self._get_engine()

    def _get_engine(self) -> Any:
        if self._engine is None:
            from drafter.drafting.engine import DraftingEngine

            self._engine = DraftingEngine(
                self.settings, self._get_retriever(), privacy=self._privacy()
            )
        return self._engine
