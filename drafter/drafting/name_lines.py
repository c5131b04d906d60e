"""Whether a line at the end of a mail is a person's name, and the name in it.

Owns the tests drafter.drafting.signoff uses on the lines around a closing: `_plausible` (a
name line: up to four name words, no firm, no digits), `_name_line` (also a lowercase one from a
writer without capitals), `_full_name`, `_named`, `_signed_word`, `_lower_first_name`,
`_holds_sentence` (a sentence mark that is no title's or name's abbreviation), and `_clean`,
which takes the name out of a line ("i. A. Nadine Voss", "Glenys Pritchard, Practice
Manager", "Ihre Johanna Schmidt", "Bendix vom Café Deichgraf"). Where the signed name is looked
for is drafter.drafting.signoff; the name parsing itself is drafter.drafting.sender.
"""

from __future__ import annotations

import re

from drafter import firstnames
from drafter.drafting import name_lists, name_words
from drafter.drafting.sender import (
    _ACADEMIC,
    _AFTER_NAME,
    _AND,
    _BRACKET_NOTE,
    _COMPANY,
    _COMPANY_COMPOUND,
    _NAME_WORD,
    _PARTICLES,
    SALUTATION,
    _initial,
    _is_first_name,
    _person,
    _person_part,
    paired_couple,
)

#: "i. A.", "ppa.", German "im Auftrag"/"in Vertretung" and "Inh." (the owner of a shop): the
#: person named after it wrote
#: the mail (English "on behalf of" names the principal instead, so it is not here)
_ON_BEHALF = re.compile(
    r"^(?:i\.\s?a\.|i\.\s?v\.|ppa\.|pp\.|p\.p\.|gez\.|im\s+auftrag\b|im\s+namen\b|in\s+vertretung\b|"
    r"inh\.|inhaber(?:in)?\b)\s*",
    re.I,
)


#: a full stop after a name word of two letters or more that holds no other dot and is no
#: abbreviation ("Anna Berg.", "LG Vroni.", "Hoang Anh Le."; not "Jr.", "sen.", "Dipl.-Ing.",
#: "B.")
_END_STOP = re.compile(
    r"(?<![.\w])(?!(?:jun|sen|esq|ing|med|phil|nat|jr|sr|dr|st)\.$)([^\W\d_][\w'’-]+)\.$",
    re.I,
)
#: "The Revd Matthew Colley", "The Reverend …": the British style of a minister's name; the
#: name starts at the title ("The" alone opens no name: "The Mercury Team")
_THE_CLERGY = re.compile(r"(?i)^the\s+(?=(?:revd|rev|reverend)\b\.?\s+[^\W\d_])")
#: a name in another script with its Latin form in brackets ("Светлана Иванова (Swetlana
#: Iwanowa)", "Νίκος Παππάς (Nikos Pappas)"): the form the customer writes for us
_LATIN_FORM = re.compile(r"^(?:[^\x00-\u024f()]+\s+)+\(\s*([A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’ .-]*?)\s*\)$")
#: "Ihre Johanna Schmidt", "Dein Kai", "Your Tom" under the closing: the name after it
_POSSESSIVE = re.compile(r"^(?:ihre?|deine?|eure?|euer|your)\s+(?=\S)", re.I)


_NOT_A_NAME = frozenset(
    {"the", "a", "an", "your", "our", "my", "this", "ihr", "ihre", "dein", "deine", "euer"}
    | {"eure", "mein", "meine", "unser", "unsere", "der", "die", "das", "team"}
)


def _plausible(line: str, lowercase: bool = False) -> bool:
    """A name line: up to 4 name words (two persons: up to 6 with und/and/&)."""
    line = name_words.WITH_FAMILY.sub("", _AFTER_NAME.sub("", line))  # "… mit Familie"
    paired = paired_couple(line)
    persons = _AND.split(paired)  # "Mr and Mrs E. and C. Pritchard": two, with a second "and"
    words = line.replace(",", " ").split()
    limit = 4 if len(persons) == 1 else 6 if paired == line else 7
    # titles and particles add no person ("Dr. Carl-Philipp von der Osten", "Dr. Ulrike
    # Kröger und Dr. Matthias Kröger")
    counted = [w for w in words if not _ACADEMIC.match(w) and w.lower() not in _PARTICLES]
    if not words or len(counted) > limit or _COMPANY.search(line) or re.search(r"[\d@:/]", line):
        return False
    names = [w for w in words if w.lower() not in ("und", "and", "&", "+")]
    if names and names[0].lower() in _NOT_A_NAME:
        return False  # "The Mercury Team", "Ihr Kundenservice"
    if not all(_NAME_WORD.match(w) or _ACADEMIC.match(w) for w in names):
        return False
    if lowercase and line.islower():
        return True
    return all(_person(p) for p in persons) and any(w[:1].isupper() for w in names)


