"""What the rest of a mail says about the sender's parsed name: the address and the sign-off.

Owns two completions of a parsed name (drafter.drafting.sender.Name), used where the persons
to greet are chosen (`customer_names`):

- `split_by_address`: the mail address often joins the given name and the family name as
  they belong together ("meiling.chow@…", "hanspeter.kuehn@…"). When the words of a name
  split into exactly the two parts of the address, that is where the given name ends:
  "Mei Ling Chow" writing from meiling.chow@… is Mei Ling, family name Chow, not the double
  family name "Ling Chow" that the name data alone suggest (a rare given name looks like a
  surname). The address may put the family name first (chow.meiling@…); it says where the
  given name ends, not which part comes first, so it never turns a name round. Addresses
  that do not spell the name ("mlchow@…") change nothing.
- `as_signed`: the same person's sign-off completes the display name. A display name in ALL
  CAPS or all lowercase has lost its capitals, so the signed spelling is used ("MACLEOD,
  IAIN" signing "Iain MacLeod" is Mr MacLeod); a display first name of no clear sex that the
  sign-off writes out in full gives way to it ("Chris Hallett" signing "Christine Hallett" is
  Ms Hallett, "Alex Meyer" signing "Alexandra Meyer" is Frau Meyer).
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.drafting.names import gender_of
from drafter.drafting.sender import Name
from drafter.firstnames import fold

__all__ = ["as_signed", "split_by_address"]

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _keys(words: list[str]) -> set[str]:
    """The ways an address may spell `words` joined: 'Kühn' -> {'kuhn', 'kuehn'}."""
    joined = "".join(words)
    return {re.sub(r"[^a-z]", "", fold(text)) for text in (joined, joined.translate(_UMLAUTS))} - {
        ""
    }


def split_by_address(name: Name, address: str) -> Name:
    """`name` with the given name and family name split as the address spells them."""
    words = [*name.first.split(), *name.last.split()]
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    parts = [p for p in re.split(r"[._+-]", local) if p]
    if len(parts) != 2 or len(name.last.split()) < 2 or not name.first:
        return name
    if any("." in w for w in words):
        return name
    for cut in range(len(name.first.split()) + 1, len(words)):
        given, family = _keys(words[:cut]), _keys(words[cut:])
        # either order: chow.meiling@ splits the name where meiling.chow@ does
        if (parts[0] in given and parts[1] in family) or (parts[1] in given and parts[0] in family):
            return replace(name, first=" ".join(words[:cut]), last=" ".join(words[cut:]))
    return name


def _sexed(first: str) -> bool:
    return bool(gender_of(first, "de") or gender_of(first, "en"))


def as_signed(merged: Name, signed: Name, display: str) -> Name:
    """The display name `merged` with the signed spelling and first name where they say more
    (`signed` is the same person; `display` the display name as written)."""
    letters = "".join(c for c in display if c.isalpha())
    lost_case = letters.isupper() or letters.islower()
    last = merged.last
    if lost_case and signed.last.lower() == last.lower():
        last = signed.last
    first = merged.first
    shown, full = first.rstrip(".").lower(), signed.first.lower()
    if shown and len(full) > len(shown) and full.startswith(shown) and " " not in full:
        if not _sexed(first) and _sexed(signed.first):
            first = signed.first
    elif lost_case and full == first.lower():
        first = signed.first
    return replace(merged, first=first, last=last)
