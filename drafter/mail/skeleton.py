"""Cheap structural pre-pass for large emails: drop big binary bodies before MIME parsing.

Owns `skeleton(raw)`: for each MIME leaf whose Content-Type is not text/*, multipart/* or
message/* and whose body exceeds `KEEP_BYTES`, the body is replaced by nothing and an
`X-Drafter-Omitted-Size` header records its decoded size. The email package then parses a
small message (fast, bounded memory) and attachment metadata stays exact enough.
"""

from __future__ import annotations

import itertools
import re

OMITTED_HEADER = "X-Drafter-Omitted-Size"
KEEP_BYTES = 1024  # only for messages over SKELETON_FROM: small parts cost parse time too

_BOUNDARY_DECL = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))')
_CTYPE = re.compile(rb"^content-type:\s*([\w.+-]+)/", re.I | re.M)
_B64 = re.compile(rb"^content-transfer-encoding:\s*base64", re.I | re.M)
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def declared_boundaries(raw: bytes) -> list[bytes]:
    """Every boundary parameter in the message, in order of appearance (case kept)."""
    lowered = raw.lower()
    found: list[bytes] = []
    for match in _BOUNDARY_DECL.finditer(lowered):
        group = 1 if match.group(1) is not None else 2
        start, end = match.span(group)
        found.append(raw[start:end].strip())
    return found


def delimiter_lines(raw: bytes) -> list[tuple[int, int, bytes]]:
    """(line start, line end, token after "--") for every line starting with "--"."""
    lines: list[tuple[int, int, bytes]] = []
    position = 0 if raw.startswith(b"--") else raw.find(b"\n--")
    while position != -1:
        start = position if position == 0 and raw.startswith(b"--") else position + 1
        end = raw.find(b"\n", start)
        end = len(raw) if end == -1 else end
        token = raw[start + 2 : end].rstrip(b" \t\r")
        if 0 < len(token) <= 200:
            lines.append((start, end, token))
        position = raw.find(b"\n--", end)
    return lines


def skeleton(raw: bytes) -> bytes:
    """`raw` with large non-text leaf bodies removed (unchanged when nothing is large)."""
    declared = set(declared_boundaries(raw))
    if not declared:
        return raw
    cuts: list[tuple[int, int, int]] = []  # body start, body end, decoded size
    delims = [d for d in delimiter_lines(raw) if d[2].removesuffix(b"--") in declared]
    for here, nxt in itertools.pairwise(delims):
        start, end = here[1] + 1, nxt[0]
        if end - start <= KEEP_BYTES or here[2].endswith(b"--"):
            continue
        head_end = _HEAD_END.search(raw, start, min(end, start + 16_384))
        if head_end is None:
            continue
        head = raw[start : head_end.start()]
        ctype = _CTYPE.search(head)
        major = ctype.group(1).lower() if ctype else b"text"
        if major in (b"text", b"multipart", b"message"):
            continue
        body_len = end - head_end.end()
        size = body_len
        if _B64.search(head):
            body = raw[head_end.end() : end]
            chars = body_len - body.count(b"\n") - body.count(b"\r")
            size = chars * 3 // 4 - body[-8:].count(b"=")
        cuts.append((head_end.start(), end, size))
    if not cuts:
        return raw
    out: list[bytes] = []
    position = 0
    for cut_start, cut_end, cut_size in cuts:
        out.append(raw[position:cut_start])
        out.append(f"\n{OMITTED_HEADER}: {cut_size}\n\n".encode())
        position = cut_end
    out.append(raw[position:])
    return b"".join(out)
