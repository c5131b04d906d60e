"""Vault encryption at rest on a real SQLite file: round trip, wrong and missing key, plain-vault
migration, key rotation (also interrupted), through the store API and the real CLI."""

from __future__ import annotations

import json
import stat

import pytest
from pydantic import SecretStr
from sqlalchemy import insert

from drafter.config import Settings
from drafter.store import crypto
from drafter.store import emails as queue
from drafter.store.clock import utcnow
from drafter.store.db import open_database
from drafter.store.schema import vaults
from tests.cli import run_cli

SECRET = "DE89 3704 0044 0532 0130 00"
VAULT = json.dumps({"entities": [{"type": "IBAN", "value": SECRET, "placeholder": "[IBAN_1]"}]})


def _save(settings: Settings, thread: str = "<root@example.org>", text: str = VAULT) -> None:
    db = open_database(settings)
    try:
        with db.write() as conn:
            queue.save_vault(conn, thread, text)
    finally:
        db.close()


def _load(settings: Settings, thread: str = "<root@example.org>") -> str | None:
    db = open_database(settings)
    try:
        with db.read() as conn:
            return queue.load_vault(conn, thread)
    finally:
        db.close()


def _stored(settings: Settings) -> list[str]:
    db = open_database(settings, migrate=True)
    try:
        with db.read() as conn:
            return [str(v) for v in conn.exec_driver_sql("SELECT vault_json FROM vaults").scalars()]
    finally:
        db.close()


def _db_bytes(settings: Settings) -> bytes:
    return b"".join(p.read_bytes() for p in settings.data_dir.glob("drafter.db*"))


def test_round_trip_encrypts_at_rest_with_a_0600_key_file(settings: Settings) -> None:
    _save(settings)
    assert _load(settings) == VAULT
    (stored,) = _stored(settings)
    assert stored.startswith("fernet:") and SECRET not in stored
    assert SECRET.encode() not in _db_bytes(settings)
    key = settings.data_dir / "vault.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_key_from_the_environment_and_a_wrong_key_is_one_clear_error(settings: Settings) -> None:
    key = crypto.new_key()
    env = {"DRAFTER_VAULT_KEY": key}
    _save(settings.model_copy(update={"vault_key": SecretStr(key)}))
    assert not (settings.data_dir / "vault.key").exists()  # the env key is used, no file made
    ok = run_cli("inbox", "list", env=env)
    assert ok.returncode == 0, ok.stderr
    wrong = run_cli("inbox", "list", env={"DRAFTER_VAULT_KEY": crypto.new_key()})
    assert wrong.returncode == 2
    assert "does not open the stored vaults" in wrong.stderr and "hint:" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    malformed = run_cli("inbox", "list", env={"DRAFTER_VAULT_KEY": "not-a-key"})
    assert malformed.returncode == 2 and "not a valid key" in malformed.stderr
    assert _load(settings.model_copy(update={"vault_key": SecretStr(key)})) == VAULT


def test_missing_key_is_an_error_and_never_a_fresh_key(settings: Settings) -> None:
    _save(settings)
    key_file = settings.data_dir / "vault.key"
    saved = key_file.read_bytes()
    key_file.unlink()
    result = run_cli("inbox", "list")
    assert result.returncode == 2 and "no vault key" in result.stderr
    assert "Traceback" not in result.stderr
    assert not key_file.exists()  # no new key was made over the encrypted vaults
    key_file.write_bytes(saved)
    assert _load(settings) == VAULT


def test_plain_vaults_of_an_older_drafter_are_encrypted_on_first_open(settings: Settings) -> None:
    db = open_database(settings)
    try:
        with db.write() as conn:  # as drafter before issue 15 wrote them
            for n in range(3):
                conn.execute(
                    insert(vaults).values(thread_key=f"t{n}", vault_json=VAULT, updated_at=utcnow())
                )
        with db.read() as conn:
            assert queue.load_vault(conn, "t1") == VAULT  # readable before the migration, too
    finally:
        db.close()
    assert SECRET.encode() in _db_bytes(settings)
    assert _load(settings, "t0") == VAULT  # this open migrates
    stored = _stored(settings)
    assert len(stored) == 3 and all(s.startswith("fernet:") for s in stored)
    assert run_cli("privacy", "compact").returncode == 0
    assert SECRET.encode() not in _db_bytes(settings)


