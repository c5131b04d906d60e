"""Good replies written for another purpose: the golden reference answers as replies.

The 75 reference answers of eval/cases_sample.jsonl are correct replies to the sample inbox
(written for the drafting evaluation, never for the checks). Each runs through the same
checks as a model reply (benchmarks.bench_checks.check_row: the case's gold articles as
cited passages, the sample company's settings) with the customer text the product gives the
checks: subject, message and the mail's own date (drafter.drafting.assemble adds the Date
header of the .eml as dd.mm.yyyy). A flagged answer is a false alarm an agent would see on a
good draft. Reported per half of the golden split (benchmarks.bench_replies.golden_split:
the checks' rules were never tuned on these answers; harm14 and harm15 read the flagged
ones of both halves).

`python -m benchmarks.golden_checks [--show]` prints the count (and with --show the
flagged cases and their risky warnings).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.bench_checks import FLAG_CODES, check_row, settings
from benchmarks.bench_replies import golden_split
from drafter.mail.parse import parse_email

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "eval" / "cases_sample.jsonl"


def as_row(case: dict[str, Any]) -> dict[str, Any]:
    """The golden case as a reply row of benchmarks/data/replies (label good)."""
    eml = ROOT / case["eml"] if case.get("eml") else None
    mail = parse_email(eml.read_bytes()) if eml and eml.is_file() else None
    sent = f"\n{mail.date:%d.%m.%Y}" if mail and mail.date else ""
    return {
        "id": case["case_id"],
        "lang": case["lang"],
        "email_subject": case["subject"],
        "email_body": case["message"] + sent,
        "cited_kb_ids": case["gold_kb_ids"],
        "tampered_kb": None,
        "reply": case["reference_answer"],
        "label": "good",
    }


def main(argv: list[str]) -> None:
    config = settings()
    counts = {"dev": [0, 0], "test": [0, 0]}
    shown: list[str] = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        risky = [w for w in check_row(as_row(case), config) if w.code in FLAG_CODES]
        half = golden_split(case["case_id"])
        counts[half][0] += bool(risky)
        counts[half][1] += 1
        if risky:
            shown.append(case["case_id"])
            shown += [f"    {w.code}: {w.message} | {w.span[:120]}" for w in risky]
    total = sum(n for n, _ in counts.values()), sum(m for _, m in counts.values())
    halves = ", ".join(f"{h} {n}/{m}" for h, (n, m) in counts.items())
    print(f"golden reference answers flagged: {total[0]}/{total[1]} ({halves})")
    if "--show" in argv:
        print("\n".join(shown))


if __name__ == "__main__":
    main(sys.argv[1:])
