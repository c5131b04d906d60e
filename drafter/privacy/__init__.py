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

# light modules (pydantic, re): imported now, which also keeps `restore` the function and not
# the submodule of the same name
from drafter.privacy.restore import RestoreResult, restore
from drafter.privacy.vault import Vault

if TYPE_CHECKING:
    from drafter.privacy.pseudonymize import Pseudonymizer
    from drafter.privacy.session import PrivacySession, VaultStore

__all__ = ["PrivacySession", "Pseudonymizer", "RestoreResult", "Vault", "VaultStore", "restore"]

_WHERE = {"Pseudonymizer": "pseudonymize", "PrivacySession": "session", "VaultStore": "session"}


def __getattr__(name: str) -> Any:
    """Lazy exports: `import drafter.privacy.patterns` must not load the recognizers."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"drafter.privacy.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'drafter.privacy' has no attribute {name!r}")
