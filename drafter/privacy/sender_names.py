"""What the sender's own data says about the rest of the mail.

- The sender's name written in lowercase ("hedda q." under a mail from "Hedda Quistorp"):
  `lowercase_forms` gives a known name's words in lowercase, when they are not everyday
  words ("frank", "rose" and "wolf" stay words).
- The surname a From address spells: "hedda.quistorp@…" sent as "Hedda" names "Quistorp"
  (`local_part_names`; only when a part of the address is a word of the display name).
- The sender's short name on a line of its own ("thx, Matt" from Matthew, "Venky" from
  Venkatesh, "chuks" from Chukwuemeka, "fritzi" from fritzi.wendorff@…): `short_names`.
- The company's own postcode: the postcode + town right after the company's street as the
  knowledge base gives it ("Hafenstraße 12 · 24103 Kiel" in a quoted reply) is the
  company's, not the customer's (`without_own_postcodes`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from drafter.privacy.spans import Span

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
# what stands between a street and its postcode: a comma, a middle dot, a line break
_JOINER = re.compile(r"[ \t]*[,·|/–-]?[ \t]*\n?[ \t>]*")


def lowercase_forms(
    known: Iterable[str],
    zipf: Callable[[str], float],
    stop: frozenset[str],
    listed: Callable[[str], bool],
) -> set[str]:
    """The words of the known names in lowercase, where they are not everyday words and are
    in a name list (`listed`) or rare (a noun taken for a name once, "Abschlag", is not
    spread to every lowercase "abschlag"), each part of a double name on its own; and the
    initial with the surname ("r. wolf")."""
    # a double name's parts too: "lindqvist" of Lindqvist-Meyer in "www.lindqvist-bau.de"
    parts = {w for name in known for w in name.split()}
    parts |= {p for w in parts if "-" in w for p in w.split("-")}
    forms = {
        w.lower()
        for w in parts
        if len(w) >= 3
        and w[:1].isupper()
        and _WORD.fullmatch(w)  # not "Dr."
        and w not in stop
        and zipf(w) < 4.0
        and (listed(w) or zipf(w) < 3.0)
    }
    for name in known:  # "r. wolf" for Ruth Wolf: the initial makes even an everyday word hers
        words = name.split()
        if len(words) == 2 and all(_WORD.fullmatch(w) and len(w) >= 2 for w in words):
            first, last = words[0].lower(), words[1].lower()
            forms |= {f"{first[0]}. {last}", f"{first[0]}.{last}"}
    return forms


def lowercase_spans(text: str, forms: Iterable[str]) -> Iterator[Span]:
    """NAME spans of the lowercase `forms` as whole words of `text` (substring search: a
    handful of forms, far cheaper than adding them to the name pattern)."""
    for form in forms:
        i = text.find(form)
        while i >= 0:
            end = i + len(form)
            if (i == 0 or not text[i - 1].isalnum()) and not text[end : end + 1].isalnum():
                yield Span(i, end, "NAME", "known name in lowercase")
            i = text.find(form, end)


def ascii_forms(word: str) -> set[str]:
    """How a name's word is spelt in an e-mail address: "Sören" -> soeren, soren."""
    low = word.lower().replace("ı", "i")
    bare = "".join(c for c in unicodedata.normalize("NFKD", low) if c.isascii())
    german = unicodedata.normalize("NFKD", low.translate(_GERMAN))
    return {bare, german.encode("ascii", "ignore").decode()}


def local_part_names(address: str, display: str) -> list[str]:
    """The other parts of a From address's local part when one part is a word of the
    display name (the address spells the full name): ["Quistorp"] for
    ("hedda.quistorp@web.de", "Hedda"). The caller drops everyday words ("family")."""
    local = re.sub(r"\d+$", "", address.split("@")[0])  # "sean.gallagher84": a year or count
    parts = [p for p in re.split(r"[._-]", local) if p]
    shown = {form for w in display.split() for form in ascii_forms(w)}
    if len(parts) < 2 or not all(p.isalpha() for p in parts) or not shown & set(parts):
        return []
    return [p.title() for p in parts if len(p) >= 3 and p not in shown]


# "Beatriz Souza <bia.souza@gmail.com>" on a quoted or forwarded header line: a thread
# participant's name with the address that spells it
NAMED_ADDRESS = re.compile(
    r"([^\W\d_][\w'-]*(?:[ ][^\W\d_][\w'-]*){1,3})[ ]*<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>"
)


