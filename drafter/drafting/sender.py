"""Who wrote the mail: the sender's name parts and the name under the sign-off.

Owns the parsing half of the greeting rules (drafter.drafting.salutation writes the line):

- `parse_name`: a display name or signed name -> first, last, title, gender from
  Frau/Herr/Mr/Mrs/Ms ("Jamie Thornton (Mrs)" too). "Schulz, Erika" and "Dijk, Femke van" are
  turned round; ALL CAPS and lowercase names get normal capitals; particles (von, van der,
  dos, Irish Ní/Ó) stay with the last name; titles are kept (Dr., Prof., Dipl.-Ing., Austrian
  Mag. and Ing.; "Dr. med.", "Dr. rer. nat." and "Dr.-Ing." become "Dr."); middle names are
  told from a double last name by the first-name data ("María José Herrera Campos" ->
  "Herrera Campos", "Ana Beatriz Costa" -> "Costa"). Job abbreviations before the name ("RA",
  "StB"), degrees after it ("M.Sc.", "PhD", "Jr.") and notes in brackets are dropped; nobility
  words stay with the family name ("Graf von Bülow"). Companies, shops and offices ("Sommer
  Immobilien", "Tischlerei Holm", "Hall Estates"), "Familie X", addresses and anything with
  digits are no person. The vocabularies are drafter.drafting.name_words.
- `signoff_name`: the name under the closing ("Viele Grüße\\nMarkus Lange", "Gruß Ralf",
  "Thanks a lot,\\nAkosua", "i. A. Nadine Voss", "Glenys Pritchard, Practice Manager"),
  without kisses, smileys, a phone's footer ("Kirsty x", "Nele 😊") or a job title under it
  ("Senior Engineer"); a closing that says where it comes from ("Grüße aus der WG\\nMerle",
  "Love from Ruth") gives the name after it. Clergy titles and Mx are no part of a name
  (name_words.OTHER_FORMS); pronouns given with the name ("(she/her)") set its sex.

Who is greeted (couples, a shared account signed by someone else) is drafter.drafting.persons.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from drafter import firstnames
from drafter.closings import CUSTOMER_CLOSING, MOBILE_FOOTER, closing_formula
from drafter.drafting import name_lists, name_words
from drafter.drafting.names import gender_of

SALUTATION = name_words.SALUTATION  # also read by drafter.drafting.cues
_ACADEMIC = name_words.ACADEMIC
_DR_SUFFIX = name_words.DR_SUFFIX
_PARTICLES = name_words.PARTICLES
_CAPITAL_PARTICLES = name_words.CAPITAL_PARTICLES
_FEMALE_SURNAME = name_words.FEMALE_SURNAME
_COMPANY = name_words.COMPANY
_COMPANY_COMPOUND = name_words.COMPANY_COMPOUND
_ROLES = name_words.ROLES
_FORMS = name_words.OTHER_FORMS
#: "Prof.Dr." written without a space
_GLUED_TITLES = re.compile(r"(?i)\b(prof\.|dr\.)(?=(?:dr|prof)\b)")
#: an initial glued to the surname ("U.Senft")
_INITIAL_GLUED = re.compile(r"\b([^\W\d_]\.)(?=[^\W\d_]{2,}(?![\w.]))")
#: a note in brackets after a name ("(Tochter von Hildegard Brenner)", "(son)"); "(Mrs)" is
#: _AFTER_NAME and kept
_BRACKET_NOTE = re.compile(r"\s*\((?!\s*(?:mrs|ms|miss|mr|mx|frau|herr)\.?\s*\))[^()]*\)\s*$", re.I)
#: kisses and smileys after the signed name ("Kirsty x", "Lou xx", "Lena :-)", a line "xxx"
#: of its own); emoji and other symbols around it are dropped by _undecorate
_KISSES = re.compile(r"(?:^|\s+)(?:x{1,4}|[:;=]-?[()DPp\]\[]|<3|\^\^)$")
#: "geb. Berg", "née Brown" after a name: the family name before marriage, not used
_BIRTH_NAME = re.compile(r"(?i),?\s+(?:geb\.|geborene|verw\.|née|nee)\s+[^\W\d_][\w'’-]*\s*$")
#: a firm's name, then "i. A." and the person who wrote, all in one display name
_FIRM_BEHALF = re.compile(r"(?i)(?:^|\S\s+)(?:i\.\s?a\.|i\.\s?v\.|ppa\.)\s+(?=\S)")
#: "Petra Fischer via Kundenportal": the part after "via" is the transport, not the name
_VIA = re.compile(r"\s+via\s+\S.*$")
_FAMILY = re.compile(
    r"^(?:familie|family|fam\.)\s+(\S.*)$|^(?:the\s+)?(\S+)\s+family$|"
    # "The Hendersons", "The Joneses": a family name in the plural
    r"^the\s+([^\W\d_][\w'’-]{2,}?)(?:(?:(?<=[sxz])|(?<=ch)|(?<=sh))e)?(?<!s)s$",
    re.I,
)
#: a person's name and a firm's on one line: "Tanja Rehm | Hausverwaltung Nord"
_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—/]\s+")
#: "i. A.", "ppa.", and German "im Auftrag"/"in Vertretung": the person named after it wrote
#: the mail (English "on behalf of" names the principal instead, so it is not here)
_ON_BEHALF = re.compile(
    r"^(?:i\.\s?a\.|i\.\s?v\.|ppa\.|pp\.|p\.p\.|gez\.|im\s+auftrag\b|in\s+vertretung\b)\s*",
    re.I,
)
#: "Ihre Johanna Schmidt", "Dein Kai", "Your Tom" under the closing: the name after it
_POSSESSIVE = re.compile(r"^(?:ihre?|deine?|eure?|euer|your)\s+(?=\S)", re.I)
#: a closing and one name word at the end of a one-line mail ("... online eingebe? lg mo",
#: "... details online? ta, sam")
# a line of a postal address under the name ("Eckernförder Str., Kiel", "12 Mill Lane,
# Leeds", "24103 Kiel"): a street word after a word, or a German postcode before a town
_ADDRESS_LINE = re.compile(
    r"\w(?:str\.|straße|strasse)(?=[\s,]|$)|\s(?:Str\.|Straße|Weg|Allee|Platz|Gasse|Damm)(?=[\s,]|$)"
    r"|^\d{5}\s+[A-ZÄÖÜ]|\b\d+\w?\s+(?:\w+\s+)+(?:Street|Road|Lane|Avenue|Drive|Close|Way)\b",
)
_INLINE_CLOSING = re.compile(
    rf"[.!?]\s+(?:{closing_formula(thanks=True, short=True)})\s*,?\s+([^\W\d_][\w'’-]*)[.!]?\s*$",
    re.I,
)
#: a closing followed by where or whom it comes from ("Grüße aus der WG", "Sonnige Grüße von
#: der Ostsee", "Greetings from Cornwall", "Love from Ruth"): the name is on the next line, or
#: after "von"/"from" when no name line follows and no article starts what follows
_GREETED_FROM = re.compile(r"^(aus|von|vom|from|in|im)\s+(\S.*)$", re.I)
_PLACE_WORD = re.compile(
    r"(?i)(?:der|dem|den|die|das|the|a|an|all|us|sunny|rainy|sonnige[mn]?|verregnete[mn]?)\b"
)
_AFTER_NAME = re.compile(r"\s*\((mrs|ms|miss|mr|mx|frau|herr)\.?\)\s*$", re.I)
_AND = re.compile(r"\s+(?:und|and|&|\+|/)\s+", re.I)  # "Anna Berg / Jonas Berg" too
_NOT_A_NAME = frozenset(
    {"the", "a", "an", "your", "our", "my", "this", "ihr", "ihre", "dein", "deine", "euer"}
    | {"eure", "mein", "meine", "unser", "unsere", "der", "die", "das", "team"}
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


@dataclass(frozen=True)
class Name:
    """A parsed sender name; empty fields when unknown."""

    first: str = ""
    last: str = ""
    title: str = ""  # academic title as shown in German ("Dr.", "Prof. Dr.", "Dipl.-Ing.")
    gender: str = ""  # Frau/Herr/Mr/Ms, a female surname: "female"/"male"; Mx: "neutral"
    mrs: bool = False  # the customer calls herself Mrs
    family: str = ""  # "Familie Öztürk": the family name, no person


def _case(word: str) -> str:
    """'BERG' / 'berg' -> 'Berg' (each hyphen part); mixed case is left as written."""
    low = word.lower()
    if _initial(word):
        return word.upper()  # "J.R.R.", "k.-d."
    if low in _CAPITAL_PARTICLES:
        return _CAPITAL_PARTICLES[low]
    if word.isupper() or word.islower():
        if low in _PARTICLES:
            return low
        return "-".join(_capital(p) for p in word.split("-"))
    return word


def _capital(part: str) -> str:
    """'O'CONNOR' -> 'O'Connor', 'd'angelo' -> 'D'Angelo', 'mcguinness' -> 'McGuinness',
    'berg' -> 'Berg'."""
    head, apostrophe, rest = part.partition("'")
    if apostrophe and len(head) == 1 and rest:
        return f"{head.upper()}'{rest[:1].upper()}{rest[1:].lower()}"
    if len(part) > 3 and part[:2].lower() == "mc" and part[2:3].isalpha():
        return f"Mc{part[2].upper()}{part[3:].lower()}"  # Irish and Scottish Mc names
    return part[:1].upper() + part[1:].lower()


def name_case(word: str) -> str:
    """A name word with normal capitals ("SVEN" -> "Sven", "mo" -> "Mo"); mixed case kept."""
    return _case(word)


def _title(token: str) -> str:
    low = token.lower().rstrip(".")
    if low.startswith("prof"):
        return "Prof."
    if token == "DI":
        return token
    if low.startswith(("dipl", "mag", "ing")):
        if re.fullmatch(r"(?i)mag\.a", token):
            return token  # the Austrian Magistra, written without a final dot
        return token if token.endswith(".") else token + "."
    return "Dr."


def _salutation(word: str) -> bool:
    return word.lower().rstrip(".") in SALUTATION


def _is_first_name(word: str) -> bool:
    """A common first name with a clear sex: in a country list or given to at least 1,000 US
    children (the US register also holds rare names that are surnames or words here), or in
    the hand lists of drafter.drafting.name_lists ("Reza": Mohammad Reza Ahmadi is Herr
    Ahmadi, not a double family name "Reza Ahmadi")."""
    if not word or "." in word:
        return False
    key = firstnames.fold(word)
    if (key in name_lists.FEMALE or key in name_lists.MALE) and key not in name_lists.UNISEX:
        return True
    entry = firstnames.lookup(word)
    return (
        entry is not None and entry.popular and bool(gender_of(word, "de") or gender_of(word, "en"))
    )


def _person(text: str) -> bool:
    """No company, address, digits, and no lowercase filler word in a capitalised name."""
    if not text or "@" in text or _COMPANY.search(text) or re.search(r"\d", text):
        return False
    if _COMPANY_COMPOUND.search(text):
        return False
    words = text.replace(",", " ").split()
    if any(w[:1].isupper() for w in words):
        return all(
            w[:1].isupper()
            or w.lower() in _PARTICLES
            or w.lower() in ("und", "and")
            or name_words.ARTICLE.match(w)  # "al-Mansouri"
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
    return persons[0] if len(persons) == 1 and len(persons[0].split()) > 1 else text


def parse_name(display: str) -> Name:
    """Name parts of a display name ('Frau Dr. Erika Schulz', 'Schulz, Erika', 'ANNA BERG')."""
    text = " ".join(display.replace('"', " ").replace("'", "'").split())
    text = _person_part(_VIA.sub("", text).strip(" '‘’") or text)
    family = _FAMILY.match(text)
    if family:
        last = (family.group(1) or family.group(2) or family.group(3) or "").strip()
        return Name(family=" ".join(_case(w) for w in last.split())) if _person(last) else Name()
    pronouns = name_words.PRONOUNS.search(text)
    if pronouns:  # "Alex Trent (she/her)"
        text = (text[: pronouns.start()] + text[pronouns.end() :]).strip(" ,|-")
    after = _AFTER_NAME.search(text)
    if after:
        text = f"{after.group(1)} {text[: after.start()]}"
    text = _DR_SUFFIX.sub("Dr.", _GLUED_TITLES.sub(r"\1 ", _BRACKET_NOTE.sub("", text)))
    text = name_words.EMERITUS.sub(r"\1", text)
    text = _BIRTH_NAME.sub("", text)  # "Ute Schmidt geb. Berg": the name before birth
    behalf = _FIRM_BEHALF.search(text)
    if behalf:
        text = text[behalf.end() :]  # "Hausverwaltung Nord GmbH i. A. Anna Müller"
    words = [w for w in _INITIAL_GLUED.sub(r"\1 ", text).split() if w.rstrip(",") not in _ROLES]
    while len(words) > 2 and name_words.POSTNOMINAL.match(words[-1].lstrip(",")):
        words.pop()  # "Ulrike Senft M.Sc.", "John Pollard Jr."
    while len(words) > 2 and name_words.POSTNOMINAL.match(words[0]):
        words.pop(0)  # "B.Sc. Karl Huber"
    text = " ".join(words).rstrip(",")
    if not _person(text):
        return Name()
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        if first.strip() and last.strip():
            given = first.split()
            moved: list[str] = []
            while len(given) > 1 and given[-1].lower() in _PARTICLES:
                moved.insert(0, given.pop())
            kin = last.split()
            front: list[str] = []  # "Dr. Müller, Hans": the title goes before the given name
            while len(kin) > 1 and (_ACADEMIC.match(kin[0]) or _salutation(kin[0])):
                front.append(kin.pop(0))
            text = " ".join([*front, *given, *moved, *kin])
    tokens = text.replace(",", " ").split()
    if len(tokens) > 2 and tokens[0].lower() == "the" and tokens[1].lower().rstrip(".") in _FORMS:
        tokens.pop(0)  # "The Revd Susan Hale"
    gender, titles, mrs = "", [], False
    while tokens:
        low = tokens[0].lower().rstrip(".")
        if low == "fr" and len(tokens) > 1 and gender_of(tokens[1], "en") == "male":
            pass  # "Fr. John Byrne": Father (the German "Fr." is Frau)
        elif low in SALUTATION:
            gender, mrs = SALUTATION[low], low == "mrs"
        elif low in _FORMS and len(tokens) > 1:
            gender = _FORMS[low] or gender  # "Rev. Alan Pike", "Mx Sam Penhaligon"
        elif low in name_words.NOBILITY and len(tokens) > 2 and tokens[1].lower() not in _PARTICLES:
            gender = name_words.NOBILITY_SEX.get(low, "") or gender  # "Gräfin Anna von Rantzau"
        elif _ACADEMIC.match(tokens[0]):
            title = _title(tokens[0])
            if title not in titles:
                titles.append(title)
        else:
            break
        tokens.pop(0)
    words = [_case(t) for t in tokens if _NAME_WORD.match(t)]
    title = " ".join(titles)
    if pronouns:
        gender = name_words.PRONOUN_SEX[pronouns.group(1).lower()]
    if not words:
        return Name(title=title, gender=gender, mrs=mrs)
    if len(words) == 1:
        if gender or titles or not _is_first_name(words[0]):
            return Name(last=words[0], title=title, gender=gender, mrs=mrs)
        return Name(first=words[0], title=title, gender=gender, mrs=mrs)
    start = len(words) - 1
    # a double last name ("Fernández Ortega"): words before the last that are no first name
    # (nor a given name of no clear sex: "Hoang Anh Le" is Hoang Anh, family name Le)
    while (
        start > 1
        and not _is_first_name(words[start - 1])
        and not _unisex_given(words[start - 1])
        and "." not in words[start - 1]
    ):
        start -= 1
    while start > 1 and words[start - 1].lower() in _PARTICLES | name_words.NOBILITY:
        start -= 1  # "von der Heide", "Graf von Bülow"
    if all(w in _PARTICLES or w in _CAPITAL_PARTICLES.values() for w in words[:start]):
        start = 0  # "von Bülow" signed alone: no first name ("Van" may be one: Văn)
    last = " ".join(words[start:])
    if not gender and any(w.lower() in _FEMALE_SURNAME for w in words[start:]):
        gender = "female"
    given = words[:start]
    # a compound given name with a part of no clear sex stays whole ("Hoang Anh"); otherwise
    # the first given name is the one used ("Ana Beatriz Costa" -> Ana)
    # and initials only ("R. J. Peabody") are all kept
    whole = any(_unisex_given(w) for w in given[1:]) or all(_initial(w) for w in given)
    first = " ".join(given) if whole else words[0]
    return Name(first, last, title, gender, mrs)


def _initial(word: str) -> bool:
    """'R.' or 'J.-P.': a given name written as initials."""
    return bool(re.fullmatch(r"(?:[^\W\d_]\.-?)+", word))


def _unisex_given(word: str) -> bool:
    """A given name listed as of no clear sex (drafter.drafting.name_lists.UNISEX), not a
    particle ("van" is Vietnamese Văn only before a given name, so particles never count)."""
    return word.lower() not in _PARTICLES and firstnames.fold(word) in name_lists.UNISEX


def _plausible(line: str, lowercase: bool = False) -> bool:
    """A name line: up to 4 name words (two persons: up to 6 with und/and/&)."""
    line = _AFTER_NAME.sub("", line)
    persons = _AND.split(line)
    words = line.replace(",", " ").split()
    limit = 4 if len(persons) == 1 else 6
    if not 0 < len(words) <= limit or _COMPANY.search(line) or re.search(r"[\d@:/]", line):
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
    'Ihre Johanna Schmidt' -> 'Johanna Schmidt'."""
    line = _DR_SUFFIX.sub("Dr.", _ON_BEHALF.sub("", line.strip()).strip())
    line = _BRACKET_NOTE.sub("", line)
    line = _person_part(line)
    owner = _POSSESSIVE.match(line)
    if owner and _plausible(line[owner.end() :]):
        line = line[owner.end() :]  # "Ihre Johanna Schmidt"
    if "," in line and not _AFTER_NAME.search(line):
        head, _, tail = line.partition(",")
        if len(head.split()) >= 2 and len(tail.split()) >= 1:
            return head.strip()
    return line


