"""Drafting off the UI's event loop: one thread with its own asyncio loop consumes every draft.

The service's `draft()` is an async generator whose steps are partly synchronous work
(pseudonymization, SQLite commits with fsync, extractive drafting, checks: ~100 ms per email
with the real Desk). Run on Textual's loop, that work freezes the keyboard. `DraftThread`
runs the generators on a dedicated loop in a background thread; each engine event is handed
to a callback there (the app posts it as a Textual message, which is thread-safe). One
long-lived loop also keeps an LLM client's connection pool on a single loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from contextlib import suppress
from typing import Any, TypeVar

from drafter.errors import DrafterError
from drafter.models import Done, DraftEvent, Failed
from drafter.service import DeskService

T = TypeVar("T")


class DraftThread:
    """A background event loop for drafting; `run()` awaits a coroutine executed there."""

    def __init__(self, name: str = "drafter-drafting") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def _ensure(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def main() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()
                    loop.close()

                self._thread = threading.Thread(target=main, name=self._name, daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` on the drafting loop; cancelling the caller cancels it there."""
        future = asyncio.run_coroutine_threadsafe(coro, self._ensure())
        return await asyncio.wrap_future(future)

    def stop(self, timeout: float = 5.0) -> None:
        """Cancel what is still running (its `finally` blocks run), then end the thread."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None or thread is None:
            return

        async def cancel_all() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await loop.shutdown_asyncgens()

        with suppress(Exception):  # best effort at shutdown; the thread is a daemon
            asyncio.run_coroutine_threadsafe(cancel_all(), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)


async def pump_draft(
    service: DeskService, email_id: int, instruction: str, emit: Callable[[DraftEvent], None]
) -> bool:
    """Consume one `service.draft()`, passing each event to `emit`; True after Done/Failed.

    Errors become a `Failed` event: the desk must survive any drafting failure.
    """
    ended = False
    try:
        async for event in service.draft(email_id, instruction=instruction):
            emit(event)
            ended = ended or isinstance(event, Done | Failed)
    except DrafterError as error:
        emit(Failed(message=error.message, hint=error.hint))
        return True
    except Exception as error:  # the desk must survive any drafting failure
        emit(
            Failed(
                message=f"drafting failed unexpectedly: {error}",
                hint="try regenerating; if it persists, check the logs and settings",
            )
        )
        return True
    return ended