def _clean(line: str) -> str:
    """'i. A. Nadine Voss' -> 'Nadine Voss'; 'Glenys Pritchard, Practice Manager' -> name;
    'Ihre Johanna Schmidt' -> 'Johanna Schmidt'; 'Bendix vom Café Deichgraf' -> 'Bendix';
    'Femke für die WG' -> 'Femke'."""
    line = name_words.plain_titles(_ON_BEHALF.sub("", line.strip()).strip())
    line = _THE_CLERGY.sub("", line)  # "The Revd Matthew Colley"
    # 'Georg "Schorsch" Lammers', '„Anna Berg“': the nickname or the quotes are no name
    line = name_words.NICKNAME.sub(" ", name_words.QUOTED.sub(r"\1", line))
    line = name_words.WITH_FAMILY.sub("", line)  # "Anna Berg und Familie": Anna Berg signed
    if not name_words.POSTNOMINAL.match(line.rsplit(None, 1)[-1] if line.strip() else ""):
        line = _END_STOP.sub(r"\1", line)  # "Anna Berg.": the sentence's stop (not "Wwe.")
    head = re.split(r"\s+[|·•]\s+", line)[0]
    if head != line and _named_head(head):
        line = head  # "Anna Berg | Kiel", "Tom Reed · Senior Engineer · Reed Ltd"
    latin = _LATIN_FORM.match(line)
    line = latin.group(1) if latin else _BRACKET_NOTE.sub("", line)  # "Светлана (Swetlana)"
    line = _person_part(line)
    line = _from_firm(line)
    owner = _POSSESSIVE.match(line)
    if owner and _plausible(line[owner.end() :]):
        line = line[owner.end() :]  # "Ihre Johanna Schmidt"
    if "," in line and not _AFTER_NAME.search(line):
        head, _, tail = line.partition(",")
        if len(head.split()) >= 2 and len(tail.split()) >= 1:
            return head.strip()
    return line


def _named_head(head: str) -> bool:
    """The part of a signature line before "|" or "·" is a name: up to three name words, the
    first a given name of the name data or an initial ("Maartje de Boer", "A. Berg"; not "Al-Hashimi
    Feinkost", "Nordlicht Basis")."""
    words = [w for w in head.split() if not _ACADEMIC.match(w)]
    if not 1 <= len(words) <= 3 or not _plausible(head, lowercase=head.islower()):
        return False
    return bool(re.fullmatch(r"[^\W\d_]\.", words[0])) or firstnames.lookup(words[0]) is not None


#: a name, then where the person works or writes from ("Bendix vom Café Deichgraf", "Arlo
#: from Salty Dog", "Danny @ Mosaic", "Jana Kruse aus der Buchhaltung"); "von" is also a
#: particle ("Anna von Berg"), so after it only a firm's name counts
_FROM_FIRM = re.compile(
    r"^(?P<name>\S.*?)\s+(?:(?P<of>von(?:\s+de[rnm])?)|vom|from|at|@|aus\s+de[rnm]|bei|"
    r"with|of\s+the)\s+(?P<firm>\S.*)$",
    re.I,
)


