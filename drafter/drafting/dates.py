"""Dates in a reply: the ones its sources state or imply, and the ones nobody gave.

A correct reply often computes a date that is written nowhere: "your bill is dated 3 March
and we transfer credits within 14 days, so the money arrives by 17 March", or "the change
takes effect on 1 March, so your notice must reach us by 28 February". `derived_spans` finds
the reply's dates that equal a date of the sources (the articles, the customer's email) moved
by a period the sources name (days, weeks, months, whole days of hours: "48 Stunden") or
by one day, or the first or last day
of a month the sources name (and the 1st of the month after a source date, and the month a
period of months ends in: "1 month's notice to the end of the month"); the number check
(drafter.drafting.checks.check_numbers) does not call those unsupported. `check_dates` flags
the reply's other dates (in no source, derived from none) as `unsupported_claim`: a promised
date nobody gave ("your bill will be ready on 8 January").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from drafter.models import DraftWarning

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januar january jan",
            "februar february feb",
            "märz maerz march mar",
            "april apr",
            "mai may",
            "juni june jun",
            "juli july jul",
            "august aug",
            "september sept sep",
            "oktober october okt oct",
            "november nov",
            "dezember december dez dec",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.(?P<y1>\d{{2,4}})?"
    rf"|\b(?P<d2>\d{{1,2}})(?:\.|st|nd|rd|th)?(?: of)?\s+(?P<m2>{_MONTH})\b\.?"
    rf"(?:\s+(?P<y2>\d{{4}}))?"
    rf"|\b(?P<m3>{_MONTH})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y3>\d{{4}}))?",
    re.I,
)
_PERIOD = re.compile(
    r"\b(?P<n>\d{1,3})\s*(?:-\s*)?(?P<unit>kalendertag\w*|werktag\w*|arbeitstag\w*|tag\w*|"
    r"calendar days?|working days?|business days?|days?|woche\w*|weeks?|monat\w*|months?|"
    r"stunde\w*|hours?)\b",
    re.I,
)
_YEAR = 2026  # a date without a year: any non-leap year gives the same day arithmetic
# a month named on its own ("end of September", "ab März"): its first and last day follow
_MONTH_NAME = re.compile(
    r"\b(Januar|January|Februar|February|März|March|April|Mai|May|Juni|June|Juli|July|August|"
    r"September|Oktober|October|November|Dezember|December)\b"
)


# a cut-off day of the month without a month ("if we receive it by the 15th", "bis zum 15.
# eines Monats"): a request after it takes effect a month later, so the 1st of the month after
# next from a source date follows too
_CUTOFF = re.compile(
    rf"\b(?:by|until|before|bis zum|bis|zum|spätestens am)\s+(?:the\s+)?[*_]*\d{{1,2}}"
    rf"(?:st|nd|rd|th|\.)(?!\s?\d)(?!\s*(?:of\s+)?(?:{_MONTH})\b)",
    re.I,
)


# a rule that takes effect on the first day of a month counted from today ("effective the 1st
# of the next month", "zum 1. des Folgemonats", "zum Monatsersten"): the checks do not know
# today's date, so a reply's estimate from it ("a request now would most likely apply from
# 1 January") is no promise; a firm date ("takes effect on 1 June") is still checked
_MONTH_START_RULE = re.compile(
    r"\b(?:1st|first day) of the (?:next|following|coming) month\b|\bstart of the next month\b"
    r"|\b(?:zum |ab (?:dem )?|am )?(?:1\.|ersten) (?:des |eines )?(?:folgemonats|nächsten monats|"
    r"kommenden monats|darauffolgenden monats)\b|\bmonatsersten\b|\bbeginn des (?:folge|nächsten )"
    r"monats\b",
    re.I,
)
_ESTIMATE = re.compile(
    r"\b(?:would|würde\w*|wäre\w*|likely|probably|presumably|expect\w*|voraussichtlich|"
    r"wahrscheinlich|vermutlich|dürfte\w*)\b",
    re.I,
)


# a day of every month the sources name ("am 15. des Monats", "jeweils am **15. eines
# Monats**", "the 15th of each month"): that day of a source date's month or of the two
# after it follows ("your message of 5 October; due on the 15th" -> 15 October, 15 November)
_MONTHLY_DAY = re.compile(
    r"\b(?P<day>\d{1,2})(?:\.|st|nd|rd|th)\s+(?:des|eines|jedes|jeden|of\s+(?:each|the|every))"
    r"\s+(?:Monats|month)\b",
    re.I,
)
MONTHLY_AHEAD = 2  # months after a source date's month a monthly day still follows for


def _monthly_days(sources: str, bases: list[date]) -> set[tuple[int, int]]:
    """(month, day) of each monthly day the sources name in a source date's month or the
    MONTHLY_AHEAD months after it."""
    days = {int(m.group("day")) for m in _MONTHLY_DAY.finditer(sources.replace("**", ""))}
    return {
        ((base.month - 1 + ahead) % 12 + 1, day)
        for base in bases
        for ahead in range(MONTHLY_AHEAD + 1)
        for day in days
        if 1 <= day <= 28
    }


# a condition clause: "if your change reaches us ... before 15 December", "wenn ... bis zum
# 15. Mai eingeht" (up to its comma or the sentence's end)
_IF = re.compile(r"\b(?:if|wenn|falls|sofern|provided)\b[^,;:.!?]*(?:[.!?](?=\S)[^,;:.!?]*)*", re.I)


# a day of the month with no month: "the 15th", "am 15. fällig" (a monthly day)
_BARE_DAY = re.compile(
    rf"\bthe (?P<day>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:{_MONTH})\b)"
    rf"|\b(?:am|zum|bis zum) (?P<day2>\d{{1,2}})\.(?!\s*(?:\d|(?:{_MONTH})\b))",
    re.I,
)


def _conditional_monthly(reply: str, sources: str) -> set[tuple[int, int]]:
    """(start, end) of each date of `reply` on a monthly day the sources name ("the 15th")
    inside a condition ("if it reaches us 5 working days before 15 December"): the article's
    rule applied to a month, said as a condition, not a date promised."""
    plain = sources.replace("**", "")
    days = {int(m.group("day")) for m in _MONTHLY_DAY.finditer(plain)}
    days |= {int(m.group("day") or m.group("day2")) for m in _BARE_DAY.finditer(plain)}
    clauses = [m.span() for m in _IF.finditer(reply)]
    return {
        (start, end)
        for start, end, day in _dates(reply)
        if day.day in days and any(a <= start < b for a, b in clauses)
    }


def _estimated_firsts(reply: str) -> set[tuple[int, int]]:
    """(start, end) of each 1st of a month in a sentence of `reply` that gives an estimate."""
    found: set[tuple[int, int]] = set()
    for start, end, day in _dates(reply):
        if day.day != 1:
            continue
        left = max(reply.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n"))
        right = min((i for i in (reply.find(m, end) for m in (". ", "\n")) if i >= 0), default=-1)
        sentence = reply[left + 1 : right if right >= 0 else len(reply)]
        if _ESTIMATE.search(sentence):
            found.add((start, end))
    return found


def _dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of each date in the text."""
    found: list[tuple[int, int, date]] = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        day = groups["d1"] or groups["d2"] or groups["d3"]
        month_text = groups["m1"] or groups["m2"] or groups["m3"]
        year_text = groups["y1"] or groups["y2"] or groups["y3"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
        year = int(year_text) if year_text else _YEAR
        year = year + 2000 if year < 100 else year
        try:
            found.append((match.start(), match.end(), date(year, month, int(day))))
        except ValueError:
            continue
    return found


def dates_in(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of each date in the text (a date without a year in 2026)."""
    return _dates(text)


def shift(day: date, period: timedelta | int, sign: int) -> date | None:
    """`day` moved by a period of days (timedelta) or months (int), forward (`sign` 1) or
    back (-1); a month shift ending past a month's last day ends on it."""
    return _shift(day, period, sign)


def _periods(text: str) -> set[timedelta | int]:
    """Day periods (timedelta) and month periods (int) the text names, plus one day."""
    periods: set[timedelta | int] = {timedelta(days=1)}
    for match in _PERIOD.finditer(text):
        n, unit = int(match.group("n")), match.group("unit").lower()
        if unit.startswith(("stunde", "hour")):
            if n % 24 == 0:  # "48 Stunden vorher": two days before a date
                periods.add(timedelta(days=n // 24))
        elif unit.startswith(("woche", "week")):
            periods.add(timedelta(weeks=n))
        elif unit.startswith(("monat", "month")):
            periods.add(n)
        else:
            periods.add(timedelta(days=n))
    return periods


def _shift(day: date, period: timedelta | int, sign: int) -> date | None:
    if isinstance(period, timedelta):
        return day + sign * period
    month = day.month - 1 + sign * period
    year, month = day.year + month // 12, month % 12 + 1
    try:
        return day.replace(year=year, month=month)
    except ValueError:  # 31 May minus a month: 30 April, the last day that month has
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _month_bounds(month: int) -> set[tuple[int, int]]:
    """(month, day) of the first and the last day of `month`."""
    last = (date(_YEAR + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return {(month, 1), (month, last)}


def derived_spans(reply: str, sources: str) -> list[tuple[int, int]]:
    """(start, end) of the reply's dates that a source date and a source period give, or
    that start or end a month the sources name ("end of September" -> 30 September) or the
    month after a source date ("today, 9 April; from the 1st of next month" -> 1 May), or the
    month after that when the sources name a cut-off day ("by the 15th": asked on 20 April,
    from 1 June), or that fall on a monthly day the sources name ("am 15. des Monats") in a
    source date's month or the MONTHLY_AHEAD months after it."""
    bases = [d for _s, _e, d in _dates(sources)]
    derivable: set[tuple[int, int]] = set()
    for name in _MONTH_NAME.findall(sources):
        derivable |= _month_bounds(_MONTHS[name.lower()])
    cutoff = bool(_CUTOFF.search(sources))
    estimated = _estimated_firsts(reply) if _MONTH_START_RULE.search(sources) else set()
    estimated |= _conditional_monthly(reply, sources)
    for base in bases:
        derivable |= _month_bounds(base.month) | {(base.month % 12 + 1, 1)}
        if cutoff:
            derivable.add(((base.month + 1) % 12 + 1, 1))
    derivable |= _monthly_days(sources, bases)
    periods = _periods(sources) if bases else set()
    derivable |= _moved(bases, periods)
    found = [(s, e, d) for s, e, d in _dates(reply) if (d.month, d.day) in derivable]
    # a second step from the reply's own derived dates: "the minimum term runs until
    # 28 February (start + 24 months), so your notice must reach us by 31 January (1 month's
    # notice to the end of a month)"
    again = _moved([d for _s, _e, d in found], periods)
    return [
        (s, e)
        for s, e, d in _dates(reply)
        if (d.month, d.day) in derivable | again
        or (s, e) in estimated
        or _weekday_near(reply, s, d, bases)
    ]


_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "montag monday",
            "dienstag tuesday",
            "mittwoch wednesday",
            "donnerstag thursday",
            "freitag friday",
            "samstag sonnabend saturday",
            "sonntag sunday",
        )
    )
    for name in names.split()
}
_WEEKDAY_BEFORE = re.compile(
    r"\b(?P<day>" + "|".join(_WEEKDAYS) + r"),?\s+(?:(?:den|dem|the)\s+)?$", re.I
)
NEAR_DAYS = 14  # "the week after": a weekday's date this close to a date of the sources


def _weekday_near(reply: str, start: int, day: date, bases: list[date]) -> bool:
    """A date written with its weekday ("Montag, 23.11.", "Tuesday 24 November") that is that
    weekday in the year of a source date at most NEAR_DAYS away: the reply worked out "Monday
    or Tuesday of the week after" from the customer's date, it did not invent it."""
    named = _WEEKDAY_BEFORE.search(reply[max(0, start - 20) : start])
    if named is None:
        return False
    weekday = _WEEKDAYS[named.group("day").lower()]
    for base in bases:
        try:
            candidate = day.replace(year=base.year)
        except ValueError:
            continue
        if candidate.weekday() == weekday and abs((candidate - base).days) <= NEAR_DAYS:
            return True
    return False


def _moved(bases: list[date], periods: set[timedelta | int]) -> set[tuple[int, int]]:
    """(month, day) of each base date moved by each period, either way; with a period of
    months also the first and last day of the month it ends in ("1 Monat zum Monatsende")."""
    derivable: set[tuple[int, int]] = set()
    for base in bases:
        for period in periods:
            for sign in (1, -1):
                moved = _shift(base, period, sign)
                if moved is None:
                    continue
                derivable.add((moved.month, moved.day))
                if isinstance(period, int):
                    derivable |= _month_bounds(moved.month)
    return derivable


def year_follows(year: int, sources: str, customer: str = "", today: date | None = None) -> bool:
    """Whether `year` is the year a dated source (a date with its year written) reaches by a
    period the sources name: "Vertragsbeginn 1. September 2025" and "24 Monate Erstlaufzeit"
    give 2027; a month the customer named without its year ("seit Februar", "since March")
    counts as that month of this year, for a later year only ("seit Februar" and "24 Monate"
    give this year + 2; this year itself is year_of_named_month's to judge)."""
    bases = [
        d
        for m in _DATE.finditer(sources)
        if (m.group("y1") or m.group("y2") or m.group("y3"))
        for _s, _e, d in _dates(m.group(0))
    ]
    this_year = (today or date.today()).year
    if year > this_year:
        bases += [date(this_year, month, 1) for month in _named_months(customer)]
    for base in bases:
        for period in _periods(sources):
            moved = _shift(base, period, 1)
            if moved is not None and moved.year == year:
                return True
    return False


def unsupported_spans(reply: str, sources: str) -> list[tuple[int, int]]:
    """(start, end) of the reply's dates that are neither in the sources nor derived from
    them (a promised date nobody gave: "your bill will be ready on 8 January")."""
    stated = {(d.month, d.day) for _s, _e, d in _dates(sources)}
    derived = set(derived_spans(reply, sources))
    return [
        (s, e)
        for s, e, d in _dates(reply)
        if (d.month, d.day) not in stated
        and (s, e) not in derived
        and not _TODAY.search(reply[max(0, s - 24) : s])
        and not _monthly_day(d, sources)
    ]


# the date of writing, in apposition to "today": "if you change it today, 30 November, ...",
# "heute, am 30. November": no promise, the day the reply is written
_TODAY = re.compile(r"\b(?:today|heute)\s*[,(]\s*(?:(?:the|den|dem|am)\s+)?$", re.I)


def _monthly_day(day: date, sources: str) -> bool:
    """Whether the date is a day of the month the sources give as a monthly due day ("due on
    the 15th", "zum 15. eines Monats") in a month they name by its full name ("the December
    instalment"): "15 December" then follows from them."""
    n = day.day
    monthly = re.search(
        rf"\bthe {n}(?:st|nd|rd|th)\b|\b{n}(?:st|nd|rd|th) of (?:the|each|every) month\b"
        rf"|\b(?:am|zum|bis zum|jeweils am|jeweils zum) {n}\.(?!\s*\d)(?!\s*(?:{_MONTH})\b)",
        sources,
        re.I,
    )
    return monthly is not None and day.month in _named_months(sources)


def check_dates(body: str, sources: str) -> list[DraftWarning]:
    """`unsupported_claim` for each date of the reply that no source states or implies, with
    its sentence as span."""
    from drafter.drafting.check_base import sentences, unsupported

    spans = sentences(body)
    found: list[DraftWarning] = []
    for a, b in unsupported_spans(body, sources):
        sentence = next((body[x:y] for x, y in spans if x <= a < y), body[a:b])
        found.append(
            unsupported(
                f"the date {body[a:b].strip()!r} is in no source and follows from "
                "none; check it before promising it",
                sentence.strip(),
            )
        )
    return found


def year_of_named_month(body: str, at: int, customer: str, today: date | None = None) -> bool:
    """Whether the year written at `body[at:]` completes a month the customer named without
    its year ("ich habe im Januar abgeschlossen" -> "Vertragsbeginn im Januar 2026"): the year
    right after that month's name, and this year or the one before or after it. Not an
    invented figure, only the customer's month made explicit."""
    year = re.match(r"(?:19|20)\d\d\b", body[at:])
    month = re.search(rf"\b({_MONTH})\.?\s*$", body[max(0, at - 14) : at], re.I)
    if year is None or month is None:
        return False
    number = _MONTHS[month.group(1).lower()]
    this_year = (today or date.today()).year
    return number in _named_months(customer) and abs(int(year.group(0)) - this_year) <= 1


def _named_months(customer: str) -> set[int]:
    """The months the customer's text names by their full name ("may", "mar" and "jan" are
    words of their own in a mail)."""
    return {
        _MONTHS[m.group(1).lower()]
        for m in re.finditer(rf"\b({_MONTH})\b", customer, re.I)
        if (len(m.group(1)) >= 4 or m.group(1).lower() == "mai") and m.group(1).lower() != "may"
    }
