"""Hostile-input benchmark: any email up to the size limit parses in <= 2 s and <= 10x its
size in memory; the 2.2 MB email of 200,000 nested <div> parses in <= 1 s; a 1 M-character
body drafts with bounded work.

Every email is built here, in memory (no committed megabyte fixtures). Time is wall time of
one `parse_email` call after a warm-up parse (best of 3), with the CPU time of the same run
and the 1-minute load average right after it (the machine is shared: a load above its core
count inflates wall time, the CPU column shows the work itself); memory is the tracemalloc
peak of a further call, i.e. Python allocations only (the lexbor HTML tree lives in C and
is not counted; its size is bounded by drafter.mail.html.MAX_NODES). Verdicts are on wall
time. Run with `python -m benchmarks.run hostile`.
"""

from __future__ import annotations

import base64
import os
import time
import tracemalloc
from collections.abc import Callable

from drafter.config import Settings
from drafter.mail.parse import parse_email

LIMIT = Settings.model_fields["max_message_bytes"].default  # DRAFTER_MAX_MESSAGE_BYTES
TARGET_S = 2.0
TARGET_MEMORY_FACTOR = 10.0
TARGET_NESTED_S = 1.0
HEAD = (
    "From: Kunde <kunde@example.org>\nTo: service@stadtwerke-nordlicht.de\n"
    "Subject: Frage\nMessage-ID: <bench@example.org>\nMIME-Version: 1.0\n"
)


def nested_divs(depth: int = 200_000) -> bytes:
    html = "<html><body>" + "<div>" * depth + "Mein Abschlag" + "</div>" * depth + "</body></html>"
    return (HEAD + "Content-Type: text/html; charset=utf-8\n\n" + html).encode()


def plain_text(size: int) -> bytes:
    line = "Bitte ändern Sie meinen Abschlag, die Zählernummer steht unten. " * 2 + "\n"
    raw = (HEAD + "Content-Type: text/plain; charset=utf-8\n\n").encode()
    body = (line * (size // len(line) + 1)).encode()
    return (raw + body)[:size]


def html_newsletter(size: int) -> bytes:
    row = (
        '<tr><td class="c"><p style="margin:0">Angebot <b>Strom</b> <a href="x">mehr</a>'
        "</p></td></tr>\n"
    )
    body = "<html><body><table>" + row * (size // len(row)) + "</table></body></html>"
    return (HEAD + "Content-Type: text/html; charset=utf-8\n\n" + body).encode()[:size]


def attachment(size: int) -> bytes:
    blob = base64.encodebytes(os.urandom((size - 8192) * 3 // 4 * 76 // 77)).decode()
    return (
        HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
        "Content-Type: text/plain; charset=utf-8\n\nAnbei die Rechnung.\n--b\n"
        'Content-Type: application/pdf; name="r.pdf"\nContent-Transfer-Encoding: base64\n\n'
        + blob
        + "\n--b--\n"
    ).encode()


def many_parts(size: int) -> bytes:
    parts = [
        f'--b\nContent-Type: application/octet-stream; name="p{i}.bin"\n\n' + "A" * (size // 990)
        for i in range(950)
    ]
    return (
        HEAD + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        "Hallo\n" + "\n".join(parts) + "\n--b--\n"
    ).encode()


def random_bytes(size: int) -> bytes:
    return os.urandom(size)


def _measure(raw: bytes) -> tuple[float, float, int, str]:
    """Best-of-2 wall and CPU seconds, tracemalloc peak, and the status of an untraced run."""
    parse_email(raw, max_bytes=LIMIT)  # warm-up (lazy imports, language model)
    runs = [_timed(raw) for _ in range(3)]
    wall, cpu, status = min(runs)
    tracemalloc.start()
    parse_email(raw, max_bytes=LIMIT, timeout=0)  # tracing is slow: no deadline here
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return wall, cpu, peak, status


def _timed(raw: bytes) -> tuple[float, float, str]:
    started, cpu_started = time.perf_counter(), time.process_time()
    result = parse_email(raw, max_bytes=LIMIT)
    return time.perf_counter() - started, time.process_time() - cpu_started, result.status


def _row(name: str, raw: bytes, target_s: float, target: str) -> str:
    seconds, cpu, peak, status = _measure(raw)
    load = os.getloadavg()[0]
    factor = peak / len(raw)
    ok = seconds <= target_s and factor <= TARGET_MEMORY_FACTOR
    return (
        f"| {name} | {len(raw) / 1_048_576:.1f} MB | {status} | {seconds:.2f} s | "
        f"{cpu:.2f} s | {load:.1f} | {peak / 1_048_576:.0f} MB ({factor:.1f}x) | {target} | "
        f"{'met' if ok else 'MISSED'} |"
    )


def run() -> str:
    cases: list[tuple[str, Callable[[int], bytes], int]] = [
        ("plain text body", plain_text, LIMIT),
        ("HTML newsletter (table rows)", html_newsletter, LIMIT),
        ("base64 attachment", attachment, LIMIT),
        ("950 MIME parts", many_parts, LIMIT),
        ("random bytes", random_bytes, LIMIT),
        ("over the limit (quarantined unparsed)", plain_text, LIMIT + 1024),
    ]
    rows = []
    for name, build, size in cases:
        raw = build(size)
        rows.append(_row(name, raw, TARGET_S, "<= 2 s, <= 10x"))
    rows.append(_row("200,000 nested `<div>`", nested_divs(), TARGET_NESTED_S, "<= 1 s, <= 10x"))
    return "\n".join(
        [
            "## Hostile input (issue 11)",
            "",
            f"One `parse_email` call per email built in memory at the size limit "
            f"(DRAFTER_MAX_MESSAGE_BYTES = {LIMIT / 1_048_576:.0f} MB); time: wall seconds, "
            "best of 3 after a warm-up, with the CPU seconds of that run and the 1-minute "
            f"load average right after it ({os.cpu_count()} cores, shared with other jobs: "
            "a load above the core count inflates wall time); verdicts are on wall time; "
            "memory: tracemalloc peak (Python allocations; the C HTML tree is bounded "
            "separately by MAX_NODES).",
            "",
            "| email | size | status | wall | CPU | load | memory peak | target | |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
        ]
    )


if __name__ == "__main__":
    print(run())
