"""Property tests: parse_email never raises on random bytes or mutated real messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.mail.parse import parse_email
from drafter.mail.quotes import split_reply

ROOT = Path(__file__).resolve().parents[2]
SEEDS = (
    sorted((ROOT / "tests" / "data" / "emails").glob("*.eml"))
    + sorted((ROOT / "examples" / "inbox").glob("*.eml"))[:10]
)
SAMPLES = [p.read_bytes() for p in SEEDS] or [
    b"From: a@example.org\nSubject: Hallo\n\nHallo Welt\n"
]
pytestmark = pytest.mark.slow  # property-based: many generated messages per test

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


def _check(raw: bytes) -> None:
    email = parse_email(raw)
    assert email.status in ("ok", "no_text_body", "quarantined")
    assert email.status == "ok" or email.reason
    assert len(email.content_hash) == 64
    assert "\n" not in email.subject and "\r" not in email.subject


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    _check(raw)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["flip", "truncate", "dup_header", "insert"]))
        if not raw:
            break
        pos = draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[pos] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del raw[pos:]
        elif op == "dup_header":
            end = raw.find(b"\n", pos)
            start = raw.rfind(b"\n", 0, pos) + 1
            line = bytes(raw[start : end + 1 if end != -1 else len(raw)])
            raw[start:start] = line * draw(st.integers(1, 5))
        else:
            raw[pos:pos] = draw(
                st.sampled_from(
                    [b"\n--", b"=?utf-8?q?=0A?=", b"\r\n\r\n", b"\x00", b'boundary="z"', b">"]
                )
            )
    return bytes(raw)


@FUZZ
@given(mutated())
def test_mutated_real_messages_never_raise(raw: bytes) -> None:
    _check(raw)


@FUZZ
@given(st.text(max_size=2000))
def test_split_reply_never_loses_the_text_entirely(text: str) -> None:
    split = split_reply(text)
    if text.strip() and not any(ch in text for ch in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        assert split.body or split.quoted or split.signature
