"""The model client's limits against a real server on 127.0.0.1 (no mocked transport).

The SDK retries (429 with Retry-After, 5xx) and times out single reads; drafter bounds the
whole draft by `llm_total_timeout`, even while the SDK is retrying or the server trickles
tokens just fast enough never to trip a read timeout.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.drafting.llm import make_client, stream_chat
from drafter.errors import LLMError
from tests.integration.openai_server import FakeOpenAIServer


def settings_for(server: FakeOpenAIServer, tmp_path: Path, **limits: float) -> Settings:
    values: dict[str, float] = {
        "llm_connect_timeout": 0.5,
        "llm_stall_timeout": 0.5,
        "llm_total_timeout": 5.0,
        "llm_max_retries": 2,
        "llm_max_retry_after": 2.0,
        **limits,
    }
    return Settings(
        data_dir=tmp_path / "d",
        llm_base_url=server.base_url,
        llm_model="test-model",
        **values,  # type: ignore[arg-type]
    )


async def draft_text(settings: Settings, received: list[str] | None = None) -> str:
    parts = received if received is not None else []
    async for chunk in stream_chat(
        make_client(settings),
        settings,
        messages=[{"role": "user", "content": "hi"}],
        model=settings.llm_model,
        temperature=0.0,
        max_tokens=50,
    ):
        parts.append(chunk.text)
    return "".join(parts)


async def test_429_is_retried_after_the_wait_the_server_asked_for(tmp_path: Path) -> None:
    limited = (429, {"retry-after": "0.6"})
    with FakeOpenAIServer("Guten Tag", failures=[limited]) as server:
        # a generous deadline: on a loaded machine (load 10 on 2 cores) the 5 s default left less
        # than the asked 0.6 s, and the draft rightly gave up instead of retrying
        text = await draft_text(settings_for(server, tmp_path, llm_total_timeout=30.0))
    assert text == "Guten Tag"
    assert len(server.requests) == 2
    assert server.received_at[1] - server.received_at[0] >= 0.6


async def test_429_asking_longer_than_the_deadline_fails_at_once(tmp_path: Path) -> None:
    limited = (429, {"retry-after": "3"})
    with FakeOpenAIServer("never", failures=[limited] * 3) as server:
        settings = settings_for(server, tmp_path, llm_total_timeout=2.0, llm_max_retry_after=10)
        started = time.monotonic()
        with pytest.raises(LLMError) as info:
            await draft_text(settings)
        elapsed = time.monotonic() - started
    assert len(server.requests) == 1
    assert "429" in info.value.message and "wait 3 s" in info.value.message
    assert elapsed < 1.5  # did not sleep into the deadline first


# The server asks for a short wait (retry-after-ms) so that these tests do not sleep through
# the SDK's default backoff (0.5 s, 1 s, ...); the unit tests keep that default path.
SOON = {"retry-after-ms": "20"}


async def test_5xx_is_retried_then_recovers(tmp_path: Path) -> None:
    with FakeOpenAIServer("Danke", failures=[(502, SOON), (503, SOON)]) as server:
        text = await draft_text(settings_for(server, tmp_path))
    assert text == "Danke"
    assert len(server.requests) == 3


async def test_persistent_5xx_is_retried_then_a_clear_error(tmp_path: Path) -> None:
    server = FakeOpenAIServer("never", failures=[(500, SOON)] * 5)
    with server, pytest.raises(LLMError) as info:
        await draft_text(settings_for(server, tmp_path, llm_max_retries=2))
    assert len(server.requests) == 3  # 1 + llm_max_retries
    assert "HTTP 500" in info.value.message and server.base_url in info.value.message
    assert "try again later" in info.value.hint


async def test_deadline_holds_while_the_sdk_retries_a_hung_server(tmp_path: Path) -> None:
    # Every answer takes 3 s; each attempt times out after 0.4 s and the SDK would retry
    # ten times (~10 s with backoff). The draft must end at the 1.2 s deadline.
    with FakeOpenAIServer("never", headers_delay=3.0) as server:
        settings = settings_for(
            server, tmp_path, llm_stall_timeout=0.4, llm_total_timeout=1.2, llm_max_retries=10
        )
        started = time.monotonic()
        with pytest.raises(LLMError) as info:
            await draft_text(settings)
        elapsed = time.monotonic() - started
    assert 1.1 <= elapsed < 2.2
    assert "within 1.2 s" in info.value.message
    assert "DRAFTER_LLM_TOTAL_TIMEOUT" in info.value.hint


async def test_deadline_holds_while_tokens_trickle_under_the_stall_timeout(
    tmp_path: Path,
) -> None:
    # A token every 0.25 s never trips the 0.5 s read/stall timeout; 40 of them take 10 s.
    reply = " ".join(f"w{i}" for i in range(40))
    with FakeOpenAIServer(reply, token_delay=0.25) as server:
        settings = settings_for(server, tmp_path, llm_total_timeout=1.2)
        received: list[str] = []
        started = time.monotonic()
        with pytest.raises(LLMError) as info:
            await draft_text(settings, received)
        elapsed = time.monotonic() - started
    assert 1.1 <= elapsed < 2.2
    assert "".join(received).startswith("w0 ")  # text was flowing: not a stall, the deadline
    assert "within 1.2 s" in info.value.message
