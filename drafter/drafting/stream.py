"""Turning the model's raw token stream into what the agent sees while it is written.

`DisplayFilter` restores placeholders ([NAME_1] -> the real value) even when a placeholder is
split across chunks, and holds back the trailing marker lines the reply template asks for
(`#reason: ...`, the contact reason, and `#kb: answered|partial|missing`, the model's verdict
on whether the passages answer the question), so the live text matches the final draft. It
only affects display; the final body is restored once more from the complete text by the
privacy package.

`split_trailer` parses the complete text. A verdict counts only in the model's *trailing*
marker block (the last non-blank lines, all of them marker lines): a `#kb:` line inside the
letter -- say, the model quoting a customer's email that carries one -- is removed from the
body but never sets the verdict. Several trailing verdicts count as the most cautious one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafter.privacy.patterns import PLACEHOLDER_RE

REASON_MARK = "#reason:"
VERDICT_MARK = "#kb:"
MARKS = (REASON_MARK, VERDICT_MARK)
#: the model's verdicts, least to most cautious
VERDICTS = ("answered", "partial", "missing")
_REASON_LINE = re.compile(r"^\s*#\s*reason\s*:\s*(\S+)\s*$", re.I | re.M)
_MARKER_LINE = re.compile(r"^[ \t]*#[ \t]*(reason|kb)[ \t]*:[^\n]*$", re.I | re.M)
_MARKER_DROP = re.compile(r"^[ \t]*#[ \t]*(?:reason|kb)[ \t]*:[^\n]*\n?", re.I | re.M)
_VERDICT = re.compile(r"^\s*#\s*kb\s*:\s*([^\W\d_]+)", re.I)
_MARKER_START = re.compile(r"[ \t]*#[ \t]*(reason|kb)[ \t]*:", re.I)
_SPACE = re.compile(r"[ \t]")
_PLACEHOLDER = PLACEHOLDER_RE
_MAX_HOLD = 40


@dataclass(frozen=True)
class Trailer:
    """The model's text split into the letter and what its marker lines state."""

    body: str
    reason: str = ""  # the stated contact reason, lowercased ('' = none)
    verdict: str = ""  # one of VERDICTS ('' = the model gave none)


def split_reason(text: str) -> tuple[str, str]:
    """(body without the reason line, the stated contact reason or '')."""
    matches = list(_REASON_LINE.finditer(text))
    if not matches:
        return text.strip(), ""
    match = matches[-1]
    body = (text[: match.start()] + text[match.end() :]).strip()
    return body, match.group(1).strip().strip(".").lower()


def split_trailer(text: str) -> Trailer:
    """The letter without any marker line, the stated reason and the trailing verdict."""
    body, reason = split_reason(text)
    verdicts = [_verdict(line) for line in _trailing_markers(body)]
    body = _MARKER_DROP.sub("", body).strip()
    found = [v for v in verdicts if v]
    verdict = max(found, key=VERDICTS.index) if found else ""
    return Trailer(body=body, reason=reason, verdict=verdict)


def _trailing_markers(text: str) -> list[str]:
    """The marker lines at the very end of `text` (blank lines between them allowed)."""
    lines = text.rstrip().splitlines()
    found: list[str] = []
    while lines:
        line = lines.pop()
        if not line.strip():
            continue
        if not _MARKER_LINE.fullmatch(line):
            break
        found.append(line)
    return found


def _verdict(line: str) -> str:
    match = _VERDICT.match(line)
    if not match:
        return ""
    word = match.group(1).lower()
    for verdict in VERDICTS:
        if word.startswith(verdict[:6]):  # "answered", "partial(ly)", "missing"
            return verdict
    return ""


def _marker_state(line: str) -> str:
    """'yes': `line` is a marker line; 'maybe': it could become one; 'no'."""
    if _MARKER_START.match(line):
        return "yes"
    compact = _SPACE.sub("", line).lower()
    if not compact:
        return "maybe"  # only indentation so far
    return "maybe" if any(mark.startswith(compact) for mark in MARKS) else "no"


class DisplayFilter:
    """Feed raw chunks, get display-ready text; `flush()` at the end."""

    def __init__(self, lookup: Callable[[str], str | None]) -> None:
        self._lookup = lookup
        self._pending = ""  # text not yet shown (possible placeholder or reason line)
        self._line_start = True

    def feed(self, chunk: str) -> str:
        self._pending += chunk
        out: list[str] = []
        while self._pending:
            text = self._pending
            if self._line_start:
                line, ended, rest = text.partition("\n")
                state = _marker_state(line)
                if state == "yes" and ended:  # a complete marker line: drop it
                    self._pending = rest
                    continue
                if state != "no" and not ended:
                    break  # maybe a marker line: wait for more
            newline, bracket = text.find("\n"), text.find("[")
            if bracket == -1 or (newline != -1 and newline < bracket):
                if newline == -1:
                    out.append(text)
                    self._pending = ""
                    self._line_start = False
                    break
                out.append(text[: newline + 1])
                self._pending = text[newline + 1 :]
                self._line_start = True
                continue
            self._line_start = False
            if bracket > 0:
                out.append(text[:bracket])
                self._pending = text[bracket:]
                continue
            close = text.find("]")
            if close == -1:
                if len(text) < _MAX_HOLD and "\n" not in text:
                    break  # an unfinished placeholder: wait for more
                out.append(text[0])
                self._pending = text[1:]
                continue
            token = text[: close + 1]
            if _PLACEHOLDER.fullmatch(token):
                out.append(self._lookup(token) or token)
            else:
                out.append(token)
            self._pending = text[close + 1 :]
        return "".join(out)

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        if self._line_start and _marker_state(rest.strip()) != "no":
            return ""
        return rest
