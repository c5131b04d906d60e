"""A contract end sooner than the cited article's notice rule allows (`unsupported_claim`).

An article's notice rule to a month's end ("1 Monat Frist zum Monatsende", "1 month to the
end of a month") fixes the earliest end for a notice received on a day: the last day of the
month in which that day plus the notice period falls (received 9 May, 1 month: 30 June). A
reply sentence that names the day the notice came in and an end date ("Da Ihre Kündigung am
9. Mai eingegangen ist, endet Ihr Vertrag zum 31. Mai") and whose end is before that earliest
end has worked the deadline out wrongly, in the customer's favour and against the rule; the
agent must not send it. A later end (a fixed term, the customer's wish) is not judged here,
nor an end by another rule named in the sentence or the one before (a move, a price increase,
a death, a withdrawal). A sentence that names only the end ("Hiermit bestätigen wir die
Beendigung Ihres Vertrags zum 31.10.") is judged from the day the customer's notice was sent,
when their mail gives notice and says its date (the product appends the mail's Date).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from drafter.drafting.check_base import sentences, strip_markup, unsupported
from drafter.drafting.dates import dates_in, shift
from drafter.models import DraftWarning, Passage

_COUNT = {"ein": 1, "einen": 1, "einem": 1, "one": 1, "a": 1, "zwei": 2, "two": 2, "drei": 3}
_RULE = re.compile(
    r"\b(?P<n>\d{1,2}|ein(?:em|en)?|one|a|zwei|two|drei)\s+(?:monat\w*|months?)(?:'s)?\s+"
    r"(?:frist\s+|notice\s+)?(?:jeweils\s+)?(?:zum monatsende|zum ende (?:eines|des|jedes) monats|"
    r"to the end of (?:a|any|the|each) month)",
    re.I,
)
# the sentence speaks of a notice received and of the contract's end
_NOTICE = re.compile(
    r"\b(?:kündigung|gekündigt|beendigung|notice|cancell?ation|cancell?ed|terminat\w+)\b", re.I
)
_END = re.compile(
    r"\b(?:endet|enden|beendet|beendigung|vertragsende|läuft\b[^.]{0,40}\baus|ends?|ending|"
    r"end date|"
    r"last day|terminates?)\b",
    re.I,
)


# the ends other rules give: moving out, a price increase, a death, a withdrawal
_OTHER_END = re.compile(
    r"\b(?:umzug\w*|auszug\w*|ausziehen|ziehen sie|move\w*|moving|preiserhöhung\w*|"
    r"price (?:increase|rise)|sonderkündigung\w*|special termination|todesfall\w*|verstorben\w*|"
    r"death|died|passed away|widerruf\w*|withdraw\w*)\b",
    re.I,
)


def _months(passages: Sequence[Passage]) -> set[int]:
    """The notice periods (months) of the articles' month-end rules."""
    text = " ".join(p.text.replace("**", "") for p in passages)
    found: set[int] = set()
    for match in _RULE.finditer(text):
        n = match.group("n").lower()
        found.add(int(n) if n.isdigit() else _COUNT[n])
    return found


def _earliest(received: date, months: int) -> date | None:
    moved = shift(received, months, 1)
    if moved is None:
        return None
    return moved.replace(day=calendar.monthrange(moved.year, moved.month)[1])


# the mail gives notice itself, and its own date: the product appends the Date header as the
# last line ("28.10.2026"); a mail may say it ("gesendet am 28.10.", "sent on 28 October")
_GIVES_NOTICE = re.compile(r"\b(?:kündige|kündigen|cancel|terminate|give notice)\b", re.I)
_SENT = re.compile(
    r"\b(?:gesendet|geschickt|geschrieben|sent|written)\s+(?:am|on)\s+(?P<day>[^)\n]{3,20})"
    r"|\n\s*(?P<last>\d{1,2}\.\d{1,2}\.\d{2,4})\s*$",
    re.I,
)


def _mail_day(customer: str) -> date | None:
    """The day a mail that gives notice was sent, when it says (`_SENT`)."""
    if not _GIVES_NOTICE.search(customer):
        return None
    for match in _SENT.finditer(customer):
        days = dates_in(match.group("day") or match.group("last"))
        if days:
            return days[0][2]
    return None


def rule_end(customer: str, passages: Sequence[Passage]) -> date | None:
    """The earliest end the cited articles' one notice rule gives for the day the customer's
    notice says it was sent (None without exactly one rule or without that day)."""
    rules = _months(passages)
    sent = _mail_day(customer)
    if len(rules) != 1 or sent is None:
        return None
    return _earliest(sent, next(iter(rules)))


def check_notice_end(
    body: str, passages: Sequence[Passage], customer: str = ""
) -> list[DraftWarning]:
    """`unsupported_claim` for a contract end before the earliest end the cited notice rule
    gives for the reply's own day of receipt, or for the day the customer's notice was sent
    when the sentence names only the end (see the module docstring)."""
    rules = _months(passages)
    if len(rules) != 1:
        return []  # no rule, or rules that differ by tariff: not judged
    months = next(iter(rules))
    text = strip_markup(body)
    spans = sentences(text)
    for i, (a, b) in enumerate(spans):
        sentence = text[a:b]
        if not (_NOTICE.search(sentence) and _END.search(sentence)):
            continue
        before = text[spans[i - 1][0] : a] if i else ""
        if _OTHER_END.search(before + sentence):
            continue  # a move, a price increase, a death: an end of its own rule
        days = [d for _s, _e, d in dates_in(sentence)]
        sent = _mail_day(customer)
        if len(days) == 1 and sent is not None:
            days = [sent, days[0]]  # "wir bestätigen die Beendigung zum 31.10." of that mail
        if len(days) != 2:
            continue
        received, end = days
        if end < received:
            end = end.replace(year=end.year + 1)
        earliest = _earliest(received, months)
        if earliest is not None and end < earliest:
            return [
                unsupported(
                    f"the reply ends the contract on {end:%d.%m.}, but the cited article's "
                    f"notice of {months} month(s) to a month's end gives {earliest:%d.%m.} at "
                    "the earliest for a notice received then; check it",
                    sentence.strip(),
                )
            ]
    return []
