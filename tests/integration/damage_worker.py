"""Child process of test_kb_damage: run the CLI steps of several damaged-index cases in one
process, so one cold import serves them all, while a crash (a damaged HNSW file can make
Chroma's native code segfault) still ends only this child, never the test session.

`python -m tests.integration.damage_worker JOBS.json [all|repair|search]` reads a list of
{"case", "data", "kb"} and, for each case in turn, prints one JSON line
{"case": ..., "steps": [[code, stdout, stderr], ...]} after running
`kb search`, `doctor`, `kb ingest KB` and `kb search` on that data dir (in-process CLI runs,
as `tests.cli.run_cli` does). A case that crashes the child prints nothing, so the test sees
which cases finished.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.cli import run_cli

QUERY = ("kb", "search", "Abschlag ändern", "--json")


def steps(data: str, kb: str, phase: str = "all") -> list[tuple[int, str, str]]:
    """The CLI steps of one case, in order (exit code, stdout, stderr): all four, or the
    `repair` phase (search, doctor, kb ingest) or the `search` phase (the search after it)."""
    chosen = {
        "all": (QUERY, ("doctor",), ("kb", "ingest", kb), QUERY),
        "repair": (QUERY, ("doctor",), ("kb", "ingest", kb)),
        "search": (QUERY,),
    }[phase]
    found: list[tuple[int, str, str]] = []
    for args in chosen:
        result = run_cli("--data-dir", data, *args)
        found.append((result.returncode, result.stdout, result.stderr))
    return found


def main() -> None:
    jobs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    phase = sys.argv[2] if len(sys.argv) > 2 else "all"
    for job in jobs:
        line = {"case": job["case"], "steps": steps(job["data"], job["kb"], phase)}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
