"""Whether a part of a display name or signed name is a person's name.

Owns two checks drafter.drafting.sender (and the signature readers) make before parsing a name:
`_person` (no company, address or digits, no lowercase filler word in a capitalised name) and
`_person_part` (the one part naming a person in "Tanja Rehm | Hausverwaltung Nord", "Tom Reed |
Senior Consultant"). They are
importable from drafter.drafting.sender as before.
"""

from __future__ import annotations

import re

from drafter import firstnames
from drafter.drafting import name_lists, name_words
from drafter.drafting.names import known_given

_COMPANY = name_words.COMPANY
_COMPANY_COMPOUND = name_words.COMPANY_COMPOUND
_PARTICLES = name_words.PARTICLES
#: a person's name and a firm's on one line: "Tanja Rehm | Hausverwaltung Nord"
_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—/]\s+")


def _person(text: str) -> bool:
    """No company, address, digits, and no lowercase filler word in a capitalised name."""
    if not text or "@" in text or _COMPANY.search(text) or re.search(r"\d", text):
        return False
    if _COMPANY_COMPOUND.search(text) or name_words.PLACE.search(text):
        return False  # "Tischlerei Holm", "Gemeindehaus Nord", "Rose Cottage"
    words = text.replace(",", " ").split()
    if any(w[:1].isupper() for w in words):
        return all(
            w[:1].isupper()
            or w.lower() in _PARTICLES
            or w.lower() in ("und", "and", "u.")
            or name_words.ARTICLE.match(w)  # "al-Mansouri"
            or name_words.POSTNOMINAL.match(w)  # "Karl Huber jun."
            for w in words
            if w[:1].isalpha()
        )
    return True


def _person_part(text: str) -> str:
    """'Tanja Rehm | Hausverwaltung Nord', 'Hausverwaltung Nord - Tanja Rehm' -> 'Tanja
    Rehm': the one part that is a person's name next to a firm's; else `text`."""
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return text
    persons = [p for p in parts if _person(p) and not _COMPANY_COMPOUND.search(p)]
    # a job title is no person ("Tom Reed | Senior Consultant", "Anna Berg - Head of Sales"),
    # unless it opens with a given name ("Anna Pastor | Gemeindebüro")
    persons = [p for p in persons if not _job_title(p)]
    # a capitalised single word that is no given name is a tag ("Anna Berg / Home")
    persons = [p for p in persons if " " in p or not p[:1].isupper() or known_given(p)]
    return persons[0] if len(persons) == 1 and len(persons[0].split()) > 1 else text


#: a German compound job noun ("Teamleiterin", "Abteilungsleiter", "Kundenberaterin",
#: "Datenschutzbeauftragte"), which name_words.JOBS, reading whole words, does not see
_COMPOUND_JOB = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,}(?:leiter|berater|referent|assistent|manager|koordinator|"
    r"sachbearbeiter|beauftragte)(?:in|r)?\b"
)


def _job_title(part: str) -> bool:
    """A part of a display name that names a job ("Senior Consultant", "Key Account Manager",
    "Head of Sales", "Geschäftsführerin", "Teamleiterin Vertrieb"), not a person's name that
    holds a job word ("Anna Pastor"): its first word is no given name of the name lists or of
    a country list (the US births know "Junior", "Key" and "General" as given names too)."""
    if not name_words.JOBS.search(part) and not _COMPOUND_JOB.search(part):
        return False
    first = part.split()[0]
    key = firstnames.fold(first)
    listed = key in name_lists.UNISEX or key in name_lists.FEMALE or key in name_lists.MALE
    entry = firstnames.lookup(first)
    return not listed and not (entry is not None and entry.local)
