"""Startup 26: what the desk loads before it can draft (fresh interpreters: what they import)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _imported(code: str, modules: tuple[str, ...]) -> list[str]:
    show = f"import json, sys\nprint(json.dumps([m for m in {modules!r} if m in sys.modules]))"
    probe = f"{code}\n{show}"
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, check=True
    )
    return list(json.loads(found.stdout.strip().splitlines()[-1]))


@pytest.mark.slow  # a fresh interpreter is the point (what it imports)
def test_the_drafting_engine_loads_no_llm_sdk_until_a_model_is_called() -> None:
    """The engine and its writers imported the OpenAI SDK (and httpx) at module level: half a
    second of every desk start before drafting was ready, with no language model configured
    as well. The SDK now loads with the first model call (drafter.drafting.llm)."""
    code = "import drafter.desk, drafter.tui.app, drafter.drafting.engine, drafter.drafting.writers"
    assert _imported(code, ("openai", "drafter.drafting.llm")) == []
