"""Values read from what the same text already hides next to them (privacy round 25):

- a two-letter short name of a first name found here, where a sign-off stands: alone on its
  line or at the line's end after a sentence ("... versprochen. Mo" from Moritz);
- a lone five-digit number that shares its first three digits with a postcode found here
  ("24103 Kiel — wait, the letter says 24105?"): the same town's other postcode;
- a street without a street word right after a name at the end of a line ("lg lena voigt
  Sophienblatt 44"): a rare capitalised word and a house number close the signed line.

Each runs after the recognizers and the name pass (`Pseudonymizer.find`), on the spans they
found; none hides anything in a text without a neighbouring value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from drafter.privacy.spans import Span

# a two-letter word where a sign-off stands: alone on a (quoted) line, or at the end of a line
# after a sentence or a comma ("Gruß, Mo"); never before a dot ("Mo." is Monday)
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_SENTENCE_BEFORE = re.compile(r"[.!?,][ ]+\Z")


def _signed_at(text: str, start: int) -> bool:
    """Does the two-letter word at `start` stand where a sign-off stands?"""
    if not _LINE_END.match(text, start + 2):
        return False
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return not before.strip("> \t") or _SENTENCE_BEFORE.search(before) is not None


def two_letter_names(
    text: str, names: Iterable[str], is_first_name: Callable[[str], bool]
) -> list[Span]:
    """NAME spans of a two-letter short form ("Mo", "Jo") of a first name found here, where
    a sign-off stands (the two-letter words at the lines' ends first: mostly none)."""
    found = [i for i in _two_at_line_ends(text) if _signed_at(text, i)]
    if not found:
        return []
    wanted = {text[i : i + 2] for i in found}
    firsts: dict[str, list[str]] = {}
    for name in names:
        for w in name.split()[:1]:
            if len(w) >= 4 and w.isalpha() and w[:2].title() in wanted:
                firsts.setdefault(w[:2].title(), []).append(w)
    return [
        Span(i, i + 2, "NAME", "two-letter short form of a name here")
        for i in found
        if any(is_first_name(w) for w in firsts.get(text[i : i + 2], ()))
    ]


def _two_at_line_ends(text: str) -> list[int]:
    """Where a capitalised two-letter word ends a line ("Mo"; a plain loop over the lines is
    faster here than a pattern that must be tried at every position)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        word = line.rstrip(" \t")
        if (
            len(word) >= 2
            and word[-1].islower()
            and word[-2].isupper()
            and (len(word) == 2 or not word[-3].isalnum())
        ):
            out.append(pos + len(word) - 2)
        pos += len(line) + 1
    return out


# a lone five digits: no town after them ("24103 Kiel" left in clear is the company's own, or a
# keep's: a customer's postcode and town is hidden by the recognizers)
_FIVE = re.compile(r"(?<![\w.,/:+€$-])\d{5}(?![\w]|[.,/:-]\d|[ ]+[A-ZÄÖÜ])")
_CODE_IN = re.compile(r"(?<!\d)\d{5}(?!\d)")
# a number cue or a unit next to the number: a meter reading or an amount, not a postcode
_NUMBER_BEFORE = re.compile(
    r"(?i:nr|nummer|number|no|zähler\w*|stand|reading|meter|kwh|eur|euro|betrag|amount|"
    r"summe|total|id|#)[.:]?[ ]*$"
)
_UNIT_AFTER = re.compile(r"[ ]?(?i:kwh|€|eur|euro|m³|m3|%|km|uhr|stück|x\b)")


def _at(pattern: re.Pattern[str], text: str, prefix: str) -> list[re.Match[str]]:
    """The matches of `pattern` that start where `prefix` stands in `text`."""
    out = []
    i = text.find(prefix)
    while i >= 0:
        m = pattern.match(text, i)
        if m:
            out.append(m)
        i = text.find(prefix, i + 1)
    return out


def postcode_siblings(text: str, spans: list[Span], vault_codes: Iterable[str] = ()) -> list[Span]:
    """POSTCODE_CITY spans of a lone five-digit number that starts like a postcode found in
    `spans` (or the thread's vault) with three digits: "24103 Kiel ... or 24105?"."""
    codes = [m.group() for s in spans if s.type == "POSTCODE_CITY"
             for m in _CODE_IN.finditer(text, s.start, s.end)]  # fmt: skip
    codes += [m.group() for v in vault_codes for m in _CODE_IN.finditer(v)]
    prefixes = {c[:3] for c in codes}
    if not prefixes:
        return []
    out = []
    found = (m for p in prefixes for m in _at(_FIVE, text, p))  # str.find, then the pattern
    for m in sorted(found, key=lambda m: m.start()):
        if m.group() in codes:
            continue
        if any(s.start < m.end() and m.start() < s.end for s in spans):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _NUMBER_BEFORE.search(text, max(line_start, m.start() - 24), m.start()):
            continue
        if _UNIT_AFTER.match(text, m.end()):
            continue
        out.append(Span(m.start(), m.end(), "POSTCODE_CITY", "postcode like one found here"))
    return out


# a capitalised word and a house number closing the line right after a name
_STREET_AT_END = re.compile(
    r"[ ,]+(?P<street>(?P<word>[A-ZÄÖÜ][a-zäöüß]{3,})[ ]\d{1,4}[a-z]?)[ \t]*(?:\n|\Z)"
)


def streets_after_names(text: str, spans: list[Span], rare: Callable[[str], bool]) -> list[Span]:
    """ADDRESS spans of a street without a street word right after a NAME span at the end of
    a line ("lg lena voigt Sophienblatt 44"): the word must be rare (no "Kapitel 3")."""
    out = []
    for span in spans:
        if span.type != "NAME":
            continue
        m = _STREET_AT_END.match(text, span.end)
        if m and rare(m.group("word")):
            out.append(Span(m.start("street"), m.end("street"), "ADDRESS", "street after a name"))
    return out