def participant_names(
    texts: Iterable[str], own: Callable[[str], bool], zipf: Callable[[str], float]
) -> list[str]:
    """The names the addresses of a thread's quoted participants spell next to their display
    name, as the From header's (`local_part_names`, a rare part): "Bia" of "Beatriz Souza
    <bia.souza@gmail.com>", who signs her quoted message "Bia"."""
    found: list[str] = []
    for text in texts:
        if "@" not in text:
            continue
        for m in NAMED_ADDRESS.finditer(text):
            name, address = m.group(1), m.group(2)
            if own(address):
                continue
            found += [n for n in local_part_names(address, name) if zipf(n) < 3.5]
    return found


def address_names(
    addresses: Iterable[str],
    zipf: Callable[[str], float],
    is_first_name: Callable[[str], bool],
) -> list[str]:
    """The name an e-mail address spells, for any address in the mail, not only the sender's:
    "malte.soerensen@gmx.de" written in the body names Malte and Soerensen (and, by its
    spellings, "Sörensen"). The local part must be two or three parts of letters, one a listed
    first name; a part is taken when it is rare (zipf < 3.5) or a listed first name that is no
    everyday word (zipf < 4.0: "Malte", not "Kiel" of "kiel.info@")."""
    found: list[str] = []
    for address in addresses:
        local = re.sub(r"\d+$", "", address.split("@")[0])
        parts = [p.title() for p in re.split(r"[._-]", local) if p]
        if not 2 <= len(parts) <= 3 or not all(p.isalpha() and len(p) >= 2 for p in parts):
            continue
        if not any(is_first_name(p) for p in parts):
            continue
        found += [
            p
            for p in parts
            if len(p) >= 3 and (zipf(p) < 3.5 or (zipf(p) < 4.0 and is_first_name(p)))
        ]
    return found


_SHORT_LINE = re.compile(r"^[ \t>]*(?:[^\W\d_]+[,.!]*[ \t]+){0,2}[^\W\d_]+[ \t.,!]*$", re.M)


def short_names(
    texts: Iterable[str],
    sender: Iterable[str],
    zipf: Callable[[str], float],
    is_first_name: Callable[[str], bool],
) -> list[str]:
    """Words of short lines (a sign-off: one to three words) that are the sender's name or a
    short form of it: the same word as a word of the sender's name or address (`sender`), or
    its first four letters (three for a listed first name: "Max" of Maximilian), or a longer
    form of a word of five letters or more of the address ("grzesiek" of grzes.…@); an everyday
    word needs to be a listed first name ("Danke" is no "Daniel")."""
    own = {w.casefold() for w in sender if len(w) >= 3 and w.isalpha()}
    if not own:
        return []
    found: list[str] = []
    for text in texts:
        for line in _SHORT_LINE.finditer(text):
            for word in _WORD.findall(line.group()):
                low = word.casefold()
                if len(low) < 3 or word in found or not any(o.startswith(low[:3]) for o in own):
                    continue  # the cheap test first: most words share no letters with the name
                listed = is_first_name(word.title())
                if low not in own and not (listed or zipf(word) < 3.5):
                    continue
                prefix = 3 if listed else 4
                if low in own or any(
                    (len(low) >= prefix and o.startswith(low[:prefix]) and len(o) > len(low))
                    # a pet form of the address's short form: "grzesiek" of grzes.w…@, not the
                    # compound "Elektromeister" of elektro-harms@
                    or (len(o) >= 5 and low.startswith(o) and len(low) - len(o) <= 4)
                    for o in own
                ):
                    found.append(word)
    return found


def sender_words(address: str, display: str) -> list[str]:
    """The words of the sender's display name and of the From address's local part when it
    spells a name (two or three parts of letters: "fritzi.wendorff")."""
    local = re.sub(r"\d+$", "", address.split("@")[0])
    parts = [p for p in re.split(r"[._-]", local) if p]
    spelt = parts if 2 <= len(parts) <= 3 and all(p.isalpha() for p in parts) else []
    return [*_WORD.findall(display), *spelt]


def without_own_postcodes(
    text: str, spans: list[Span], kept: list[Span], is_never: Callable[[str, str], bool]
) -> list[Span]:
    """`kept` less the postcode + town right after an address that is the company's own
    (`is_never`: the knowledge base's and the configured company data)."""
    own_ends = [
        s.end for s in spans if s.type == "ADDRESS" and is_never(text[s.start : s.end], s.type)
    ]
    if not own_ends:
        return kept
    return [
        s
        for s in kept
        if s.type != "POSTCODE_CITY"
        or s.why.startswith("vault")
        or not any(e <= s.start and _JOINER.fullmatch(text[e : s.start]) for e in own_ends)
    ]
