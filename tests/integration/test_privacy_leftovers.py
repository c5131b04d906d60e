"""DSGVO: the places `privacy forget` and the retention purge used to leave a person's text.

Free text an agent or a check wrote about an email (the text and span of an acknowledged
warning, reject and reopen reasons) is erased on SQLite and PostgreSQL alike, checked over
every text column of every table; SQLite backups made by `drafter backup` in the data dir
are erased too (a restore must not bring the person back); any other file in the data dir
that still names the person (an export, an HTML report) is named by `forget`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import DraftWarning
from drafter.store.db import Database, make_engine
from drafter.store.schema import emails, metadata
from tests.cli import run_cli
from tests.integration.desk_helpers import ScriptedEngine, queue_emails, save_thread_vault

PHONE = "0171 5550199"  # a relative's phone number no vault knows
ADDRESS = "kunde0@example.org"  # queue_emails' first customer (Anna Schulz)


def _all_text(url: str) -> str:
    """Every value of every table as one string (both backends; vaults may be encrypted)."""
    engine = make_engine(url)
    parts: list[str] = []
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                for value in row:
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    parts.append(str(value))
    engine.dispose()
    return "\n".join(parts)


async def _worked_email(settings: Settings) -> int:
    """One email drafted with a risky warning about the phone, acknowledged, rejected with a
    reason naming the phone, reopened with another, rejected again."""
    warning = DraftWarning(code="payment", message=f"payment to {PHONE}?", span=PHONE)
    desk = Desk(
        settings, engine=ScriptedEngine(body=f"Bitte rufen Sie {PHONE} an.", warnings=[warning])
    )
    try:
        (email_id,) = queue_emails(desk, 1)
        async for _event in desk.draft(email_id):
            pass
        desk.claim(email_id)
        (pending,) = desk.unacknowledged(email_id)
        desk.acknowledge(email_id, pending)
        desk.reject(email_id, f"Tochter unter {PHONE} angerufen")
        desk.reopen(email_id, f"Rückruf {PHONE} klappte nicht")
        desk.reject(email_id, "erledigt")
    finally:
        desk.close()
    return email_id


async def test_forget_erases_every_free_text_about_the_email_on_both_databases(
    db_settings: Settings,
) -> None:
    await _worked_email(db_settings)
    assert PHONE in _all_text(db_settings.db_url)  # the test can see it
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url}
    result = run_cli("privacy", "forget", "--email", ADDRESS, "--yes", env=env)
    assert result.returncode == 0, result.stderr
    stored = _all_text(db_settings.db_url)
    for needle in (PHONE, ADDRESS, "Tochter", "Rückruf"):
        assert needle not in stored, needle
    assert "payment" in stored  # the warning's kind stays (the report counts kinds)


async def test_purge_erases_the_acknowledged_warning_text(db_settings: Settings) -> None:
    email_id = await _worked_email(db_settings.model_copy(update={"retention_days": 30}))
    db = Database(make_engine(db_settings.db_url))
    old = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with db.write() as conn:
        conn.execute(update(emails).where(emails.c.id == email_id).values(updated_at=old))
    db.close()
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url, "DRAFTER_RETENTION_DAYS": "30"}
    result = run_cli("privacy", "purge", env=env)
    assert result.returncode == 0, result.stderr
    assert PHONE not in _all_text(db_settings.db_url)


def _files_with(root: Path, needle: str) -> list[str]:
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and needle.encode() in p.read_bytes()
    )


async def test_forget_erases_the_person_in_backups_of_the_data_dir(settings: Settings) -> None:
    email_id = await _worked_email(settings)
    other_desk = Desk(settings)
    try:
        (other,) = queue_emails(other_desk, 1, start=1)  # kunde1@, stays
    finally:
        other_desk.close()
    backup = run_cli("backup")
    assert backup.returncode == 0, backup.stderr
    root = settings.data_dir
    assert _files_with(root / "backups", PHONE)  # the backup holds her
    result = run_cli("privacy", "forget", "--email", ADDRESS, "--yes")
    assert result.returncode == 0, result.stderr
    assert "1 backup" in result.stdout
    for needle in (PHONE, ADDRESS):
        assert _files_with(root, needle) == [], needle
    (copy,) = sorted((root / "backups").glob("drafter-*.db"))
    restored = Desk(settings.model_copy(update={"database_url": f"sqlite:///{copy}"}))
    try:  # the backup still opens, with her email erased and the other customer's intact
        assert restored.email(email_id).email.body == ""
        assert restored.email(other).email.from_.email == "kunde1@example.org"
    finally:
        restored.close()


async def test_purge_applies_the_retention_to_backups_too(settings: Settings) -> None:
    email_id = await _worked_email(settings)
    db = Database(make_engine(settings.db_url))
    with db.write() as conn:
        old = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        conn.execute(update(emails).where(emails.c.id == email_id).values(updated_at=old))
    db.close()
    assert run_cli("backup").returncode == 0
    result = run_cli("privacy", "purge", env={"DRAFTER_RETENTION_DAYS": "30"})
    assert result.returncode == 0, result.stderr
    assert _files_with(settings.data_dir, PHONE) == []


async def test_forget_names_other_files_in_the_data_dir_that_mention_the_person(
    settings: Settings,
) -> None:
    await _worked_email(settings)
    export = settings.data_dir / "exports" / "anfrage.json"
    done = run_cli("privacy", "export", "--email", ADDRESS, "--out", str(export))
    assert done.returncode == 0, done.stderr
    unrelated = settings.data_dir / "exports" / "other.txt"
    unrelated.write_text("nothing personal", encoding="utf-8")
    result = run_cli("privacy", "forget", "--email", ADDRESS, "--yes")
    assert result.returncode == 0, result.stderr
    assert str(export) in result.stderr and "still" in result.stderr
    assert str(unrelated) not in result.stderr
    assert export.exists()  # not drafter's to delete: the operator decides


@pytest.mark.parametrize("kind", ["text", "span"])
def test_scrub_detail_erases_the_acknowledged_warning(kind: str) -> None:
    from drafter.privacy_ops.erase import ERASED, scrub_detail

    detail = f'{{"kind": "payment", "{kind}": "{PHONE}", "version": 2}}'
    assert f'"{kind}": "{ERASED}"' in scrub_detail(detail, [ADDRESS])
    assert '"kind": "payment"' in scrub_detail(detail, [ADDRESS])


async def test_rotating_the_vault_key_keeps_backups_readable(settings: Settings) -> None:
    """A backup made before `privacy rotate-key` held vaults only the old key opens: forget
    could not erase the person there (and a restore could not read the vaults)."""
    email_id = await _worked_email(settings)
    desk = Desk(settings)
    try:
        save_thread_vault(desk, email_id)
    finally:
        desk.close()
    assert run_cli("backup").returncode == 0
    rotated = run_cli("privacy", "rotate-key")
    assert rotated.returncode == 0, rotated.stderr
    assert "1 backup" in rotated.stdout
    result = run_cli("privacy", "forget", "--email", ADDRESS, "--yes")
    assert result.returncode == 0, result.stderr
    assert "1 backup" in result.stdout
    assert _files_with(settings.data_dir, PHONE) == []
    assert _files_with(settings.data_dir, ADDRESS) == []


async def test_forget_names_a_saved_report_that_shows_a_rejection_reason(
    settings: Settings,
) -> None:
    """The report lists rejection reasons; the one typed for her mail holds no value any
    vault knows (a relative's phone), so only the reason's text finds the file."""
    desk = Desk(settings)
    try:
        other, hers = queue_emails(desk, 2, start=2)  # kunde2@ and kunde3@
        desk.claim(other)
        desk.reject(other, "Spam, kein Kunde")  # a short reason is no trace of anyone
        desk.claim(hers)
        desk.reject(hers, f"Rückruf an Tochter {PHONE} erledigt")
    finally:
        desk.close()
    report = settings.data_dir / "maerz.html"
    assert run_cli("report", "--html", str(report)).returncode == 0
    assert PHONE in report.read_text(encoding="utf-8")
    result = run_cli("privacy", "forget", "--email", "kunde3@example.org", "--yes")
    assert result.returncode == 0, result.stderr
    assert str(report) in result.stderr


async def test_an_erased_email_cannot_be_reopened(db_settings: Settings) -> None:
    """After forget its draft is filler and its sender blank: reopening it put filler back
    into review (the desk offered f4 on it)."""
    from drafter.errors import DrafterError

    email_id = await _worked_email(db_settings)
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url}
    assert run_cli("privacy", "forget", "--email", ADDRESS, "--yes", env=env).returncode == 0
    desk = Desk(db_settings)
    try:
        with pytest.raises(DrafterError, match="erased") as raised:
            desk.reopen(email_id, "doch beantworten")
        assert "Art. 17" in raised.value.hint  # says why
        assert desk.email(email_id).status == "rejected"
    finally:
        desk.close()
