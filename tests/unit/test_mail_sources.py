"""Mail sources: .eml folder, Maildir, mbox; and the import key that deduplicates them."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from drafter.errors import MailError
from drafter.mail.parse import parse_email
from drafter.mail.sources import import_key, iter_source, not_an_email, read_mail_file


def _message(n: int, *, with_id: bool = True, body: str = "") -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Kunde {n} <k{n}@example.org>"
    msg["Subject"] = f"Anfrage {n}"
    if with_id:
        msg["Message-ID"] = f"<m{n}@example.org>"
    msg.set_content(body or f"Hallo, das ist Nachricht {n}.\n")
    return msg.as_bytes()


def test_folder_yields_eml_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.eml").write_bytes(_message(2))
    (tmp_path / "a.eml").write_bytes(_message(1))
    (tmp_path / "sub" / "c.eml").write_bytes(_message(3))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(iter_source(tmp_path))
    assert [name for name, _ in items] == ["a.eml", "b.eml", "sub/c.eml"]
    assert parse_email(items[0][1]).subject == "Anfrage 1"


def test_maildir_yields_new_and_cur_messages(tmp_path: Path) -> None:
    box = mailbox.Maildir(str(tmp_path / "Maildir"), create=True)
    for n in range(3):
        box.add(_message(n))
    items = list(iter_source(tmp_path / "Maildir"))
    assert len(items) == 3
    assert sorted(parse_email(raw).subject for _, raw in items) == [
        "Anfrage 0",
        "Anfrage 1",
        "Anfrage 2",
    ]


def test_mbox_splits_messages_and_unescapes_from_lines(tmp_path: Path) -> None:
    path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(str(path), create=True)
    box.add(_message(1, body="Erste Zeile\nFrom here on it is tricky.\n"))
    box.add(_message(2))
    box.flush()
    box.close()
    items = list(iter_source(path))
    assert [name for name, _ in items] == ["inbox.mbox:0", "inbox.mbox:1"]
    first = parse_email(items[0][1])
    assert first.subject == "Anfrage 1"
    assert "From here on it is tricky." in first.body
    assert parse_email(items[1][1]).body == "Hallo, das ist Nachricht 2."


def test_importing_the_same_message_twice_gives_the_same_key(tmp_path: Path) -> None:
    (tmp_path / "one.eml").write_bytes(_message(1, with_id=False))
    (tmp_path / "copy.eml").write_bytes(_message(1, with_id=False))
    (tmp_path / "other.eml").write_bytes(_message(2, with_id=False))
    (tmp_path / "same-id.eml").write_bytes(_message(3))
    (tmp_path / "same-id-resent.eml").write_bytes(_message(3, body="Erneut gesendet.\n"))
    keys = {name: import_key(parse_email(raw)) for name, raw in iter_source(tmp_path)}
    assert keys["one.eml"] == keys["copy.eml"] != keys["other.eml"]
    assert keys["same-id.eml"] == keys["same-id-resent.eml"] == "mid:m3@example.org"
    assert len(set(keys.values())) == 3


def test_missing_source_is_a_mail_error_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(MailError) as info:
        list(iter_source(tmp_path / "nowhere"))
    assert "nowhere" in info.value.message and info.value.hint


def test_a_file_gone_before_it_is_read_is_skipped_by_name_and_the_rest_still_read(
    tmp_path: Path,
) -> None:
    for n, name in enumerate(["a.eml", "b.eml", "c.eml"]):
        (tmp_path / name).write_bytes(_message(n))
    skipped: list[tuple[str, str]] = []
    items = iter_source(tmp_path, on_skip=lambda where, why: skipped.append((where, why)))
    first = next(items)
    (tmp_path / "b.eml").unlink()  # listed, then removed before it is read
    names = [first[0], *(name for name, _ in items)]
    assert names == ["a.eml", "c.eml"]
    assert skipped == [(str(tmp_path / "b.eml"), f"email file not found: {tmp_path / 'b.eml'}")]


def test_without_on_skip_an_unreadable_file_still_stops_the_iteration(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(_message(1))
    (tmp_path / "b.eml").write_bytes(_message(2))
    items = iter_source(tmp_path)
    next(items)
    (tmp_path / "b.eml").unlink()
    with pytest.raises(MailError, match=r"b\.eml"):
        next(items)


def test_a_text_file_that_is_no_email_is_refused_by_name(tmp_path: Path) -> None:
    """`drafter inbox import README.md` queued the README as an email with no sender and no
    subject (status needs_attention) instead of saying it is not one."""
    notes = tmp_path / "README.md"
    notes.write_text("# drafter\n\nLocal-first drafting of replies.\n\nFrom here: read on.\n")
    with pytest.raises(MailError) as caught:
        list(iter_source(notes))
    assert str(notes) in caught.value.message and "does not look like an email" in str(
        caught.value.message
    )
    assert ".eml" in caught.value.hint
    mail = tmp_path / "one.eml"
    mail.write_bytes(b"Subject: Hallo\r\nFrom: a@example.org\r\n\r\nText\r\n")
    assert [name for name, _ in iter_source(mail)] == ["one.eml"]
    junk = tmp_path / "junk.eml"
    junk.write_bytes(bytes(range(256)) * 4)  # binary: the parser quarantines it, as before
    assert [name for name, _ in iter_source(junk)] == ["junk.eml"]


def test_a_text_file_without_mail_headers_in_a_folder_is_skipped_by_name(tmp_path: Path) -> None:
    """`inbox import FOLDER` queued every .txt of the folder as an email, notes and READMEs
    too (desk12 left it); a .txt that is an email (headers first) is still imported."""
    (tmp_path / "a.eml").write_bytes(_message(1))
    (tmp_path / "mail.txt").write_bytes(_message(2))
    notes = tmp_path / "notes.txt"
    notes.write_text("Shift notes\n\nCall Mrs Behrens back about the meter.\n")
    skipped: list[tuple[str, str]] = []
    items = iter_source(tmp_path, on_skip=lambda where, why: skipped.append((where, why)))
    assert [name for name, _ in items] == ["a.eml", "mail.txt"]
    assert skipped == [(str(notes), not_an_email(notes))]
    assert "notes.txt does not look like an email" in skipped[0][1]
    # Without on_skip (a watched folder) the notes are left out and the rest still read.
    assert [name for name, _ in iter_source(tmp_path)] == ["a.eml", "mail.txt"]


def test_read_mail_file_refuses_plain_text_unless_told_it_is_the_message(tmp_path: Path) -> None:
    question = tmp_path / "question.txt"
    question.write_text("Wie hoch ist mein Abschlag?\n", encoding="utf-8")
    with pytest.raises(MailError) as caught:
        read_mail_file(question)
    assert str(question) in caught.value.message and "--text" in caught.value.hint
    assert read_mail_file(question, text_ok=True).startswith(b"Wie hoch")
