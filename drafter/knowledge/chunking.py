"""Chunking: an article body cut at sentence boundaries into pieces of about CHUNK_TOKENS
subword tokens, each new piece repeating up to OVERLAP_TOKENS of the previous one's last
sentences.

Tokens are estimated, not counted by a tokenizer: a word of n letters counts 1 + (n - 1) // 5,
a number one per three digits, a punctuation mark one. On the article texts of kb/ and the
four shared retrieval KBs this estimate is, per paragraph, within 0.84-1.33 of the cl100k
count for 80 % of paragraphs (median ratio 1.00, total 1.02); measured 2026-11-29 on the
article texts only (no questions), when llama-index's SentenceSplitter (cl100k) was replaced.
On those texts, 160 estimated tokens give 1,822 chunks (cl100k tokens per chunk p50 119,
p90 171, 19 % above 160) where SentenceSplitter (160 cl100k tokens, overlap 24) made 1,927
(p50 120, p90 151); 150 would come closer (1,938; p50 112, p90 160) but was not benchmarked
(docs/benchmarks.md holds the 160 figures), so the size stays 160.

Units, largest first: lines, sentences (end mark and a space before a capital, a digit or a
quote), clauses (after , ; :), words. A unit longer than a chunk is cut into the next smaller
kind; units are then packed greedily.
"""

from __future__ import annotations

import re
from functools import lru_cache

CHUNK_TOKENS = 160  # estimated tokens; see below
OVERLAP_TOKENS = 24

_PIECE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"„“'(\[A-ZÄÖÜ0-9])")
_CLAUSE_END = re.compile(r"(?<=[,;:])\s+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=100_000)
def _piece_tokens(piece: str) -> int:
    if piece[0].isdigit():
        return 1 + (len(piece) - 1) // 3
    if piece[0].isalpha():
        return 1 + (len(piece) - 1) // 5
    return 1


def count_tokens(text: str) -> int:
    """The estimated number of subword tokens of a text (see the module docstring)."""
    return sum(_piece_tokens(p) for p in _PIECE.findall(text))


def _units(text: str, limit: int) -> list[str]:
    """The text as pieces of at most `limit` tokens, cut at the largest boundary that works;
    a piece that begins a line starts with "\n"."""
    units: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            parts = _fit(line, limit, 0)
            units.append("\n" + parts[0])
            units.extend(parts[1:])
    return units


_SPLITTERS = (_SENTENCE_END, _CLAUSE_END, _SPACE)


def _fit(text: str, limit: int, level: int) -> list[str]:
    if count_tokens(text) <= limit or level >= len(_SPLITTERS):
        return [text]
    parts = [p for p in _SPLITTERS[level].split(text) if p.strip()]
    if len(parts) == 1:
        return _fit(text, limit, level + 1)
    out: list[str] = []
    for part in parts:
        out.extend(_fit(part, limit, level + 1))
    if level == len(_SPLITTERS) - 1:  # words: pack them back into pieces of <= limit
        return _pack(out, limit, 0)
    return out


def _join(units: list[str]) -> str:
    """Units as text: a unit that begins a line goes on a new line, others after a space."""
    text = "".join(u if u.startswith("\n") else " " + u for u in units)
    return text.strip()


def _pack(units: list[str], limit: int, overlap: int) -> list[str]:
    """Units joined greedily into pieces of <= limit tokens; each piece after the first starts
    with the previous piece's last units worth <= overlap tokens."""
    pieces: list[str] = []
    current: list[tuple[str, int]] = []
    size = 0
    for unit in units:
        tokens = count_tokens(unit)
        if current and size + tokens > limit:
            pieces.append(_join([u for u, _ in current]))
            carried: list[tuple[str, int]] = []
            kept = 0
            for u, n in reversed(current):
                if kept + n > overlap or kept + n + tokens > limit:
                    break
                carried.insert(0, (u, n))
                kept += n
            current, size = carried, kept
        current.append((unit, tokens))
        size += tokens
    if current:
        pieces.append(_join([u for u, _ in current]))
    return pieces


def split_text(text: str, size: int = CHUNK_TOKENS, overlap: int = OVERLAP_TOKENS) -> list[str]:
    """The text's chunks (lines kept as lines inside a chunk)."""
    return [p for p in _pack(_units(text, size), size, overlap) if p]
