"""How the desk's email pane and `drafter mail parse` lay out a customer's text: lines the
writer's mail program wrapped (at 72-90 characters) are joined again, so the pane wraps them
at its own width instead of leaving a short stub after every line ("…nach Gas, vor / allem
unten / beim Keller").

Display only: the stored mail, the model's input and the quote of the reply keep the lines
as sent. Lines laid out on purpose stay as they are: a short line, a list item, a quote, an
indented or column-aligned line, a "Label: value" line, a separator, the line after a lead-in
ending with ":", and a short last line after a finished sentence ("Kundennummer KD-…").
"""

from __future__ import annotations

import re

WRAPPED = 60  # a line at least this long that runs on into the next was wrapped by the mailer
_OWN_LINE = re.compile(r"^(?:\s|[-*•–>|+<#=_]|\d{1,3}[.)](?:\s|$)|(?:\w+[ -]?){1,4}:(?:\s|$))")
_LAID_OUT = re.compile(r"\S {3,}\S|([^\w\s])\1{3}|\t")
_SENTENCE_END = re.compile(r"[.!?)]\s*$")


def unwrap(text: str) -> str:
    """`text` with the mailer's line breaks inside a paragraph taken out."""
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        after = lines[n + 1] if n + 1 < len(lines) else ""
        if out and n and _runs_on(lines[n - 1], line, after):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _runs_on(before: str, line: str, after: str) -> bool:
    """Whether `line` continues `before` (the line above it as written)."""
    if len(before.rstrip()) < WRAPPED or not line.strip():
        return False
    if before.lstrip().startswith(">") or before.rstrip().endswith(":"):
        return False
    if _OWN_LINE.match(line) or _LAID_OUT.search(before) or _LAID_OUT.search(line):
        return False
    # a short closing line after a finished sentence is its own ("Kundennummer KD-…")
    return not (_SENTENCE_END.search(before) and len(line) < WRAPPED // 2 and not after.strip())
