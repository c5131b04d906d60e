"""Docs stay true to the code: every setting is documented, every documented one exists."""

from __future__ import annotations

import re

from drafter.config import Settings
from tests.conftest import ROOT


def test_env_example_documents_exactly_the_settings() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?\s*(DRAFTER_[A-Z0-9_]+)=", text, re.M))
    fields = {f"DRAFTER_{name.upper()}" for name in Settings.model_fields}
    assert fields - documented == set(), "settings missing from .env.example"
    assert documented - fields == set(), ".env.example documents settings that do not exist"


def test_readme_quickstart_is_the_two_make_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in quickstart.splitlines()[1:]]
    assert [c for c in commands if c] == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
