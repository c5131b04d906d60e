"""The persons to greet: one, or two for a couple, from the display name and the sign-off.

Owns `customer_names` and `customer_name`: the display name, unless it is no person or a
different person signs (a wife writing from her husband's account); a couple ("Gül und Serkan
Öztürk", "Mr & Mrs S. Kulkarni", "Eilidh & Ross", "Eheleute Fischer") gives two
(`split_couple`; also "Dr. Anna und Dr. Paul Roth", "Anna Berg / Jonas Berg"). The mail
address and the same person's sign-off complete the display name
(drafter.drafting.name_evidence). The name parsing itself is drafter.drafting.sender, the
name under the closing drafter.drafting.signoff.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.drafting.name_evidence import as_signed, split_by_address
from drafter.drafting.sender import (
    _AND,
    _NAME_WORD,
    SALUTATION,
    Name,
    _case,
    _initial,
    _is_first_name,
    _person,
    parse_name,
)
from drafter.drafting.signoff import signoff_name
from drafter.models import InboundEmail

#: "Eheleute Fischer", "Ehepaar Fischer": a married couple of one family name
_SPOUSES = re.compile(r"^(?:eheleute|ehepaar)\s+(\S.*)$", re.I)


def _part(text: str) -> Name:
    words = text.split()
    if len(words) == 1 and _NAME_WORD.match(words[0]) and words[0].lower() not in SALUTATION:
        return Name(first=_case(words[0]))  # "Jule und Emil": a bare word is a first name
    return parse_name(text)


def split_couple(text: str) -> list[Name]:
    """Two persons in one name ('Gül und Serkan Öztürk', 'Mr & Mrs Brown', 'Eheleute
    Fischer'), else []."""
    spouses = _SPOUSES.match(text.strip())
    if spouses and _person(spouses.group(1)):
        last = " ".join(_case(w) for w in spouses.group(1).split())
        return [Name(last=last, gender="female"), Name(last=last, gender="male")]
    parts = _AND.split(text.strip())
    if len(parts) != 2 or not all(p.strip() for p in parts) or not _person(text):
        return []
    left, right = _part(parts[0]), _part(parts[1])
    first_only = not left.first and _is_first_name(left.last)
    if (left.title or left.gender) and right.last and first_only:
        left = replace(left, first=left.last, last="")  # "Dr. Anna und Dr. Paul Roth"
    if not left.last:
        left = replace(left, last=right.last)
    for one in (left, right):
        if not (one.first or (one.last and (one.gender or one.title))):
            return []
    return [left, right]


def _same_person(a: Name, b: Name) -> bool:
    if a.last and b.last and a.last.lower() != b.last.lower() and not _abbreviates(a.last, b.last):
        return False
    x, y = a.first.rstrip(".").lower(), b.first.rstrip(".").lower()
    return not x or not y or x.startswith(y) or y.startswith(x)


def _abbreviates(one: str, other: str) -> bool:
    """'P.' (or 'P') and 'Pollard': a last name signed as its initial ("Jane P.", "Tom R")."""
    short, full = sorted((one, other), key=len)
    initial = (_initial(short) and len(short) == 2) or (len(short) == 1 and short.isupper())
    return initial and full.lower().startswith(short[0].lower())


def _merge(shown: Name, signed: Name) -> Name:
    """The display name completed from the signed one (title, gender, Mrs; the first name
    when the display name has only its initial: "J. Hennemann" signing "Jutta Hennemann")."""
    initials = all(_initial(w) for w in shown.first.split())
    full = signed.first and not any(_initial(w) for w in signed.first.split())
    return replace(
        shown,
        first=signed.first if initials and full else shown.first,  # also none shown
        title=shown.title or signed.title,
        gender=shown.gender or signed.gender,
        mrs=shown.mrs or signed.mrs,
        last=shown.last or signed.last,
    )


def customer_names(email: InboundEmail) -> list[Name]:
    """The persons to greet: one, or two for a couple; [] when no person is named."""
    signed_text = signoff_name(email.body, email.signature)
    couple = split_couple(signed_text) or split_couple(email.from_.name)
    if couple:
        return couple
    shown = split_by_address(parse_name(email.from_.name), email.from_.email)
    signed = split_by_address(parse_name(signed_text), email.from_.email)
    if not (signed.first or signed.last):
        return [shown] if shown.first or shown.last or shown.family else []
    if not (shown.first or shown.last):
        return [signed]
    if shown.first and signed.first and signed.last and not _same_person(shown, signed):
        return [signed]  # a different person signs (shared account)
    if _same_person(shown, signed):
        return [as_signed(_merge(shown, signed), signed, email.from_.name)]
    return [shown]


def customer_name(email: InboundEmail) -> Name:
    """The (first) person to greet; an empty Name when none is named."""
    names = customer_names(email)
    return names[0] if names else Name()
