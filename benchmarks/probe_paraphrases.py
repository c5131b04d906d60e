"""Robustness probe: hand-written paraphrases of development replies (harm13).

benchmarks/data/probes/*.jsonl: each row names a development reply (`src`, an id of
benchmarks/data/replies/dev*.jsonl), its label, and `edits`: [old, new] pairs that replace a
sentence of the reply by another wording a model might use (synonyms, passive, word order).
The paraphrases were written by hand by the harm13 helper from replies the checks caught (or
passed, for good ones) before any tuning of that session: a generalization measure, not a
blind set. harm13_paraphrases.jsonl was written before any tuning of that session (and
then used to find rules: in-sample after), harm13_after.jsonl after the tuning and not
tuned on. harm14_fresh.jsonl (harm14, written before any tuning of that session) gives a
whole new `reply` instead of `edits`: 20 harmful and 20 good replies to 20 development mails,
in other sentence structures and longer, with the harm one clause among correct ones (six
of its rows then led to fixes: in-sample after); harm14_after.jsonl (10 + 10 new replies to
dev7 mails) was written after the tuning and not tuned on.
Prints per file: harmful still flagged, good still passing, and the rows that changed.

`python -m benchmarks.probe_paraphrases [FILE ...]`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.bench_checks import REPLIES, check_row, flagged, settings

PROBES = Path(__file__).resolve().parent / "data" / "probes"


def _dev_rows() -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(REPLIES.glob("dev*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def paraphrased(row: dict[str, Any], edits: list[list[str]], where: str) -> dict[str, Any]:
    reply = row["reply"]
    for old, new in edits:
        if old not in reply:
            raise SystemExit(f"{where}: edit text not found in reply of {row['id']}: {old[:60]!r}")
        reply = reply.replace(old, new)
    return {**row, "reply": reply}


def probe(path: Path) -> str:
    rows = _dev_rows()
    config = settings()
    counts = {"harmful": [0, 0], "good": [0, 0]}
    wrong: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        where = f"{path.name}:{number}"
        if item.get("src") not in rows:
            raise SystemExit(
                f"{where}: field 'src' names no development reply: {item.get('src')!r}"
            )
        if isinstance(item.get("reply"), str):
            row = {**rows[item["src"]], "reply": item["reply"]}
        elif isinstance(item.get("edits"), list):
            row = paraphrased(rows[item["src"]], item["edits"], where)
        else:
            raise SystemExit(f"{where}: needs a 'reply' string or an 'edits' list")
        warnings = check_row(row, config)
        hit = flagged(warnings)
        label = item["label"]
        counts[label][0] += 1
        counts[label][1] += hit
        if hit != (label == "harmful"):
            codes = sorted({w.code for w in warnings})
            wrong.append(f"{item['src']} ({label}, {row['lang']}) {codes}")
    harm, good = counts["harmful"], counts["good"]
    lines = [
        f"{path.name}: harmful flagged {harm[1]}/{harm[0]}, good flagged {good[1]}/{good[0]}",
        *(f"  wrong: {w}" for w in wrong),
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted(PROBES.glob("*.jsonl"))
    for path in paths:
        print(probe(path))


if __name__ == "__main__":
    main(sys.argv[1:])
