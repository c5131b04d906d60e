"""A linear pre-pass that bounds how deep HTML can nest before the real parser sees it.

Owns `bound_depth(html, max_depth)`: a small tokenizer (comments, raw-text elements such as
<script>/<style>, quoted attribute values that contain `>` or `<`) that keeps a model of the
open-element stack and drops start tags that would open an element deeper than `max_depth`,
together with their end tags and stray end tags that close nothing. Text is always kept
(except inside <select>/<datalist>, which are removed whole: the converter skips them).
At most MAX_FORMATTING formatting elements (<b>, <i>, <a>, ...) stay open at a time,
because the tree builder re-opens every unclosed one before new text.

Why: HTML tree builders check "is X in scope" by walking the stack of open elements for many
start tags, so 200,000 nested <div> cost time quadratic in the depth (minutes for 2 MB).
With the depth bounded every such walk is bounded, and the whole conversion is linear.
Every position of the input is looked at a constant number of times; `Deadline.check` is
called as the scan goes, so a caller can also bound wall time.
"""

from __future__ import annotations

import re
import time

from drafter.errors import MailError

MAX_DEPTH = 256

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen frame".split()  # noqa: SIM905
)
# a start tag closes an open element of the same name only when nothing but these lies above
# it in the stack (so the real tree builder certainly closes it too: the model never pops
# more than the parser, it may only keep more open)
_SIBLING_ABOVE: dict[str, frozenset[str]] = {
    "p": frozenset(),
    "li": frozenset({"p"}),
    "dt": frozenset({"p"}),
    "dd": frozenset({"p"}),
    "option": frozenset(),
    "optgroup": frozenset({"option"}),
    "td": frozenset(),
    "th": frozenset(),
    "tr": frozenset({"td", "th"}),
}
# an end tag does not reach past these (the parser ignores `</div>` inside a table cell)
_SCOPE = frozenset("table td th caption template object applet marquee select html".split())  # noqa: SIM905
_RAW_TEXT = frozenset(
    "script style textarea title xmp iframe noembed noframes noscript plaintext".split()  # noqa: SIM905
)
# formatting elements stay "active" after being closed implicitly and are re-opened before
# later text; an unbounded list of them costs quadratic time and memory in the tree builder
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())  # noqa: SIM905
MAX_FORMATTING = 8
# form controls whose content the converter skips anyway; removed with their content here,
# because the tree builder re-checks every <option> of a <select> on each insertion
_DROPPED = frozenset({"select", "datalist"})
# one token: a start or end tag with its attributes (an unclosed tag runs to the end, as in
# HTML; quoted values may contain ">" or "<"), a comment ("<!-->" closes at once, an
# unclosed one runs to the end), or a doctype/CDATA/processing instruction (no name group)
_TOKEN = re.compile(
    r"""<(?:(/?)([A-Za-z][^\s/>]{0,63})(?:[^>"']++|"[^"]*+"|'[^']*+')*+(?:>|.*\Z)"""
    r"""|!(?=--)(?:.*?-->|.*\Z)|[!?][^>]*+(?:>|\Z))""",
    re.S,
)
_RAW_END: dict[str, re.Pattern[str]] = {}


