"""A really full disk and a really read-only file system under the data dir.

The data dir lives on its own small tmpfs, mounted for the test (needs root; skipped
otherwise -- test_read_only_disk_full.py covers the unprivileged way). "Full" is that tmpfs
filled to the last byte by a filler file (ENOSPC for every write, SQLite cannot even create
its -shm file to read); "nearly full" leaves 2 MB; "read-only" is the tmpfs remounted
read-only (EROFS, which root cannot override either). Every command then says so in one
line naming the data folder, exits 2 without a traceback, and no email or outbox row
changes state (none left in `drafting` or `sending`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StorageError
from tests.conftest import ROOT
from tests.integration.openai_server import fixture_index

INBOX = ROOT / "examples" / "inbox"
REPLY = "Guten Tag,\n\nwir haben Ihren Abschlag angepasst.\n\nFreundliche Grüße\nIhr Kundenservice"
NEW_MAIL = (
    b"From: Neu <neu@example.org>\nSubject: Abschlag\nMessage-ID: <tmpfs-new@example.org>\n\n"
    b"Bitte meinen Abschlag auf 80 Euro senken.\n" + b"Mit freundlichen Gruessen\n" * 2000
)
COMMANDS = [
    ["inbox", "import", "NEW"],
    ["inbox", "draft", "--no-llm"],
    ["inbox", "list"],
    ["draft", "--no-llm", str(INBOX / "01-abschlag-erhoehen.eml")],
    ["kb", "ingest", str(ROOT / "tests" / "data" / "kb" / "de")],
    ["kb", "search", "Abschlag"],
    ["backup"],
    ["report"],
    ["privacy", "export", "--email", "neu@example.org", "--out", "DATA/export.json"],
    ["privacy", "forget", "--email", "neu@example.org", "--yes"],
    ["privacy", "compact"],
]


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    point = tmp_path / "fs"
    point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(point)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    yield point
    subprocess.run(["umount", "-l", str(point)], check=False)


@pytest.fixture
def data(tmpfs: Path, tmp_path: Path) -> Path:
    data = tmpfs / "data"
    data.mkdir()
    shutil.copytree(fixture_index(), data / "index")
    with Desk(Settings(data_dir=data)) as desk:
        ids = desk.import_messages(
            (p.name, p.read_bytes()) for p in sorted(INBOX.glob("*.eml"))[:6]
        ).email_ids
        desk.approve(ids[0], REPLY)  # ready to be sent
    (tmp_path / "new.eml").write_bytes(NEW_MAIL)
    return data


def _fill(point: Path, leave: int = 0) -> None:
    """Write a filler file until only `leave` bytes are free (0: to the last byte)."""
    fd = os.open(point / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for chunk in (1 << 20, 4096, 1):
            while shutil.disk_usage(point).free - leave >= chunk:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError:
                    break
    finally:
        os.close(fd)


def _state(data: Path) -> tuple[dict[str, int], dict[str, int]]:
    """(email statuses, outbox states), read from a copy (the disk itself may be full)."""
    copy = Path(os.environ.get("TMPDIR", "/tmp")) / f"state-{os.getpid()}.db"
    shutil.copyfile(data / "drafter.db", copy)
    wal = data / "drafter.db-wal"  # what is committed but not yet checkpointed
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    try:
        with sqlite3.connect(copy) as conn:
            statuses = conn.execute("SELECT status, count(*) FROM emails GROUP BY status")
            states = conn.execute("SELECT state, count(*) FROM outbox GROUP BY state")
            return dict(statuses.fetchall()), dict(states.fetchall())
    finally:
        copy.unlink()
        copy.with_name(copy.name + "-wal").unlink(missing_ok=True)


def _drafter(data: Path, args: list[str], new_mail: Path) -> subprocess.CompletedProcess[str]:
    args = [str(new_mail) if a == "NEW" else a.replace("DATA", str(data)) for a in args]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "OPENAI_"))}
    command = [sys.executable, "-m", "drafter", "--data-dir", str(data), *args]
    return subprocess.run(command, capture_output=True, text=True, env=clean, timeout=300, cwd=ROOT)


@pytest.mark.parametrize("state", ["full", "read-only"])
def test_every_command_says_so_in_one_line_and_changes_nothing(
    data: Path, tmpfs: Path, tmp_path: Path, state: str
) -> None:
    before = _state(data)
    if state == "full":
        _fill(tmpfs)
        assert shutil.disk_usage(tmpfs).free == 0
    else:
        subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    problems = []
    for args in COMMANDS:
        result = _drafter(data, args, tmp_path / "new.eml")
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        said = lines[-2] if len(lines) >= 2 else result.stderr
        word = "full" if state == "full" else "read-only"
        ok = (
            result.returncode == 2
            and "Traceback" not in result.stderr
            and said.startswith("error: ")
            and lines[-1].startswith("hint: ")
            and word in said
            and str(data) in said
        )
        if not ok:
            problems.append(f"{' '.join(args[:2])} -> {result.returncode}: {result.stderr[-400:]}")
    doctor = _drafter(data, ["doctor"], tmp_path / "new.eml")  # a report, exit 1
    if state == "full":
        (tmpfs / "filler").unlink()
    else:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert problems == []
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr
    assert word in doctor.stdout.lower() and "damaged" not in doctor.stdout
    assert _state(data) == before


def test_a_nearly_full_disk_refuses_to_start_drafting_or_sending(data: Path, tmpfs: Path) -> None:
    before = _state(data)
    _fill(tmpfs, leave=2 * 1024 * 1024)
    with Desk(Settings(data_dir=data), no_llm=True) as desk:
        email_id = desk.pending_drafts()[0]
        with pytest.raises(StorageError, match="nearly full") as drafting:
            _consume(desk, email_id)
        assert str(data) in drafting.value.message
        with pytest.raises(StorageError, match="nearly full"):
            desk.send(1)
    (tmpfs / "filler").unlink()
    assert _state(data) == before


def _consume(desk: Desk, email_id: int) -> None:
    import asyncio

    async def run() -> None:
        async for _ in desk.draft(email_id):
            pass

    asyncio.run(run())


def test_a_disk_that_fills_up_while_drafting_puts_the_email_back_in_the_queue(
    data: Path, tmpfs: Path
) -> None:
    """Another program fills the disk after the email was taken: the draft cannot be saved,
    and the email goes back to `new` at once (the desk's reserve file makes the room for
    that one write), not `drafting` until its lease runs out."""
    before = _state(data)
    desk = Desk(Settings(data_dir=data), no_llm=True)
    engine = desk.engine()

    class FillsTheDiskFirst:  # the real engine; the disk fills up as it starts
        def draft(self, email: object, **kwargs: object) -> object:
            _fill(tmpfs)
            return engine.draft(email, **kwargs)

    desk._engine = FillsTheDiskFirst()
    assert (data / ".disk-reserve").exists()
    email_id = desk.pending_drafts()[0]
    failures = _consume_failures(desk, email_id)
    assert len(failures) == 1 and "full" in failures[0] and str(data) in failures[0]
    statuses, states = _state(data)
    (tmpfs / "filler").unlink()
    desk.close()
    assert (statuses, states) == before  # back to `new`: not drafting, not needs_attention


def _consume_failures(desk: Desk, email_id: int) -> list[str]:
    import asyncio

    from drafter.models import Failed

    async def run() -> list[str]:
        return [e.message async for e in desk.draft(email_id) if isinstance(e, Failed)]

    return asyncio.run(run())


def test_a_disk_that_fills_up_while_sending_still_records_the_send(data: Path, tmpfs: Path) -> None:
    """The SMTP server takes the reply and the disk fills up before drafter records it: the
    send is still recorded (`sent`, not `sending`), through the reserve file's room."""
    from tests.integration.smtp_server import smtp_server

    with smtp_server() as (recorder, port):
        accept = recorder.handle_DATA

        async def fill_then_accept(server: object, session: object, envelope: object) -> str:
            _fill(tmpfs)
            return await accept(server, session, envelope)

        recorder.handle_DATA = fill_then_accept  # type: ignore[method-assign]
        settings = Settings(
            data_dir=data, smtp_host="127.0.0.1", smtp_port=port, smtp_security="none"
        )
        with Desk(settings) as desk:
            result = desk.send(1)
        assert not (data / ".disk-reserve").exists()  # the disk was full: the reserve was used
        statuses, states = _state(data)
    (tmpfs / "filler").unlink()
    assert recorder.count(result.message_id) == 1
    assert states == {"sent": 1} and statuses["sent"] == 1


