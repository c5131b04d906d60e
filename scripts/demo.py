"""`make demo`: the main job on the embedded defaults (offline, no LLM)."""

from __future__ import annotations

import sys

from drafter.cli import main

if __name__ == "__main__":
    sys.argv = ["drafter", "--help"]
    main()
