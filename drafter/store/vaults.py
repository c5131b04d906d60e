"""Per-thread privacy vaults kept in the store.

`StoredVaults(db)` is the `drafter.privacy.VaultStore` of the desk: the privacy session loads
a thread's vault before redacting (so the same customer value keeps the same placeholder
across a thread, a rewrite and a restart) and saves it after.
"""

from __future__ import annotations

from typing import Any

from drafter.models import InboundEmail
from drafter.store import emails, threads
from drafter.store.db import Database


def load(db: Database, email: InboundEmail) -> Any:
    """The stored vault of the email's thread (a drafter.privacy.Vault) or None."""
    from drafter.privacy import Vault

    with db.read() as conn:
        thread = threads.stored_thread(conn, email, emails.thread_key(email))
        stored = emails.load_vault(conn, thread)
    return Vault.model_validate_json(stored) if stored else None


def save(db: Database, email: InboundEmail, vault: Any) -> None:
    with db.write() as conn:
        thread = threads.stored_thread(conn, email, emails.thread_key(email))
        emails.save_vault(conn, thread, vault.model_dump_json())


class StoredVaults:
    """Each thread's vault in the database (load before, save after a redaction)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self, email: InboundEmail) -> Any:
        return load(self.db, email)

    def save(self, email: InboundEmail, vault: Any) -> None:
        save(self.db, email, vault)
