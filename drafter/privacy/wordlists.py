"""What must never and what must always be hidden, beyond the recognizers.

Never hidden (`never`): the company's own data (brand and agent name, the From address and
its domain, `DRAFTER_LINK_ALLOWLIST` domains, `DRAFTER_COMPANY_DATA` strings such as the
hotline number or the company's postal address), the words of `DRAFTER_PRIVACY_NEVER_HIDE`
and of `<data_dir>/privacy/never_hide.txt`, and the capitalised vocabulary of the knowledge
base articles in `DRAFTER_KB_DIR` (tariff, product and place names) with the street
addresses written in them (the company's own: "Hafenstraße 12").
Always hidden (`always`): the words and phrases of `DRAFTER_PRIVACY_ALWAYS_HIDE` and of
`<data_dir>/privacy/always_hide.txt` (one per line, `#` starts a comment).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.config import Settings
from drafter.privacy.memos import customer_memo, register_owner

_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß]+(?:-[A-ZÄÖÜ][\wäöüß]+)*")


@customer_memo  # asked for every span of every text (never-hide test); emptied per redaction
@lru_cache(maxsize=4096)
def key(value: str) -> str:
    """The comparison key of a word or phrase (NFKC, casefolded, single spaces)."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


_GERMAN_PREFIX = re.compile(r"\s*(?:\+|00)[ ]?49[ ]?(?:\([ ]?0[ ]?\)[ ]?)?")


def digits_key(value: str) -> str:
    """The digits of a number; a German number written internationally ("+49 431 5577 100",
    "0049 (0)431 …") as dialled at home ("04315577100"), so both forms compare equal."""
    prefix = _GERMAN_PREFIX.match(value)
    if prefix is not None:
        return "0" + re.sub(r"\D", "", value[prefix.end() :])
    return re.sub(r"\D", "", value)


def _read_list(path: Path) -> list[str]:
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


_PHONE_LIKE = re.compile(r"(?<![\w])(?:\+|00|0)\d[\d ()/.-]{5,18}\d")


_STREET_NUMBER = re.compile(r"\b[A-ZÄÖÜ][\wäöüß.-]+[ ]\d{1,4}[a-z]?\b")


@lru_cache(maxsize=8)
def _kb_words(kb_dir: str, stamp: float) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words: set[str] = set()
    numbers: set[str] = set()
    addresses: set[str] = set()
    for path in sorted(Path(kb_dir).rglob("*.md"))[:2000]:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        words.update(m.group() for m in _CAPITALISED.finditer(text))
        numbers.update(digits_key(m.group()) for m in _PHONE_LIKE.finditer(text))
        addresses.update(key(m.group()) for m in _STREET_NUMBER.finditer(text))
    numbers_kept = frozenset(n for n in numbers if len(n) >= 6)
    return frozenset(words), numbers_kept, frozenset(addresses)


def kb_vocabulary(kb_dir: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Capitalised words, phone-like numbers (the company's public hotlines) and "street
    number" pairs (its own addresses: "Hafenstraße 12") of the knowledge-base articles;
    empty if the folder is missing."""
    try:
        stamp = kb_dir.stat().st_mtime
    except OSError:
        return frozenset(), frozenset(), frozenset()
    return _kb_words(str(kb_dir), stamp)


@dataclass(frozen=True)
class WordLists:
    never: frozenset[str]  # keys of words/phrases never hidden
    never_digits: frozenset[str]  # digit strings of own phone numbers etc.
    always: tuple[str, ...]  # phrases always hidden (as typed)
    kb_words: frozenset[str]  # capitalised KB words (as written)
    kb_addresses: frozenset[str] = frozenset()  # keys of "Street 12" written in the KB
    # `is_never`'s answers (the lists are frozen, so an answer never changes; every span of
    # every field asks, numbers against every own number); its keys are customer values, so
    # it is emptied when a redaction ends (drafter.privacy.memos)
    _memo: dict[tuple[str, str], bool] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        register_owner(self)

    def forget_memos(self) -> None:
        """Drop the remembered answers (their keys are customer values)."""
        self._memo.clear()

    @classmethod
    def from_settings(cls, settings: Settings) -> WordLists:
        folder = settings.data_dir / "privacy"
        own = [settings.brand_name, settings.agent_name, settings.mail_from, settings.signature]
        own += settings.link_allowlist + settings.company_data + settings.privacy_never_hide
        own += _read_list(folder / "never_hide.txt")
        never: set[str] = set()
        never_digits: set[str] = set()
        for item in own:
            never.add(key(item))
            for word in re.findall(r"[^\W\d_][\w.@-]*", item):
                never.add(key(word.strip(".-")))
            for number in re.findall(r"\+?\d[\d ()/.-]{5,}\d", item):
                never_digits.add(digits_key(number))
        always = [*settings.privacy_always_hide, *_read_list(folder / "always_hide.txt")]
        kb_words, kb_numbers, kb_addresses = kb_vocabulary(settings.kb_dir)
        return cls(
            never=frozenset(n for n in never if n),
            never_digits=frozenset(d for d in never_digits | kb_numbers if len(d) >= 6),
            always=tuple(a for a in always if a.strip()),
            kb_words=kb_words,
            kb_addresses=kb_addresses,
        )

    def is_never(self, value: str, entity_type: str) -> bool:
        """True when `value` is the company's own data or on the never-hide list."""
        found = self._memo.get((value, entity_type))
        if found is None:
            if len(self._memo) >= 16384:
                self._memo.clear()
            found = self._memo[(value, entity_type)] = self._is_never(value, entity_type)
        return found

    def _is_never(self, value: str, entity_type: str) -> bool:
        if key(value) in self.never:
            return True
        if entity_type == "ADDRESS" and (key(value) in self.kb_addresses or value in self.kb_words):
            return True  # the company's own address as the articles give it
        if entity_type in ("PHONE", "CUSTOMER_NO", "NUMBER", "ORDER_NO") and self.never_digits:
            digits = digits_key(value)
            if len(digits) < 6:
                return digits in self.never_digits
            return any(digits in own or own in digits for own in self.never_digits)
        return False
