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
_TWO_LETTERS = re.compile(r"(?m)(?:^[> \t]*|[.!?,][ ]+)(?P<word>[A-ZÄÖÜ][a-zäöü])[ \t]*$")


def two_letter_names(
    text: str, names: Iterable[str], is_first_name: Callable[[str], bool]
) -> list[Span]:
    """NAME spans of a two-letter short form ("Mo", "Jo") of a first name found here, where
    a sign-off stands."""
    if not names:
        return []
    starts = {
        w[:2].casefold()
        for name in names
        for w in name.split()[:1]
        if len(w) >= 4 and w.isalpha() and is_first_name(w)
    }
    if not starts:
        return []
    return [
        Span(m.start("word"), m.end("word"), "NAME", "two-letter short form of a name here")
        for m in _TWO_LETTERS.finditer(text)
        if m.group("word").casefold() in starts
    ]


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
    for m in _FIVE.finditer(text):
        if m.group()[:3] not in prefixes or m.group() in codes:
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
