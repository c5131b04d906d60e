"""Phone numbers in shapes the phone pattern of recognizers.py does not read:

- a line that holds nothing but a phone number, however it is spaced ("0 43 1 / 55 12 - 8 77"
  under a signature): seven to fifteen digits in at least three groups, starting with 0 or
  +/00, and no date, amount or IBAN;
- a number as loosely spaced after a phone word in running text ("neue Telefonnummer: 0 43
  42 / 8 17 53."), same digit counts;
- an extension in brackets right after a number: "+31 10 412 63 85 (toestel 3)",
  "(Durchwahl 14)", "(ext. 21)", "(poste 12)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.spans import Span, digit_lines

PHONE_LINE_RE = re.compile(
    r"[ \t]*(?:(?:Tel|Tel\.|Telefon|Phone|Mobil|Mobile|Handy|Fon|T|M)[.:]?[ \t]+)?"
    r"(?P<value>(?:\+|00|0)[ \t]?\d(?:[ \t]?[/.–-]?[ \t]?\(?\d+\)?){2,9})[ \t]*"
)
# the same loose value after a phone word in running text: "neue Telefonnummer: 0 43 42 / 8 17
# 53." (the number ends at a sign or word that is not part of it; a run of digits is taken
# whole, "\d++", so a failed end is not retried at every split of the digits)
CUED_PHONE_RE = re.compile(
    r"(?:Telefonnummer|Telefon|Tel\.|Rufnummer|Handynummer|Handy|Mobilnummer|Mobil|"
    r"Festnetz(?:nummer)?|[Pp]hone(?:[ ]number)?|[Mm]obile(?:[ ]number)?|[Ll]andline)"
    r"(?:[ ](?:ist|lautet|is|neu|new|jetzt|now|privat|private))?"
    r"(?:[ ]?:?[ ]+|:(?=[+0])|(?<=\.)(?=[+0]))"  # "Tel.0431/…", "Mobil:0176…": glued
    # a bracket only around a whole group: "+1 604 555 0183 (9 hours behind)" ends at "0183"
    r"(?P<value>(?:\+|00|0)[ ]?\d(?:[ ]?[/.–-]?[ ]?(?:\(\d++\)|\d++)){2,9})(?![\w,]|[.]\d)"
)
_PHONE_CUES = ("Tel", "Rufnummer", "Handy", "Mobil", "Festnetz", "phone", "Phone", "mobile",
               "landline", "Landline")  # fmt: skip


_DIGIT_SOON = re.compile(r"\d")


def _cue_starts(text: str) -> Iterator[int]:
    """Where a phone word of CUED_PHONE_RE starts a word with a digit soon after it ("Hotel"
    is no cue; str.find is far cheaper than trying the pattern at every position)."""
    for cue in _PHONE_CUES:
        i = text.find(cue)
        while i >= 0:
            if not (i and text[i - 1].isalnum()) and _DIGIT_SOON.search(text, i, i + 28):
                yield i
            i = text.find(cue, i + 1)


BRACKET_EXTENSION_RE = re.compile(
    r"\d[ ]?\((?P<value>(?:toestel|tst\.|ext\.?|extension|Durchwahl|DW|Nebenstelle|poste|"
    r"interno|int\.|lokal|linka)[ ]?\d{1,5})\)"
)
_EXTENSION_CUES = ("(toestel", "(tst", "(ext", "(durchwahl", "(dw", "(nebenstelle", "(poste",
                   "(interno", "(int.", "(lokal", "(linka")  # fmt: skip
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


# a number broken over two lines after a phone word or a call-back request ("ruf zurück: 0170 2
# / 28 66 41" written with the break): both lines' digit groups and nothing else after them
_BREAK = re.compile(r"\d[ \t]*\n[ \t]*\d")
BROKEN_PHONE_RE = re.compile(
    r"(?i:tel(?:efon)?(?:nummer)?\.?|rufnummer|handy(?:nummer)?|mobil(?:nummer)?|"
    r"festnetz(?:nummer)?|phone(?:[ ]number)?|mobile(?:[ ]number)?|landline|nummer|number|"
    r"ruf(?:en[ ]sie)?[ ](?:mich[ ])?(?:zurück|an)|"
    r"call[ ](?:me[ ])?(?:back[ ](?:on|at)|back|on|at)|"
    r"erreichbar[ ]unter|reach[ ]me[ ](?:on|at))"
    r"(?:[ ](?:ist|lautet|is))?[ ]?:?[ ]+"
    r"(?P<value>(?:\+|00|0)\d[\d /-]*?)[ \t]*\n[ \t]*"
    r"(?P<rest>\d[\d /-]*?\d)[ \t]*(?=\n|\Z|[.!?,)](?!\d))"
)


_NUMBER_TAIL = re.compile(r"(?<![\w+])(?:\+|00|0)\d[\d /-]*\Z")


def find_broken_phones(text: str, own_phones: frozenset[str] = frozenset()) -> Iterator[Span]:
    """PHONE spans of a number broken over two lines after a phone word: seven to fifteen
    digits in all; the first part ends its line, the next line starts with the rest and holds
    nothing after it but a sign."""
    for brk in _BREAK.finditer(text):
        line_start = text.rfind("\n", 0, brk.start()) + 1
        if not _NUMBER_TAIL.search(text, max(line_start, brk.start() - 24), brk.start() + 1):
            continue  # the line ends in no number starting with 0 or +: the cue is not tried
        for m in BROKEN_PHONE_RE.finditer(text, max(line_start, brk.start() - 60), brk.end() + 40):
            if not m.start("value") <= brk.start() < m.end("rest"):
                continue
            value = m.group("value") + m.group("rest")
            digits = sum(c.isdigit() for c in value)
            if 7 <= digits <= 15 and not _DATE.search(value) and value not in own_phones:
                yield Span(m.start("value"), m.end("rest"), "PHONE", "phone broken over two lines")
            break


def find_phone_shapes(text: str, own_phones: frozenset[str] = frozenset()) -> Iterator[Span]:
    """PHONE spans of the two shapes above."""
    for start, end in digit_lines(text):
        m = PHONE_LINE_RE.fullmatch(text, start, end)
        if m is None:
            continue
        value = m.group("value")
        digits = sum(c.isdigit() for c in value)
        groups = len(re.findall(r"\d+", value))
        if not 7 <= digits <= 15 or groups < 3 or _DATE.search(value) or value in own_phones:
            continue
        yield Span(m.start("value"), m.end("value"), "PHONE", "a line of only a phone number")
    for start in _cue_starts(text):  # the pattern is tried only where a cue word stands
        m = CUED_PHONE_RE.match(text, start)
        if m is None:
            continue
        value = m.group("value")
        digits = sum(c.isdigit() for c in value)
        if 7 <= digits <= 15 and not _DATE.search(value) and value not in own_phones:
            yield Span(m.start("value"), m.end("value"), "PHONE", "phone after its word")
    if "\n" in text:
        yield from find_broken_phones(text, own_phones)
    low = text.lower()
    if any(cue in low for cue in _EXTENSION_CUES):  # a substring test before the pattern
        for m in BRACKET_EXTENSION_RE.finditer(text):
            yield Span(m.start("value"), m.end("value"), "PHONE", "extension in brackets")