@pytest.mark.parametrize("before", ["searched", "probed", "searched-when-full"])
def test_kb_ingest_on_a_full_disk_fails_and_keeps_the_index(
    data: Path, tmpfs: Path, before: str
) -> None:
    """In one process, as a long-running one would: the index was searched before the disk
    filled up. `kb ingest` then says the disk is full, naming the index folder, exits 2, and
    the previous index is still there and sound (never wiped as "damaged" and rebuilt).
    "probed": the vector files' stamp is gone, so the health check probes them first;
    "searched-when-full": the process searched once more on the full disk first."""
    from tests.cli import run_cli

    index = data / "index"
    stats = _drafter(data, ["kb", "stats"], tmpfs / "none").stdout
    assert run_cli("--data-dir", str(data), "kb", "search", "Abschlag").returncode == 0
    if before == "probed":
        (index / ".vectors-checked").unlink()
    _fill(tmpfs)
    if before == "searched-when-full":  # exits 0 or 2, depending on what Chroma had cached
        run_cli("--data-dir", str(data), "kb", "search", "Abschlag")
    result = run_cli("--data-dir", str(data), "kb", "ingest", str(ROOT / "tests" / "data" / "kb"))
    (tmpfs / "filler").unlink()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr[-600:]
    assert "Traceback" not in result.stderr and "rebuilt" not in result.stderr
    assert lines[-2].startswith("error: ") and "full" in lines[-2] and str(index) in lines[-2]
    assert lines[-1].startswith("hint: ")
    after = _drafter(data, ["kb", "stats"], tmpfs / "none")  # a fresh process reads it
    assert after.returncode == 0 and after.stdout == stats
    assert _drafter(data, ["kb", "search", "Abschlag"], tmpfs / "none").returncode == 0


