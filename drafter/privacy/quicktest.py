"""A quick first test in front of a pattern: `guarded(regex)`.

`guarded(regex)` is the same pattern with a quick test in front, read from the pattern's own
syntax tree (the parser `re` compiles with): a word boundary when every way through starts at
one, and a look-ahead for the characters a match can start with. `re` tries a pattern at
every position; the test turns most positions away in one step instead of trying each
alternative of a long cue list. Same matches, same groups
(tests/unit/test_privacy_prefilter.py checks it on every privacy pattern). The line filter
that goes with it (`scan`) is in drafter/privacy/prefilter.py.

`per_pattern` remembers a function of a compiled pattern by the pattern object itself:
hashing a compiled pattern (what `lru_cache` does on every call) hashes its whole compiled
code, tens of microseconds for a long cue list, and a redaction asks ~500 times. It holds
the pattern weakly, so a pattern built from a customer's value leaves the memo with it.
"""

from __future__ import annotations

import importlib
import re
import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

_parser: Any = importlib.import_module("re._parser")  # the parser `re` itself compiles with
_c: Any = importlib.import_module("re._constants")
_compiler: Any = importlib.import_module("re._compiler")  # the compiler's own prefix tests

_CLASS_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}  # fmt: skip
_GLOBAL_FLAGS = re.compile(r"\A(?:\(\?[aiLmsux]+\))+")

T = TypeVar("T")


def per_pattern(
    function: Callable[[re.Pattern[str]], T],
) -> Callable[[re.Pattern[str]], T]:
    """`function` (a pure function of a compiled pattern) remembered per pattern object: a
    lookup by `id`, not by the pattern's hash. The memo holds the pattern weakly: an entry
    goes with its pattern (one built from a customer's values, a vault value's, goes when the
    memos that hold it are emptied at the end of a redaction: drafter.privacy.memos, and
    `re`'s own cache is purged), and it starts again after 1024 patterns."""
    memo: dict[int, tuple[weakref.ref[re.Pattern[str]], T]] = {}

    @wraps(function)
    def remembered(regex: re.Pattern[str]) -> T:
        key = id(regex)
        hit = memo.get(key)
        if hit is not None and hit[0]() is regex:
            return hit[1]
        if len(memo) >= 1024:
            memo.clear()
        value = function(regex)
        memo[key] = (weakref.ref(regex, lambda _gone: memo.pop(key, None)), value)
        return value

    return remembered


def _first(items: list[tuple[Any, Any]], blind: bool) -> tuple[bool, list[tuple[str, bool]]] | None:
    """(every way through passes a word boundary before its first character, the class
    items that first character is one of, each with whether it is matched case-blind);
    None when not known. `blind`: IGNORECASE is in force here."""
    if not items:
        return None  # the pattern may match nothing: no first character
    op, av = items[0]
    rest = list(items[1:])
    if op is _c.LITERAL:
        return False, [(re.escape(chr(av)), blind)]
    if op is _c.IN:
        out = []
        for kind, value in av:
            if kind is _c.LITERAL:
                out.append((re.escape(chr(value)), blind))
            elif kind is _c.RANGE:
                out.append((f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}", blind))
            elif kind is _c.CATEGORY and str(value) in _CLASS_CATEGORIES:
                out.append((_CLASS_CATEGORIES[str(value)], blind))
            else:
                return None  # a negated class: anything may come first
        return False, out
    if op is _c.AT or op is _c.ASSERT or op is _c.ASSERT_NOT:
        found = _first(rest, blind)
        if found is None:
            return None
        return (found[0] or (op is _c.AT and str(av) == "AT_BOUNDARY")), found[1]
    if op is _c.SUBPATTERN:
        _group, add, remove, sub = av
        flag = re.IGNORECASE.value
        inner = (blind or bool(add & flag)) and not remove & flag
        if inner == blind:
            return _first(list(sub.data) + rest, blind)
        # the scope ends with the group: its own first character, or (if it may match
        # nothing) the first character after it
        own = _first(list(sub.data), inner)
        if own is None:
            return None
        return own
    if op is _c.BRANCH:
        ways = [_first(list(alternative.data) + rest, blind) for alternative in av[1]]
        if any(way is None for way in ways):
            return None
        known = [way for way in ways if way is not None]
        return all(b for b, _ in known), [item for _, part in known for item in part]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        once = _first(list(av[2].data) + rest, blind)
        if av[0] >= 1 or once is None:
            return once
        skipped = _first(rest, blind)
        if skipped is None:
            return None
        return once[0] and skipped[0], once[1] + skipped[1]
    return None


def _skips_itself(tree: Any) -> bool:
    """Does `re` already skip ahead to a pattern's first character on its own (a literal
    first text or a first character class it can test without case folding)? Then a
    look-ahead in front would only slow it down: `re` leaves that fast path for any pattern
    that starts with a look-around."""
    flags = tree.state.flags
    if tree.getwidth()[0] == 0:
        return False  # a pattern that may match nothing gets no fast path
    prefix = _compiler._get_literal_prefix(tree, flags)[0]
    return bool(prefix) or bool(_compiler._get_charset_prefix(tree, flags))


@per_pattern
def guarded(regex: re.Pattern[str]) -> re.Pattern[str]:
    """`regex` with a quick test in front that every match passes anyway: a word boundary
    when every way through starts at one, and a look-ahead for the character class a match
    can start with. `re` tries a pattern at every position; the test rejects most positions
    in one step instead of trying each alternative of a long cue list. Same matches, same
    groups; `regex` itself when no such test can be read from it."""
    try:
        tree = _parser.parse(regex.pattern, regex.flags)
        if _skips_itself(tree):
            return regex
        found = _first(list(tree.data), bool(tree.state.flags & re.IGNORECASE.value))
    except Exception:
        return regex
    if found is None:
        return regex
    boundary, items = found
    body = _GLOBAL_FLAGS.sub("", regex.pattern)
    exact = "".join(dict.fromkeys(item for item, blind in items if not blind))
    blind = "".join(dict.fromkeys(item for item, blind in items if blind))
    classes = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{blind}])"] if blind else [])
    test = (r"\b" if boundary else "") + "(?=" + "|".join(classes) + ")"
    try:
        return re.compile(test + "(?:" + body + ")", regex.flags)
    except re.error:
        return regex
