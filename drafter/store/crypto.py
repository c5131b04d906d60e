"""Vault encryption at rest: the vault key, encrypting `vaults.vault_json`, migration, rotation.

Every stored vault is a Fernet token (AES-128-CBC + HMAC-SHA256, from the `cryptography`
package) prefixed with `fernet:`. The key comes from `DRAFTER_VAULT_KEY` (one key, or
several comma-separated keys, newest first) or from the key file `<data_dir>/vault.key`
(one key per line, newest first, mode 0600), which is created on first run when the
database holds no encrypted vault yet. A missing or wrong key is one `VaultKeyError`
(exit 2), never a silently plain vault.

`prepare(db, settings)` (called by `open_database`) resolves the key, checks it against a
stored vault, encrypts any plain vault left by an older drafter, and attaches the key to
the engine; `drafter.store.emails.load_vault`/`save_vault` call `seal`/`unseal` with the
connection, so every layer above them sees plain JSON and the database only ciphertext.

Rotation (`rotate`) is crash-safe: the key file first lists the new key before the old one
(both decrypt), then every vault is re-encrypted in one transaction, then the old key is
dropped from the file. A crash at any point leaves a key file that opens every vault; a
second `rotate` finishes an interrupted one.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import Connection, func, select, update

from drafter.config import Settings
from drafter.errors import ConfigError, DrafterError
from drafter.store.health import backup_dir
from drafter.store.schema import vaults

PREFIX = "fernet:"
KEY_FILE = "vault.key"
_OPTION = "drafter_vault_keyring"


class VaultKeyError(DrafterError):
    """The vault key is missing, malformed or does not open the stored vaults."""


class Keyring:
    """The vault keys, newest first: encrypts with the first, decrypts with any."""

    def __init__(self, keys: list[bytes], origin: str) -> None:
        if not keys:
            raise VaultKeyError(f"no vault key in {origin}", hint=_KEY_HINT)
        self.keys = keys
        self.origin = origin
        try:
            self._fernet = MultiFernet([Fernet(k) for k in keys])
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                f"the vault key in {origin} is not a valid key (32 url-safe base64 bytes)",
                hint="generate one with `drafter privacy keygen`",
            ) from exc

    def seal(self, plain: str) -> str:
        return PREFIX + self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def unseal(self, stored: str, thread: str = "") -> str:
        if not stored.startswith(PREFIX):
            return stored  # a plain vault of an older drafter, not yet migrated
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            where = f" (thread {thread})" if thread else ""
            raise VaultKeyError(
                f"the vault key from {self.origin} does not open the stored vaults{where}",
                hint=_KEY_HINT,
            ) from exc

    def rotate_token(self, stored: str) -> str:
        """The same vault encrypted with the newest key (plain vaults get encrypted)."""
        if not stored.startswith(PREFIX):
            return self.seal(stored)
        token = self._fernet.rotate(stored[len(PREFIX) :].encode("ascii"))
        return PREFIX + token.decode("ascii")


_KEY_HINT = (
    "set DRAFTER_VAULT_KEY to the key the vaults were written with, or restore "
    "<data dir>/vault.key from your backup (see docs/privacy.md); in a team every worker and "
    "desk needs the same key (docs/deploy.md)"
)
_UNREADABLE_HINT = (
    "give this user read access to the key file (e.g. a group for the agents, mode 0640), or "
    "put the key into DRAFTER_VAULT_KEY in the shared settings (docs/deploy.md)"
)


def key_file(settings: Settings) -> Path:
    return settings.data_dir / KEY_FILE


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def write_secret(path: Path, text: str) -> None:
    """Write a small secret file atomically (temp file, fsync, rename), mode 0600."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _parse(text: str) -> list[bytes]:
    return [k.strip().encode("ascii") for k in text.replace(",", "\n").split() if k.strip()]


def _from_env(settings: Settings) -> Keyring | None:
    value = settings.vault_key.get_secret_value().strip()
    return Keyring(_parse(value), "DRAFTER_VAULT_KEY") if value else None


def _from_file(settings: Settings) -> Keyring | None:
    path = key_file(settings)
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise VaultKeyError(
            f"cannot read the vault key file {path}: {exc}", hint=_UNREADABLE_HINT
        ) from exc
    return Keyring(_parse(text), str(path))


def _any_sealed(conn: Connection) -> str | None:
    query = select(vaults.c.vault_json).where(vaults.c.vault_json.like(f"{PREFIX}%")).limit(1)
    value = conn.execute(query).scalar()
    return None if value is None else str(value)


def load_keyring(settings: Settings, conn: Connection | None = None) -> Keyring:
    """The configured keyring; creates the key file when nothing is encrypted yet."""
    found = _from_env(settings) or _from_file(settings)
    if found is not None:
        return found
    if conn is not None and _any_sealed(conn) is not None:
        raise VaultKeyError(
            f"the database holds encrypted vaults but there is no vault key "
            f"(DRAFTER_VAULT_KEY is empty and {key_file(settings)} does not exist)",
            hint=_KEY_HINT,
        )
    write_secret(key_file(settings), new_key() + "\n")
    keyring = _from_file(settings)
    assert keyring is not None
    return keyring