#: a name, then the group the person signs for ("Femke für die WG", "Jonas, für uns alle",
#: "Ole im Namen der Hausgemeinschaft", "Lea im Auftrag der WG", "Priya for the flat", "Tom
#: on behalf of Flat 4", "Sarah Hale on behalf of my mother"): the person signed; read only
#: when the name's first word is a given name of the name data ("Danke für die Hilfe" is no
#: name)
_FOR_GROUP = re.compile(
    r"^(?P<name>\S.*?)\s*,?\s+(?:für|fuer|for|on\s+behalf\s+of|im\s+namen|im\s+auftrag)\s+"
    r"(?:die|den|das|der|des|von|the|our|my|all|unsere[nmrs]?|meine[nmrs]?|uns|us|alle[nrs]?|"
    r"wg|familie|family|"
    r"flat|haus|house|household|hausgemeinschaft|team|verein|mieter|tenants|residents)\b.*$",
    re.I,
)


def _from_firm(line: str) -> str:
    """The person's name of 'Name from Firm' ('Bendix vom Café Deichgraf' -> 'Bendix') or of
    'Name for the group' ('Femke für die WG' -> 'Femke'), else `line` unchanged."""
    group = _FOR_GROUP.match(line)
    if group and len(group.group("name").split()) <= 3 and _plausible(group.group("name")):
        head = group.group("name").split()[0]
        if firstnames.lookup(head) is not None or _is_first_name(head):
            return group.group("name")
    found = _FROM_FIRM.match(line)
    if not found or not _plausible(found.group("name")):
        return line
    name, firm = found.group("name"), found.group("firm")
    head = name.split()[0]
    if not (head[:1].isupper() or _is_first_name(head)):
        return line
    if found.group("of") and not (_COMPANY.search(firm) or _COMPANY_COMPOUND.search(firm)):
        return line  # "Clementine von Hadeln", "Ute von der Heide": the family name
    return name


def _name_line(text: str, lower: bool) -> bool:
    """A name line (`_plausible`); in a mail written all in lowercase also a lowercase one that
    starts with a known first name ("i. a. nadine voss", "mfg holger witt"), or of two persons
    one of whom has one ("sam & priya")."""
    if _plausible(text):
        return True
    words = text.split()
    while words and _ACADEMIC.match(words[0]):
        words = words[1:]  # "Dr. regula stäheli" ("dr. rer. nat." written as the title)
    rest = " ".join(words)
    if not lower or len(words) < 2 or not rest.islower():
        return False
    initial = bool(re.fullmatch(r"[^\W\d_]\.", words[0]))  # "dr. h. ossenbrügge"
    # two persons: one known first name is enough ("sam & priya", "eilidh & ross")
    known = any(_first_word(p.split()[0]) for p in _AND.split(rest) if p.split())
    return (initial or known) and _plausible(rest, lowercase=True)


def _full_name(words: str) -> bool:
    """Two or three words after an inline closing that are a person's name: a first name or an
    initial first, after a title ("Peter Meier", "P. Meier", "Dr. Amelia Hart"; not "Team
    Nord"), capitalised or all lowercase ("klaus petersen")."""
    parts = words.split()
    head = parts[1] if _ACADEMIC.match(parts[0]) and len(parts) > 2 else parts[0]
    if words.islower():  # "… gruß klaus petersen": a known first name first
        return _first_word(head) and _plausible(words, lowercase=True)
    capital = all(w[:1].isupper() for w in parts)
    initial = bool(re.fullmatch(r"[A-ZÄÖÜ]\.", head))
    return capital and (_is_first_name(head) or initial) and _plausible(words)


def _given_here(word: str) -> bool:
    """A given name of the Austrian, Swiss or UK lists or the hand lists ("Jules", "Wiebke"),
    not one only the US births hold, which also hold places ("Kiel", "Dallas")."""
    entry = firstnames.lookup(word)
    key = firstnames.fold(word)
    return (entry is not None and entry.local) or key in name_lists.FEMALE | name_lists.MALE


def _named(line: str) -> bool:
    """A person's name that starts with a first name, Frau/Mr or a title ("Anna Müller",
    "Frau Kruse", "Dr. Kruse"; not "Online Store")."""
    words = line.split()
    head = words[0] if words else ""
    marked = head.lower().rstrip(".") in SALUTATION or bool(_ACADEMIC.match(head))
    return len(words) >= 2 and (_is_first_name(head) or marked) and _plausible(line)


def _lower_first_name(word: str) -> bool:
    """One known first name written in lowercase ("tim", "merle")."""
    return word.islower() and " " not in word and _first_word(word)


