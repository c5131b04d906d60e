"""The evaluation cache and journal: finished drafts keyed by everything that decides them.

A key hashes (case fingerprint, template name + version + file hash, model, knowledge-base
fingerprint, mode, and for template drafts the drafting code itself). Each finished case is
written at once, atomically (temp file + rename), under `<data_dir>/eval-cache/`, so an
interrupted run resumes where it stopped and a re-run with nothing changed calls no model.
Scores are recomputed from the cached draft on every run, so metric changes apply at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from drafter.models import Draft

CACHE_FORMAT = 1


class Outcome(BaseModel):
    """What one engine run produced for one case (the expensive part of an evaluation)."""

    draft: Draft | None = None
    error: str = ""
    latency_ms: float = 0.0
    pii_leak_types: list[str] = Field(default_factory=list)
    judge: dict[str, float] = Field(default_factory=dict)


def cache_key(*parts: object) -> str:
    """A stable hash of the parts (JSON-encoded)."""
    blob = json.dumps([CACHE_FORMAT, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def files_fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the files' names and bytes (folders are walked, in sorted order)."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    for file in files:
        digest.update(file.name.encode())
        try:
            digest.update(file.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:24]


def code_fingerprint(modules: Sequence[str] = ("drafter.drafting", "drafter.knowledge")) -> str:
    """A hash of the source files of the packages that make template drafts."""
    import importlib

    folders = []
    for name in modules:
        module = importlib.import_module(name)
        if module.__file__:
            folders.append(Path(module.__file__).parent)
    return files_fingerprint(sorted(p for folder in folders for p in folder.glob("*.py")))


class DraftCache:
    """Outcomes on disk under `root`, one JSON file per key; `enabled=False` reads nothing."""

    def __init__(self, root: Path, *, enabled: bool = True) -> None:
        self.root = root
        self.enabled = enabled
        self.hits = 0
        self.writes = 0

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Outcome | None:
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            outcome = Outcome.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None  # missing, or torn by a crash: run the case again
        self.hits += 1
        return outcome

    def has(self, key: str) -> bool:
        return self.enabled and self._path(key).is_file()

    def get_value(self, key: str) -> float | None:
        """A cached number (e.g. a similarity score), or None."""
        if not self.enabled:
            return None
        try:
            return float(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put_value(self, key: str, value: float) -> None:
        self._write(key, repr(value))

    def put(self, key: str, outcome: Outcome) -> None:
        self._write(key, outcome.model_dump_json())
        self.writes += 1

    def _write(self, key: str, text: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
