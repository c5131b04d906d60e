"""Is it the disk? A full or read-only file system told apart from a damaged database.

Owns `storage_problem(path)`: after SQLite or the file system refused a read or a write,
look at the file system holding `path` (a read-only mount, a folder without write
permission, or almost no free space) and return a StorageError naming the folder, or None
when the disk looks fine (then the original error stands). And `ensure_room(path)`: the
check made before work that must not stop half-way (drafting, sending): a disk with less
than MIN_FREE_BYTES free is refused before anything is written, so no email is left in
`drafting` or `sending` because the disk filled up while the model was writing.

If the disk fills up anyway (another program), the reserve gives the way back: the desk
keeps RESERVE_BYTES in `<data dir>/.disk-reserve` (`keep_reserve`) and frees it
(`release_reserve`) to write the one small transaction that returns an email to the queue.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import StorageError

# SQLite in WAL mode needs room for its -wal and -shm files even to read; a draft, its
# audit entries and an outbox file need far less than this
MIN_FREE_BYTES = 8 * 1024 * 1024
FULL_BYTES = 1024 * 1024  # after a refused write: this little free space means "full"
RESERVE_NAME = ".disk-reserve"
RESERVE_BYTES = 2 * 1024 * 1024

_FULL_HINT = "free some space, then run the command again (nothing was half-saved)"
_READ_ONLY_HINT = (
    "make the data folder writable, or set DRAFTER_DATA_DIR (or --data-dir) to a writable folder"
)


def _folder(path: Path) -> Path:
    """The nearest existing folder at or above `path`."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def free_bytes(path: Path) -> int | None:
    try:
        vfs = os.statvfs(_folder(path))
    except OSError:
        return None
    return vfs.f_bavail * vfs.f_frsize


def read_only(path: Path) -> str:
    """Why `path`'s folder cannot be written ("" when it can)."""
    folder = _folder(path)
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "is on a read-only file system"
    except OSError:
        return ""
    if not os.access(folder, os.W_OK):
        return "is read-only (no write permission)"
    return ""


def storage_problem(path: Path) -> StorageError | None:
    """A StorageError when the file system holding `path` is read-only or (almost) full."""
    folder = _folder(path)
    why = read_only(folder)
    if why:
        return StorageError(f"the data folder {folder} {why}", hint=_READ_ONLY_HINT)
    free = free_bytes(folder)
    if free is not None and free < FULL_BYTES:
        return StorageError(
            f"the disk holding {folder} is full ({free // 1024:,} KB free)", hint=_FULL_HINT
        )
    return None


def ensure_room(path: Path, what: str) -> None:
    """Refuse to start `what` when the disk holding `path` is read-only or nearly full."""
    problem = storage_problem(path)
    if problem is not None:
        raise StorageError(f"cannot start {what}: {problem.message}", hint=problem.hint)
    free = free_bytes(path)
    if free is not None and free < MIN_FREE_BYTES:
        raise StorageError(
            f"cannot start {what}: the disk holding {_folder(path)} is nearly full "
            f"({free // 1024:,} KB free, at least {MIN_FREE_BYTES // 1024:,} KB needed)",
            hint=_FULL_HINT,
        )


def keep_reserve(folder: Path) -> None:
    """Create the reserve file in `folder` when it is missing and the disk has room."""
    reserve = folder / RESERVE_NAME
    free = free_bytes(folder)
    if reserve.exists() or free is None or free < MIN_FREE_BYTES + RESERVE_BYTES:
        return
    try:
        with open(reserve, "wb") as handle:
            handle.write(b"\0" * RESERVE_BYTES)  # real blocks (a sparse file frees nothing)
    except OSError:
        reserve.unlink(missing_ok=True)


def release_reserve(folder: Path) -> bool:
    """Free the reserve (True when there was one to free)."""
    try:
        (folder / RESERVE_NAME).unlink()
    except OSError:
        return False
    return True
