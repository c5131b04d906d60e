"""A short form of the customer's first name signed alone: the sex it tells.

Owns `signed_short_form_sex` (asked by drafter.drafting.salutation only when the display
name leaves the sex open, e.g. a name the house reads as of either sex: "Gabriele", female in
German and male in Italian). A customer who signs a short form of her given name alone, under
the newest mail or under an earlier message of her own in the thread ("gabi" under "hallo
ihr, …" quoted below a Sie reminder from "Gabriele Jürgensen"), says which it is, when the
short form is of one sex in both the German and the English name data ("Gabi": Frau
Jürgensen). A short form the data read differently ("Andi": Andreas here, a girl in the US
births) or of either sex ("Sascha") says nothing, and so do messages of anyone else in the
thread (our replies, a forwarded landlord's mail): only a message whose "Von:"/"From:" line or
"Am … schrieb …:"/"On … wrote:" line names the sender's address or display name counts.
"""

from __future__ import annotations

import re

from drafter.closings import CUSTOMER_CLOSING
from drafter.drafting.names import gender_of
from drafter.drafting.sender import Name
from drafter.drafting.signoff import signed_name
from drafter.firstnames import fold
from drafter.models import Address, InboundEmail

__all__ = ["short_form_sex", "signed_short_form_sex"]

#: the line that names who wrote a quoted message: an Outlook header ("Von: …", "From: …") or an
#: attribution line ("Am 9.11. schrieb Anna Berg <anna@…>:", "On Mon, Anna Berg wrote:")
_AUTHOR_LINE = re.compile(
    r"(?im)^[ \t>]*(?:\**(?:von|from)\**\s*:.*|.*\b(?:schrieb|wrote|geschrieben)\b.*:[ \t]*)$"
)
#: header fields and separators of a quoted message, no part of its text
_HEADER_FIELD = re.compile(
    r"(?i)^(?:\**(?:gesendet|sent|an|to|cc|betreff|subject|datum|date)\**\s*:|-{2,}.*-{2,}$|"
    r"-{2,}\s*original message)"
)


def short_form_sex(name: Name, word: str) -> str:
    """The sex a short or long form of `name`'s first name tells ("Gabi" for "Gabriele":
    three letters in common at the start, or "Bine" for "Sabine" at the end), when the data
    give it one sex in German and in English; '' otherwise, and for the name itself."""
    given, signed = fold(name.first), fold(word)
    if not given or not signed or given == signed or " " in given or "." in given + signed:
        return ""
    if min(len(given), len(signed)) < 3:
        return ""
    if given[:3] != signed[:3] and not (given.endswith(signed) or signed.endswith(given)):
        return ""
    sexes = {gender_of(word, "de"), gender_of(word, "en")}
    return sexes.pop() if len(sexes) == 1 and "" not in sexes else ""


def _names_sender(line: str, sender: Address) -> bool:
    low = fold(line)
    shown = fold(" ".join(sender.name.split()))
    return (bool(sender.email) and sender.email.lower() in line.lower()) or (
        len(shown) > 3 and shown in low
    )


def own_signoffs(quoted: str, sender: Address) -> list[str]:
    """The last line of each earlier message of `sender` in the quoted thread, its closing
    formula cut ("LG gabi" -> "gabi"), newest first."""
    marks = list(_AUTHOR_LINE.finditer(quoted))
    found = []
    for i, mark in enumerate(marks):
        if not _names_sender(mark.group(), sender):
            continue
        end = marks[i + 1].start() if i + 1 < len(marks) else len(quoted)
        lines = [
            re.sub(r"^[ \t]*(?:>[ \t]?)*", "", ln).strip()
            for ln in quoted[mark.end() : end].splitlines()
        ]
        lines = [ln for ln in lines if ln and not _HEADER_FIELD.match(ln)]
        if not lines:
            continue
        last = lines[-1]
        closing = CUSTOMER_CLOSING.match(last)
        found.append(last[closing.end() :].strip(" ,") if closing else last)
    return found


def signed_short_form_sex(email: InboundEmail, name: Name) -> str:
    """The sex of a short form of `name`'s first name signed alone under the newest mail or
    under an earlier message of the customer's own in the thread; '' when none tells it."""
    if not name.first or not name.last:
        return ""
    for signed in (signed_name(email), *own_signoffs(email.quoted, email.from_)):
        words = signed.split()
        if len(words) == 1 and re.fullmatch(r"[^\W\d_]+", words[0].rstrip(".!")):
            sex = short_form_sex(name, words[0].rstrip(".!"))
            if sex:
                return sex
    return ""
