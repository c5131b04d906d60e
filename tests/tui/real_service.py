"""The real service for TUI behaviour tests: a real Desk on SQLite in tmp_path with the
real drafting engine over a real Chroma index (built once per session from a few kb/
articles) and sample emails from examples/inbox."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.app import DeskApp, make_app
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen
from tests.conftest import ROOT
from tests.tui.helpers import wait_for

SIZE = (140, 40)
INBOX = ROOT / "examples" / "inbox"
SAMPLES = ("01-abschlag-erhoehen.eml", "31-en-meter-reading.eml")  # oldest first
KB = [
    ROOT / "kb" / "de" / name
    for name in (
        "de-abschlag-anpassen.md",
        "de-abschlag-berechnung.md",
        "de-zaehlerstand-melden.md",
        "de-gasgeruch-notfall.md",
    )
] + [ROOT / "kb" / "en" / name for name in ("en-meter-reading.md", "en-instalment-change.md")]
DRAFT_TIMEOUT = 30.0  # the first draft loads the embedding model on a busy CI machine


def session_retriever(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    kb = [p for p in KB if p.exists()]
    if len(kb) < 3 or not INBOX.exists():
        pytest.skip("kb/ or examples/inbox/ not present")
    from drafter.knowledge.retrieve import temporary_retriever

    settings = Settings(data_dir=tmp_path_factory.mktemp("tui-kb"))
    with temporary_retriever(settings, kb) as found:
        yield found


def make_desk(settings: Settings, retriever: Any, *, no_llm: bool = True) -> Desk:
    return Desk(settings, retriever=retriever, no_llm=no_llm)


def import_samples(desk: Desk, names: tuple[str, ...] = SAMPLES) -> list[int]:
    report = desk.import_messages((name, (INBOX / name).read_bytes()) for name in names)
    assert report.imported == len(names)
    return report.email_ids


def sample_desk(settings: Settings, retriever: Any) -> Iterator[Desk]:
    desk = make_desk(settings, retriever)
    import_samples(desk)
    yield desk
    desk.close()


def build(settings: Settings, desk: Desk, **kw: Any) -> DeskApp:
    kw.setdefault("predraft", False)
    return make_app(settings, service=desk, cursor_blink=False, **kw)


async def open_first(
    app: DeskApp, pilot: Pilot[None], timeout: float = DRAFT_TIMEOUT
) -> EmailScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    screen = app.screen
    assert isinstance(screen, EmailScreen)
    await wait_for(
        pilot,
        lambda: screen.saved_text is not None and not screen.streaming,
        timeout=timeout,
    )
    return screen
