"""Where raw emails come from: a folder of .eml files, a Maildir, an mbox file.

Owns reading mailboxes into `(source name, raw bytes)` pairs and the stable import key
(`import_key`) that makes importing the same message twice a no-op for the store.
Oversized files are still yielded (the parser quarantines them) but read with a cap.
A file or sub-folder that cannot be read is reported to `on_skip(path, reason)` and the
rest is still read (without `on_skip` the error is raised, as before). A file in a folder
that has no mail header at all (notes.txt, a README) is no email: it is reported to
`on_skip` as one and never queued (without `on_skip` it is left out silently: a watched
folder keeps working). `read_mail_file` refuses such a file when it is named on its own.
"""

from __future__ import annotations

import mailbox
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from drafter.errors import MailError
from drafter.mail.parse import MAX_BYTES
from drafter.models import InboundEmail

EML_SUFFIXES = (".eml", ".msg", ".txt", ".mail")

OnSkip = Callable[[str, str], None]  # (path, why it was skipped)


def import_key(email: InboundEmail) -> str:
    """A stable identity for deduplication: the Message-ID, else the sha256 of the bytes."""
    message_id = email.message_id.strip().strip("<>").strip()
    if message_id:
        return f"mid:{message_id}"
    if not email.content_hash:
        raise MailError(
            "the email has neither a Message-ID nor a content hash",
            hint="build InboundEmail values with drafter.mail.parse_email",
        )
    return f"sha256:{email.content_hash}"


def detect_kind(path: Path) -> str:
    """'maildir', 'folder', 'mbox' or 'file' for an existing path."""
    if path.is_dir():
        if (path / "cur").is_dir() and (path / "new").is_dir():
            return "maildir"
        return "folder"
    if path.is_file():
        with path.open("rb") as handle:
            start = handle.read(5)
        return "mbox" if start == b"From " else "file"
    raise MailError(
        f"mail source not found: {path}",
        hint="pass a folder of .eml files, a Maildir (with cur/ and new/) or an mbox file",
    )


def iter_source(path: Path | str, on_skip: OnSkip | None = None) -> Iterator[tuple[str, bytes]]:
    """Yield (source name, raw bytes) for every message in a folder, Maildir or mbox."""
    path = Path(path)
    kind = detect_kind(path)
    if kind == "maildir":
        yield from iter_maildir(path, on_skip)
    elif kind == "folder":
        yield from iter_folder(path, on_skip)
    elif kind == "mbox":
        yield from iter_mbox(path)
    else:
        data = read_email_file(path)
        if not looks_like_email(data):
            raise MailError(
                not_an_email(path),
                hint="give a .eml file (header lines, a blank line, then the text), a folder "
                "of them, a Maildir or an mbox file",
            )
        yield path.name, data


def not_an_email(path: Path | str) -> str:
    """The one line naming a file that has no mail header."""
    return f"{path} does not look like an email (no From, To, Subject or Date header)"


def read_mail_file(path: Path, *, text_ok: bool = False) -> bytes:
    """One email file named on the command line: its bytes, or a MailError naming it when it
    cannot be read or has no mail header (unless `text_ok`: the text is the customer's
    message)."""
    data = read_email_file(path)
    if not text_ok and not looks_like_email(data):
        raise MailError(
            not_an_email(path),
            hint="give a .eml file (header lines such as `From:` and `Subject:`, a blank "
            "line, then the text), or pass --text to take the whole file as the "
            "customer's message",
        )
    return data


_HEADER = re.compile(
    rb"^(?:from|to|cc|subject|date|message-id|received|return-path|mime-version|"
    rb"delivered-to|reply-to|in-reply-to|references|x-[\w-]+)[ \t]*:",
    re.I | re.M,
)


def looks_like_email(data: bytes) -> bool:
    """Does `data` start with mail headers? Text without any (a README, notes) is no email;
    binary data is left to the parser, which quarantines it."""
    head = data[:65536]
    if b"\0" in head:
        return True  # binary: the parser decides (and quarantines what it cannot read)
    block = re.split(rb"\r?\n\r?\n", head.lstrip(b"\r\n"), maxsplit=1)[0]
    return _HEADER.search(block) is not None


