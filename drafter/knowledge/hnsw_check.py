"""A check of Chroma's persisted HNSW files that reads them as plain bytes.

Chroma's native reader trusts `header.bin` and the neighbour lists in `data_level0.bin`: a
garbled or truncated file can crash the reading process (a segfault, no Python error), and
whether it crashes depends on the garbage, so a child process that survived one read proves
little. This module checks, without Chroma, what every sound file satisfies: the header's
fields agree with each other and with the data file's size (the stored elements or the whole
capacity), and every neighbour list holds at
most `maxM0` ids that all name stored elements. Collections below Chroma's persist threshold
have no header file and are not checked here.

The layout (hnswlib as persisted by Chroma, little-endian, 100 bytes): int32 version,
uint64 offsetLevel0, max_elements, cur_element_count, size_data_per_element, label_offset,
offsetData, int32 maxlevel, uint32 enterpoint_node, uint64 maxM, maxM0, M, double mult,
uint64 ef_construction. Each element's record in `data_level0.bin` starts with its level-0
list: a uint32 whose low 16 bits count the ids, then `maxM0` uint32 ids.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

_HEADER = struct.Struct("<i6QiI3QdQ")


def hnsw_problem(chroma_dir: Path) -> str:
    """'' when every persisted HNSW index under `chroma_dir` looks sound, else one line."""
    for header in sorted(chroma_dir.glob("*/header.bin")):
        problem = _segment_problem(header.parent)
        if problem:
            return f"the vector store {chroma_dir} is damaged ({header.parent.name}: {problem})"
    return ""


def _segment_problem(segment: Path) -> str:
    try:
        raw = (segment / "header.bin").read_bytes()
        data_size = (segment / "data_level0.bin").stat().st_size
    except OSError as exc:
        return f"unreadable HNSW file ({exc.strerror or exc})"
    if len(raw) != _HEADER.size:
        return f"header.bin has {len(raw)} bytes, not {_HEADER.size}"
    (version, offset0, max_elements, count, per_element, label_at, data_at, _level, entry,
     max_m, max_m0, m, _mult, _ef) = _HEADER.unpack(raw)  # fmt: skip
    sane = (
        version == 1
        and offset0 == 0
        and 0 < m <= 4096
        and max_m == m
        and max_m0 == 2 * m
        and count <= max_elements < 1 << 40
        and data_at == 4 + 4 * max_m0
        and data_at < label_at
        and label_at + 8 == per_element
        and (count == 0 or entry < count)
    )
    if not sane:
        return "header.bin does not describe an HNSW index"
    # the data file holds the stored elements, or the whole capacity (a preallocated file)
    if (
        data_size % per_element
        or not count * per_element <= data_size <= max_elements * per_element
    ):
        return f"data_level0.bin has {data_size} bytes, which does not fit the header"
    if count == 0:
        return ""
    records = np.fromfile(segment / "data_level0.bin", dtype=np.uint8, count=count * per_element)
    records = records.reshape(count, per_element)
    links = np.ascontiguousarray(records[:, :data_at]).view("<u4")
    sizes = links[:, 0] & 0xFFFF
    if int(sizes.max()) > max_m0:
        return "data_level0.bin holds a neighbour list longer than the index allows"
    used = np.arange(max_m0)[None, :] < sizes[:, None]
    if bool((links[:, 1:][used] >= count).any()):
        return "data_level0.bin names a neighbour that is not stored"
    return ""
