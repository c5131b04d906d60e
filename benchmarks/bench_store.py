"""Store benchmark: import throughput and queue listing with 1,000 emails (real SQLite, WAL).

Import goes through the whole intake path (parse_email, import key, insert, audit row) in a
throwaway data dir; listing is the Desk's `queue()` as the TUI calls it, with and without a
status filter and a search.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from drafter.config import Settings

N_EMAILS = 1000


def _raw(n: int) -> bytes:
    return (
        f"From: Kunde {n} <kunde{n}@example.org>\r\n"
        "To: service@stadtwerke-nordlicht.de\r\n"
        f"Subject: Frage zum Abschlag Nr. {n}\r\n"
        f"Message-ID: <bench-{n}@example.org>\r\n"
        "Date: Mon, 02 Mar 2026 09:15:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Guten Tag,\r\nich möchte meinen Abschlag auf {40 + n % 60} Euro ändern.\r\n"
        "Zählernummer 1ESY1160{n:05d}.\r\n\r\nMit freundlichen Grüßen\r\nKunde\r\n"
    ).encode()


def _p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def run() -> str:
    from drafter.desk import Desk

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp))  # type: ignore[call-arg]
        desk = Desk(settings)
        raws = [(f"{n}.eml", _raw(n)) for n in range(N_EMAILS)]
        started = time.perf_counter()
        report = desk.import_messages(raws)
        import_s = time.perf_counter() - started
        assert report.imported == N_EMAILS
        started = time.perf_counter()
        again = desk.import_messages(raws)
        dup_s = time.perf_counter() - started
        assert again.duplicates == N_EMAILS
        for email_id in report.email_ids[::3]:
            desk.save_edit(email_id, "Entwurf")
        timings: dict[str, list[float]] = {"all": [], "status": [], "search": []}
        for _ in range(30):
            for name, kwargs in (
                ("all", {}),
                ("status", {"status": "in_review"}),
                ("search", {"search": "abschlag 77"}),
            ):
                t0 = time.perf_counter()
                rows = desk.queue(**kwargs)  # type: ignore[arg-type]
                timings[name].append((time.perf_counter() - t0) * 1000)
                assert rows
        edit = []
        for i in range(50):
            t0 = time.perf_counter()
            desk.save_edit(report.email_ids[0], f"Entwurf {i}")
            edit.append((time.perf_counter() - t0) * 1000)
        desk.close()
    lines = [
        "## Store (SQLite, WAL, synchronous=FULL)",
        "",
        f"{N_EMAILS} synthetic German emails imported through parse + dedupe + insert + audit.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| import throughput | {N_EMAILS / import_s:.0f} emails/s ({import_s:.2f} s) | - |",
        f"| re-import (all duplicates) | {N_EMAILS / dup_s:.0f} emails/s | - |",
        f"| queue(), 1,000 rows, median / p95 | {statistics.median(timings['all']):.1f} / "
        f"{_p95(timings['all']):.1f} ms | p95 < 100 ms "
        f"({'met' if _p95(timings['all']) < 100 else 'MISSED'}) |",
        f"| queue(status=in_review), median | {statistics.median(timings['status']):.1f} ms | - |",
        f"| queue(search=...), median | {statistics.median(timings['search']):.1f} ms | - |",
        f"| save_edit (durable commit), median / p95 | {statistics.median(edit):.1f} / "
        f"{_p95(edit):.1f} ms | - |",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
