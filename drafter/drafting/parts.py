"""The engine's collaborators and small helpers: the PassageSearch and Privacy interfaces
(drafter.privacy.PrivacySession is the Privacy), the shared query path, citations and
rewrite targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from drafter.config import Settings
from drafter.drafting.checks import citation_numbers
from drafter.models import Citation, DraftWarning, InboundEmail, Passage

TEMPLATE_DRAFT = DraftWarning(
    code="template_draft",
    message="template draft without a language model: passage sentences copied verbatim; "
    "read and adapt before sending",
)


class PassageSearch(Protocol):
    """What the engine needs of the knowledge base (drafter.knowledge.retrieve.Retriever)."""

    def search(self, query: str, k: int, language: str | None = None) -> list[Passage]: ...

    def is_gap(self, passages: list[Passage]) -> bool: ...


class Privacy(Protocol):
    """Reversible pseudonymization (drafter.privacy), as the engine uses it."""

    def redact_email(self, email: InboundEmail, vault: Any = None) -> tuple[InboundEmail, Any]: ...

    def restore(self, text: str, vault: Any) -> tuple[str, list[str]]: ...

    def lookup(self, vault: Any, placeholder: str) -> str | None: ...

    def placeholder(self, vault: Any, entity_type: str, value: str) -> str: ...

    def guard(self, texts: Iterable[str], vault: Any, public: Iterable[str] = ()) -> None: ...


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


def bounded_email(email: InboundEmail, max_chars: int) -> tuple[InboundEmail, DraftWarning | None]:
    """The email with its body cut to the first (newest) `max_chars` characters.

    Retrieval, privacy and the prompt then do bounded work for any email; a cut body ends
    in a visible "[truncated]" line, and the returned warning tells the agent.
    """
    if len(email.body) <= max_chars and len(email.quoted) <= max_chars:
        return email, None
    body = email.body
    if len(body) > max_chars:
        rest = len(email.body) - max_chars
        body = f"{body[:max_chars].rstrip()}\n[truncated: {rest:,} more characters]"
    update = {"body": body, "quoted": email.quoted[:max_chars]}
    warning = DraftWarning(
        code="body_truncated",
        message=f"the email is {len(email.body):,} characters long; only the first "
        f"{max_chars:,} (DRAFTER_MAX_BODY_CHARS) were used for retrieval and the draft: "
        "read the whole email before sending",
    )
    return email.model_copy(update=update), warning
