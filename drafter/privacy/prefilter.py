"""Which lines of a text a pattern can match on at all: a substring test before the scan.

`factors(regex)` reads the pattern's own syntax tree (the parser `re` compiles with) and
returns the pieces of which every match must hold at least one: literal text ("Kundennummer",
"konto", "-nr" for the customer-number cue; "Straße" or "weg" for a street) or a run of n
digits (`\\d{5}` of a postcode). A line that holds none of them cannot match, so `scan` drops
it before the (slow) scan. Nothing is written by hand: a pattern edited later gets its pieces
from its new text, and a pattern whose matches share no piece (`None`) is scanned as before.

A piece from a case-sensitive part of a pattern is tested as written; one from a
case-insensitive part (`(?i)`, `[Ss]`) in lowercase against the lowercased text (`lowered`:
one character per character, with the letters that `re` treats as equal under IGNORECASE
but `str.lower` does not, such as "ı" and "ſ", mapped to "i" and "s").

`scan(regex, text)` scans line by line only when `single_line(regex)` says that no match can
hold a line break and no look-ahead or end anchor can tell the end of a line from the end of
the text; otherwise it scans the whole text when it holds a piece at all. Either way it yields
exactly the matches of `regex.finditer` over the same range.

`guarded(regex)` (drafter/privacy/quicktest.py, re-exported here) puts a quick first test in
front of a pattern. tests/unit/test_privacy_prefilter.py checks both helpers on every privacy
pattern.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from drafter.privacy.memos import customer_memo
from drafter.privacy.quicktest import guarded as guarded
from drafter.privacy.quicktest import per_pattern

_parser: Any = importlib.import_module("re._parser")  # the parser `re` itself compiles with
_c: Any = importlib.import_module("re._constants")

EXACT, LOWER, DIGITS = "exact", "lower", "digits"
Factor = tuple[str, str]  # (piece, how it is tested: EXACT, LOWER or DIGITS)

# letters that IGNORECASE matches to an ASCII letter but that `str.lower` keeps apart
_FIXES = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k", "ẞ": "ß"})
_SPECIAL = (("İ", "i"), ("ı", "i"), ("ſ", "s"), ("K", "k"), ("ẞ", "ß"))
_DIGITS = re.compile(r"\d+")


@customer_memo
@lru_cache(maxsize=16)
def lowered(text: str) -> str:
    """`text` in lowercase with the same length (offsets stay valid)."""
    for special, plain in _SPECIAL:  # str.replace: str.translate is far slower
        if special in text:
            text = text.replace(special, plain)
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] or c for c in text)
    return low


@customer_memo
@lru_cache(maxsize=16)
def _digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every run of digits in `text`."""
    return tuple(m.span() for m in _DIGITS.finditer(text))


def _fold(ch: str) -> str:
    return ch.translate(_FIXES).lower()[:1]


def _is_digit_class(op: Any, av: Any) -> bool:
    if op is not _c.IN or len(av) != 1:
        return False
    kind, value = av[0]
    return (kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT) or (
        kind is _c.RANGE and value == (48, 57)
    )


def _score(found: set[Factor]) -> tuple[float, int]:
    """How selective a set of pieces is: its shortest piece (a digit counts 1.5), then few."""
    return min(len(p) * (1.5 if kind == DIGITS else 1) for p, kind in found), -len(found)


def _sequence(items: Iterable[tuple[Any, Any]], ignorecase: bool) -> set[Factor] | None:
    candidates: list[set[Factor]] = []
    run: list[str] = []
    run_ci = False
    digits = 0

    def close() -> None:
        nonlocal run, run_ci, digits
        if run:  # a run with one case-blind letter is tested in lowercase as a whole
            piece = "".join(_fold(ch) for ch in run) if run_ci else "".join(run)
            candidates.append({(piece, LOWER if run_ci else EXACT)})
        if digits:
            candidates.append({("0" * digits, DIGITS)})
        run, run_ci, digits = [], False, 0

    for op, av in items:
        letter = ""
        if op is _c.LITERAL:
            letter = _fold(chr(av)) if ignorecase else chr(av)
            blind = ignorecase
        elif op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
            folded = {_fold(chr(v)) for _, v in av}
            if len(folded) == 1:  # "[Ss]": one letter in either case
                letter, blind = folded.pop(), True
        if letter:
            if digits:
                close()
            run.append(letter)
            run_ci = run_ci or blind
            continue
        repeat = op is _c.MAX_REPEAT and av[0] >= 1 and len(av[2].data) == 1
        if _is_digit_class(op, av) or (repeat and _is_digit_class(*av[2].data[0])):
            if run:
                close()
            if op is _c.IN:
                digits += 1
                continue
            digits += av[0]  # "\d{5}"
            if av[0] != av[1]:
                close()  # "\d{4,5}": the run may go on, but not as a known piece
            continue
        close()
        found = _node(op, av, ignorecase)
        if found:
            candidates.append(found)
    close()
    return max(candidates, key=_score) if candidates else None


