"""What the model saw: capturing every request the engine makes while drafting one case.

The LLM client gets an httpx request hook and the retriever a thin recording wrapper; both
append to the list of the case being drafted (a context variable set per case task, so
concurrent cases never mix). `personal_values` lists what the privacy recognizers find in a
case's email; `leaks` counts those values in the captured requests (the privacy target: 0).
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from drafter.config import Settings
from drafter.evaluation.metrics import leaked_values
from drafter.models import InboundEmail, Passage

_CAPTURED: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "drafter_eval_captured", default=None
)


@contextmanager
def capturing() -> Iterator[list[str]]:
    """Collect the texts of every model request made inside the block (this task only)."""
    texts: list[str] = []
    token = _CAPTURED.set(texts)
    try:
        yield texts
    finally:
        _CAPTURED.reset(token)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


async def _record_request(request: httpx.Request) -> None:
    texts = _CAPTURED.get()
    if texts is None:
        return
    body = request.content.decode("utf-8", errors="replace") if request.content else ""
    try:
        texts.extend(_strings(json.loads(body)))
    except ValueError:
        texts.append(body)


def capturing_client(client: Any) -> Any:
    """A copy of an AsyncOpenAI client whose requests are recorded (see `capturing`)."""
    http_client = httpx.AsyncClient(
        event_hooks={"request": [_record_request]},
        timeout=client.timeout,
        follow_redirects=True,
    )
    return client.copy(http_client=http_client)


class RecordingRetriever:
    """Wraps a retriever; every query text is recorded (it goes to the embedding model)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def search(self, query: str, k: int = 5, language: str | None = None) -> list[Passage]:
        texts = _CAPTURED.get()
        if texts is not None:
            texts.append(query)
        result: list[Passage] = self.inner.search(query, k, language)
        return result

    def is_gap(self, passages: list[Passage]) -> bool:
        return bool(self.inner.is_gap(passages))

    def article(self, kb_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.inner.article(kb_id)
        return result


def personal_values(settings: Settings, email: InboundEmail) -> list[tuple[str, str]]:
    """(type, value) of every personal value the privacy recognizers find in the email."""
    from drafter.privacy.session import PrivacySession

    _redacted, vault = PrivacySession(settings).redact_email(email)
    return [(entity.type, entity.value) for entity in vault.entities]


def leaks(
    values: Iterable[tuple[str, str]], requests: Iterable[str], public: Iterable[str]
) -> list[str]:
    """Types of the personal values found in the requests.

    A value that also occurs in `public` text (the retrieved knowledge-base passages, the
    company's own name and address) came from there, not from the customer, and is skipped.
    """
    public_texts = list(public)
    own = [
        (kind, value) for kind, value in values if not leaked_values([(kind, value)], public_texts)
    ]
    return leaked_values(own, list(requests))
