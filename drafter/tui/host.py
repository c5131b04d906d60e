"""What the screens need from the app: the `DeskHost` Protocol (implemented by DeskApp) and
the per-email drafting progress it keeps.

Screens import this module, never `drafter.tui.app`, so the app can import the screens
without an import circle. Drafting progress reaches the screens as messages
(drafter.tui.messages) forwarded to every screen that is a `DraftListener`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar, runtime_checkable

from textual.widget import Widget

from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.models import Draft, Passage
from drafter.service import DeskService
from drafter.tui.messages import DraftMessage

T = TypeVar("T")


@dataclass
class DraftProgress:
    """What is known about the draft being generated for one email."""

    text: str = ""
    passages: list[Passage] = field(default_factory=list)
    running: bool = False
    background: bool = False
    draft: Draft | None = None


class DeskHost(Protocol):
    """The app as the screens see it."""

    settings: Settings
    service: DeskService
    progress: dict[int, DraftProgress]
    user_keymap: dict[str, str]
    now: Callable[[], datetime]
    models_loading: bool  # the drafting engine is loading (the queue bar says so)

    async def call(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run a synchronous service call off the event loop."""
        ...

    def notify_error(self, error: DrafterError) -> None: ...

    def start_draft(self, email_id: int, instruction: str = "") -> bool: ...

    def tune_cursors(self, root: Widget) -> None: ...

    def queue_shown(self) -> None: ...

    def queue_changed(self) -> None:
        """Another process changed the queue (new mail gets pre-drafted too)."""
        ...


@runtime_checkable
class DraftListener(Protocol):
    """A screen that shows drafting progress (the app forwards every DraftMessage to it)."""

    def on_draft_progress(self, message: DraftMessage) -> None: ...


@runtime_checkable
class ModelsListener(Protocol):
    """A screen that says whether the drafting engine is still loading."""

    def show_models_loading(self, loading: bool) -> None: ...


@runtime_checkable
class Saving(Protocol):
    """A screen holding unsaved text that must be saved before the app quits."""

    async def flush(self, announce: bool = False) -> bool: ...


@runtime_checkable
class Decided(Protocol):
    """A screen (the queue) told which email was just sent or rejected."""

    def decided(self, email_id: int) -> None: ...


async def attempt(desk: DeskHost, fn: Callable[..., Any], *args: Any) -> bool:
    """Run a service call for its effect off the event loop; on a DrafterError show it and
    return False, so the caller stops there."""
    try:
        await desk.call(fn, *args)
    except DrafterError as error:
        desk.notify_error(error)
        return False
    return True