def _node(op: Any, av: Any, ignorecase: bool) -> set[Factor] | None:
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        flag = re.IGNORECASE.value
        case = (ignorecase or bool(add & flag)) and not remove & flag
        return _sequence(sub.data, case)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data, ignorecase)
    if op is _c.BRANCH:
        out: set[Factor] = set()
        for alternative in av[1]:
            found = _sequence(alternative.data, ignorecase)
            if not found:
                return None  # one way through holds no piece: no filter
            out |= found
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(av[2].data, ignorecase)
    return None  # a class, a look-around, an anchor, an optional part: no piece


def _covered(piece: str, kind: str, found: set[Factor]) -> bool:
    """Does a line holding `piece` always hold another (shorter) piece of `found` too?"""
    for other, other_kind in found:
        if (other, other_kind) == (piece, kind) or len(other) > len(piece):
            continue
        if kind == DIGITS or other_kind == DIGITS:
            if kind == other_kind:
                return True  # five digits in a row hold four
            continue
        if other_kind == LOWER and other in "".join(_fold(ch) for ch in piece):
            return True
        if other_kind == EXACT and kind == EXACT and other in piece:
            return True
    return False


@per_pattern
def factors(regex: re.Pattern[str]) -> tuple[Factor, ...] | None:
    """Pieces every match of `regex` holds one of; None when there are none."""
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
        found = _sequence(tree.data, bool(tree.state.flags & re.IGNORECASE.value))
    except Exception:  # an unknown parser version: never filter
        return None
    if not found:
        return None
    return tuple(sorted(f for f in found if not _covered(*f, found)))


_NEWLINE_CATEGORIES = frozenset(
    ("CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK")
)


def _class_has_newline(items: list[tuple[Any, Any]]) -> bool:
    negate = bool(items) and items[0][0] is _c.NEGATE
    hit = False
    for kind, value in items:
        if kind not in (_c.NEGATE, _c.LITERAL, _c.RANGE, _c.CATEGORY):
            return True  # unknown: assume the worst
        hit = hit or (
            (kind is _c.LITERAL and value == 10)
            or (kind is _c.RANGE and value[0] <= 10 <= value[1])
            or (kind is _c.CATEGORY and str(value) in _NEWLINE_CATEGORIES)
        )
    return hit != negate


