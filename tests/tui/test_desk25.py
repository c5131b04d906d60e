"""Desk 25, on the REAL Desk (SQLite in tmp_path, the no-LLM engine over a real Chroma index,
sample emails from examples/inbox): what a fresh desk start showed in a real terminal."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import Label

from drafter.config import Settings
from drafter.tui import i18n
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import DRAFT_TIMEOUT, SIZE, build, import_samples, make_desk

LOAD_TIMEOUT = 120.0  # the real engine loads USE and embeds the examples: 30 s seen at load 12


@pytest.mark.parametrize(
    ("ui", "said"),
    [("de", "Entwürfe: Modelle werden geladen …"), ("en", "drafts: loading models …")],
)
async def test_the_queue_bar_says_while_the_models_load(
    settings: Settings, retriever: Any, ui: str, said: str
) -> None:
    """A fresh desk drew its queue, marked the first rows "drafting" and then said nothing for
    the 20 s (and more, under load) its embedding model and example vectors took to load. The
    queue bar now says so until the engine is ready, and says nothing once it is."""
    desk = make_desk(settings, retriever)
    import_samples(desk)
    ready = threading.Event()
    real_engine = desk.engine

    def slow_engine() -> Any:  # the models load (really), then until the test lets them
        engine = real_engine()
        assert ready.wait(LOAD_TIMEOUT)
        return engine

    desk.engine = slow_engine  # type: ignore[method-assign]
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk, predraft=True)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(
                pilot,
                lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded,
                timeout=DRAFT_TIMEOUT,  # a busy machine
            )
            queue = app.screen
            label = queue.query_one("#models-label", Label)
            await wait_for(pilot, lambda: label.display, timeout=DRAFT_TIMEOUT)
            assert str(label.render()) == said
            bar = queue.query_one("#queue-bar")
            assert label.region.right <= bar.region.right  # drawn inside the bar
            ready.set()
            await wait_for(pilot, lambda: not label.display, timeout=LOAD_TIMEOUT)
            await wait_for(
                pilot,
                lambda: all(p.draft is not None for p in app.progress.values()),
                timeout=DRAFT_TIMEOUT,
            )
    finally:
        ready.set()
        i18n.set_language("en")
        desk.close()