def prepare(db: Any, settings: Settings) -> Keyring:
    """Resolve and check the key, encrypt plain vaults, attach the keyring to `db.engine`."""
    with db.read() as conn:
        keyring = load_keyring(settings, conn)
        sample = _any_sealed(conn)
        plain = conn.execute(
            select(func.count()).where(~vaults.c.vault_json.like(f"{PREFIX}%"))
        ).scalar()
    if sample is not None:
        keyring.unseal(sample)  # a wrong key fails here, once, before anything else runs
    if plain:
        migrate_plain(db, keyring)
    db.engine.update_execution_options(**{_OPTION: keyring})
    return keyring


def migrate_plain(db: Any, keyring: Keyring) -> int:
    """Encrypt every plain vault in one transaction; returns how many."""
    with db.write() as conn:
        rows = conn.execute(
            select(vaults.c.thread_key, vaults.c.vault_json).where(
                ~vaults.c.vault_json.like(f"{PREFIX}%")
            )
        ).all()
        for thread, plain in rows:
            conn.execute(
                update(vaults)
                .where(vaults.c.thread_key == thread)
                .values(vault_json=keyring.seal(str(plain)))
            )
    return len(rows)


def keyring_of(conn: Connection) -> Keyring:
    keyring = conn.get_execution_options().get(_OPTION)
    if not isinstance(keyring, Keyring):
        raise VaultKeyError(
            "the vault key was not loaded for this database connection",
            hint="open the database with drafter.store.db.open_database(settings)",
        )
    return keyring


def seal(conn: Connection, plain: str) -> str:
    return keyring_of(conn).seal(plain)


def unseal(conn: Connection, stored: str, thread: str = "") -> str:
    if not stored.startswith(PREFIX):
        return stored
    return keyring_of(conn).unseal(stored, thread)


def _rotate_backup(path: Path, keyring: Keyring) -> str | None:
    """Re-encrypt the vaults of one SQLite backup (None, or what went wrong)."""
    try:
        with closing(sqlite3.connect(str(path), timeout=30)) as conn, conn:
            rows = conn.execute("SELECT thread_key, vault_json FROM vaults").fetchall()
            for thread, stored in rows:
                conn.execute(
                    "UPDATE vaults SET vault_json = ? WHERE thread_key = ?",
                    (keyring.rotate_token(str(stored)), thread),
                )
    except InvalidToken:
        return "its vaults were written with a key that is no longer in the key ring"
    except sqlite3.Error as exc:
        return str(exc)
    return None


def rotate(
    db: Any, settings: Settings, on_backup: Callable[[Path, str | None], None] | None = None
) -> int:
    """Re-encrypt every vault with a new key (key file) or the first DRAFTER_VAULT_KEY key.

    Returns the number of vaults re-encrypted. With a key file: [new, old...] is written
    first, then the vaults, then [new]; with DRAFTER_VAULT_KEY the user puts the new key
    first ("NEW,OLD"), runs this, then drops OLD. The SQLite backups in the backups folder
    are re-encrypted too while both keys are at hand (a backup only the old key opens could
    neither be restored nor erased by `privacy forget`); `on_backup(path, problem)` hears of
    each."""
    env = _from_env(settings)
    if env is not None and len(env.keys) < 2:
        raise VaultKeyError(
            "DRAFTER_VAULT_KEY holds one key: there is nothing to rotate to",
            hint="make a key with `drafter privacy keygen`, set DRAFTER_VAULT_KEY=NEW,OLD, "
            "run `drafter privacy rotate-key`, then set DRAFTER_VAULT_KEY=NEW",
        )
    if env is not None:
        keyring = env
    else:
        with db.read() as conn:
            current = load_keyring(settings, conn)
        if len(current.keys) == 1:  # not an interrupted rotation: start one
            current = Keyring([new_key().encode("ascii"), *current.keys], current.origin)
            write_secret(key_file(settings), "\n".join(k.decode() for k in current.keys) + "\n")
        keyring = current
    with db.write() as conn:
        rows = conn.execute(select(vaults.c.thread_key, vaults.c.vault_json)).all()
        for thread, stored in rows:
            try:
                token = keyring.rotate_token(str(stored))
            except InvalidToken as exc:
                raise VaultKeyError(
                    f"the vault key from {keyring.origin} does not open thread {thread}",
                    hint=_KEY_HINT,
                ) from exc
            conn.execute(
                update(vaults).where(vaults.c.thread_key == thread).values(vault_json=token)
            )
    path = getattr(db, "path", None)
    folder = backup_dir(path) if path is not None else None
    for backup in sorted(folder.glob("*.db")) if folder is not None and folder.is_dir() else []:
        problem = _rotate_backup(backup, keyring)
        if on_backup is not None:
            on_backup(backup, problem)
    if env is None:
        write_secret(key_file(settings), keyring.keys[0].decode("ascii") + "\n")
        keyring = Keyring(keyring.keys[:1], keyring.origin)
    db.engine.update_execution_options(**{_OPTION: keyring})
    return len(rows)
