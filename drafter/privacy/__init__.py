"""Reversible pseudonymization of personal data before anything reaches a model (DSGVO).

vault = Vault()
pz = Pseudonymizer(settings)
text2 = pz.redact(text, vault, known_names=("Max Mustermann",))
email2, vault = pz.redact_email(email)
result = restore(model_output, vault)  # result.text, result.problems, result.unresolved
session = PrivacySession(settings, vaults=store)  # what the engine and the desk use
"""

from __future__ import annotations

from drafter.privacy.pseudonymize import Pseudonymizer
from drafter.privacy.restore import RestoreResult, restore
from drafter.privacy.session import PrivacySession, VaultStore
from drafter.privacy.vault import Vault

__all__ = ["PrivacySession", "Pseudonymizer", "RestoreResult", "Vault", "VaultStore", "restore"]
