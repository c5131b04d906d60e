"""A tiny OpenAI-compatible chat-completions server on 127.0.0.1, and SSE helpers, for tests.

`FakeOpenAIServer(reply=..., first_token_delay=...)` serves `POST /v1/chat/completions`
(streaming and non-streaming) and `GET /v1/models` from a thread; every request body is kept
in `requests` (and its arrival time in `received_at`) so tests can assert what reached the
"model". `failures=[(status, headers), ...]` are answered first, one per request, and
`headers_delay` makes every answer wait before its status line (a slow or hung server).
`POST /v1/embeddings` answers `hash_vector(text)` for each input (fast stand-in vectors, 512
dims, seeded by the text), as float lists or base64 as the request asks.
`sse_body(pieces)` builds the bytes of a streamed answer for respx routes; `fixture_index()`
ingests a few articles of kb/ into a real index (Chroma + BM25) once per test run,
`full_index()` all of kb/ (shared by the tests that need the whole sample knowledge base).
"""

from __future__ import annotations

import base64
import functools
import json
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np

from tests.shared_build import built_once


def hash_vector(text: str) -> list[float]:
    """A unit vector of 512 dims seeded by the text: the same text, the same vector."""
    seed = int.from_bytes(text.encode("utf-8")[:8].ljust(8, b"\0"), "little") + len(text)
    row = np.random.default_rng(seed).standard_normal(512)
    result: list[float] = (row / np.linalg.norm(row)).tolist()
    return result


def _embeddings_body(request: dict[str, Any], model: str) -> bytes:
    texts = request.get("input") or []
    texts = [texts] if isinstance(texts, str) else texts
    data: list[dict[str, Any]] = []
    for i, text in enumerate(texts):
        vector: Any = hash_vector(str(text))
        if request.get("encoding_format") == "base64":
            vector = base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode()
        data.append({"object": "embedding", "index": i, "embedding": vector})
    usage = {"prompt_tokens": 0, "total_tokens": 0}
    return json.dumps({"object": "list", "data": data, "model": model, "usage": usage}).encode()


ROOT = Path(__file__).resolve().parent.parent.parent


def chunk_json(
    text: str | None = None,
    finish: str | None = None,
    *,
    model: str = "test-model",
    usage: dict[str, int] | None = None,
    choices: bool = True,
) -> str:
    delta: dict[str, Any] = {} if text is None else {"content": text}
    payload: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}] if choices else [],
    }
    if usage is not None:
        payload["usage"] = usage
    return json.dumps(payload)


def sse_events(
    pieces: Iterable[str],
    finish: str | None = "stop",
    *,
    done: bool = True,
    model: str = "test-model",
) -> list[bytes]:
    """One `data:` event per piece, then the finish chunk, a usage chunk and `[DONE]`."""
    events = [f"data: {chunk_json(p, model=model)}\n\n".encode() for p in pieces]
    if finish is not None:
        events.append(f"data: {chunk_json(None, finish, model=model)}\n\n".encode())
        usage = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
        events.append(
            f"data: {chunk_json(None, model=model, usage=usage, choices=False)}\n\n".encode()
        )
    if done:
        events.append(b"data: [DONE]\n\n")
    return events


def sse_body(pieces: Iterable[str], finish: str | None = "stop", *, done: bool = True) -> bytes:
    return b"".join(sse_events(pieces, finish, done=done))


def split_words(text: str) -> list[str]:
    """Split text into token-like pieces (words with their following whitespace)."""
    pieces: list[str] = []
    current = ""
    for char in text:
        current += char
        if char in " \n":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


