"""A period rule of the knowledge base applied to the customer's own date.

Articles state deadlines relative to an event: "Eine Anmeldung ist bis zu 6 Wochen nach dem
Einzug möglich", "Bitte melden Sie Ihren Umzug mindestens 2 Wochen vor dem Umzugstermin",
"Sie können jeden Termin bis 48 Stunden vor Beginn des Zeitfensters kostenlos verschieben",
"Eine Nachzahlung ist 14 Tage nach Rechnungsdatum fällig". A customer who names the date of
that event ("Ich bin am 20. Oktober eingezogen", "Umzug am 15.12.", "Termin am Mittwoch,
2.12., 8–12 Uhr") wants the date it gives, not the rule. `applied_deadline` writes one line
under a paragraph stating such a rule: "Auf Ihren Fall angewendet: 6 Wochen nach dem
20.10.2026 ist der 01.12.2026." A computed fact the reply's date check
(drafter.drafting.dates) knows as derived. When that day (and hour) was over before the mail
was written, the line says so ("Diese Frist war bei Eingang Ihrer Nachricht am 30.11.2026
bereits abgelaufen."): the decisive conclusion the blind reviews of sessions 10, 12 and 14
missed ("the free period ended on Sunday 8:00, so her request is late"). Whether the customer
is in time otherwise stays the agent's call (the mail may not be the act the rule asks for).

Judged rules: a number of days, weeks, months or whole days of hours, then vor/nach/vorher
(before/after/in advance), not a range ("2 bis 4 Wochen"), not working days (holidays are
not known here), not a deadline before an event that is over when the mail was written nor
one after an event still ahead (a retroactive window for a move-in next month); a
sentence saying what we do ("Wir nennen Ihnen jeden Termin mindestens 7 Tage vorher") is our
obligation, not the customer's deadline. The customer's date: a date in the mail (not a
quote) linked to the rule's event ("dem Einzug" ~ "am 20. Oktober … eingezogen", "your move"
~ "moving on 30 November"; a document's date only to that document: "Schlussrechnung vom 3.
November" is not the move-out day; a date after "bis"/"by" is a deadline, not an event; a
rule in hours takes a date with a time of day, an appointment); the year is the one nearest
the mail's own date (no year and no weekday are written when the mail has no date).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from drafter.drafting.conditions import words
from drafter.drafting.dates import dates_in, shift

_RULE = re.compile(
    r"\b(?P<n>\d{1,3})\s+(?P<unit>Tage|Tagen|Wochen|Woche|"
    r"Monate|Monaten|Monat|Stunden|days?|weeks?|months?|hours)\s+"
    r"(?P<dir>vor|nach|vorher|before|after|prior to|in advance|beforehand)\b",
    re.I,
)
_RANGE = re.compile(r"\d\s*(?:bis|to|–|-)\s*$")  # "2 bis 4 Wochen": no one date
_OURS = re.compile(r"\b(?:wir|we)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]*(?:\.(?=\d)[^.!?\n]*|\.(?=\s?[a-zäöü])[^.!?\n]*)*[.!?]?")
_HOUR_DE = re.compile(
    r"^[,\s]*(?:um|ab|zwischen|von)?\s*(\d{1,2})(?::(\d{2}))?\s*(?:Uhr|und|bis|–|-)"
)
_HOUR_EN = re.compile(
    r"^[,\s]*(?:at|from|between)?\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|(?=[-–]\s*\d{1,2}\b))", re.I
)
_WINDOW_EN = re.compile(
    r"^[,\s]*(?:at|from|between)?\s*\d{1,2}(?::\d{2})?\s*[-–]\s*(\d{1,2})(?::\d{2})?\s*(am|pm)?\b",
    re.I,
)
WINDOW = 80  # characters around the customer's date searched for a word of the rule
_WEEKDAYS = {
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _period(n: int, unit: str) -> timedelta | int | None:
    unit = unit.lower()
    if unit.startswith(("stunde", "hour")):
        return timedelta(days=n // 24) if n % 24 == 0 else None
    if unit.startswith(("woche", "week")):
        return timedelta(weeks=n)
    if unit.startswith(("monat", "month")):
        return n
    return timedelta(days=n)


def _year(day: date, sent: datetime | None) -> date:
    """`day` in the year nearest the mail's date (its own year when the mail has no date)."""
    if sent is None:
        return day
    options = []
    for year in (sent.year - 1, sent.year, sent.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(options, key=lambda d: abs((d - sent.date()).days))


def _when(day: date, hour: str, language: str, dated: bool) -> str:
    """ "20.10.2026 (Dienstag), 8 Uhr" / "20 October 2026 (Tuesday), 8 am"; without the mail's
    date no year and no weekday ("20.10.")."""
    names = _WEEKDAYS[language]
    if language == "de":
        text = f"{day:%d.%m.%Y} ({names[day.weekday()]})" if dated else f"{day:%d.%m.}"
        return f"{text}, {hour} Uhr," if hour else text
    text = f"{day.day} {_MONTHS_EN[day.month - 1]}"
    text += f" {day.year} ({names[day.weekday()]})" if dated else ""
    return f"{text}, {hour}," if hour else text


def _hour(after: str, language: str) -> str:
    """The time of day the mail gives right after its date ("2.12., zwischen 8 und 12 Uhr")."""
    found = (_HOUR_DE if language == "de" else _HOUR_EN).match(after)
    if not found:
        return ""
    minutes = f":{found.group(2)}" if found.group(2) else ""
    if language == "de":
        return f"{int(found.group(1))}{minutes}"
    start, suffix = int(found.group(1)), (found.group(3) or "").lower()
    if not suffix:  # a window "8-12" or "8-12 am"
        window = _WINDOW_EN.match(after)
        end = int(window.group(1)) if window else 0
        if window and window.group(2):  # "8-12 am", "1-5 pm": the start shares the suffix
            suffix = "am" if end == 12 or start > end else window.group(2).lower()
        elif 6 <= start < end <= 12:  # "8-12": a morning window ("2-6" stays unknown)
            suffix = "am"
        else:
            return ""
    return f"{start}{minutes} {suffix}"


# the words naming the rule's event right after vor/nach ("dem Einzug", "Rechnungsdatum",
# "your move"); a preposition or a verb ends it ("vorher kostenlos", "before in the portal")
_EVENT = re.compile(
    r"^\s*(?:(?:dem|der|den|des|einem|einer|Ihrem|Ihrer|Ihren|deinem|deiner|the|your|a|an)\s+)?"
    r"([A-ZÄÖÜ][\wäöüß-]+|(?<=\s)(?:move|moving|appointment|visit|bill|invoice|due date|"
    r"contract end|end of the contract|moving in|moving out|move-in|move-out)\b)"
)
# a document's date belongs to the document: "Schlussrechnung vom 3. November", "bill dated …"
_OWNER = re.compile(r"([\wäöüß-]+)\s+(?:vom|dated|of|from)\s*$", re.I)
# a time of day or a window right after a date: an appointment ("2.12., 8–12 Uhr", "8-12")
_TIMED = re.compile(
    r"^[,\s]*(?:um|ab|zwischen|von|at|from|between)?\s*\d{1,2}(?::\d{2})?\s*"
    r"(?:Uhr|am|pm|und|bis|to|[-–]\s*\d)",
    re.I,
)
# a date after "bis"/"by" is a deadline someone set, not the day of an event
_DEADLINE = re.compile(r"\b(?:bis|bis zum|spätestens|by|until|due)\s*(?:zum|am|the|on)?\s*$", re.I)
_PARTICIPLE = re.compile(r"^(ein|aus|um|an|ab|auf|zu|vor|nach|weg)ge(?=\w{3})")


def related(a: str, b: str) -> bool:
    """Two words naming the same thing: equal, one the head of the other's compound
    ("termin"/"installationstermin"), or a noun and its verb ("einzug"/"eingezogen",
    "move"/"moving", "rechnungsdatum"/"rechnung")."""
    a, b = _PARTICIPLE.sub(r"\1", a), _PARTICIPLE.sub(r"\1", b)
    if a == b or (min(len(a), len(b)) >= 5 and (a.endswith(b) or b.endswith(a))):
        return True
    return (
        min(len(a), len(b)) >= 4 and a[:3] == b[:3] and (a[3] == b[3] or min(len(a), len(b)) <= 6)
    )


def _customer_date(
    mail_text: str, event: set[str], language: str, hours: bool
) -> tuple[date, str] | None:
    """The one date of the mail the rule's event words are near (a document's date only when
    the event is that document: "Rechnung vom 20.11."; for a rule in hours also a date with
    a time of day right after it, an appointment), and the text right after it; None when
    there is none or more than one."""
    found = []
    for start, end, day in dates_in(mail_text):
        after = mail_text[end : end + 40]
        if _DEADLINE.search(mail_text[max(0, start - 20) : start]):
            continue
        if hours and _TIMED.match(after):
            found.append((0, day, after))
            continue
        owner = _OWNER.search(mail_text[max(0, start - 40) : start])
        near = words(owner.group(1) if owner else mail_text[max(0, start - WINDOW) : end + WINDOW])
        if any(related(w, n) for w in event for n in near):
            found.append((1, day, after))
    days = {d for _, d, _ in found}
    return (min(found)[1], min(found)[2]) if len(days) == 1 else None


def applied_deadline(
    mail_text: str, sent: datetime | None, block: str, language: str, formality: str = "sie"
) -> str:
    """The line applying the first period rule of `block` to the customer's date, '' when
    none applies (see the module docstring)."""
    for sentence in _SENTENCE.findall(block):
        rule = _RULE.search(sentence)
        if not rule:
            continue
        # "we" in the rule's own clause: our obligation; "…; we then bill …" after a
        # semicolon is a clause of its own (the English moving-in rule)
        clause = sentence[: rule.end()].rsplit(";", 1)[-1] + sentence[rule.end() :].split(";")[0]
        if _OURS.search(clause) or _RANGE.search(sentence[: rule.start()]):
            continue
        period = _period(int(rule.group("n")), rule.group("unit"))
        if period is None:
            continue
        named = _EVENT.match(sentence[rule.end() :])
        event = words(named.group(1)) if named else set()
        hours = rule.group("unit").lower().startswith(("stunde", "hour"))
        if not event and not hours:
            continue  # "2 Wochen vorher": before what is not said here
        found = _customer_date(mail_text, event, language, hours)
        if found is None:
            continue
        day, after = found
        day = _year(day, sent)
        sign = (
            -1
            if rule.group("dir").lower()
            in {"vor", "vorher", "before", "prior to", "in advance", "beforehand"}
            else 1
        )
        if sign < 0 and sent is not None and day < sent.date():
            continue  # "2 Wochen vor dem Auszug" when the move-out is over: nothing to act on
        if sign > 0 and sent is not None and day > sent.date():
            continue  # "bis 6 Wochen nach dem Einzug" before the move-in: a late window, not due
        result = shift(day, period, sign)
        if result is None:
            continue
        hour = _hour(after, language) if isinstance(period, timedelta) and period.days else ""
        dated = sent is not None
        amount = f"{rule.group('n')} {rule.group('unit')}"
        late = sent is not None and _over(result, hour, sent)
        if language == "de":
            word = "vor dem" if sign < 0 else "nach dem"
            du = formality == "du"
            case = "deinen Fall" if du else "Ihren Fall"
            line = (
                f"Auf {case} angewendet: {amount} {word} {_when(day, hour, 'de', dated)} ist "
                f"der {_when(result, hour, 'de', dated).rstrip(',.')}."
            )
            if late and sent is not None:
                line += (
                    f" Diese Frist war bei Eingang {'deiner' if du else 'Ihrer'} Nachricht am "
                    f"{sent:%d.%m.%Y} bereits abgelaufen."
                )
            return line
        word = "before" if sign < 0 else "after"
        line = (
            f"Applied to your case: {amount} {word} {_when(day, hour, 'en', dated)} is "
            f"{_when(result, hour, 'en', dated).rstrip(',.')}."
        )
        if late and sent is not None:
            line += (
                " That deadline had already passed when your message reached us on "
                f"{sent.day} {_MONTHS_EN[sent.month - 1]} {sent.year}."
            )
        return line
    return ""


def _over(deadline: date, hour: str, sent: datetime) -> bool:
    """Whether the deadline (a whole day, or from `hour` on that day: "8", "8:30", "8 am",
    "1 pm") was over when the mail was written, on the mail's own clock."""
    if sent.date() != deadline:
        return sent.date() > deadline
    found = re.match(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$", hour)
    if not found:
        return False  # the last day of a deadline counts; an unknown hour: not known
    at = int(found.group(1))
    if found.group(3):  # "12 am" is midnight, "12 pm" noon
        at = at % 12 + (12 if found.group(3) == "pm" else 0)
    return (sent.hour, sent.minute) >= (at, int(found.group(2) or 0))


# the article's own worked example ("Beispiel: Ihr Termin ist am Donnerstag …"): beside the
# customer's real date it only confuses
_EXAMPLE = re.compile(r"^(?:Beispiel|Zum Beispiel|Ein Beispiel|Example|For example)\b")


def place_deadline(
    block: str, mail_text: str, sent: datetime | None, language: str
) -> tuple[str, str]:
    """(`block` with the applied-deadline line right after the paragraph stating the rule and
    without the article's worked example, the line when that paragraph is the block's last
    one: it goes after the block's citation so the computed line never carries a source
    mark); (block, '') when no rule applies."""
    parts = block.split("\n\n")
    for part in parts:
        line = applied_deadline(mail_text, sent, part, language)
        if not line:
            continue
        kept = [p for p in parts if not _EXAMPLE.match(p)] or parts
        at = kept.index(part) if part in kept else len(kept) - 1
        if at == len(kept) - 1:
            return "\n\n".join(kept), line
        return "\n\n".join([*kept[: at + 1], line, *kept[at + 1 :]]), ""
    return block, ""
