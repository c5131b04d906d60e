"""The language-model client: one factory for AsyncOpenAI and a bounded stream.

Works with any OpenAI-compatible chat-completions endpoint. The SDK does the retrying
(`max_retries=llm_max_retries`: connection errors, timeouts, 408/409/429/5xx, exponential
backoff, Retry-After honoured) and the per-request timeouts (`httpx.Timeout`: connect
`llm_connect_timeout`, read `llm_stall_timeout`). This module adds only what the SDK cannot
do: one deadline for the whole draft (`llm_total_timeout`, over all retries and the stream),
giving up at once when the server asks to wait longer than `llm_max_retry_after` or than the
deadline leaves, a stall bound per streamed event, one retry path for a stream that stalls
before its first text, and the mapping of every failure to an LLMError whose hint says what
to do.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, cast

import httpx
import openai
from openai import AsyncOpenAI, AsyncStream
from openai.types.chat import ChatCompletionChunk

from drafter.config import Settings
from drafter.errors import ConfigError, LLMError

# The deadline (time.monotonic()) of the request being sent, for the response hook.
_DEADLINE: contextvars.ContextVar[float] = contextvars.ContextVar("llm_deadline", default=math.inf)


@dataclass
class Chunk:
    """A piece of the stream: text, or (last) the finish reason and usage."""

    text: str = ""
    finish_reason: str | None = None
    usage: dict[str, int] = field(default_factory=dict)
    model: str = ""


def make_client(settings: Settings) -> AsyncOpenAI:
    """Build the AsyncOpenAI client from settings: base URL, key, SDK timeouts and retries."""
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

    async def refuse_long_waits(response: httpx.Response) -> None:
        # The SDK sleeps for any Retry-After up to 120 s; a draft that cannot wait that long
        # fails at once with the server's answer instead (`x-should-retry` is the SDK's switch).
        wait = retry_after(response.headers)
        left = _DEADLINE.get() - time.monotonic()
        if wait is not None and wait > min(settings.llm_max_retry_after, left):
            response.headers["x-should-retry"] = "false"

    return AsyncOpenAI(
        base_url=settings.llm_base_url or None,
        api_key=settings.llm_api_key.get_secret_value() or "not-needed",
        timeout=timeout,
        max_retries=settings.llm_max_retries,
        http_client=openai.DefaultAsyncHttpxClient(event_hooks={"response": [refuse_long_waits]}),
    )


def _endpoint(client: AsyncOpenAI) -> str:
    return str(client.base_url).rstrip("/")


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asks to wait (`retry-after-ms`, `retry-after` seconds or date)."""
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                return float(value) * scale
            except ValueError:
                pass
    try:
        when = parsedate_to_datetime(headers.get("retry-after", ""))
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
        "try again later, or raise DRAFTER_LLM_MAX_RETRY_AFTER (and DRAFTER_LLM_TOTAL_TIMEOUT)",
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
            wait = None
            if isinstance(exc, openai.RateLimitError):
                wait = retry_after(exc.response.headers)
            fields = {
                "url": _endpoint(client),
                "model": model,
                "message": getattr(exc, "message", ""),
                "status": getattr(exc, "status_code", ""),
                "after": f"; the server asks to wait {wait:.0f} s" if wait is not None else "",
            }
            return LLMError(message.format(**fields), hint=hint.format(**fields))
    return LLMError(f"the model call failed: {exc}", hint="try again or use --no-llm")


class _Stalled(Exception):
    """No event for `llm_stall_timeout` seconds after the response headers arrived."""


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

    Raises LLMError. The SDK retries the request until the response headers arrive; this
    adds what it cannot do: one deadline over everything, and a retry when the stream stalls
    before its first text (never after, so a caller never sees duplicated text; a stream that
    breaks later is an error, never a shortened result).
    """
    deadline = time.monotonic() + settings.llm_total_timeout
    stalls = 0
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
                started = started or bool(chunk.text)
                yield chunk
            return
        except openai.BadRequestError as exc:
            if use_stream_options and "stream_options" in str(exc.message):
                use_stream_options = False  # an older server: ask again without usage
                continue
            raise map_error(exc, client, model) from exc
        except _Stalled as exc:
            if not started and stalls < settings.llm_max_retries:
                stalls += 1
                continue
            raise LLMError(
                f"the model stream from {_endpoint(client)} stalled: no data for "
                f"{settings.llm_stall_timeout:g} s",
                hint="the server may be overloaded; try again, or raise DRAFTER_LLM_STALL_TIMEOUT",
            ) from exc
        except LLMError:
            raise  # already final (the deadline, a malformed chunk, a cut-off stream)
        except Exception as exc:
            raise map_error(exc, client, model) from exc


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

    limit = budget()  # before the coroutine exists, so a spent deadline leaves none unawaited
    create = client.chat.completions.create(
        model=model,
        messages=messages,  # type: ignore[arg-type]
        temperature=temperature,
        max_tokens=max_tokens,
        stream=True,
        **extra,
    )
    token = _DEADLINE.set(deadline)  # wait_for's task copies this context for the hook
    try:
        response = await asyncio.wait_for(create, timeout=limit)
    except TimeoutError as exc:  # the SDK's own timeouts raise APITimeoutError, not this
        raise _deadline_error(client, settings) from exc
    finally:
        _DEADLINE.reset(token)
    stream = cast(AsyncStream[ChatCompletionChunk], response)
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
            except (TimeoutError, httpx.TimeoutException) as exc:
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