class FakeOpenAIServer:
    """Serve canned streamed replies; `reply` may be a string or a function of the request."""

    def __init__(
        self,
        reply: str | Callable[[dict[str, Any]], str] = "Hello [1]",
        *,
        first_token_delay: float = 0.0,
        token_delay: float = 0.0,
        headers_delay: float = 0.0,
        failures: Iterable[tuple[int, dict[str, str]]] = (),
        model: str = "test-model",
    ) -> None:
        self.reply = reply
        self.first_token_delay = first_token_delay
        self.token_delay = token_delay
        self.headers_delay = headers_delay
        self.failures = list(failures)
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self.received_at: list[float] = []
        self.sent_first_token_at: list[float] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _text_for(self, request: dict[str, Any]) -> str:
        return self.reply(request) if callable(self.reply) else self.reply

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                body = json.dumps({"object": "list", "data": [{"id": server.model}]}).encode()
                self._send(200, body, "application/json")

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(request)
                server.received_at.append(time.monotonic())
                time.sleep(server.headers_delay)
                if server.failures:
                    status, headers = server.failures.pop(0)
                    body = json.dumps({"error": {"message": f"status {status}"}}).encode()
                    self._send(status, body, "application/json", headers)
                    return
                if self.path.endswith("/embeddings"):
                    self._send(200, _embeddings_body(request, server.model), "application/json")
                    return
                if not self.path.endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}', "application/json")
                    return
                text = server._text_for(request)
                if not request.get("stream"):
                    body = json.dumps(
                        {
                            "id": "chatcmpl-test",
                            "object": "chat.completion",
                            "created": 0,
                            "model": server.model,
                            "choices": [
                                {
                                    "index": 0,
                                    "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop",
                                }
                            ],
                        }
                    ).encode()
                    self._send(200, body, "application/json")
                    return
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("cache-control", "no-cache")
                self.send_header("connection", "close")
                self.end_headers()
                time.sleep(server.first_token_delay)
                events = sse_events(split_words(text), model=server.model)
                try:
                    for i, event in enumerate(events):
                        if i == 0:
                            server.sent_first_token_at.append(time.perf_counter())
                        self.wfile.write(event)
                        self.wfile.flush()
                        if server.token_delay:
                            time.sleep(server.token_delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (e.g. after the first token)
                self.close_connection = True

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str,
                headers: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


# --- a small real knowledge-base index shared by the drafting tests ----------------------

FIXTURE_ARTICLES = (
    "de/de-umzug-abmelden.md",
    "de/de-abschlag-anpassen.md",
    "de/de-zaehlerstand-melden.md",
    "de/de-kuendigung-ordentlich.md",
    "de/de-gasgeruch-notfall.md",
    "en/en-moving-house.md",
    "en/en-meter-reading.md",
    "en/en-instalment-change.md",
    "en/en-cancellation.md",
)


@functools.lru_cache(maxsize=1)
def full_index() -> Path:
    """The whole sample kb/ in one index, built once per test run (tests/shared_build.py) and
    copied once per test process: treat it as read-only (copy it to change it). Its data dir
    is the index's parent, so `Settings(data_dir=full_index().parent)` opens it as `drafter`
    would."""
    from drafter.config import Settings
    from drafter.knowledge.ingest import ingest

    def build(data: Path) -> None:
        settings = Settings(data_dir=data)
        report = ingest(settings, [ROOT / "kb"])
        assert report.added > 20 and not report.failed, report
        assert settings.index_dir == data / "index"

    return built_once("full-kb", build) / "index"


@functools.lru_cache(maxsize=1)
def fixture_index() -> Path:
    """A few articles of kb/ in a throwaway index, built once per test run and copied once per
    test process (tests/shared_build.py)."""
    from drafter.config import Settings
    from drafter.knowledge.ingest import ingest

    def build(root: Path) -> None:
        kb = root / "kb"
        kb.mkdir(parents=True)
        for name in FIXTURE_ARTICLES:
            shutil.copy(ROOT / "kb" / name, kb / Path(name).name)
        report = ingest(Settings(data_dir=root / "data"), [kb], index_dir=root / "index")
        assert report.added == len(FIXTURE_ARTICLES), report

    return built_once("fixture-kb", build) / "index"
