"""Fixtures of the TUI tests: the real-service retriever (once per session) and desk."""

from __future__ import annotations

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
