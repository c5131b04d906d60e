"""Reversible pseudonymization of personal data before anything reaches a model (DSGVO).

vault = Vault()
pz = Pseudonymizer(settings)
text2 = pz.redact(text, vault, known_names=("Max Mustermann",))
email2, vault = pz.redact_email(email)
result = restore(model_output, vault)  # result.text, result.problems, result.unresolved
session = PrivacySession(settings, vaults=store)  # what the engine and the desk use
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.privacy.pseudonymize import Pseudonymizer
    from drafter.privacy.restore import RestoreResult, restore
    from drafter.privacy.session import PrivacySession, VaultStore
    from drafter.privacy.vault import Vault

__all__ = ["PrivacySession", "Pseudonymizer", "RestoreResult", "Vault", "VaultStore", "restore"]

_WHERE = {
    "Pseudonymizer": "pseudonymize",
    "RestoreResult": "restore",
    "restore": "restore",
    "PrivacySession": "session",
    "VaultStore": "session",
    "Vault": "vault",
}


def __getattr__(name: str) -> Any:
    """Lazy exports: `import drafter.privacy.patterns` must not load the recognizers."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"drafter.privacy.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.privacy' has no attribute {name!r}")
