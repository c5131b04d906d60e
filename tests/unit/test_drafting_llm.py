"""The LLM client against a real AsyncOpenAI with respx: streaming and the fault matrix."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import respx

from drafter.config import Settings
from drafter.drafting.llm import Chunk, make_client, stream_chat
from drafter.errors import ConfigError, LLMError
from tests.integration.openai_server import sse_body, sse_events

BASE = "http://127.0.0.1:9/v1"
URL = BASE + "/chat/completions"


@pytest.fixture
def llm_settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "d",
        llm_base_url=BASE,
        llm_model="test-model",
        llm_api_key="sk-test",
        llm_connect_timeout=0.5,
        llm_stall_timeout=0.3,
        # Far above the retries' own backoff (~1.5 s), so a loaded machine cannot turn a
        # retry test into a deadline test; the deadline has its own tests below.
        llm_total_timeout=30.0,
        llm_max_retries=2,
        llm_max_retry_after=1.0,
    )


async def collect(settings: Settings) -> tuple[str, Chunk]:
    client = make_client(settings)
    text: list[str] = []
    last = Chunk()
    async for chunk in stream_chat(
        client,
        settings,
        messages=[{"role": "user", "content": "hi"}],
        model=settings.llm_model,
        temperature=0.0,
        max_tokens=50,
    ):
        text.append(chunk.text)
        last = chunk
    return "".join(text), last


def sse(pieces: list[str], finish: str | None = "stop", done: bool = True) -> httpx.Response:
    return httpx.Response(
        200,
        headers={"content-type": "text/event-stream"},
        content=sse_body(pieces, finish, done=done),
    )


def test_factory_refuses_without_model(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        make_client(Settings(data_dir=tmp_path))
    assert "DRAFTER_LLM_MODEL" in info.value.hint


def test_factory_bounds_the_client(llm_settings: Settings) -> None:
    client = make_client(llm_settings)
    assert client.max_retries == 2  # the SDK retries (llm_max_retries)
    assert isinstance(client.timeout, httpx.Timeout)
    assert client.timeout.connect == 0.5
    assert client.timeout.read == 0.3


@respx.mock
async def test_streams_text_finish_reason_and_usage(llm_settings: Settings) -> None:
    route = respx.post(URL).mock(return_value=sse(["Guten ", "Tag ", "[1]"]))
    text, last = await collect(llm_settings)
    assert text == "Guten Tag [1]"
    assert last.finish_reason == "stop"
    assert last.usage == {"prompt_tokens": 11, "completion_tokens": 7}
    body = route.calls.last.request.content
    assert b'"stream":true' in body.replace(b" ", b"")


@respx.mock
async def test_empty_choices_chunks_are_skipped(llm_settings: Settings) -> None:
    from tests.integration.openai_server import chunk_json

    events = [f"data: {chunk_json(None, choices=False)}\n\n".encode(), *sse_events(["Hallo"])]
    respx.post(URL).mock(
        return_value=httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=b"".join(events)
        )
    )
    text, last = await collect(llm_settings)
    assert text == "Hallo"
    assert last.finish_reason == "stop"


@respx.mock
async def test_length_finish_reason_is_reported(llm_settings: Settings) -> None:
    respx.post(URL).mock(return_value=sse(["Sehr geehrte"], finish="length"))
    _text, last = await collect(llm_settings)
    assert last.finish_reason == "length"


@respx.mock
async def test_truncated_stream_is_an_error_not_a_short_reply(llm_settings: Settings) -> None:
    respx.post(URL).mock(return_value=sse(["Sehr geehrte ", "Frau"], finish=None, done=False))
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert "ended before the reply was complete" in info.value.message


async def test_connection_refused_says_is_the_server_running(llm_settings: Settings) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens here now
    url = f"http://127.0.0.1:{port}/v1"
    settings = llm_settings.model_copy(update={"llm_base_url": url, "llm_max_retries": 1})
    started = time.perf_counter()
    with pytest.raises(LLMError) as info:
        await collect(settings)
    assert f"is the server running at {url}" in info.value.hint
    assert time.perf_counter() - started < 5


@respx.mock
async def test_connect_timeout_is_retried_then_fails_clearly(llm_settings: Settings) -> None:
    route = respx.post(URL).mock(side_effect=httpx.ConnectTimeout("slow"))
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert route.call_count == 3  # 1 + llm_max_retries
    assert "did not answer in time" in info.value.message


@respx.mock
async def test_timeout_then_success_recovers(llm_settings: Settings) -> None:
    route = respx.post(URL).mock(side_effect=[httpx.ReadTimeout("slow"), sse(["Ok"])])
    text, _ = await collect(llm_settings)
    assert text == "Ok"
    assert route.call_count == 2


def stalling(first: list[bytes], pause: float) -> httpx.Response:
    async def body() -> AsyncIterator[bytes]:
        for event in first:
            yield event
        await asyncio.sleep(pause)
        for event in sse_events(["never"]):
            yield event

    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body())


@respx.mock
async def test_stall_mid_stream_fails_within_the_stall_timeout(llm_settings: Settings) -> None:
    first = sse_events(["Sehr ", "geehrte "], finish=None, done=False)
    route = respx.post(URL).mock(return_value=stalling(first, pause=10))
    started = time.perf_counter()
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert time.perf_counter() - started < 2
    assert "stalled" in info.value.message
    assert route.call_count == 1  # text was already shown: never retried, never duplicated


@respx.mock
async def test_stall_before_first_token_is_retried(llm_settings: Settings) -> None:
    route = respx.post(URL).mock(side_effect=[stalling([], pause=10), sse(["Danke"])])
    text, _ = await collect(llm_settings)
    assert text == "Danke"
    assert route.call_count == 2


@pytest.mark.parametrize("status", [408, 500, 502, 503])
@respx.mock
async def test_transient_status_is_retried(llm_settings: Settings, status: int) -> None:
    route = respx.post(URL).mock(
        side_effect=[httpx.Response(status, json={"error": {"message": "busy"}}), sse(["Ok"])]
    )
    text, _ = await collect(llm_settings)
    assert text == "Ok"
    assert route.call_count == 2


@respx.mock
async def test_persistent_503_becomes_an_llm_error(llm_settings: Settings) -> None:
    route = respx.post(URL).mock(return_value=httpx.Response(503, json={"error": {}}))
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert "HTTP 503" in info.value.message
    assert route.call_count == 3
    assert info.value.hint


@respx.mock
async def test_429_retry_after_is_honoured(llm_settings: Settings) -> None:
    limited = httpx.Response(429, headers={"retry-after": "0.4"}, json={"error": {}})
    route = respx.post(URL).mock(side_effect=[limited, sse(["Ok"])])
    started = time.perf_counter()
    text, _ = await collect(llm_settings)
    assert text == "Ok"
    assert route.call_count == 2
    assert time.perf_counter() - started >= 0.4


@respx.mock
async def test_429_with_too_long_retry_after_gives_up_at_once(llm_settings: Settings) -> None:
    limited = httpx.Response(429, headers={"retry-after": "120"}, json={"error": {}})
    route = respx.post(URL).mock(return_value=limited)
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert route.call_count == 1
    assert "429" in info.value.message and "120" in info.value.message


@respx.mock
async def test_401_points_at_the_api_key(llm_settings: Settings) -> None:
    respx.post(URL).mock(return_value=httpx.Response(401, json={"error": {"message": "bad"}}))
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert "DRAFTER_LLM_API_KEY" in info.value.hint


@respx.mock
async def test_404_points_at_the_model(llm_settings: Settings) -> None:
    respx.post(URL).mock(return_value=httpx.Response(404, json={"error": {"message": "no"}}))
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert "DRAFTER_LLM_MODEL" in info.value.hint
    assert "test-model" in info.value.message


@respx.mock
async def test_total_deadline_bounds_endless_retries(llm_settings: Settings) -> None:
    settings = llm_settings.model_copy(update={"llm_total_timeout": 0.8, "llm_max_retries": 10})
    respx.post(URL).mock(side_effect=httpx.ConnectError("refused"))
    started = time.perf_counter()
    with pytest.raises(LLMError):
        await collect(settings)
    assert time.perf_counter() - started < 1.5


@respx.mock
async def test_a_chunk_whose_content_is_not_text_is_a_clear_llm_error(
    llm_settings: Settings,
) -> None:
    bad = {
        "id": "x",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "test-model",
        "choices": [{"index": 0, "delta": {"content": {"text": "Hallo"}}, "finish_reason": None}],
    }
    body = f"data: {json.dumps(bad)}\n\n".encode() + b"".join(sse_events(["Tag"]))
    respx.post(URL).mock(
        return_value=httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=body
        )
    )
    with pytest.raises(LLMError) as info:
        await collect(llm_settings)
    assert "not text" in info.value.message and "OpenAI-compatible" in info.value.hint