def signoff_name(body: str, signature: str = "") -> str:
    """The name the customer signed with ("Viele Grüße\\nMarkus Lange" -> "Markus Lange")."""
    lines = [_undecorate(ln) for ln in f"{body}\n{signature}".splitlines()]
    lines = [ln for ln in lines if ln]
    while lines and len(lines[-1]) <= 100 and MOBILE_FOOTER.match(lines[-1]):
        lines.pop()  # "Von meinem iPhone gesendet" under the name
    while len(lines) > 2 and len(lines[-1]) <= 60 and _ADDRESS_LINE.search(lines[-1]):
        lines.pop()  # "Dieter Krohn\nEckernförder Str., Kiel": the address under the name
    job = len(lines) > 2 and len(lines[-1].split()) <= 4 and name_words.JOBS.search(lines[-1])
    if job and _plausible(_clean(lines[-2])):
        lines.pop()  # "Thomas Reed\nSenior Engineer"
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        line = lines[i]
        closing = CUSTOMER_CLOSING.match(line)
        if closing and len(line.split()) <= 6:  # "Thanks for your reply. ..." is no closing
            rest = _clean(line[closing.end() :].strip(" ,"))
            if _GREETED_FROM.match(rest):  # "Grüße aus Kiel\nMerle", "Love from Ruth"
                raw = line[closing.end() :].strip(" ,")
                return _from_whom(raw, _clean(lines[i + 1]) if i + 1 < len(lines) else "")
            if rest and (
                _plausible(rest) or (rest.islower() and " " not in rest and _is_first_name(rest))
            ):
                return rest  # "Gruß Ralf", "lg tim" (lowercase only when a known first name)
            if rest and not line.rstrip().endswith((",", "!")) and len(line.split()) > 3:
                return ""
            after = lines[i + 1 :]
            if after and not _clean(after[0]) and _ON_BEHALF.match(after[0]):
                after = after[1:]  # "im Auftrag" on a line of its own, the name below it
            else:  # the firm's name (and department), then "i. A. Jens Kurz"
                firm = next(
                    (k for k in range(1, min(len(after), 4)) if _ON_BEHALF.match(after[k])), 0
                )
                if firm and not any(_plausible(x) for x in after[:firm]):
                    after = after[firm:]
            following = _clean(after[0]) if after else ""
            by = _GREETED_FROM.match(following)
            if by and by.group(1).lower() in ("von", "from") and _is_first_name(by[2].split()[0]):
                following = by.group(2)  # "Viele Grüße\nvon Anna"
            return following if _plausible(following, lowercase=True) else ""
    inline = _INLINE_CLOSING.search(lines[-1]) if lines else None
    if inline and _signed_word(inline.group(1)):
        return inline.group(1)
    last = _clean(lines[-1]) if lines else ""
    if len(lines) > 1 and last.islower() and " " not in last and _is_first_name(last):
        return last  # "... sent it sunday night.\n\ntom"
    words = [w for w in last.split() if not _ACADEMIC.match(w)]  # "Prof. Dr. Eva Lind"
    return last if len(lines) > 1 and _plausible(last) and len(words) <= 3 else ""


