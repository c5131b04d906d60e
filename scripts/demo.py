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


def drafter(*args: str, tolerate: tuple[int, ...] = ()) -> int:
    """Run one command as the console script would; stop the demo on an unexpected exit code."""
    from drafter.cli.main import main

    print(f"\n$ drafter {' '.join(args)}", flush=True)
    try:
        main(list(args))
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
        if code != 0 and code not in tolerate:
            sys.exit(code)
        return code
    return 0


# The demo's own settings, whatever the shell exports or a .env in the checkout says: the
# sample inbox never lands in a real queue (DRAFTER_DATA_DIR), a team's PostgreSQL database or
# a shared Chroma index, and nothing goes to a model or an embedding endpoint.
DEMO_SETTINGS = {
    "DRAFTER_DATA_DIR": str(ROOT / ".demo"),
    "DRAFTER_DATABASE_URL": "",
    "DRAFTER_CHROMA_URL": "",
    "DRAFTER_LLM_MODEL": "",
    "DRAFTER_EMBEDDING_BACKEND": "usem",
}


def main() -> None:
    os.chdir(ROOT)
    os.environ.update(DEMO_SETTINGS)
    drafter("kb", "ingest", "kb")
    drafter("inbox", "import", "examples/inbox")
    if drafter("inbox", "draft", "--no-llm", tolerate=(1,)):  # 1: some emails got no draft
        print("(some emails got no draft, see the lines above; they stay in the queue)")
    if sys.stdin.isatty() and sys.stdout.isatty():
        drafter("tui")
    else:
        drafter("inbox", "list")
        drafter("draft", "examples/inbox/01-abschlag-erhoehen.eml", "--no-llm")
        print("\n(no terminal: open the review desk with `.venv/bin/drafter --data-dir .demo tui`)")


if __name__ == "__main__":
    main()