def test_a_local_index_on_a_full_disk_never_blames_a_chroma_server(data: Path, tmpfs: Path) -> None:
    """One process (a desk or worker lives long) searches, the disk fills up, it reopens the
    index (as after another process re-ingested) and searches again and again: every search
    names the index folder and says it is full -- never "cannot reach the Chroma server at "
    (a local index has none). Once there is room again, the same process searches again."""
    from drafter.knowledge.store import open_store
    from tests.cli import run_cli

    index = data / "index"
    assert run_cli("--data-dir", str(data), "kb", "search", "Abschlag").returncode == 0
    _fill(tmpfs)
    open_store(Settings(data_dir=data)).close()  # drops Chroma's cached system: reopen
    results = [run_cli("--data-dir", str(data), "kb", "search", "Abschlag") for _ in range(3)]
    (tmpfs / "filler").unlink()
    for result in results:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert "Chroma server" not in result.stderr and "Traceback" not in result.stderr
        assert result.returncode == 2 and lines[-1].startswith("hint: "), result.stderr[-600:]
        assert lines[-2].startswith("error: ") and str(index) in lines[-2]
        assert "full" in lines[-2], lines[-2]
    again = run_cli("--data-dir", str(data), "kb", "search", "Abschlag")
    assert again.returncode == 0, again.stderr[-600:]