def _from_whom(rest: str, below: str) -> str:
    """The name after a closing that says where it comes from: the next line ("Grüße aus
    der WG\nMerle"), after a comma ("Gruß aus Kiel, Merle"), or after "von"/"from" when no
    article follows ("Love from Ruth"; "Grüße von der Ostsee" names nobody)."""
    if _plausible(below):
        return below
    head, comma, tail = rest.rpartition(",")
    if comma and _plausible(tail.strip()):
        return tail.strip()
    place = _GREETED_FROM.match(head if comma else rest)
    if not place or place.group(1).lower() not in ("von", "from"):
        return ""
    whom = place.group(2)
    return whom if not _PLACE_WORD.match(whom) and _plausible(whom) else ""


def _symbol(char: str) -> bool:
    """An emoji, a heart or '~' around a signed name (not '>', the quote mark)."""
    return char != ">" and unicodedata.category(char) in ("So", "Sk", "Sm", "Mn", "Cf")


def _undecorate(line: str) -> str:
    """'Lena 🙂' -> 'Lena', '~ Lena ~' -> 'Lena', 'Kirsty x' -> 'Kirsty' (stripped)."""
    line = line.strip()
    while True:
        shorter = _KISSES.sub("", line.rstrip("".join(c for c in line if _symbol(c))).strip())
        shorter = shorter.lstrip("".join(c for c in shorter if _symbol(c))).strip()
        if shorter == line:
            return line
        line = shorter


def _signed_word(word: str) -> bool:
    """A word signed after a closing at the end of a sentence: a name in the first-name data
    (also a rare or short one: "mo", "sam"), or a capitalised word that is no filler."""
    if word.lower() in _NOT_A_NAME or word.lower() in SALUTATION:
        return False
    return firstnames.lookup(word) is not None or (word[:1].isupper() and _person(word))
