"""The engine's collaborators and small helpers: the Retriever and Privacy interfaces, the
adapter over drafter.privacy, the shared query path, citations and rewrite targets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from drafter.config import Settings
from drafter.drafting.checks import citation_numbers
from drafter.models import Citation, DraftWarning, InboundEmail, Passage

TEMPLATE_DRAFT = DraftWarning(
    code="template_draft",
    message="template draft without a language model: passage sentences copied verbatim; "
    "read and adapt before sending",
)


class Retriever(Protocol):
    def search(self, query: str, k: int, language: str | None = None) -> list[Passage]: ...

    def is_gap(self, passages: list[Passage]) -> bool: ...


class Privacy(Protocol):
    """Reversible pseudonymization (drafter.privacy), as the engine uses it."""

    def redact_email(self, email: InboundEmail, vault: Any = None) -> tuple[InboundEmail, Any]: ...

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]: ...

    def lookup(self, vault: Any, placeholder: str) -> str | None: ...

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str: ...


class PrivacyAdapter:
    """Adapts drafter.privacy (Pseudonymizer, restore) to the Privacy protocol."""

    def __init__(self, settings: Settings) -> None:
        from drafter.privacy.pseudonymize import Pseudonymizer

        self._pseudonymizer = Pseudonymizer(settings)

    def redact_email(self, email: InboundEmail, vault: Any = None) -> tuple[InboundEmail, Any]:
        redacted, new_vault = self._pseudonymizer.redact_email(email, vault=vault)
        return redacted, new_vault

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]:
        from drafter.privacy.restore import restore

        result = restore(text, vault)
        return result.text, list(result.problems)

    def lookup(self, vault: Any, placeholder: str) -> str | None:
        value = vault.value_of(placeholder)
        return str(value) if value is not None else None

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str:
        return str(vault.placeholder_for(entity_type, value))


def build_query(subject: str, body: str) -> str:
    """The shared retrieval query (drafter.knowledge.build_query)."""
    from drafter.knowledge.retrieve import build_query as shared

    return shared(subject, body)


def formality_for(settings: Settings, language: str) -> str:
    return settings.formality if language == "de" else "you"


def rewrite_target(instruction: str, language: str, formality: str) -> tuple[str, str]:
    text = instruction.lower()
    if re.search(r"\b(english|englisch|auf englisch|into english)\b", text):
        language = "en"
    elif re.search(r"\b(german|deutsch|auf deutsch)\b", text):
        language = "de"
    if language != "de":
        return language, formality if formality.startswith("you") else "you"
    if re.search(r"\b(duzen|du-form|per du|auf du|\bdu\b)", text):
        formality = "du"
    elif re.search(r"\b(siezen|sie-form|per sie|auf sie|formell|förmlich|formal)", text):
        formality = "sie"
    return language, formality


def cited(body: str, passages: Sequence[Passage]) -> list[Citation]:
    numbers: list[int] = []
    for n in citation_numbers(body):
        if 1 <= n <= len(passages) and n not in numbers:
            numbers.append(n)
    return [
        Citation(
            n=n, kb_id=passages[n - 1].kb_id, title=passages[n - 1].title, url=passages[n - 1].url
        )
        for n in sorted(numbers)
    ]