class Deadline:
    """A budget of CPU seconds of this process; `check()` raises MailError once it is spent.

    CPU time, not wall time: on a busy machine a wall-clock deadline would quarantine
    ordinary mail that merely waited for a core.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.until = time.process_time() + seconds if seconds > 0 else float("inf")

    def check(self) -> None:
        if time.process_time() > self.until:
            raise MailError(
                f"converting the HTML body took longer than {self.seconds:g} s",
                hint="the message is quarantined; open the raw file to read it",
            )


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _RAW_END.get(name)
    if pattern is None:
        pattern = re.compile(rf"</{name}[\s/>]", re.IGNORECASE)
        _RAW_END[name] = pattern
    return pattern


def bound_depth(html: str, max_depth: int = MAX_DEPTH, deadline: Deadline | None = None) -> str:
    """`html` with every element nested deeper than `max_depth` unwrapped (its text kept).

    The stack model errs on the side of depth: where it cannot be sure the tree builder
    closes an element, it keeps it open, so the real depth stays within a small factor of
    `max_depth` (plus implied <tbody>/<tr> and at most MAX_FORMATTING re-opened elements).
    One regex scan yields the tokens; it restarts only after raw text and dropped elements.
    """
    if html.count("<") <= max_depth:  # cannot nest deeper than the number of tags
        return html
    out: list[str] = []
    kept_from = 0  # html[kept_from:lt] is copied unchanged; dropped tags cut it
    stack: list[str] = []
    where: dict[str, list[int]] = {}  # stack positions of the open elements of each name
    scopes: list[int] = []  # stack positions of open _SCOPE elements
    active: dict[str, int] = {}  # formatting elements not yet closed by their end tag
    n_active = 0
    steps = 0
    pos = 0
    n = len(html)
    while pos < n:
        resume = n  # where the scan goes on after a raw-text or dropped element
        for token in _TOKEN.finditer(html, pos):
            closing, name = token.group(1, 2)
            if name is None:  # comment, doctype, CDATA, processing instruction
                continue
            steps += 1
            if deadline is not None and not steps & 4095:
                deadline.check()
            name = name.lower()
            if closing:
                keep = False
                if n_active and active.get(name, 0) > 0:
                    active[name] -= 1
                    n_active -= 1
                    keep = True
                open_at = where.get(name)
                if open_at:
                    innermost = open_at[-1]
                    if innermost == len(stack) - 1:  # the usual case: it closes the top
                        stack.pop()
                        open_at.pop()
                        if scopes and scopes[-1] == innermost:
                            scopes.pop()
                    elif name not in _FORMATTING and (not scopes or scopes[-1] <= innermost):
                        _pop_to(stack, where, scopes, innermost)  # (misnested formatting
                    keep = True  # is closed only when on top)
                if not keep:  # a stray end tag, or the end of a dropped element
                    lt, end = token.span()
                    if lt > kept_from:
                        out.append(html[kept_from:lt])
                    kept_from = end
                continue
            if name in _VOID:
                continue
            if name in _DROPPED:
                lt, end = token.span()
                if lt > kept_from:
                    out.append(html[kept_from:lt])
                resume = kept_from = _skip_raw(html, name, end)
                break
            above = _SIBLING_ABOVE.get(name)
            if above is not None:
                open_at = where.get(name)
                if open_at:
                    innermost = open_at[-1]
                    if all(stack[i] in above for i in range(innermost + 1, len(stack))):
                        _pop_to(stack, where, scopes, innermost)
            formatting = name in _FORMATTING
            if len(stack) >= max_depth or (formatting and n_active >= MAX_FORMATTING):
                lt, end = token.span()
                if lt > kept_from:
                    out.append(html[kept_from:lt])
                kept_from = end
                if name in _RAW_TEXT:  # its raw content is not markup: drop it too
                    resume = kept_from = _skip_raw(html, name, end)
                    break
                continue
            if formatting:
                active[name] = active.get(name, 0) + 1
                n_active += 1
            if name in _RAW_TEXT:
                end = token.end()
                if not html.startswith("/>", end - 2):
                    resume = _skip_raw(html, name, end)
                    break
            open_at = where.get(name)
            if open_at is None:
                where[name] = [len(stack)]
            else:
                open_at.append(len(stack))
            if name in _SCOPE:
                scopes.append(len(stack))
            stack.append(name)
        pos = resume
    out.append(html[kept_from:])
    return "".join(out)


def _skip_raw(html: str, name: str, pos: int) -> int:
    """The position after the raw text of a <script>-like element and its end tag."""
    found = _raw_end(name).search(html, pos)
    if found is None:
        return len(html)
    close = html.find(">", found.end() - 1)
    return len(html) if close == -1 else close + 1


def _pop_to(stack: list[str], where: dict[str, list[int]], scopes: list[int], index: int) -> None:
    """Pop the open elements from `index` up (amortised O(1) per element)."""
    while len(stack) > index:
        top = stack.pop()
        where[top].pop()
        if scopes and scopes[-1] == len(stack):
            scopes.pop()
