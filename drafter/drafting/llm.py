"""The language-model client: one factory for AsyncOpenAI and a bounded, retrying stream.

Works with any OpenAI-compatible chat-completions endpoint. The SDK's own retries are off
(`max_retries=0`); `stream_chat` retries itself so that every bound is ours: connect timeout,
a stall timeout between chunks, at most `llm_max_retries` retries (only before the first token),
Retry-After honoured up to `llm_max_retry_after`, and one overall deadline
(`llm_total_timeout`). Every failure becomes an LLMError whose hint says what to do.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
import openai
from openai import AsyncOpenAI, AsyncStream
from openai.types.chat import ChatCompletionChunk

from drafter.config import Settings
from drafter.errors import ConfigError, LLMError

_RETRY_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


@dataclass
class Chunk:
    """A piece of the stream: text, or (last) the finish reason and usage."""

    text: str = ""
    finish_reason: str | None = None
    usage: dict[str, int] = field(default_factory=dict)
    model: str = ""


def make_client(settings: Settings) -> AsyncOpenAI:
    """Build the AsyncOpenAI client from settings (base URL, key, timeouts; no SDK retries)."""
    if not settings.llm_configured:
        raise ConfigError(
            "no language model configured",
            hint="set DRAFTER_LLM_MODEL and DRAFTER_LLM_BASE_URL (or DRAFTER_LLM_API_KEY), "
            "or use --no-llm for a template draft",
        )
    timeout = httpx.Timeout(
        connect=settings.llm_connect_timeout,
        read=settings.llm_stall_timeout,
        write=settings.llm_stall_timeout,
        pool=settings.llm_connect_timeout,
    )
    return AsyncOpenAI(
        base_url=settings.llm_base_url or None,
        api_key=settings.llm_api_key.get_secret_value() or "not-needed",
        timeout=timeout,
        max_retries=0,
    )


def _endpoint(client: AsyncOpenAI) -> str:
    return str(client.base_url).rstrip("/")


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = exc.response.headers
    value = headers.get("retry-after-ms")
    if value:
        try:
            return float(value) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, when.timestamp() - time.time())


# (exception kinds, message, hint), first match wins; fields: url, model, message, status, after
_ERRORS: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str, str], ...] = (
    (
        openai.AuthenticationError,
        "the model endpoint {url} rejected the API key (401)",
        "check DRAFTER_LLM_API_KEY",
    ),
    (
        openai.PermissionDeniedError,
        "the API key may not use model {model!r} at {url} (403)",
        "check DRAFTER_LLM_API_KEY and DRAFTER_LLM_MODEL",
    ),
    (
        openai.NotFoundError,
        "model {model!r} or the chat endpoint was not found at {url} (404)",
        "check DRAFTER_LLM_MODEL (and that DRAFTER_LLM_BASE_URL ends in /v1)",
    ),
    (
        openai.RateLimitError,
        "the model endpoint {url} is rate limiting requests (429){after}",
        "try again later, or raise DRAFTER_LLM_MAX_RETRY_AFTER",
    ),
    (
        openai.BadRequestError,
        "the model endpoint {url} refused the request (400): {message}",
        "check DRAFTER_LLM_MODEL and DRAFTER_LLM_MAX_TOKENS for this server",
    ),
    (
        openai.APIStatusError,
        "the model endpoint {url} failed with HTTP {status}",
        "the server is having problems; try again later or check its logs",
    ),
    (
        (openai.APITimeoutError, httpx.TimeoutException, TimeoutError),
        "the model endpoint {url} did not answer in time",
        "is the server at {url} overloaded? raise DRAFTER_LLM_STALL_TIMEOUT if it is slow",
    ),
    (
        (openai.APIConnectionError, httpx.TransportError, OSError),
        "cannot connect to the model endpoint {url}",
        "is the server running at {url}? check DRAFTER_LLM_BASE_URL",
    ),
    (
        openai.APIError,
        "the model endpoint {url} sent an error: {message}",
        "try again; if it persists check the server's logs",
    ),
)


def map_error(exc: BaseException, client: AsyncOpenAI, model: str) -> LLMError:
    """Turn an SDK/transport exception into an LLMError with an actionable hint."""
    if isinstance(exc, LLMError):
        return exc
    for kinds, message, hint in _ERRORS:
        if isinstance(exc, kinds):
            wait = _retry_after(exc) if isinstance(exc, openai.RateLimitError) else None
            fields = {
                "url": _endpoint(client),
                "model": model,
                "message": getattr(exc, "message", ""),
                "status": getattr(exc, "status_code", ""),
                "after": f"; the server asks to wait {wait:.0f} s" if wait is not None else "",
            }
            return LLMError(message.format(**fields), hint=hint.format(**fields))
    return LLMError(f"the model call failed: {exc}", hint="try again or use --no-llm")


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _RETRY_STATUS
    return isinstance(
        exc,
        openai.APIConnectionError | httpx.TransportError | TimeoutError | _Stalled,
    )


class _Stalled(Exception):
    pass


async def stream_chat(
    client: AsyncOpenAI,
    settings: Settings,
    *,
    messages: list[dict[str, str]],
    model: str,
    temperature: float,
    max_tokens: int,
) -> AsyncIterator[Chunk]:
    """Stream a chat completion: text chunks, then one final Chunk with the finish reason.

    Raises LLMError. Retries happen only before the first text arrived, so a caller never
    sees duplicated text; a stream that breaks later is an error, never a shortened result.
    """
    deadline = time.monotonic() + settings.llm_total_timeout
    attempt = 0
    use_stream_options = True
    while True:
        started = False
        try:
            async for chunk in _one_attempt(
                client,
                settings,
                deadline,
                messages=messages,
                model=model,
                temperature=temperature,
                max_tokens=max_tokens,
                stream_options=use_stream_options,
            ):
                if chunk.text:
                    started = True
                yield chunk
            return
        except openai.BadRequestError as exc:
            if use_stream_options and "stream_options" in str(exc.message):
                use_stream_options = False
                continue
            raise map_error(exc, client, model) from exc
        except (Exception, asyncio.CancelledError) as exc:
            if isinstance(exc, asyncio.CancelledError | LLMError):
                raise  # an LLMError raised while reading the stream is already final
            if isinstance(exc, _Stalled):
                error = LLMError(
                    f"the model stream from {_endpoint(client)} stalled: no data for "
                    f"{settings.llm_stall_timeout:g} s",
                    hint="the server may be overloaded; try again, or raise "
                    "DRAFTER_LLM_STALL_TIMEOUT",
                )
            else:
                error = map_error(exc, client, model)
            if started or attempt >= settings.llm_max_retries or not _retryable(exc):
                raise error from exc
            wait = min(8.0, 0.5 * 2**attempt)
            if isinstance(exc, openai.APIStatusError):
                asked = _retry_after(exc)
                if asked is not None:
                    if asked > settings.llm_max_retry_after:
                        raise error from exc
                    wait = asked
            if time.monotonic() + wait >= deadline:
                raise _deadline_error(client, settings) from exc
            attempt += 1
            await asyncio.sleep(wait)


def _deadline_error(client: AsyncOpenAI, settings: Settings) -> LLMError:
    return LLMError(
        f"no complete answer from the model endpoint {_endpoint(client)} within "
        f"{settings.llm_total_timeout:g} s",
        hint=f"is the server running at {_endpoint(client)}? raise DRAFTER_LLM_TOTAL_TIMEOUT "
        "for slow local models",
    )


async def _one_attempt(
    client: AsyncOpenAI,
    settings: Settings,
    deadline: float,
    *,
    messages: list[dict[str, str]],
    model: str,
    temperature: float,
    max_tokens: int,
    stream_options: bool,
) -> AsyncIterator[Chunk]:
    extra: dict[str, Any] = {"stream_options": {"include_usage": True}} if stream_options else {}

    def budget() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _deadline_error(client, settings)
        return left

    try:
        create = client.chat.completions.create(
            model=model,
            messages=messages,  # type: ignore[arg-type]
            temperature=temperature,
            max_tokens=max_tokens,
            stream=True,
            **extra,
        )
        limit = min(budget(), settings.llm_connect_timeout + settings.llm_stall_timeout)
        stream = cast(
            AsyncStream[ChatCompletionChunk], await asyncio.wait_for(create, timeout=limit)
        )
    except TimeoutError as exc:
        raise (
            _Stalled() if deadline > time.monotonic() else _deadline_error(client, settings)
        ) from exc
    finish: str | None = None
    usage: dict[str, int] = {}
    served_model = ""
    iterator = stream.__aiter__()
    try:
        while True:
            wait = min(settings.llm_stall_timeout, budget())
            try:
                event = await asyncio.wait_for(iterator.__anext__(), timeout=wait)
            except StopAsyncIteration:
                break
            except TimeoutError as exc:
                if wait < settings.llm_stall_timeout:
                    raise _deadline_error(client, settings) from exc
                raise _Stalled() from exc
            served_model = event.model or served_model
            if event.usage is not None:
                usage = {
                    "prompt_tokens": event.usage.prompt_tokens or 0,
                    "completion_tokens": event.usage.completion_tokens or 0,
                }
            for choice in event.choices or []:
                text = choice.delta.content if choice.delta is not None else None
                if text is not None and not isinstance(text, str):
                    raise LLMError(
                        f"the model server at {_endpoint(client)} sent a stream chunk whose "
                        f"content is {type(text).__name__}, not text",
                        hint="the endpoint is not OpenAI-compatible for streaming chat; "
                        "check DRAFTER_LLM_BASE_URL and DRAFTER_LLM_MODEL",
                    )
                if text:
                    yield Chunk(text=text)
                if choice.finish_reason:
                    finish = choice.finish_reason
    finally:
        await stream.close()
    if finish is None:
        raise LLMError(
            f"the model stream from {_endpoint(client)} ended before the reply was complete",
            hint="the connection dropped or the server crashed; try again",
        )
    yield Chunk(finish_reason=finish, usage=usage, model=served_model)
