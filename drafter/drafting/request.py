"""What a draft or rewrite request asks for, read before any work: the email bounded to
`DRAFTER_MAX_BODY_CHARS` (with the agent's warning when cut) and the language and register
an agent's rewrite instruction asks for.

Split out of engine.py, which re-exports both names.
"""

from __future__ import annotations

import re

from drafter.models import DraftWarning, InboundEmail


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


def rewrite_target(instruction: str, language: str, formality: str) -> tuple[str, str]:
    """The language and register an agent's rewrite instruction asks for (else the given)."""
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
