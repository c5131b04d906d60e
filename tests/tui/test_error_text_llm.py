"""The language model's errors in the German desk (drafter.tui.error_text_llm): every error
`drafter.drafting.llm.map_error` makes of a real SDK or transport exception reads German,
its URL and model kept, and its hint too (before: the general text plus "Details: <English>")."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import openai
import pytest
from openai import AsyncOpenAI

from drafter.drafting.llm import map_error
from drafter.tui import error_text, i18n

URL = "http://127.0.0.1:9/v1"
REQUEST = httpx.Request("POST", f"{URL}/chat/completions")


def _status(kind: type[openai.APIStatusError], code: int) -> openai.APIStatusError:
    response = httpx.Response(code, request=REQUEST, json={"error": {"message": "nope"}})
    return kind("nope", response=response, body=None)


CASES = [
    (_status(openai.AuthenticationError, 401), "hat den API-Schlüssel abgelehnt (401)"),
    (_status(openai.PermissionDeniedError, 403), "darf das Modell 'gone' bei"),
    (_status(openai.NotFoundError, 404), "Das Modell 'gone' oder der Chat-Endpunkt"),
    (_status(openai.RateLimitError, 429), "nimmt gerade nicht so viele Anfragen an (429)"),
    (_status(openai.BadRequestError, 400), "hat die Anfrage abgelehnt (400): nope"),
    (_status(openai.InternalServerError, 500), "meldet einen Fehler (HTTP 500)"),
    (openai.APITimeoutError(request=REQUEST), "hat nicht rechtzeitig geantwortet"),
    (openai.APIConnectionError(request=REQUEST), "Keine Verbindung zum Modell-Endpunkt"),
]


@pytest.fixture
def german() -> Iterator[None]:
    i18n.set_language("de")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("exc", "said"), CASES, ids=[type(c[0]).__name__ for c in CASES])
def test_every_model_error_reads_german(german: None, exc: Exception, said: str) -> None:
    error = map_error(exc, AsyncOpenAI(base_url=URL, api_key="x", max_retries=0), "gone")
    message, hint = error_text.message(error), error_text.hint(error)
    assert said in message and URL in message, message
    assert "Details" not in message and "Details" not in hint, (message, hint)
