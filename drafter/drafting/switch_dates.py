"""A tariff-switch cut-off of the knowledge base applied to the date of the customer's mail.

The tariff articles state when a switch takes effect: "any time, effective the 1st of the next
month if we receive your request by the 15th" / "jederzeit zum nächsten Monatsersten, wenn Ihr
Wunsch bis zum 15. des Vormonats eingeht". A customer who asks to switch ("I want to switch to
Nordlicht Öko starting 1 December") wants the date that gives, not the rule (blind reviews of
sessions 9 and 10: "by the 15th -> 1st of next month" stated but not applied). `applied_switch`
writes one line under the paragraph stating the rule, with the rule's own scope ("from Basis,
Öko, Gas Basis or Gas Klima"): the mail reached us on the 20th, after the 15th, so the earliest
switch date is the 1st of the month after next; a wished 1st of a month before that is named
as no longer possible.

Certain only when both are: the rule is in the shown text (its cut-off day and "1st of the
next month"), the mail has a date and asks about a switch. Otherwise no line: the rule stands
as the article states it. The mail's date is a fact of the mail (drafter.drafting.assemble
gives it to the date check), the switch date follows from it and the cut-off day
(drafter.drafting.dates.derived_spans).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from drafter.drafting.dates import dates_in

_RULE = {
    "de": re.compile(
        r"^(?:[-*]\s*)?(?P<scope>[^:\n]{3,80}):[^\n]*?\bzum nächsten Monatsersten\b[^\n]*?"
        r"\bbis zum\s+[*_]*(?P<day>\d{1,2})\.",
        re.M,
    ),
    "en": re.compile(
        r"^(?:[-*]\s*)?(?P<scope>[^:\n]{3,80}):[^\n]*?\b1st of the next month\b[^\n]*?"
        r"\bby the\s+[*_]*(?P<day>\d{1,2})(?:st|nd|rd|th)\b",
        re.M | re.I,
    ),
}
# the mail asks about a tariff switch (not a move, not a cancellation)
_SWITCH = re.compile(
    r"\b(?:\w*tarif\w*wechsel\w*|wechsel\w*|umstell\w*|switch\w*|change (?:my |the |to )?"
    r"(?:tariff|plan))\b",
    re.I,
)
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


def _first_after(day: date, months: int) -> date:
    """The 1st of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _show(day: date, language: str) -> str:
    return (
        f"{day:%d.%m.%Y}"
        if language == "de"
        else f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    )


def applied_switch(block: str, mail_text: str, sent: datetime | None, language: str) -> str:
    """The line applying the first switch cut-off rule of `block` to the mail's date `sent`,
    '' when the rule, the date or a switch request is missing."""
    rule = _RULE.get(language, _RULE["en"]).search(block)
    if rule is None or sent is None or not _SWITCH.search(mail_text):
        return ""
    cutoff = int(rule.group("day"))
    if not 1 <= cutoff <= 28:
        return ""
    received = sent.date()
    in_time = received.day <= cutoff
    earliest = _first_after(received, 1 if in_time else 2)
    scope = rule.group("scope").strip(" *_")
    scope = scope[:1].lower() + scope[1:]
    wished = sorted(
        {d for _s, _e, d in dates_in(mail_text) if d.day == 1 and received < d < earliest}
    )
    if language == "de":
        when = "bis zum" if in_time else "nach dem"
        line = (
            f"Auf Ihren Fall angewendet ({scope}): Ihre Nachricht vom {_show(received, 'de')} ist "
            f"{when} {cutoff}. eingegangen, ein Wechsel ist damit frühestens zum "
            f"{_show(earliest, 'de')} möglich."
        )
        if wished:
            line += f" Der {_show(wished[0], 'de')} ist nicht mehr möglich."
        return line
    when = "by" if in_time else "after"
    line = (
        f"Applied to your request ({scope}): your message of {_show(received, 'en')} reached us "
        f"{when} the {_ordinal(cutoff)}, so the earliest switch date is {_show(earliest, 'en')}."
    )
    if wished:
        line += f" {_show(wished[0], 'en')} is no longer possible."
    return line
