"""A name written another way is the same name: with or without diacritics, with German
umlauts spelt out, transliterated (Yıldız/Yildiz, Müller/Mueller/Muller, Öztürk/Oeztuerk,
Łukasz/Lukasz, Weiß/Weiss).

`skeleton` folds a word to one key for all those spellings; `variant_spans` finds, in a text,
the capitalised words whose key is that of a word of a known name (found in this text, the
sender's, or the thread's vault) but that are spelt differently: the name matcher
(drafter.privacy.names) only knows the spellings it was given. Used by
drafter.privacy.pseudonymize `find`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from drafter.privacy.everyday import everyday_memo
from drafter.privacy.memos import customer_memo, register
from drafter.privacy.spans import Span

_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"}
)
_SPELT_OUT = re.compile(r"(?<=[aou])e")  # "Mueller", "Oeztuerk", "Kaese": the umlaut spelt out
_WORD = re.compile(r"[^\W\d_]{3,}")
_DATE_AROUND = re.compile(r"\d\.?[ ]?$")
_YEAR_AFTER = re.compile(r"\.?[ ]?\d")


@everyday_memo(maxsize=8192)  # a customer's words until the redaction ends, everyday ones for good
def skeleton(word: str) -> str:
    """One key for every spelling of `word`: casefolded, special letters and diacritics
    dropped, an umlaut spelt out ("ue") and a double s folded."""
    low = word.casefold().translate(_SPECIAL)
    bare = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
    return _SPELT_OUT.sub("", bare).replace("ss", "s")


# each name's (key, casefolded word) pairs: every field of a mail asks `variant_spans` again
# with the same known names and a few more (until the redaction ends: customer names)
_NAME_KEYS: dict[str, tuple[tuple[str, str], ...]] = {}
register(_NAME_KEYS.clear)


def _name_keys(name: str) -> tuple[tuple[str, str], ...]:
    found = _NAME_KEYS.get(name)
    if found is None:
        found = tuple((skeleton(word), word.casefold()) for word in _WORD.findall(name))
        if len(_NAME_KEYS) > 4096:
            _NAME_KEYS.clear()
        _NAME_KEYS[name] = found
    return found


def variant_spans(text: str, names: Iterable[str]) -> list[Span]:
    """NAME spans of the capitalised words of `text` spelt differently from a word of the
    known `names` but with its key ("Yildiz" when "Yıldız" is known, and the other way)."""
    if not _capitalised(text):
        return []  # no word to test (the keys of the names are not needed)
    keys: dict[str, set[str]] = {}
    for name in names:
        for key, low in _name_keys(name):
            keys.setdefault(key, set()).add(low)
    if not keys:
        return []
    return [
        Span(start, end, "NAME", "another spelling of a known name")
        for start, end, word in _capitalised(text)
        if (spellings := keys.get(skeleton(word))) and word.casefold() not in spellings
    ]


@customer_memo
@lru_cache(maxsize=64)
def _capitalised(text: str) -> tuple[tuple[int, int, str], ...]:
    """The capitalised words of `text` (three letters or more), remembered: a mail's fields
    are redacted more than once (the subject again, the engine's second pass)."""
    return tuple(
        (m.start(), m.end(), m.group()) for m in _WORD.finditer(text) if m.group()[0].isupper()
    )


_NOT_ALNUM = re.compile(r"[\W_]+")


def mentions(text: str, values: Iterable[str]) -> bool:
    """Whether `text` may hold one of `values` again: a word of it in any spelling, or its
    letters and digits in any spacing (the quick test before a field is redacted again)."""
    words = {skeleton(w) for w in _WORD.findall(text)}
    squeezed = _NOT_ALNUM.sub("", text).casefold()
    for value in values:
        if any(skeleton(w) in words for w in _WORD.findall(value)):
            return True
        bare = _NOT_ALNUM.sub("", value).casefold()
        if len(bare) >= 4 and bare in squeezed:
            return True
    return False


def short_form_spans(
    text: str, names: Iterable[str], is_first_name: Callable[[str], bool]
) -> list[Span]:
    """NAME spans of a first name that starts a longer first name known here ("Max" when
    "Maximilian Wutte" is named, "Alex" of Alexandra): the same person, called by the short
    form. Both must be listed first names; the short form has three letters or more."""
    words = {w for name in names for w in name.split()[:1] if len(w) >= 5}
    firsts = {w.casefold() for w in words if _WORD.fullmatch(w) and is_first_name(w)}
    if not firsts:
        return []
    # every proper start of three letters or more: one set lookup per word of the text
    starts = {f[:n] for f in firsts for n in range(3, len(f))}
    out: list[Span] = []
    for start, end, word in _capitalised(text):
        if word.casefold() not in starts:
            continue
        if _DATE_AROUND.search(text, max(0, start - 4), start) or _YEAR_AFTER.match(text, end):
            continue  # "1 Jan 2025": a month, not Jan of Janina
        if is_first_name(word):
            out.append(Span(start, end, "NAME", "short form of a name found here"))
    return out
