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
  signature together and of the body alone, each parsed, as written, completed by the
  address and as a couple, and its raw words.

`shown_names` keeps the parts the redacted mail still shows in clear: the engine hides them
too (drafter.drafting.engine `_prepare`), else the request guard would block the request.
The privacy side reads sign-off lines on its own too (drafter.privacy.signed_lines), so a
shape no greeting reader knows is still hidden.
"""

from __future__ import annotations

import re

from drafter.drafting.name_evidence import as_written, initial_by_address, split_by_address
from drafter.drafting.name_words import PARTICLES
from drafter.drafting.persons import customer_names, greeted_before, split_couple
from drafter.drafting.salutation import greeted_surname
from drafter.drafting.sender import Name, parse_name
from drafter.drafting.signoff import signed_name, signoff_name
from drafter.models import InboundEmail
from drafter.privacy.freewords import two_words
from drafter.privacy.gazetteer import Vocabulary, vocabulary
from drafter.privacy.names import STOP_WORDS, parse_display_name

_JOINERS = frozenset(("und", "and", "&", "+", "u.", "or", "oder", "von", "from"))


#: academic titles a reading may leave among the name words ("Mag. Anna Huber")
_TITLES = frozenset(("mag", "dr", "prof", "dipl", "ing", "med", "rer", "nat", "phil", "jur"))
_NO_NAME = _TITLES | PARTICLES


def _everyday(word: str, vocab: Vocabulary) -> bool:
    """An everyday word that no list of first names or surnames holds ("Denmark")."""
    listed = vocab.is_first_name(word) or vocab.is_surname(word)
    return vocab.zipf(word) >= 4.0 and not listed


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
    chosen: list[str] = []
    for name in customer_names(email):  # the greeting's own choice, as before
        chosen += _name_parts(name)
        chosen.append(greeted_before(email.quoted, name.first))  # "Aga", greeted before
    parts: list[str] = []
    for name in _readings(parse_display_name(email.from_.name), address):
        parts += _name_parts(name)
    for signed in _signed_texts(email):
        for name in _readings(signed, address):
            parts += _name_parts(name)
        parts += [w.strip(",") for w in signed.split() if w.lower() not in _JOINERS]
    # the other readings: not a word no name can be ("Kundennummer", "von", "der"), nor a
    # single everyday word or compound ("Denmark", "Pflegedienst")
    vocab = vocabulary()
    parts = [
        p
        for p in (p.strip() for p in parts)
        if not any(w in STOP_WORDS or w.lower() in PARTICLES for w in p.split())
        and (" " in p or not (_everyday(p, vocab) or two_words(p, vocab)))
    ]
    # a particle or a title alone is nobody's name, in any reading ("von", "der", "Dr.")
    found = dict.fromkeys([*(c.strip() for c in chosen), *parts])
    return [p for p in found if len(p) > 1 and p.rstrip(".").lower() not in _NO_NAME]


def shown_names(email: InboundEmail, redacted: InboundEmail) -> list[str]:
    """The sender's name parts (`sender_name_parts`) that the redacted mail still shows in
    clear (a lowercase "… danke dir!! bente" the name recognizers did not take)."""
    text = "\n".join((redacted.body, redacted.quoted, redacted.signature, redacted.subject))
    return [
        part
        for part in sender_name_parts(email)
        if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.I)
    ]
