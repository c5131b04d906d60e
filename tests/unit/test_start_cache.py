"""The shared writer of the start-up caches in <data dir>/cache/ (drafter.start_cache)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.start_cache import write_quietly


def test_a_cache_file_is_replaced_whole_and_its_folder_made(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "vectors.npz"
    write_quietly(path, b"old")
    write_quietly(path, b"new")
    assert path.read_bytes() == b"new"
    assert [p.name for p in path.parent.iterdir()] == ["vectors.npz"]  # no temp file left


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    write_quietly(blocked / "cache" / "vectors.npz", b"data")  # no OSError raised
    assert blocked.read_text() == ""


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vocabulary.marshal"
    write_quietly(path, b"old")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.start_cache.os.replace", full_disk)
    write_quietly(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["vocabulary.marshal"]
