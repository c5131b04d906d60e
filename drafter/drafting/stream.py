"""Turning the model's raw token stream into what the agent sees while it is written.

`DisplayFilter` restores placeholders ([NAME_1] -> the real value) even when a placeholder is
split across chunks, and holds back the trailing `#reason: ...` line the reply template asks
for, so the live text matches the final draft. It only affects display; the final body is
restored once more from the complete text by the privacy package.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.privacy.patterns import PLACEHOLDER_RE

REASON_MARK = "#reason:"
_REASON_LINE = re.compile(r"^\s*#\s*reason\s*:\s*(\S+)\s*$", re.I | re.M)
_PLACEHOLDER = PLACEHOLDER_RE
_MAX_HOLD = 40


def split_reason(text: str) -> tuple[str, str]:
    """(body without the reason line, the stated contact reason or '')."""
    matches = list(_REASON_LINE.finditer(text))
    if not matches:
        return text.strip(), ""
    match = matches[-1]
    body = (text[: match.start()] + text[match.end() :]).strip()
    return body, match.group(1).strip().strip(".").lower()


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
                head = text.lstrip(" ")[: len(REASON_MARK)].lower()
                if head and REASON_MARK.startswith(head):
                    if "\n" in text:  # a complete reason line: drop it
                        self._pending = text.split("\n", 1)[1]
                        continue
                    break  # maybe the reason line: wait for more
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
        head = rest.strip().lower()
        if (
            self._line_start
            and head
            and (head.startswith(REASON_MARK) or REASON_MARK.startswith(head))
        ):
            return ""
        return rest
