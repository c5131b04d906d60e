"""One privacy session type for the drafting engine, the desk and the CLI.

`PrivacySession(settings, vaults=...)` pseudonymizes emails, restores model output, looks up
and allocates placeholders and guards outgoing requests (drafter.privacy.guard). With a
`VaultStore` (the desk's database) each thread's vault is loaded before and saved after a
redaction, so a value keeps its placeholder across a thread, a rewrite and a restart;
`redact_email(..., save=False)` is a read that never writes a vault.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from drafter.config import Settings
from drafter.models import InboundEmail
from drafter.privacy.guard import check_request
from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.restore import restore
from drafter.privacy.shown import person_parts
from drafter.privacy.towns import towns
from drafter.privacy.vault import Vault


class VaultStore(Protocol):
    """Where each thread's vault lives (drafter.store.vaults.StoredVaults)."""

    def load(self, email: InboundEmail) -> Vault | None: ...

    def save(self, email: InboundEmail, vault: Vault) -> None: ...


class PrivacySession:
    """Pseudonymize, restore, guard; with stored per-thread vaults when given a store."""

    def __init__(self, settings: Settings, *, vaults: VaultStore | None = None) -> None:
        self.pseudonymizer = Pseudonymizer(settings)
        self.vaults = vaults

    def redact_email(
        self, email: InboundEmail, vault: Any = None, *, save: bool = True
    ) -> tuple[InboundEmail, Vault]:
        """`email` as the model may see it; the thread's vault grows (and is saved)."""
        if vault is None and self.vaults is not None:
            vault = self.vaults.load(email)
        redacted, grown = self.pseudonymizer.redact_email(email, vault)
        if save and self.vaults is not None:
            self.vaults.save(email, grown)
        return redacted, grown

    def redact(self, text: str, vault: Vault) -> str:
        """One more text of the same thread (a reference answer, a draft) with its vault."""
        return self.pseudonymizer.redact(text, vault)

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]:
        result = restore(text, vault)
        return result.text, list(result.problems)

    def lookup(self, vault: Any, placeholder: str) -> str | None:
        value = vault.value_of(placeholder)
        return str(value) if value is not None else None

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str:
        return str(vault.placeholder_for(entity_type, value))

    def person_parts(self, parts: list[str]) -> list[str]:
        """The greeting's name parts that are a person's (`drafter.privacy.shown`)."""
        town = lambda w: w.casefold() in towns()  # noqa: E731
        return person_parts(parts, self.pseudonymizer._free, town)

    def guard(self, texts: Iterable[str], vault: Any, public: Iterable[str] = ()) -> None:
        """Raise PrivacyError when an outgoing request still holds personal data."""
        check_request(texts, vault, self.pseudonymizer, public)
