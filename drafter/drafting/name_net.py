"""The engine's last name net: every name part the sender's data could give a greeting.

The greeting (drafter.drafting.salutation, persons, signoff) chooses ONE reading of the
sender: a display name, a signed name, a couple. What reaches the model must not depend on
that choice: when the greeting modules learn a new sign-off form, or read a sign-off one way
and the redactor another, a name part must still be hidden. So the net takes the union of
every reading the greeting modules can give (`sender_name_parts`):

- the persons the greeting greets (`customer_names`), with the surname as greeted and a
  first name greeted earlier in the thread;
- the display name, parsed, completed by the address and as a couple;
- every sign-off reading: the signed name (`signed_name`), the sign-off of body and
  signature together, of the body alone and of the signature alone, each parsed, as
  written, completed by the address and as a couple, and its raw words.

`shown_names` keeps the parts the redacted mail still shows in clear: the engine hides them
too (drafter.drafting.engine `_prepare`), else the request guard would block the request.
The privacy side reads sign-off lines on its own too (drafter.privacy.signed_lines), so a
shape no greeting reader knows is still hidden.
"""

from __future__ import annotations

import re

from drafter.drafting.name_evidence import as_written, initial_by_address, split_by_address
from drafter.drafting.persons import customer_names, greeted_before, split_couple
from drafter.drafting.salutation import greeted_surname
from drafter.drafting.sender import Name, parse_name
from drafter.drafting.signoff import signed_name, signoff_name
from drafter.models import InboundEmail
from drafter.privacy.names import STOP_WORDS, parse_display_name

_JOINERS = frozenset(("und", "and", "&", "+", "u.", "or", "oder", "von", "from"))


def _name_parts(name: Name) -> list[str]:
    """A parsed name's parts: the full name, family and first name, each word of them (and
    of a double name), the surname as a greeting writes it ("von Alsen")."""
    parts = [f"{name.first} {name.last}".strip(), name.last, name.first, name.family]
    parts.append(greeted_surname(name))
    words = [*name.first.split(), *name.last.split(), *name.family.split()]
    parts += words
    parts += [p for w in words if "-" in w for p in w.split("-")]
    return parts


def _readings(text: str, address: str) -> list[Name]:
    """Every way the greeting modules read `text` (a display or signed name)."""
    if not text.strip():
        return []
    parsed = parse_name(text)
    written = as_written(parsed, text)
    found = [parsed, written, split_by_address(written, address)]
    found.append(initial_by_address(found[-1], address))
    return [*found, *split_couple(text)]


def _signed_texts(email: InboundEmail) -> list[str]:
    """The signed name of every sign-off the greeting modules can read in `email`."""
    texts = [signed_name(email), signoff_name(email.body, email.signature)]
    texts.append(signoff_name(email.body))
    return [t for t in dict.fromkeys(texts) if t.strip()]


def sender_name_parts(email: InboundEmail) -> list[str]:
    """Every name part a greeting of `email` could write, whichever reading it chooses."""
    address = email.from_.email
    parts: list[str] = []
    for name in customer_names(email):  # the greeting's own choice
        parts += _name_parts(name)
        parts.append(greeted_before(email.quoted, name.first))  # "Aga", greeted before
    for name in _readings(parse_display_name(email.from_.name), address):
        parts += _name_parts(name)
    for signed in _signed_texts(email):
        for name in _readings(signed, address):
            parts += _name_parts(name)
        parts += [w.strip(",") for w in signed.split() if w.lower() not in _JOINERS]
    # not a word no name can be ("Kundennummer" of a misread sign-off line)
    return [
        p
        for p in dict.fromkeys(p.strip() for p in parts)
        if len(p) > 1 and not any(w in STOP_WORDS for w in p.split())
    ]


def shown_names(email: InboundEmail, redacted: InboundEmail) -> list[str]:
    """The sender's name parts (`sender_name_parts`) that the redacted mail still shows in
    clear (a lowercase "… danke dir!! bente" the name recognizers did not take)."""
    text = "\n".join((redacted.body, redacted.quoted, redacted.signature, redacted.subject))
    return [
        part
        for part in sender_name_parts(email)
        if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.I)
    ]
