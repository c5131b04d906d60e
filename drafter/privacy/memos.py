"""The memos that hold customer text, and their end: `redaction()` and `forget()`.

Several pure functions of the privacy code remember their answers per word, value, text or
compiled pattern (`lru_cache`, `WordLists.is_never`, `quicktest.per_pattern`, the
Pseudonymizer's per-text memos): every distinct word of a mail is asked many times while one
email is redacted. Their keys are the customer's words and values, so they must not outlive
that redaction in a long-running worker (nor a `drafter privacy forget`).

`redaction()` marks one redaction (re-entrant, per thread): when the outermost one ends,
every registered memo is emptied. The Pseudonymizer's public methods and the outgoing-request
guard run inside it; `forget()` empties them at any other time (the erasure calls it).
A memo registers with `customer_memo` (an `lru_cache`d function), `register(clear)` (any
clear function of a module-level memo) or `register_owner(obj)` (an object whose
`forget_memos()` empties its own memos; held weakly).
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, Protocol, TypeVar

_CLEARS: list[Callable[[], None]] = []
# by id: two equal owners (frozen dataclasses compare by value) are still two memos
_OWNERS: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()
_local = threading.local()

F = TypeVar("F", bound=Callable[..., Any])


class _Cached(Protocol):
    def cache_clear(self) -> None: ...


C = TypeVar("C", bound=_Cached)


def customer_memo(function: C) -> C:
    """Register an `lru_cache`d function whose keys are customer text (returned unchanged)."""
    _CLEARS.append(function.cache_clear)
    return function


def register(clear: Callable[[], None]) -> None:
    """Register the clear function of a module-level memo of customer text."""
    _CLEARS.append(clear)


def register_owner(owner: Any) -> None:
    """Register an object with a `forget_memos()` method (held weakly: no leak)."""
    _OWNERS[id(owner)] = owner


def compile_customer(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` for a pattern spelled from customer values (names, addresses, vault
    values): the `re` module keeps every compiled pattern in its own cache (up to 512, in
    CPython `re._cache`), where such a pattern would outlive the redaction; this one is taken
    out of that cache at once (the caller's own memo, if any, is registered here)."""
    compiled = re.compile(pattern, flags)
    cache = getattr(re, "_cache", None)
    if isinstance(cache, dict):
        cache.pop((type(pattern), pattern, flags), None)
    return compiled


def forget() -> None:
    """Empty every registered memo now."""
    for clear in _CLEARS:
        clear()
    for owner in list(_OWNERS.values()):
        owner.forget_memos()


@contextmanager
def redaction() -> Iterator[None]:
    """One redaction: when the outermost (in this thread) ends, every memo is emptied, also
    when it ends with an exception."""
    depth = getattr(_local, "depth", 0)
    _local.depth = depth + 1
    try:
        yield
    finally:
        _local.depth = depth
        if depth == 0:
            forget()


def in_redaction(method: F) -> F:
    """`method` run inside `redaction()`."""

    @wraps(method)
    def scoped(*args: Any, **kwargs: Any) -> Any:
        with redaction():
            return method(*args, **kwargs)

    return scoped  # type: ignore[return-value]
