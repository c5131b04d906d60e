"""The first-name table shipped with drafter (drafter/data/first_names.tsv) and what it says.

Used by the privacy gazetteer (is this word a first name?) and by the greeting (is this first
name clearly female or male?). The table is aggregate public name statistics under permissive
licences (US SSA baby names, Statistik Austria, Swiss FSO, UK ONS, Moby lists; sources and
licences in drafter/data/FIRST_NAMES_LICENSE.md); it is read once per process, nothing is
downloaded.

Gender is answered only when the data are clear:
- the lists of the reply language's countries decide first (German: Austria, then
  Switzerland; English: England and Wales): a name in exactly one sex's list is that sex,
  unless the Moby lists know it only for the other sex ("Toni") or, for English, less than
  90 % of the US births are that sex ("Jordan", "Leigh"): a top-names list says who uses a
  name most, not that nobody else does. 90 % is the share the US births need on their own
  (below), so the British list does not make a name less clear ("Adrian", "Clare", "Rhys"
  were unclear with the former 97 %); names a careful secretary reads as either ("Alex")
  are listed in drafter.drafting.name_lists.UNISEX;
- otherwise the US births decide when at least 50 children had the name and at least 90 %
  of them one sex ("Elke", "Oliver"), and then no other source ("Jan" and "Kim" stay
  unclear for English);
- otherwise (rare in the US) the other language's country lists, then the Moby lists, then
  the US births again when at least 10 children had the name and all of one sex ("Eirini",
  "Arkady").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from drafter.privacy.memos import customer_memo

_FOLD = str.maketrans({"ø": "o", "ł": "l", "ı": "i", "đ": "d", "æ": "ae", "ß": "ss", "œ": "oe"})
_LOCAL = {"de": ("at", "ch"), "en": ("gb",)}


@customer_memo  # a customer's words: emptied when a redaction ends (drafter.privacy.memos)
@lru_cache(maxsize=16384)
def fold(name: str) -> str:
    """Casefolded and without accents: "Søren" -> "soren", "Ayşe" -> "ayse"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Entry:
    female: int  # US births
    male: int
    at: str  # in which sex's list: "f", "m", "fm" or "-"
    ch: str
    gb: str
    moby: str

    @property
    def popular(self) -> bool:
        """In a country list or given to at least 1,000 US children: a real first name."""
        return self.local or self.female + self.male >= 1000

    @property
    def rare(self) -> bool:
        """Only in the US register, given to fewer than 100 children in 138 years."""
        return not self.local and self.moby == "-" and self.female + self.male < 100

    @property
    def local(self) -> bool:
        """In an Austrian, Swiss or British list."""
        return self.at != "-" or self.ch != "-" or self.gb != "-"


@lru_cache(maxsize=1)
def table() -> dict[str, Entry]:
    """Casefolded first name (and its folded form) -> Entry; loaded once."""
    out: dict[str, Entry] = {}
    data = resources.files("drafter").joinpath("data/first_names.tsv")
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            name, female, male, at, ch, gb, moby = line.rstrip("\n").split("\t")
            entry = Entry(int(female), int(male), at, ch, gb, moby)
            out[name] = entry
            out.setdefault(fold(name), entry)
    return out


def lookup(name: str) -> Entry | None:
    names = table()
    key = name.casefold()
    return names.get(key) or names.get(fold(key))


def spelled(name: str) -> bool:
    """Whether the table holds `name` as written (casefolded), not only its folded form."""
    return name.casefold() in table()


def _sex(flags: str) -> str:
    return {"f": "female", "m": "male"}.get(flags, "")


def _mixed_in_us(entry: Entry, sex: str, share: float) -> bool:
    """At least 50 US births and less than `share` of them `sex`."""
    total = entry.female + entry.male
    return total >= 50 and (entry.female if sex == "female" else entry.male) < share * total


def gender(name: str, language: str = "de") -> str:
    """'female', 'male' or '' (unclear or unknown) for one first name."""
    entry = lookup(name)
    if entry is None:
        return ""
    local = _LOCAL.get(language, ("gb",))
    for column in local:
        clear = _sex(getattr(entry, column))
        if clear:
            other = "f" if clear == "male" else "m"
            mixed = language == "en" and _mixed_in_us(entry, clear, 0.9)
            return "" if entry.moby == other or mixed else clear
    total = entry.female + entry.male
    if total >= 50:
        if entry.female >= 0.9 * total:
            return "female"
        if entry.male >= 0.9 * total:
            return "male"
        return ""
    others = [_sex(getattr(entry, c)) for c in ("at", "ch", "gb") if c not in local]
    clear = next((sex for sex in others if sex), "")
    return clear or _sex(entry.moby) or _only_one_sex(entry)


def _only_one_sex(entry: Entry) -> str:
    """A name rare in the US but given to at least 10 children there, all of one sex."""
    if entry.female + entry.male < 10 or (entry.female and entry.male):
        return ""
    return "female" if entry.female else "male"
