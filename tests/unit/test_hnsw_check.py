"""The byte-level check of Chroma's HNSW files (drafter.knowledge.hnsw_check): garbage that
makes Chroma's native reader crash only sometimes is found every time, without Chroma."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from drafter.knowledge.hnsw_check import hnsw_problem

M, COUNT, DIM = 4, 20, 3
DATA_AT = 4 + 4 * 2 * M
LABEL_AT = DATA_AT + 4 * DIM
PER = LABEL_AT + 8


def _segment(root: Path, *, count: int = COUNT, capacity: int = 32) -> Path:
    """A small, consistent HNSW segment as Chroma persists it (ring neighbours)."""
    seg = root / "chroma" / "seg"
    seg.mkdir(parents=True)
    header = struct.pack(
        "<i6QiI3QdQ", 1, 0, capacity, count, PER, LABEL_AT, DATA_AT, 0, 0, M, 2 * M, M, 0.7, 100
    )
    (seg / "header.bin").write_bytes(header)
    records = np.zeros((count, PER), dtype=np.uint8)
    for i in range(count):
        links = np.array([2, (i + 1) % count, (i - 1) % count] + [0] * (2 * M - 2), "<u4")
        records[i, :DATA_AT] = links.view(np.uint8)
    (seg / "data_level0.bin").write_bytes(records.tobytes())
    return seg


def test_a_sound_segment_passes(tmp_path: Path) -> None:
    _segment(tmp_path)
    assert hnsw_problem(tmp_path / "chroma") == ""


def test_a_preallocated_empty_segment_passes(tmp_path: Path) -> None:
    seg = _segment(tmp_path, count=0)
    (seg / "data_level0.bin").write_bytes(bytes(32 * PER))
    assert hnsw_problem(tmp_path / "chroma") == ""


def test_a_garbage_header_is_damage(tmp_path: Path) -> None:
    seg = _segment(tmp_path)
    (seg / "header.bin").write_bytes(np.random.default_rng(4).bytes(100))
    assert "header.bin does not describe" in hnsw_problem(tmp_path / "chroma")


def test_a_truncated_data_file_is_damage(tmp_path: Path) -> None:
    seg = _segment(tmp_path)
    (seg / "data_level0.bin").write_bytes((seg / "data_level0.bin").read_bytes()[:100])
    assert "does not fit the header" in hnsw_problem(tmp_path / "chroma")


def test_garbled_neighbour_lists_are_damage(tmp_path: Path) -> None:
    seg = _segment(tmp_path)
    data = bytearray((seg / "data_level0.bin").read_bytes())
    data[: len(data) // 2] = np.random.default_rng(3).bytes(len(data) // 2)
    (seg / "data_level0.bin").write_bytes(bytes(data))
    assert "is damaged" in hnsw_problem(tmp_path / "chroma")


def test_a_neighbour_that_is_not_stored_is_damage(tmp_path: Path) -> None:
    seg = _segment(tmp_path)
    data = bytearray((seg / "data_level0.bin").read_bytes())
    data[4:8] = struct.pack("<I", COUNT + 5)  # element 0's first neighbour
    (seg / "data_level0.bin").write_bytes(bytes(data))
    assert "not stored" in hnsw_problem(tmp_path / "chroma")
