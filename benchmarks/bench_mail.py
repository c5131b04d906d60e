"""Mail intake benchmark: parse+clean time for a typical 4 KB email (p50/p95 over many runs)
and the time and memory (tracemalloc peak) to parse an email with a 25 MB attachment.

Stages are listed in `STAGES` (name, function of the raw bytes); later stages (for example
pseudonymization) are added by appending to that list. Run with
`python -m benchmarks.run mail` (or `python -m benchmarks.bench_mail`).
"""

from __future__ import annotations

import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from drafter.mail.parse import parse_email

RUNS = 300
TARGET_P95_MS = 60.0
TARGET_BIG_S = 2.0
BIG_MB = 25

Stage = tuple[str, Callable[[bytes], Any]]
STAGES: list[Stage] = [("parse + clean (bytes → InboundEmail)", parse_email)]

_PARAGRAPH = (
    "seit meinem Umzug am 1. Oktober 2026 in die Holtenauer Straße 12 in 24105 Kiel "
    "wird mein Abschlag weiter vom alten Konto abgebucht. Bitte stellen Sie die "
    "Lastschrift auf die neue IBAN um und senden Sie mir eine Bestätigung. "
)


def typical_email(size: int = 4096) -> bytes:
    """A German reply with plain and HTML parts, a signature and an Outlook quote, ~4 KB."""
    body = "Sehr geehrte Damen und Herren,\n\n"
    while len(body) < size // 4:
        body += _PARAGRAPH + "\n\n"
    body += "Mit freundlichen Grüßen\nJana Petersen\nKundennummer 4711-0815\n\n"
    quote = (
        "-----Ursprüngliche Nachricht-----\nVon: Stadtwerke <service@example.net>\n"
        "Gesendet: Montag, 2. November 2026 09:00\nAn: Jana Petersen <jana@example.org>\n"
        "Betreff: Ihr Abschlag\n\nGuten Tag Frau Petersen, " + _PARAGRAPH + "\n"
    )
    text = body + quote
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    msg = EmailMessage()
    msg["From"] = "Jana Petersen <jana@example.org>"
    msg["To"] = "Stadtwerke Nordlicht <service@example.net>"
    msg["Subject"] = "AW: Ihr Abschlag – neue Bankverbindung"
    msg["Message-ID"] = "<bench-1@example.org>"
    msg["Date"] = "Tue, 03 Nov 2026 10:15:00 +0100"
    msg.set_content(text)
    msg.add_alternative(f"<html><body>{paragraphs}</body></html>", subtype="html")
    raw = msg.as_bytes()
    return raw


def big_email(megabytes: int = BIG_MB) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Jana Petersen <jana@example.org>"
    msg["Subject"] = "Fotos vom Zähler"
    msg.set_content("Hallo, anbei die Fotos vom Zählerschrank.\n\nViele Grüße\nJana\n")
    payload = random.Random(7).randbytes(megabytes * 1024 * 1024)
    msg.add_attachment(payload, maintype="application", subtype="zip", filename="fotos.zip")
    return msg.as_bytes()


def _time_stage(func: Callable[[bytes], Any], raw: bytes) -> tuple[float, float]:
    for _ in range(10):
        func(raw)
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        func(raw)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def run() -> str:
    raw = typical_email()
    rows = []
    total_p95 = 0.0
    for name, func in STAGES:
        p50, p95 = _time_stage(func, raw)
        total_p95 += p95
        rows.append(f"| {name} | {p50:.2f} | {p95:.2f} |")
    ok_typical = total_p95 <= TARGET_P95_MS

    big = big_email()
    parsed = parse_email(big)  # warm-up and sanity check
    assert parsed.status == "ok" and parsed.attachments, parsed.reason
    tracemalloc.start()
    started = time.perf_counter()
    parse_email(big)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started, cpu_started = time.perf_counter(), time.process_time()
    parse_email(big)
    untraced = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    ok_big = untraced <= TARGET_BIG_S

    return "\n".join(
        [
            "## Mail intake",
            "",
            f"Typical email: {len(raw):,} bytes (multipart/alternative, German, signature, "
            f"Outlook quote); {RUNS} runs per stage after warm-up; times in ms.",
            "",
            "| stage | p50 ms | p95 ms |",
            "|---|---|---|",
            *rows,
            "",
            f"Sum of stage p95: {total_p95:.2f} ms (target ≤ {TARGET_P95_MS:.0f} ms): "
            f"{'met' if ok_typical else 'MISSED'}",
            "",
            f"Email with a {BIG_MB} MB attachment ({len(big) / 1_048_576:.1f} MB on the wire): "
            f"parsed in {untraced:.2f} s wall, {cpu:.2f} s CPU (target ≤ {TARGET_BIG_S:.0f} s): "
            f"{'met' if ok_big else 'MISSED'}; {elapsed:.2f} s under tracemalloc, "
            f"peak traced memory {peak / 1_048_576:.1f} MB "
            f"({peak / len(big):.1f}× the message size).",
        ]
    )


if __name__ == "__main__":
    print(run())
