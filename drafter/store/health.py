"""State checks for the SQLite database: damaged or empty files, corruption, backups.

Owns: `check_on_open(path)` -- cheap checks before the engine touches the file (header,
empty file) and `PRAGMA quick_check` whenever the file changed since the last clean close
(its size and mtime are stamped in `<db>.clean` by `stamp_clean`); `backup(path, out)` --
a consistent copy through SQLite's online backup API; `latest_backup(path)` -- what the
error messages point to. A database that fails a check raises StoreError before anything
is written to it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

from drafter.errors import StoreError
from drafter.store.disk import storage_problem

HEADER = b"SQLite format 3\x00"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def latest_backup(db_path: Path) -> Path | None:
    folder = backup_dir(db_path)
    found = sorted(folder.glob("drafter-*.db")) if folder.is_dir() else []
    return found[-1] if found else None


def repair_hint(db_path: Path) -> str:
    """How to get a working database back, naming the last backup when there is one."""
    last = latest_backup(db_path)
    if last is not None:
        return (
            f"restore the last backup: move {db_path} away, then copy {last} to {db_path} "
            "(`drafter doctor` checks the result)"
        )
    return (
        f"no backup found in {backup_dir(db_path)}: move {db_path} away and re-import your "
        f"mail (or try `sqlite3 {db_path} .recover`); make backups with `drafter backup`"
    )


def damaged(db_path: Path, what: str) -> StoreError:
    return StoreError(f"the database {db_path} is damaged: {what}", hint=repair_hint(db_path))


def _stamp_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".clean")


def _signature(db_path: Path) -> dict[str, int]:
    st = db_path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def create_whole(db_path: Path) -> None:
    """Create a new SQLite file whole or not at all.

    A process killed while sqlite creates the file can leave it empty (0 bytes), which every
    later start must refuse as damaged. The file is built under a temporary name (its header
    page written by switching to WAL) and linked into place, never over a file another
    process created meanwhile, so the database file is never empty.
    """
    if db_path.exists():
        return
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.new")
    try:
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        try:
            os.link(tmp, db_path)
        except FileExistsError:
            pass  # another process created it first: theirs is used
        except OSError:  # a file system without hard links
            if not db_path.exists():
                os.replace(tmp, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"cannot create the database {db_path}: {exc}",
            hint="set DRAFTER_DATA_DIR or DRAFTER_DATABASE_URL to a writable place",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def check_header(db_path: Path) -> None:
    """Refuse an empty file or one that is not a SQLite database (cheap: 16 bytes)."""
    if not db_path.exists():
        return
    try:
        with db_path.open("rb") as fh:
            head = fh.read(len(HEADER))
    except OSError as exc:
        raise StoreError(
            f"cannot read the database {db_path}: {exc.strerror or exc}",
            hint="check the file's permissions",
        ) from exc
    if not head:
        raise damaged(db_path, "the file is empty (0 bytes), the queue it held is gone")
    if head != HEADER:
        raise damaged(db_path, "it is not a SQLite database (the file header is broken)")


def quick_check(db_path: Path) -> str:
    """'ok' or the first problem `PRAGMA quick_check` reports (read-only connection)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
    return " ".join("; ".join(problems).split())[:300] if problems else "ok"


def check_on_open(db_path: Path) -> bool:
    """Header check always; quick_check when the file changed since the last clean close.

    Returns True when quick_check ran. Raises StoreError for a damaged database.
    """
    if not db_path.exists():
        return False
    check_header(db_path)
    try:
        stamp = json.loads(_stamp_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = None
    wal = db_path.with_name(db_path.name + "-wal")
    if stamp == _signature(db_path) and not wal.exists():
        return False
    result = quick_check(db_path)
    if result != "ok":  # a full or read-only disk also fails the check: that is not damage
        raise storage_problem(db_path) or damaged(db_path, f"integrity check failed ({result})")
    return True


def stamp_clean(db_path: Path) -> None:
    """Record size and mtime after a clean close (a later change means: check again)."""
    if not db_path.exists():
        return
    try:
        tmp = _stamp_path(db_path).with_suffix(".tmp")
        tmp.write_text(json.dumps(_signature(db_path)), encoding="utf-8")
        os.replace(tmp, _stamp_path(db_path))
    except OSError:
        pass  # read-only data dir: the next open simply checks again


def backup(db_path: Path, out: Path | None = None) -> Path:
    """A consistent copy of the database (SQLite online backup API), checked after writing."""
    if not db_path.exists():
        raise StoreError(f"no database at {db_path}", hint="import mail first")
    check_header(db_path)
    result = quick_check(db_path)
    if result != "ok":
        raise storage_problem(db_path) or damaged(
            db_path, f"integrity check failed ({result}); not backing it up"
        )
    if out is None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = backup_dir(db_path) / f"drafter-{stamp}.db"
    if out.exists():
        raise StoreError(f"{out} already exists", hint="choose another --out file")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        target = sqlite3.connect(str(out))
        with target:
            source.backup(target)
        # one file to carry away: in WAL mode (copied with the pages) every later read-only
        # open (quick_check below) left copy.db-wal and copy.db-shm beside it
        target.execute("PRAGMA journal_mode=DELETE")
        source.close()
        target.close()
    except (OSError, sqlite3.Error) as exc:
        out.unlink(missing_ok=True)
        problem = storage_problem(out)
        if problem is not None:
            raise problem from exc
        raise StoreError(
            f"cannot write the backup {out}: {exc}",
            hint="check free space and permissions, or pass --out FILE elsewhere",
        ) from exc
    if quick_check(out) != "ok":
        raise StoreError(f"the backup {out} does not verify", hint="try again")
    return out
