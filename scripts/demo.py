"""`make demo`: the main job on the embedded defaults, offline and without an LLM.

Ingests the sample knowledge base (kb/), imports the sample inbox (examples/inbox/),
pre-drafts every email in no-LLM mode and opens the review desk. Everything lives in
`.demo/` inside the checkout so a demo never touches your real queue; delete it to start over.
Without a terminal (for example in CI logs) it prints the queue and one draft instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drafter(*args: str) -> None:
    from drafter.cli.main import main

    print(f"\n$ drafter {' '.join(args)}", flush=True)
    try:
        main(list(args))
    except SystemExit as stop:
        if stop.code not in (0, None):
            sys.exit(stop.code)


if __name__ == "__main__":
    os.chdir(ROOT)
    os.environ.setdefault("DRAFTER_DATA_DIR", str(ROOT / ".demo"))
    drafter("kb", "ingest", "kb")
    drafter("inbox", "import", "examples/inbox")
    drafter("inbox", "draft", "--no-llm")
    if sys.stdin.isatty() and sys.stdout.isatty():
        drafter("tui")
    else:
        drafter("inbox", "list")
        drafter("draft", "examples/inbox/01-abschlag-erhoehen.eml", "--no-llm")
        print("\n(no terminal: open the review desk with `.venv/bin/drafter --data-dir .demo tui`)")
