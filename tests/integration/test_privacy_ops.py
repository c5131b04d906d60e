"""DSGVO: Art. 15 export, Art. 17 forget and the retention purge on a real store and the real CLI.

The "no byte left" test reads every file under the data dir as bytes (like `grep -a -r`):
the database file, its WAL, the outbox, the key files and the evaluation cache.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import update

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import audit
from drafter.store import emails as queue
from drafter.store.db import open_database
from drafter.store.schema import emails
from tests.cli import run_cli
from tests.integration.desk_helpers import save_thread_vault
from tests.integration.privacy_store import (
    ANNA,
    ANNA_2,
    ANNA_IBAN,
    ANNA_KD,
    ANNA_NEEDLES,
    BERND,
    BERND_NEEDLES,
    Store,
    files_containing,
    populate,
)


@pytest.fixture
async def store(settings: Settings) -> Store:
    return await populate(settings)


def _export(tmp_path: Path, address: str) -> tuple[dict[str, object], str, str]:
    out = tmp_path / "export.json"
    result = run_cli("privacy", "export", "--email", address, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    summary = out.with_suffix(".md").read_text(encoding="utf-8")
    for path in (out, out.with_suffix(".md")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    return json.loads(text), text, summary


def test_export_finds_every_row_and_file_of_the_person_and_nothing_else(
    store: Store, tmp_path: Path
) -> None:
    doc, text, summary = _export(tmp_path, ANNA.upper())  # the address is case-insensitive
    found = {e["email_id"]: e["found_by"] for e in doc["emails"]}  # type: ignore[attr-defined]
    assert sorted(found) == sorted(store.anna)
    a1, a2, _a3 = store.anna
    assert found[a2] == "CUSTOMER_NO from a vault"  # her second address, by her customer number
    desk = Desk(store.settings)
    try:
        for item in doc["emails"]:  # type: ignore[attr-defined]
            email_id = item["email_id"]
            assert len(item["drafts"]) == len(desk.versions(email_id))
            assert len(item["approvals"]) == len(desk.approvals(email_id))
            assert item["raw_mime"] == desk.raw(email_id).decode()
        audit_ids = sorted(r.id for i in store.anna for r in desk.audit(i))
        assert [r["id"] for r in doc["audit"]] == audit_ids  # type: ignore[attr-defined]
    finally:
        desk.close()
    first = next(e for e in doc["emails"] if e["email_id"] == a1)  # type: ignore[attr-defined]
    assert [d["instruction"] for d in first["drafts"]][1].startswith("Frau Schulz")
    (sent,) = first["sent"]
    assert sent["state"] == "sent" and ANNA in sent["outbox_file"]["content"]
    values = {e["value"] for v in doc["vaults"] for e in v["entries"]}  # type: ignore[attr-defined]
    assert ANNA_KD in values and ANNA_IBAN in values and ANNA_2 in values
    (cache,) = doc["files"]["evaluation_cache"]  # type: ignore[index]
    assert ANNA in cache["content"]
    for needle in [*BERND_NEEDLES, "Meier", "bernd"]:  # nothing of the other customer
        assert needle.lower() not in text.lower(), needle
        assert needle.lower() not in summary.lower(), needle
    assert ANNA_IBAN in summary and "Abschlag ändern" in summary


def test_export_of_an_unknown_person_is_empty_and_bad_address_is_a_clear_error(
    store: Store, tmp_path: Path
) -> None:
    doc, _, _ = _export(tmp_path, "nobody@example.org")
    assert doc["emails"] == [] and doc["vaults"] == []
    bad = run_cli("privacy", "export", "--email", "Anna Schulz")
    assert bad.returncode == 2 and "not an email address" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("vacuum", [False, True], ids=["born-secure", "with-vacuum"])
def test_forget_leaves_no_byte_of_the_person_and_keeps_analytics(
    store: Store, vacuum: bool
) -> None:
    """A database created with secure_delete on needs only the checkpoint(TRUNCATE); an
    older one gets a VACUUM (forced here with --vacuum); the bytes must be gone either way."""
    settings = store.settings
    assert set(files_containing(settings, ANNA_NEEDLES)) == set(ANNA_NEEDLES)  # the test can see
    before = run_cli("report", "--json")
    assert before.returncode == 0
    other_window = Desk(settings)  # a desk stays open meanwhile: the WAL is not removed
    try:
        assert len(other_window.queue()) == len(store.ids)
        result = run_cli(
            "privacy", "forget", "--email", ANNA, "--yes", *(["--vacuum"] if vacuum else [])
        )
        assert result.returncode == 0, result.stderr
        assert "erased 3 emails" in result.stdout
        leftovers = files_containing(settings, ANNA_NEEDLES)
        assert leftovers == {}, leftovers  # database file, WAL, outbox, caches, key files
        assert (settings.data_dir / "drafter.db-wal").stat().st_size == 0
        assert len(other_window.queue()) == len(store.ids)
    finally:
        other_window.close()
    assert files_containing(settings, ANNA_NEEDLES) == {}
    # the other customer is untouched
    assert set(files_containing(settings, BERND_NEEDLES)) == set(BERND_NEEDLES)

    after = run_cli("report", "--json")
    assert after.returncode == 0, after.stderr
    old, new = json.loads(before.stdout), json.loads(after.stdout)
    for key in ("volume", "drafted", "sent", "rejected", "sent_unchanged", "median_edit_ratio",
                "median_time_to_first_draft_s", "median_time_in_review_s"):  # fmt: skip
        assert new["overall"][key] == old["overall"][key], key
    assert [(g["key"], g["volume"]) for g in new["by_reason"]] == [
        (g["key"], g["volume"]) for g in old["by_reason"]
    ]

    desk = Desk(settings)
    try:
        queue_ids = [item.email_id for item in desk.queue()]
        assert sorted(queue_ids) == sorted(store.ids)
        b1, _b2 = store.bernd
        assert desk.email(b1).email.from_.email == BERND  # the other customer opens as before
        for email_id in store.anna:
            record = desk.email(email_id)  # an erased email still opens
            assert record.status in ("sent", "rejected") and record.email.body == ""
        tombstones = [e for e in desk.audit() if e.action == "privacy_forget"]
    finally:
        desk.close()
    (tomb,) = tombstones
    assert tomb.actor == settings.agent_id and tomb.email_id is None
    assert str(tomb.detail["subject"]).startswith("hmac-sha256:")
    assert sorted(tomb.detail["email_ids"]) == sorted(store.anna)
    assert tomb.detail["vacuumed"] is vacuum
    assert ANNA not in json.dumps(tomb.detail)
    key = settings.data_dir / "privacy-hmac.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    # the same address always gives the same keyed hash (a DPO can check "was X erased?")
    from drafter.privacy_ops.requests import subject_hash

    assert subject_hash(settings, ANNA.upper()) == tomb.detail["subject"]


def test_audit_log_stays_append_only_after_forget(store: Store) -> None:
    run_cli("privacy", "forget", "--email", ANNA, "--yes")
    db = open_database(store.settings)
    try:
        with pytest.raises(Exception, match="append-only"), db.write() as conn:
            conn.exec_driver_sql("UPDATE audit_log SET detail = '{}'")
        with db.read() as conn:
            assert audit.entries(conn)[-1].action == "privacy_forget"
    finally:
        db.close()


def test_forget_asks_before_erasing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))  # the operator answers "no"
    result = run_cli("privacy", "forget", "--email", ANNA)
    assert result.returncode == 1 and "cannot be undone" in result.stderr  # "no" is no success
    assert "nothing erased" in result.stderr
    assert files_containing(store.settings, [ANNA])


def _age(settings: Settings, ids: list[int], days: int) -> None:
    db = open_database(settings)
    try:
        with db.write() as conn:
            then = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
            conn.execute(update(emails).where(emails.c.id.in_(ids)).values(updated_at=then))
    finally:
        db.close()


def test_purge_honours_retention_and_keeps_open_emails(store: Store) -> None:
    settings = store.settings
    a1, a2, a3 = store.anna  # sent, rejected, open
    b1, b2 = store.bernd  # sent, open
    _age(settings, [a1, a2, a3, b2], days=40)  # b1 is closed but recent
    assert run_cli("privacy", "purge").returncode == 0  # retention 0: keep everything
    assert files_containing(settings, [ANNA_IBAN])

    env = {"DRAFTER_RETENTION_DAYS": "30"}
    dry = run_cli("privacy", "purge", "--dry-run", "--json", env=env)
    assert dry.returncode == 0, dry.stderr
    listed = [e["email_id"] for e in json.loads(dry.stdout)["emails"]]
    assert listed == [a1, a2]
    assert files_containing(settings, [ANNA_IBAN, ANNA_KD])  # a dry run erases nothing

    done = run_cli("privacy", "purge", env=env)
    assert done.returncode == 0 and "erased 2 closed emails" in done.stderr
    db = open_database(settings)
    try:
        with db.read() as conn:
            erased = {i: queue.raw(conn, i) for i in (a1, a2, a3, b1, b2)}
            open_vault = queue.load_vault(conn, queue.thread_of(conn, a3))
    finally:
        db.close()
    assert erased[a1] == b"" and erased[a2] == b""
    assert ANNA_KD.encode() not in erased[a1]
    assert erased[a3] and erased[b1] and erased[b2]  # open, and closed but recent: kept
    assert open_vault is not None and "Schulz" in open_vault  # the open email's vault stays
    assert not files_containing(settings, [ANNA_IBAN])  # a1's mail and outbox reply are gone
    again = run_cli("privacy", "purge", "--dry-run", "--json", env=env)
    assert json.loads(again.stdout)["emails"] == []  # erased emails are not purged twice


def test_forget_with_imap_flag_but_no_deleter_is_a_clear_error(store: Store) -> None:
    result = run_cli(
        "privacy", "forget", "--email", ANNA, "--yes", env={"DRAFTER_PRIVACY_FORGET_IMAP": "1"}
    )
    assert result.returncode == 2 and "IMAP" in result.stderr
    assert files_containing(store.settings, [ANNA])  # nothing erased


def test_a_value_many_senders_share_does_not_pull_in_their_mail(
    settings: Settings, tmp_path: Path
) -> None:
    """A hotline number quoted back by everybody lands in every vault; it must not make the
    export of one customer contain the mail of four others."""
    from tests.integration.privacy_store import mime

    hotline = "Hotline 0800 1234500"
    senders = [f"Anna Schulz <{ANNA}>"] + [f"Kunde {n} <kunde{n}@example.com>" for n in range(4)]
    desk = Desk(settings)
    try:
        report = desk.import_messages(
            [
                (f"{n}.eml", mime(s, "Rückruf", f"Ich erreiche die {hotline} nicht.", n))
                for n, s in enumerate(senders)
            ]
        )
        for email_id in report.email_ids:
            save_thread_vault(desk, email_id)
    finally:
        desk.close()
    doc, text, _ = _export(tmp_path, ANNA)
    assert [e["email_id"] for e in doc["emails"]] == report.email_ids[:1]  # type: ignore[attr-defined]
    assert "kunde0@example.com" not in text
