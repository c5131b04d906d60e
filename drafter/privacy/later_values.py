"""Values whose cue stands a sentence or more before them, which the cue patterns (cue and
value on one line, a few words apart) do not reach:

- a document number after "the number is" when a document word stands earlier ("a copy of
  my passport - do you need it? The number is X4RTB…"): `find_later_documents`;
- a password in quotes after a password word ("Passwort vergessen?? hab schon 3x
  "Kiel.Wind2019!" probiert"): `find_quoted_secrets`;
- a date with the year of a date of birth found in the text, just after it ("falsches
  Geburtsdatum: 12.03.1968. Richtig ist 21.03.1968.", "my date of birth is 11/04/1991, but
  it is actually 04/11/1991"), in any date format, and a date of a past year in brackets or
  after a comma right after a person's name ("Anna Kern (03.04.1981)"): `dob_corrections`,
  run on the resolved spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.id_numbers import DATE
from drafter.privacy.prefilter import scan
from drafter.privacy.spans import Span, digit_lines

_DOC_WORD = re.compile(
    r"(?i)ausweis|reisepass|\bpass\b|passport|identity[ ]card|id[ -]?card|führerschein|"
    r"driving[ ]licen[cs]e|aufenthalts(?:titel|erlaubnis|karte)|residence[ ]permit|"
    r"carte[ ]d'identité|paspoort|identiteitskaart"
)
_DOC_CUES = ("ausweis", "pass", "führerschein", "licen", "aufenthalt", "permit", "identit",
             "id card", "id-card", "carte d", "paspoort")  # fmt: skip
LATER_DOCUMENT_RE = re.compile(
    r"(?i:\b(?:number|nummer|nr\.?|no\.?|numéro|nummer)[ ](?:is|ist|lautet|was|war|est)[ :]*)"
    r"(?P<value>(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,10})(?![\w-])"
)
_QUOTED = re.compile(r"[\"„“»'‚](?P<value>[^\s\"„“”»«'‘’]{6,64})[\"“”«'‘’]")
_PASSWORD_WORD = re.compile(r"(?i)passwor[dt]|kennwort|\bpw\b|\bpin\b|zugangscode|passcode")
_SHAPED = re.compile(r"(?=.*[A-Za-zÄÖÜäöü])(?=.*[\d!#$%&*?+=_.])")
# any full date (dotted, slashed, ISO, months in words) with a four-digit year
_DATE = re.compile(rf"(?<![\d./-])(?:{DATE})")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def find_later_documents(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(w in low for w in _DOC_CUES):
        return  # a substring test before the patterns
    for m in scan(LATER_DOCUMENT_RE, text, digit_lines(text)):
        if _DOC_WORD.search(text, max(0, m.start() - 160), m.start()):
            yield Span(m.start("value"), m.end("value"), "ID_DOCUMENT", "document (cue earlier)")


def find_quoted_secrets(text: str) -> Iterator[Span]:
    if not any(q in text for q in "\"„“»'‚"):
        return
    for m in _QUOTED.finditer(text):
        value = m.group("value")
        if not _SHAPED.match(value) or "@" in value or "://" in value:
            continue
        if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
            continue
        if _PASSWORD_WORD.search(text, max(0, m.start() - 120), m.start()):
            yield Span(m.start("value"), m.end("value"), "SECRET", "password in quotes (cue)")


# a person's date in brackets or after a comma: "Anna Kern (03.04.1981)", "Ole Kern, 4.7.2009"
_DATE_AFTER_NAME = re.compile(rf"(?:[ ]?\([ ]?|,[ ]|[ ]-[ ]|[ ]–[ ])(?P<date>{DATE})(?!\d)")
_BIRTH_YEAR = re.compile(r"(?<!\d)(?:19\d\d|200\d|201[0-5]|\d\d)$")  # not this year's letter


# what joins a wrong date to the right one: "19.07.1990 statt 19.07.1999", "not 3.4.1981 but"
_CORRECTION = re.compile(
    r"[ ]*(?:,[ ]*)?(?i:statt|anstatt|anstelle[ ]von|nicht|sondern|richtig(?:[ ]ist|[ ]wäre)?|"
    r"korrekt(?:[ ]ist)?|bzw\.?|oder|instead[ ]of|not|but|correct(?:[ ]is)?|rather[ ]than|->|→|=>)"
    r"[ ]*:?[ ]*$"
)


def _day_month(date: str) -> tuple[str, ...]:
    return tuple(p.lstrip("0") for p in re.split(r"[./-]", date)[:2])


def dob_corrections(text: str, spans: list[Span]) -> list[Span]:
    """Dates just after a date of birth that have its year or its day and month (a mistyped
    year), or that a correction word joins to it with a year somebody may be born in ("… statt
    19.07.1999"): a correction or a repeat; a date of a past year right after a person's
    name: whose birthday it is."""
    out: list[Span] = []
    taken = {(s.start, s.end) for s in spans}
    for span in spans:
        if span.type == "NAME":
            m = _DATE_AFTER_NAME.match(text, span.end)
            if m and _BIRTH_YEAR.search(m.group("date")) and m.span("date") not in taken:
                out.append(Span(m.start("date"), m.end("date"), "DOB", "date after a name"))
        if span.type != "DOB":
            continue
        year = _YEAR.search(text[span.start : span.end])
        if year is None:
            continue
        for m in _DATE.finditer(text, span.end, min(len(text), span.end + 120)):
            again = _YEAR.search(m.group())
            if not again or (m.start(), m.end()) in taken:
                continue
            joined = m.start() - span.end <= 24 and _CORRECTION.match(text, span.end, m.start())
            if (
                again.group() == year.group()
                or _day_month(m.group()) == _day_month(text[span.start : span.end])
                or (joined and _BIRTH_YEAR.search(again.group()))
            ):
                out.append(Span(m.start(), m.end(), "DOB", "date of birth (corrected or repeated)"))
    return out
