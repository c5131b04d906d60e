"""Startup 26: what a desk start loads before it can draft, and what it keeps for the next one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.privacy import gazetteer


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


# --- the name vocabulary kept in <data dir>/cache/ ------------------------------------------

SMALL = gazetteer.Vocabulary(
    first_names=frozenset({"wiebke", "tammo"}),
    strong_names=frozenset({"wiebke"}),
    local_names=frozenset({"tammo"}),
    zipf_de={"kontakt": 45, "formular": 38},
    zipf_en={"contact": 50},
    surnames=frozenset({"ohlsen"}),
    middling_names=frozenset({"gernot"}),
)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A fresh process's vocabulary (none loaded yet), built from a small made-up one; counts
    the builds."""
    made: list[int] = []

    def build() -> gazetteer.Vocabulary:
        made.append(1)
        return SMALL

    monkeypatch.setattr(gazetteer, "_LOADED", [])
    monkeypatch.setattr(gazetteer, "_build", build)
    return made


def _next_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "_LOADED", [])


def test_the_second_start_reads_the_vocabulary_the_first_one_built(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every desk start built the name lists again (1.5-3 s before drafting was ready); one
    built with a cache folder is written there and the next process reads it, unchanged."""
    assert gazetteer.vocabulary(tmp_path) == SMALL
    assert (tmp_path / gazetteer.CACHE_FILE).is_file() and builds == [1]
    _next_process(monkeypatch)
    assert gazetteer.vocabulary(tmp_path) == SMALL
    assert builds == [1]
    assert gazetteer.vocabulary() is gazetteer.vocabulary(tmp_path)  # one per process


def test_other_sources_or_a_damaged_file_are_rebuilt(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer.vocabulary(tmp_path)
    cached = tmp_path / gazetteer.CACHE_FILE
    whole = cached.read_bytes()
    monkeypatch.setattr(gazetteer, "_fingerprint", lambda: "another wordfreq")
    _next_process(monkeypatch)
    assert gazetteer.vocabulary(tmp_path) == SMALL and builds == [1, 1]
    monkeypatch.undo()
    for damaged in (whole[: len(whole) // 2], whole[:-1] + b"\x00", b"", b"not a cache\n\x00"):
        monkeypatch.setattr(gazetteer, "_LOADED", [])
        monkeypatch.setattr(gazetteer, "_build", lambda: SMALL)
        cached.write_bytes(damaged)
        assert gazetteer.vocabulary(tmp_path) == SMALL
        assert cached.read_bytes() == whole  # rewritten whole


def test_no_cache_folder_writes_nothing_and_an_unwritable_one_is_no_error(
    tmp_path: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert gazetteer.vocabulary() == SMALL
    assert list(tmp_path.iterdir()) == []
    blocked = tmp_path / "file"
    blocked.write_text("")
    _next_process(monkeypatch)
    assert gazetteer.vocabulary(blocked / "cache") == SMALL  # cannot be made: built, not kept


def test_the_desk_keeps_the_vocabulary_in_its_data_dir(
    settings: Settings, builds: list[int]
) -> None:
    desk = Desk(settings)
    try:
        desk._privacy()
    finally:
        desk.close()
    assert (settings.data_dir / "cache" / gazetteer.CACHE_FILE).is_file()