def test_rotation_re_encrypts_every_vault(settings: Settings) -> None:
    for n in range(3):
        _save(settings, f"t{n}")
    key_file = settings.data_dir / "vault.key"
    old_key = key_file.read_text().strip()
    before = _stored(settings)
    result = run_cli("privacy", "rotate-key")
    assert result.returncode == 0 and "re-encrypted 3 vaults" in result.stdout
    new_key = key_file.read_text().strip()
    assert new_key != old_key and "\n" not in new_key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    after = _stored(settings)
    assert set(after).isdisjoint(before)
    assert [_load(settings, f"t{n}") for n in range(3)] == [VAULT] * 3
    stale = run_cli("inbox", "list", env={"DRAFTER_VAULT_KEY": old_key})
    assert stale.returncode == 2 and "does not open" in stale.stderr  # the old key is retired


def test_a_crash_mid_rotation_loses_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        _save(settings, f"t{n}")
    before = _stored(settings)
    calls = {"n": 0}
    real = crypto.Keyring.rotate_token

    def crash_on_second(self: crypto.Keyring, stored: str) -> str:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # power cut after the first vault was re-encrypted
        return real(self, stored)

    monkeypatch.setattr(crypto.Keyring, "rotate_token", crash_on_second)
    crashed = run_cli("privacy", "rotate-key")
    assert crashed.returncode == 130
    monkeypatch.setattr(crypto.Keyring, "rotate_token", real)
    assert _stored(settings) == before  # the transaction rolled back
    keys = (settings.data_dir / "vault.key").read_text().split()
    assert len(keys) == 2  # new and old: every vault still opens
    assert [_load(settings, f"t{n}") for n in range(3)] == [VAULT] * 3
    finished = run_cli("privacy", "rotate-key")  # finishes the interrupted rotation
    assert finished.returncode == 0, finished.stderr
    assert (settings.data_dir / "vault.key").read_text().split() == keys[:1]
    assert [_load(settings, f"t{n}") for n in range(3)] == [VAULT] * 3


def test_rotation_with_an_environment_key_needs_the_new_key_first(settings: Settings) -> None:
    old, new = crypto.new_key(), crypto.new_key()
    _save(settings.model_copy(update={"vault_key": SecretStr(old)}))
    single = run_cli("privacy", "rotate-key", env={"DRAFTER_VAULT_KEY": old})
    assert single.returncode == 2 and "keygen" in single.stderr
    both = run_cli("privacy", "rotate-key", env={"DRAFTER_VAULT_KEY": f"{new},{old}"})
    assert both.returncode == 0, both.stderr
    assert _load(settings.model_copy(update={"vault_key": SecretStr(new)})) == VAULT
    assert run_cli("inbox", "list", env={"DRAFTER_VAULT_KEY": old}).returncode == 2


def test_a_desk_without_the_teams_key_is_told_to_use_the_same_key_everywhere(
    settings: Settings,
) -> None:
    """A second machine (own data dir, shared database) had no key: the hint spoke only of a
    backup, not of the team's one key that every worker and desk needs."""
    _save(settings)
    (settings.data_dir / "vault.key").unlink()
    result = run_cli("inbox", "list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "same key" in result.stderr and "docs/deploy.md" in result.stderr


def test_an_unreadable_key_file_says_how_to_share_it(settings: Settings) -> None:
    """An agent's account could not read the worker's vault.key (mode 0600): the hint said to
    restore a backup, which would not help."""
    _save(settings)
    key_file = settings.data_dir / "vault.key"
    key_file.unlink()
    key_file.mkdir()  # unreadable as a file, also for root (chmod 000 is not, for root)
    result = run_cli("inbox", "list")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot read the vault key file" in result.stderr
    assert "DRAFTER_VAULT_KEY" in result.stderr and "read access" in result.stderr
    assert "backup" not in result.stderr