def iter_folder(path: Path, on_skip: OnSkip | None = None) -> Iterator[tuple[str, bytes]]:
    """Every *.eml (also .msg/.txt/.mail) file below `path`, in name order."""
    for file in _email_files(path, on_skip):
        try:
            data = read_email_file(file)
        except MailError as exc:
            if on_skip is None:
                raise
            on_skip(str(file), exc.message)
            continue
        if not looks_like_email(data):
            if on_skip is not None:
                on_skip(str(file), not_an_email(file))
            continue
        yield str(file.relative_to(path)), data


def _email_files(root: Path, on_skip: OnSkip | None) -> list[Path]:
    """The email files below `root` (symlinked folders followed once), sorted by path."""

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or root)
        if on_skip is None:
            raise MailError(
                f"cannot read folder {where}: {exc.strerror or exc}",
                hint="check that the folder is readable",
            ) from exc
        on_skip(where, f"cannot read folder {where}: {exc.strerror or exc}")

    files: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for folder, subfolders, names in os.walk(root, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:  # a symlink loop
            subfolders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        for name in names:
            file = Path(folder, name)
            if file.suffix.lower() in EML_SUFFIXES and file.is_file():
                files.append(file)
    return sorted(files)


def iter_maildir(path: Path, on_skip: OnSkip | None = None) -> Iterator[tuple[str, bytes]]:
    """Messages in a Maildir's new/ and cur/ (read only: flags are left untouched)."""
    try:
        box = mailbox.Maildir(str(path), factory=None, create=False)
        keys = sorted(box.keys())
    except OSError as exc:
        raise MailError(f"cannot read Maildir {path}: {exc}", hint="check the path") from exc
    for key in keys:
        try:
            with box.get_file(key) as handle:
                data = handle.read(MAX_BYTES + 1)
        except (FileNotFoundError, KeyError):
            continue  # removed by another client meanwhile
        except OSError as exc:
            if on_skip is None:
                raise MailError(
                    f"cannot read message {exc.filename or key} in Maildir {path}: "
                    f"{exc.strerror or exc}",
                    hint="check that the file is readable",
                ) from exc
            where = str(exc.filename or f"{path}/{key}")
            on_skip(where, f"cannot read email file {where}: {exc.strerror or exc}")
            continue
        yield f"maildir:{key}", data


def iter_mbox(path: Path) -> Iterator[tuple[str, bytes]]:
    """Messages of an mbox file, split on "From " lines (mboxrd ">From " unescaped)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise MailError(f"cannot read mbox {path}: {exc}", hint="check the path") from exc
    with handle:
        index = 0
        current: list[bytes] = []
        size = 0
        started = False
        for line in handle:
            if line.startswith(b"From ") and (not started or _after_blank(current)):
                if started:
                    yield f"{path.name}:{index}", _finish(current)
                    index += 1
                current, size, started = [], 0, True
                continue
            if not started:
                continue
            if size <= MAX_BYTES:
                if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                    line = line[1:]
                current.append(line)
            size += len(line)
        if started:
            yield f"{path.name}:{index}", _finish(current)


def _after_blank(lines: list[bytes]) -> bool:
    return not lines or not lines[-1].strip()


def _finish(lines: list[bytes]) -> bytes:
    data = b"".join(lines)
    if data.endswith(b"\r\n\r\n"):
        return data[:-2]
    if data.endswith(b"\n\n"):
        return data[:-1]
    return data


def read_email_file(path: Path) -> bytes:
    """The raw bytes of one email file (at most MAX_BYTES + 1), or a MailError naming it."""
    if not path.exists():
        raise MailError(f"email file not found: {path}", hint="check the path and try again")
    if path.is_dir():
        raise MailError(
            f"{path} is a folder, not an email file",
            hint="pass one .eml file (`drafter inbox import` queues a folder)",
        )
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise MailError(
            f"cannot read email file {path}: {exc.strerror or exc}",
            hint="check that the file is readable",
        ) from exc
