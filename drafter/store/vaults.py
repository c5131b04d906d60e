"""Per-thread privacy vaults kept in the store, wrapped around the engine's pseudonymizer.

`StoredVaultPrivacy` has the drafting engine's Privacy interface: `redact_email` starts from
the vault stored for the email's thread (so the same customer value keeps the same
placeholder across a thread and across restarts) and saves the grown vault.
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


class StoredVaultPrivacy:
    """The engine's privacy adapter, with each thread's vault loaded from and saved to the db."""

    def __init__(self, db: Database, inner: Any) -> None:
        self.db = db
        self.inner = inner

    def redact_email(self, email: InboundEmail, vault: Any = None) -> tuple[InboundEmail, Any]:
        if vault is None:
            vault = load(self.db, email)
        redacted, vault = self.inner.redact_email(email, vault)
        save(self.db, email, vault)
        return redacted, vault

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]:
        restored: tuple[str, list[str]] = self.inner.restore(text, vault)
        return restored

    def lookup(self, vault: Any, placeholder: str) -> str | None:
        found: str | None = self.inner.lookup(vault, placeholder)
        return found

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str:
        return str(self.inner.placeholder(vault, entity_type, value))

    def __getattr__(self, name: str) -> Any:  # anything else the engine's adapter offers
        return getattr(self.inner, name)
