"""Fixtures of the TUI tests: the real-service retriever (once per session) and desk; the
heap the app freezes (see drafter.tui.app.freeze_heap) is unfrozen after each test."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from tests.tui.real_service import sample_desk, session_retriever


@pytest.fixture(scope="session")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from session_retriever(tmp_path_factory)


@pytest.fixture
def desk(settings: Settings, retriever: Any) -> Iterator[Desk]:
    yield from sample_desk(settings, retriever)


@pytest.fixture(autouse=True)
def _runtime_restored() -> Iterator[None]:
    """The app freezes the heap and shortens the GIL switch interval: undo both after a test,
    so later tests in this process collect garbage as usual."""
    interval = sys.getswitchinterval()
    yield
    gc.unfreeze()
    gc.enable()
    sys.setswitchinterval(interval)