def _line_bound(items: Iterable[tuple[Any, Any]], dotall: bool) -> bool:
    for op, av in items:
        if op is _c.LITERAL:
            if av == 10:
                return False
        elif op is _c.NOT_LITERAL:
            if av != 10:
                return False
        elif op is _c.ANY:
            if dotall:
                return False
        elif op is _c.IN:
            if _class_has_newline(av):
                return False
        elif op is _c.AT:
            if str(av) in ("AT_END", "AT_END_STRING"):
                return False  # "$" and "\Z" tell the end of a line from the end of the text
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            direction, sub = av
            if direction > 0 and not _line_bound(sub.data, dotall):
                return False  # a look-behind sees the whole text either way
        elif op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            flag = re.DOTALL.value
            if not _line_bound(sub.data, (dotall or bool(add & flag)) and not remove & flag):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _line_bound(av.data, dotall):
                return False
        elif op is _c.BRANCH:
            if not all(_line_bound(alt.data, dotall) for alt in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _line_bound(av[2].data, dotall):
                return False
        elif op is _c.GROUPREF:
            continue  # repeats a group's text, which is checked where the group is
        else:
            return False  # a construct not known here: assume it may cross a line
    return True


@per_pattern
def single_line(regex: re.Pattern[str]) -> bool:
    """True when scanning each line of a text finds the same matches as scanning the text."""
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
        return _line_bound(tree.data, bool(tree.state.flags & re.DOTALL.value))
    except Exception:
        return False


@customer_memo
@lru_cache(maxsize=16)
def text_lines(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every line of `text`."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(out)


def lines_with(
    regex: re.Pattern[str], text: str, lines: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The (start, end) `lines` of `text` (in text order, none overlapping) holding one of
    `regex`'s pieces whole (all of them when it has none, or only runs of one or two
    digits: looking for those costs more than the lines it rules out).

    Each piece is looked for once per line at most: after a hit the search goes on at the end
    of that line, after a place outside every line (or across a line's end) at the start of
    the next line. A piece that stands on many lines costs one `find` per line, not one per
    place it stands."""
    return _lines_with(_plan(regex)[2], text, list(lines))


def _lines_with(
    groups: tuple[tuple[str, tuple[Factor, ...]], ...] | None,
    text: str,
    lines: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """`lines_with` given the pattern's `_case_groups` (None: no filter)."""
    if groups is None or not lines:
        return lines
    starts = [a for a, _ in lines]
    hit = [False] * len(lines)
    for key, group in groups:
        if key and key not in lowered(text):
            continue  # none of the group's spellings stands in the text
        for piece, kind in group:
            _mark(piece, kind, text, lines, starts, hit)
    return [line for line, h in zip(lines, hit, strict=True) if h]


@per_pattern
def _plan(
    regex: re.Pattern[str],
) -> tuple[re.Pattern[str], bool, tuple[tuple[str, tuple[Factor, ...]], ...] | None]:
    """What `scan` needs of a pattern, looked up once per scan: the pattern with its quick
    test (`guarded`), `single_line`, and the `_case_groups` of its pieces (None when its
    lines are not filtered: no pieces, or only runs of one or two digits, which stand on
    nearly every line with a digit)."""
    pieces = factors(regex)
    if pieces is None or all(k == DIGITS and len(p) <= 2 for p, k in pieces):
        groups = None
    else:
        groups = _case_groups(pieces)
    return guarded(regex), single_line(regex), groups


@lru_cache(maxsize=256)
def _case_groups(pieces: tuple[Factor, ...]) -> tuple[tuple[str, tuple[Factor, ...]], ...]:
    """The pieces in groups of one lowercase form ("Kunden", "kunden": "kunden"), so that one
    search in the lowercased text rules out all of them; a piece alone is its own group
    (key ""). A text holding a piece holds its lowercase form at the same place in
    `lowered(text)`: `lowered` maps one character to one, by the character alone (not for
    "Σ", whose lowercase depends on the next letter: such a piece stays alone)."""
    groups: dict[str, list[Factor]] = {}
    alone: list[Factor] = []
    for piece, kind in pieces:
        if kind == DIGITS or "Σ" in piece:
            alone.append((piece, kind))
        else:
            groups.setdefault(lowered(piece), []).append((piece, kind))
    out = [(key, tuple(g)) if len(g) > 1 else ("", tuple(g)) for key, g in groups.items()]
    return (*out, *(("", (f,)) for f in alone))


def _mark(
    piece: str,
    kind: str,
    text: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    hit: list[bool],
) -> None:
    """Set `hit[k]` for each line k holding `piece` whole."""
    size = len(piece)
    if kind == DIGITS:
        for a, b in _digit_runs(text):
            if b - a >= size:
                k = bisect.bisect_right(starts, a) - 1
                if k >= 0 and a + size <= lines[k][1]:
                    hit[k] = True
        return
    hay = text if kind == EXACT else lowered(text)
    i = hay.find(piece)
    while i >= 0:
        k = bisect.bisect_right(starts, i) - 1  # the last line starting at or before i
        if k >= 0 and i + size <= lines[k][1]:
            hit[k] = True
            after = lines[k][1]
        else:  # before the first line, between lines or across a line's end
            after = starts[k + 1] if k + 1 < len(starts) else len(hay)
        i = hay.find(piece, max(after, i + 1))


def scan(
    regex: re.Pattern[str], text: str, lines: Iterable[tuple[int, int]] | None = None
) -> Iterator[re.Match[str]]:
    """The matches of `regex.finditer(text)` (or of each of `lines`, for a pattern the caller
    knows never crosses a line), skipping the lines that hold none of its pieces."""
    quick, single, groups = _plan(regex)
    finditer = quick.finditer
    if len(text) < SHORT:  # a subject or a name: looking for the pieces costs more
        if lines is None:
            yield from finditer(text)
        else:
            for start, end in lines:
                yield from finditer(text, start, end)
        return
    if lines is None:
        if not single:
            if _lines_with(groups, text, [(0, len(text))]):
                yield from finditer(text)
            return
        lines = text_lines(text)
    for start, end in _lines_with(groups, text, list(lines)):
        yield from finditer(text, start, end)


SHORT = 300  # characters: below this `scan` does not filter lines