def _first_word(word: str) -> bool:
    """A known first name, or a double one of known first names ("klaus-dieter", "anna-lena"),
    as a writer without capitals writes it (read only where the case says nothing)."""
    parts = word.split("-")
    return _is_first_name(word) or (len(parts) == 2 and all(_is_first_name(p) for p in parts))


def _lower_full(words: str) -> bool:
    """A full name of two or three words written in lowercase ("marlene schuster"), also in a
    mail that uses capitals elsewhere."""
    return words.islower() and 1 < len(words.split()) <= 3 and _full_name(words)


def _signed_word(word: str) -> bool:
    """A word signed after a closing at the end of a sentence: a name in the first-name data
    (also a rare or short one: "mo", "sam"), or a capitalised word that is no filler."""
    if word.lower() in _NOT_A_NAME or word.lower() in SALUTATION:
        return False
    known = firstnames.lookup(word) is not None or _is_first_name(word)
    return known or (word[:1].isupper() and _person(word))


def _holds_sentence(line: str) -> bool:
    """A sentence mark in `line` other than a title's or a name's abbreviation ("Dr. med.",
    "P.", "K.-U.", "Th."): "Abschlag 47 EUR.", "Bitte bestätigen.", "Danke!"."""
    words = [w.rstrip(",") for w in line.split()]
    for i, word in enumerate(words):
        if word[-1:] != ".":
            continue
        end = i == len(words) - 1
        short = re.fullmatch(r"[A-ZÄÖÜ][a-zäöü]{1,2}\.(?:-[A-ZÄÖÜ][a-zäöü]{0,2}\.)*", word)
        inner = not end and re.fullmatch(r"[a-zäöü]{2,5}\.", word)  # "Dr. med. Eva Lind"
        if not (_ACADEMIC.match(word) or _initial(word) or short or inner):
            return True
    return bool(re.search(r"[!?]", line))


#: the word a German street name starts with when it is no compound ("Am Langsee", "An der
#: Au", "Zum Hafen", "Alter Markt")
_STREET_LEAD = frozenset(
    {"am", "an", "auf", "im", "in", "zum", "zur", "beim", "hinter", "unter", "vor", "alter"}
    | {"alte", "neuer", "neue", "große", "kleine", "lange", "hohe", "obere", "untere", "st."}
)
#: a German street: a compound ending in a street word ("Hauptstraße", "Lindenweg"; not
#: -berg, -hof, -ring: family names end so too) or the street word on its own ("Kolberger Str.")
_STREET_END = re.compile(
    r"(?i)(?:str\.?|straße|strasse|weg|allee|platz|gasse|damm|chaussee|ufer|stieg|twiete|"
    r"redder|pfad)$"
)
_STREET_WORD = re.compile(r"(?i)str\.?|straße|strasse|weg|allee|platz|gasse|damm|chaussee")
#: what follows the street's first word: words, the house number, a postcode and town
_STREET_REST = re.compile(r"(?i)^(?:[^\W\d_][\w.-]*\s+){0,3}\d+\s?[a-z]?,?\s+\d{5}\s+[^\W\d_]")
_ENGLISH_STREET = re.compile(
    r"(?i)^\d+\w?\s+(?:[^\W\d_]+\s+){1,3}?(?:street|road|lane|avenue|drive|close|way)\b"
)


def split_address(line: str) -> str:
    """The name that opens an address line written without a comma ("H.-J. Bornholdt Am
    Langsee 11 24148 Kiel", "Anna Berg Kolberger Str. 9 24148 Kiel", "Tom Reed 12 Mill Lane
    Leeds"): the two or three words before the street, or ''."""
    words = line.split()
    for cut in (2, 3):
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if len(words) < cut + 3 or re.search(r"[\d,:;]", head):
            continue
        street, after = (w.casefold().rstrip(",") for w in words[cut : cut + 2])
        if _STREET_WORD.fullmatch(street):
            continue  # "Str." alone: the word before it is the street's ("Kolberger Str.")
        german = (
            street in _STREET_LEAD or _STREET_END.search(street) or _STREET_WORD.fullmatch(after)
        )
        if (german and _STREET_REST.match(rest)) or _ENGLISH_STREET.match(rest):
            return head
    return ""
