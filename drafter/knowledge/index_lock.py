"""One user of a local index folder at a time: the file lock around every Chroma access.

Chroma's PersistentClient is thread-safe but not process-safe, and a client kept open over a
folder that another process rewrote (or wiped and built again) reads and writes files that are
no longer its own: searches return other articles, SQLite fails with "disk I/O error", and a
rebuilt HNSW file read half-written crashes the process. So a local index folder is used by one
holder at a time: `holding(root)` takes an exclusive `flock` on `<root>/.index.lock`, and the
store opens its Chroma client only inside and closes it before the lock is released
(drafter.knowledge.store.IndexStore.session). `drafter kb ingest` holds it for the whole
ingest; a load holds it for reading the records (vectors included), a search only when the
published version (the end of this module) says the loaded index is not the current one. A
reader that finds an ingest running waits up to `READ_WAIT` seconds, then says
the index is being updated (`IndexBusy`) instead of reading a half-written index. A reader
that finds another reader (a holder that wrote no purpose into the lock file: a load, which
ends by itself) waits up to `READER_WAIT`: several `drafter inbox draft` started together on a
busy machine queue for their loads instead of failing with "being updated".

The lock is re-entrant per thread (an ingest's own health check and writes run inside its
lock); other threads of the same process wait like other processes do (`flock` locks belong
to the open file, not the process). A folder whose lock file cannot be created (read-only
media) is used unlocked: nothing can write to it anyway. Without `fcntl` (Windows) there is
no lock.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from drafter.errors import KnowledgeBaseError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".index.lock"
READ_WAIT = 15.0  # seconds a search or load waits for a running ingest
READER_WAIT = 300.0  # seconds it waits while the holder is another reader (no purpose noted)
WRITE_WAIT = 600.0  # seconds an ingest waits for another ingest
POLL = 0.05

_held = threading.local()  # {root: depth} of the locks this thread holds


class IndexBusy(KnowledgeBaseError):
    """The index is locked by someone else (an ingest) for longer than the caller waits."""


def _depths() -> dict[str, int]:
    depths: dict[str, int] | None = getattr(_held, "depths", None)
    if depths is None:
        depths = _held.depths = {}
    return depths


def held(root: Path) -> bool:
    """Whether this thread holds the lock of `root`."""
    return _depths().get(str(root), 0) > 0


@contextlib.contextmanager
def holding(root: Path, *, wait: float | None = None, purpose: str = "") -> Iterator[bool]:
    """Hold the lock of the index folder `root`; yields True for the outermost holder of this
    thread (who must leave the folder as it found it: the store closes its client then).

    `wait`: seconds to wait for another holder (default READ_WAIT); `purpose` (e.g.
    "`drafter kb ingest`") is written into the lock file for whoever waits."""
    key = str(root)
    depths = _depths()
    if depths.get(key, 0) > 0:
        depths[key] += 1
        try:
            yield False
        finally:
            depths[key] -= 1
        return
    fd = _open(root)
    try:
        if fd is not None:
            _acquire(fd, root, READ_WAIT if wait is None else wait)
            if purpose:
                _note(fd, f"{purpose} (pid {os.getpid()})")
        depths[key] = 1
        try:
            yield True
        finally:
            depths.pop(key, None)
            if fd is not None and purpose:
                _note(fd, "")
    finally:
        if fd is not None:
            os.close(fd)  # closing the file releases the lock


def _open(root: Path) -> int | None:
    if fcntl is None or not root.is_dir():
        return None  # no folder, no index to protect (reading never creates one)
    try:
        return os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:  # a read-only folder with a lock file from before still locks
            return os.open(root / LOCK_NAME, os.O_RDONLY)
        except OSError:
            return None


def _acquire(fd: int, root: Path, wait: float) -> None:
    started = time.monotonic()
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            waited = time.monotonic() - started
            if waited >= wait and (_holder(fd) or waited >= max(wait, READER_WAIT)):
                raise _busy(fd, root, waited) from None
            time.sleep(POLL)


def _note(fd: int, text: str) -> None:
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, text.encode("utf-8"), 0)


def _holder(fd: int) -> str:
    """What the holder wrote into the lock file (an ingest's purpose; empty for a reader)."""
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _busy(fd: int, root: Path, wait: float) -> IndexBusy:
    who = _holder(fd)
    if not who:
        return IndexBusy(
            f"the index in {root} is in use by another drafter process "
            f"(still busy after {wait:.0f} s)",
            hint="try again when the other drafter command has finished",
        )
    return IndexBusy(
        f"the index in {root} is being updated by {who} (still busy after {wait:.0f} s)",
        hint="try again when `drafter kb ingest` has finished",
    )


# -- the published version: a search's check without the lock ------------------------------
#
# A search must not open Chroma (that is the slow part) only to learn that nothing changed.
# So the holder of the lock writes the index version into `<root>/.index-version` once the index
# is complete (the end of an ingest, or a reader that read the version under the lock), and an
# ingest removes the file before it changes anything. A reader whose loaded version equals the
# file's answers from memory without the lock; a missing or unreadable file means "ask Chroma
# under the lock" (an ingest running, or an index from an older drafter).

VERSION_NAME = ".index-version"


def published_version(root: Path) -> str | None:
    """The version last published in the folder, None when there is none (or it is unreadable)."""
    try:
        text = (root / VERSION_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def publish_version(root: Path, version: str) -> None:
    """Write the version (atomically; the caller holds the lock). A read-only folder keeps none."""
    tmp = root / f"{VERSION_NAME}.{os.getpid()}.tmp"
    try:
        tmp.write_text(version, encoding="utf-8")
        os.replace(tmp, root / VERSION_NAME)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def withdraw_version(root: Path) -> None:
    """Remove the published version (before a writer changes the index, under the lock)."""
    with contextlib.suppress(OSError):
        (root / VERSION_NAME).unlink()
