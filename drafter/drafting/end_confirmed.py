"""A contract end or switch confirmed for a day no source gives (`commitment`).

A reply that states, as done or settled, that this customer's contract, tariff or supply ends
or is switched on a concrete day ("Ihr Vertrag endet wie gewünscht am 30.11.2026", "Hiermit
bestätigen wir verbindlich, dass Ihr Vertrag zum 31.10.2026 endet", "Your electricity
contract will end this Friday, on your moving-out day", "We have noted your switch ... from 1
January") decides the customer's contract: whether that day is possible depends on the notice
or moving rule and on when the notice came in, which drafter does not know when the mail gives
no date of writing (drafter.drafting.notice_end can only judge a sentence against a date it
knows). The sentence is a `commitment` when

- it names the contract, tariff, supply, cancellation or switch and its end or switch, and a
  day (a date, a weekday, today, tomorrow, the moving day);
- it says it as a fact: no question, no condition or reasoning ("wenn", "if", "would",
  "frühestens", "at the earliest", "eingegangen", "received", "must reach", "for example"),
  no negation, no modal ("can", "kann");
- the day is no date of a trusted article, and either the customer's mail asked for it (the
  mail names that date or weekday) or the sentence confirms it ("bestätigen", "confirm",
  "hiermit", "wie gewünscht", "as requested", "noted", "processed");
- it is not the earliest end the cited article's notice rule gives for the day the mail says
  it was written (notice_end's own arithmetic): that end is the rule applied, not a decision.

A correct reply says when the contract can end and why, or that the end will be confirmed in
writing; it does not settle the day on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import sentences, strip_markup
from drafter.drafting.dates import dates_in
from drafter.drafting.notice_end import rule_end
from drafter.models import DraftWarning, Passage

REASON = "confirms a contract end or switch on a day no source gives"

# what ends or is switched: this customer's contract, tariff, supply, notice or switch
_THING = re.compile(
    r"\b(?:\w*vertr[aä]g\w*|contracts?|\w*tarif\w*|tariffs?|supply|\w*lieferung|kündigung|"
    r"cancell?ation|termination|(?:ihr\w*|your)\s+(?:\w+\s+)?(?:wechsel|umstellung|switch))\b",
    re.I,
)
_ENDS = re.compile(
    r"\b(?:endet|enden|beendet|beenden|ausläuft|läuft\b[^;!?]{0,40}?\baus\b|gekündigt|aufgelöst|"
    r"ends|end|ending|terminated|cancell?ed|wechsel\w*|umgestellt|switch|switched)\b",
    re.I,
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag)"
)
# a day named without a date
_DAY_WORD = re.compile(
    rf"\b(?:(?:this|next|on|coming)\s+{_WEEKDAY}|(?:diesen|kommenden|am|nächsten)\s+{_WEEKDAY}|"
    r"today|tomorrow|heute|morgen|(?:your|ihrem|dem)\s+(?:moving[- ]out day|moving day|"
    r"auszugstag|umzugstag)|(?:zum|am)\s+(?:monatsende|ende (?:des|dieses) monats)|"
    r"(?:at|by|to) the end of (?:the|this) month|mit sofortiger wirkung|with immediate effect)\b",
    re.I,
)
# a condition, a reason worked out, a modal or a negation: the sentence explains the rule
_HEDGED = re.compile(
    r"\b(?:would|could|can|cannot|can't|may|might|if|whether|unless|once|earliest|latest|"
    r"example|e\.g|must|should|reach\w*|received|receive|receipt|after we|possible|"
    r"würde\w*|könnte\w*|kann|können|darf|dürfen|wenn|falls|sofern|ob|frühestens|spätestens|"
    r"beispiel|z\. ?b|muss|müssen|sollte\w*|eingeh\w*|eingegangen|erhalten|eingang|sobald|"
    r"möglich|bei (?:einem|einer)|erstlaufzeit|mindestlaufzeit|initial term|minimum term|"
    r"not|no|nicht|kein\w*|nie|never|then|dann|by)\b"
    # a German sentence opening with its verb is a condition ("Geht Ihre Kündigung ... ein,")
    r"|^\s*(?:geht|ist|kommt|liegt|erreicht|trifft)\b",
    re.I,
)
# a fee waived alongside ("at no charge", "ohne Gebühr") negates the fee, not the end
_NO_FEE = re.compile(
    r"\b(?:no|without(?: any)?|ohne|keine?)\s+(?:\w+\s+)?(?:charges?|fees?|costs?|gebühr\w*|"
    r"kosten|entgelt\w*)\b",
    re.I,
)
_CONFIRMS = re.compile(
    r"\b(?:confirm\w*|bestätig\w*|hiermit|hereby|verbindlich|binding\w*|as requested|"
    r"as you (?:requested|asked|wished)|wie gewünscht|wunschgemäß|wie von ihnen gewünscht|"
    r"processed|bearbeitet|noted|vorgemerkt|notiert|done|erledigt)\b",
    re.I,
)


def _article_days(passages: Sequence[Passage]) -> set[tuple[int, int]]:
    return {(d.month, d.day) for p in passages for _a, _b, d in dates_in(p.text)}


def check_end_confirmed(
    body: str, passages: Sequence[Passage], customer: str = ""
) -> list[DraftWarning]:
    """`commitment` for a sentence that settles this customer's contract end or switch on a
    day no source gives (see the module docstring)."""
    text = strip_markup(body)
    mail = customer.lower()
    mail_days = {(d.month, d.day) for _a, _b, d in dates_in(customer)}
    article_days = _article_days(passages)
    earliest = rule_end(customer, passages)
    found: list[DraftWarning] = []
    for a, b in sentences(text):
        sentence = text[a:b]
        if sentence.rstrip().endswith("?") or _HEDGED.search(_NO_FEE.sub(" ", sentence)):
            continue
        if not (_THING.search(sentence) and _ENDS.search(sentence)):
            continue
        days = [(d.month, d.day) for _s, _e, d in dates_in(sentence)]
        word = _DAY_WORD.search(sentence)
        if not days and word is None:
            continue
        if any(day in article_days for day in days):
            continue  # a day the article itself gives
        if earliest is not None and (earliest.month, earliest.day) in days:
            continue  # the notice rule applied to the mail's own date
        asked = any(day in mail_days for day in days) or (
            word is not None and word.group(0).split()[-1].lower() in mail
        )
        if not (asked or _CONFIRMS.search(sentence)):
            continue
        found.append(
            DraftWarning(
                code="commitment",
                message=f"the reply {REASON} ({sentence.strip()!r}); drafter made no such "
                "decision, check it",
                span=sentence.strip(),
            )
        )
    return found
