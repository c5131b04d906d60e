"""First names -> gender for the greeting, from drafter's own first-name table.

The table (drafter/firstnames.py, data in drafter/data/first_names.tsv) is public name
statistics under permissive licences; `drafter.firstnames.gender` answers only when the data
are clear. A double name ("Anna-Lena", "Hans Peter") counts by its parts; the known parts
must agree. Names the table does not know, or leaves unclear (the US births without a clear
majority, or sources that disagree), are looked up in drafter.drafting.name_lists, which also
lists the unisex names ("Robin", "Sam") that stay neutral whatever a statistic says.
Everything else is "", and the greeting stays neutral ("Guten Tag Kim Schulte,").
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter import firstnames
from drafter.drafting import name_forms, name_lists
from drafter.privacy.memos import customer_memo


def load() -> None:
    """Load the table now (the first greeting would otherwise pay for it)."""
    firstnames.table()


def _listed(key: str) -> str:
    return "female" if key in name_lists.FEMALE else "male" if key in name_lists.MALE else ""


def _one(name: str, language: str) -> str:
    found = _read(name, language)
    entry = firstnames.lookup(name)
    if found or firstnames.fold(name) in name_lists.UNISEX:
        return found
    if entry is None or (not entry.local and entry.female + entry.male < 50):
        # a name the data hardly know: how it is formed ("Bernward", "Benedettina")
        return name_forms.formed(firstnames.fold(name), lambda known: _read(known, language))
    return ""


def _read(name: str, language: str) -> str:
    """The sex the table and the hand lists give one name ('' when they do not tell)."""
    key = firstnames.fold(name)
    if key in name_lists.UNISEX:
        return ""
    entry = firstnames.lookup(name)
    if language == "de" and key in name_lists.GERMAN_USE and not (entry and entry.local):
        return name_lists.GERMAN_USE[key]  # "Kalle": Karl here, the US births' "Kalle" is Callie
    weak = entry is None or (not entry.local and entry.female + entry.male < 50)
    if (weak or (not firstnames.spelled(name) and name.casefold() != key)) and _listed(key):
        # the hand lists outrank weak evidence: "Şenay" (the table knows only the ASCII
        # "Senay" of the US births, another name) and "Gert" (only the Moby lists, female)
        return _listed(key)
    found = firstnames.gender(name, language)
    if found:
        return found
    # a country list knows the name and the statistics disagree ("Esra": a girl in the Swiss
    # list, a man in the Moby lists): the hand list, written from the naming custom, decides
    return _listed(key)


#: a romanized Korean or Chinese given name of two syllables joined by a hyphen, the second in
#: lowercase ("Min-jun", "Seo-yeon", "Xiao-long"): no family name is written so (European
#: double names capitalise both parts: "Karl-Heinz", "Okafor-Blake")
ROMANIZED_GIVEN = re.compile(r"^[A-Z][a-z]{0,4}-[a-z]{1,5}$")

#: German transliteration of Russian and Ukrainian names -> the English one the name data hold
#: ("Wjatscheslaw" -> "vyacheslav", "Jelena" -> "yelena", "Oxana" -> "oksana"), in this order
_GERMAN_CYRILLIC = (("tsch", "ch"), ("sch", "sh"), ("w", "v"), ("x", "ks"))
#: the endings -ij/-iy (Russian -ий: "Witalij", "Gennadiy") and -ija (-ия: "Julija"); the
#: Ukrainian national transliteration (2010, passports) writes -ий/-ій as -ii and -ія as -iia
#: ("Andrii", "Serhii", "Nataliia", "Mariia")
_CYRILLIC_ENDINGS = (
    ("ij", "i"),
    ("iy", "i"),
    ("ij", "y"),
    ("iy", "y"),
    ("ija", "ia"),
    ("iia", "ia"),
    ("iia", "iya"),
    ("ii", "iy"),
    ("ii", "y"),
    ("ii", "i"),
)
#: Ukrainian г is written h ("Olha", "Serhii", "Ihor"), the Russian and English data have g
_UKRAINIAN_H = re.compile(r"(?<=[lr])h(?=[aeiou])")


def _transliterations(key: str) -> list[str]:
    """Other spellings of a first name (folded): German umlauts written ae/oe/ue ("Joerg"),
    and for a Russian or Ukrainian name the German transliteration in the English one and
    -ij/-iy/-ija as the name data write them."""
    english = key
    for german, other in _GERMAN_CYRILLIC:
        english = english.replace(german, other)
    english = re.sub(r"(?<=[^aeiou])j(?=[aeiou])|^j(?=[aeiou])", "y", english)  # "Fjodor"
    found = [re.sub(r"(?<=[a-z])(?:ae|oe|ue)", lambda m: m.group()[0], key)]  # "Joerg"
    for spelling in dict.fromkeys((key, english, _UKRAINIAN_H.sub("g", key))):
        for ending, other in _CYRILLIC_ENDINGS:
            if spelling.endswith(ending):
                found.append(spelling[: -len(ending)] + other)
        found.append(spelling)
    return [f for f in dict.fromkeys(found) if f != key]


def _transliterated(name: str, language: str) -> str:
    """The sex of a name the data know only in another transliteration, or ''. Asked only
    for a name the data do not know, or hardly (fewer than 50 US births and in no country
    list: "Oxana"), so no known name is respelt into another."""
    key = firstnames.fold(name)
    entry = firstnames.lookup(name)
    known = entry is not None and (entry.local or entry.female + entry.male >= 50)
    if known or key in name_lists.UNISEX or not re.fullmatch(r"[a-z]+", key):
        return ""
    for spelling in _transliterations(key):
        if spelling in name_lists.UNISEX:
            return ""
        found = _listed(spelling) or firstnames.gender(spelling, language)
        if found:
            return found
    return ""


#: South Asian abbreviations before a given name: Md./Mohd. (Mohammed) and Mst./Most.
#: (Mosammat) name the sex
_ABBREVIATED = {
    "md.": "male",
    "mohd.": "male",
    "muhd.": "male",
    "mst.": "female",
    "most.": "female",
}
#: the first word of an Arabic compound with "Abd" (servant of): always a man's name
_ABD = frozenset({"abd", "abdul", "abdel", "abdal", "abdur", "abdar", "abdol", "abdelrahman"})
#: first words that begin a given name of two words ("Md. Rafiqul", "Abd al-Rahman")
COMPOUND_HEADS = frozenset(_ABBREVIATED) | _ABD


@customer_memo  # keyed by the customer's first names: emptied with the redaction's memos
@lru_cache(maxsize=4096)
def gender_of(first: str, language: str = "de") -> str:
    """'female', 'male' or '' (not clear) for a first name, double names included; a name the
    data know only in another transliteration ("Witalij", "Jewgenija") by that spelling."""
    if ROMANIZED_GIVEN.match(first.strip()):
        # "Seo-yeon", "Ji-won": the syllables are no names of their own; only the whole name
        joined = firstnames.fold(first.strip().replace("-", ""))
        if joined in name_lists.UNISEX:
            return ""
        return _listed(joined) or firstnames.gender(joined, language)
    head = firstnames.fold(first.split()[0]) if first.split() else ""
    if head in _ABBREVIATED:
        return _ABBREVIATED[head]  # "Md. Rafiqul Islam", "Mst. Rokeya Begum"
    if head in _ABD:
        return "male"  # "Abd al-Rahman", "Abdul Karim": Arabic compounds with Abd are men's
    parts = [p for p in re.split(r"[-\s]+", first.strip()) if len(p) > 1 and "." not in p]
    if not parts:
        return ""
    if len(parts) == 1 and not _one(parts[0], language):
        folded = firstnames.fold(parts[0])
        if re.search(r"(?:ullah|ollah|uddin|eddine)$", folded) and not folded.startswith("amat"):
            return "male"  # -ullah/-uddin compounds are men's names (not "Amatullah")
        return _transliterated(parts[0], language)
    head = _one(parts[0], language)
    if "-" in first and firstnames.fold(parts[0]) == "jean":
        return "male"  # French "Jean-Pierre", "Jean-Marie" (the English Jean is never so joined)
    if head:
        others = {_one(p, language) for p in parts[1:]} - {""}
        return head if not others or others == {head} else ""
    known = {_one(p, language) for p in parts[1:]} - {""}
    return next(iter(known)) if len(known) == 1 else ""


def known_given(word: str) -> bool:
    """A word the name data know as a given name of either sex, or one read from its form
    ("Jule", "Kim", "Bernward"; not "Home", "Privat")."""
    key = firstnames.fold(word)
    listed = key in name_lists.UNISEX or key in name_lists.FEMALE or key in name_lists.MALE
    return listed or firstnames.lookup(word) is not None or bool(gender_of(word, "de"))


def unclear_abroad(first: str, address: str) -> bool:
    """The first name (its first part) is of the other sex, or of either, in the country of
    the mail domain (name_lists.OTHER_SEX_ABROAD: "Janne" from a .fi address), and no other
    part of a compound given name settles it."""
    country = address.rpartition("@")[2].rpartition(".")[2].lower()
    parts = re.split(r"[-\s]+", first.strip()) if first.strip() else [""]
    if firstnames.fold(parts[0]) not in name_lists.OTHER_SEX_ABROAD.get(country, ()):
        return False
    # a compound whose other part names the same sex as the whole decides it ("Jean-Luc",
    # "Inge-Lise"); "Kari Juhani" (a Finnish man, Kari a US woman) stays unclear
    whole = gender_of(first)
    return not (whole and any(gender_of(p) == whole for p in parts[1:]))
