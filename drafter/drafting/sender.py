"""Who wrote the mail: the parts of the sender's name (display name or signed name).

Owns the parsing half of the greeting rules (drafter.drafting.salutation writes the line):

- `parse_name`: a display name or signed name -> first, last, title, gender from
  Frau/Herr/Mr/Mrs/Ms ("Jamie Thornton (Mrs)" too). "Schulz, Erika" and "Dijk, Femke van" are
  turned round; ALL CAPS and lowercase names get normal capitals; particles (von, van der,
  dos, Filipino dela/delos, Irish Ní/Ó) stay with the last name; two or three capitals
  without a vowel before it are initials ("PK Mistry" -> "P. K."); titles are kept on the
  name (Dr., Prof., Dipl.-Ing., Austrian Mag., DI and Ing., the Austrian double doctorate
  "DDr."; "Dr. med.", "Dr. rer. nat.", "Dr. habil." and "Dr.-Ing." become "Dr.",
  "Univ.-Prof.", "apl. Prof." and "Jun.-Prof." "Prof.", "Mag. rer. soc. oec." "Mag.", "Dipl.
  Ing." "Dipl.-Ing."; the greeting leaves a diploma out:
  drafter.drafting.salutation.greeting_title), and a woman's form ("Mag.a", "DIin",
  "Dipl.-Ing.in", "Dipl.-Kffr.", "Dr.in") says Frau; middle names are
  told from a double last name by the first-name data ("María José Herrera Campos" ->
  "Herrera Campos", "Ana Beatriz Costa" -> "Costa"; a Spanish patronymic is a family name:
  "Javier Martínez Ortega" -> "Martínez Ortega"). Job abbreviations before the name ("RA",
  "StB"), degrees after it ("M.Sc.", "PhD", "Jr.") and notes in brackets are dropped; nobility
  words stay with the family name ("Graf von Bülow"). Companies, shops and offices ("Sommer
  Immobilien", "Tischlerei Holm", "Hall Estates"), groups signing by their role ("The
  Trustees"), "Familie X", addresses and anything with digits are no person. The
  vocabularies are drafter.drafting.name_words.
  Clergy titles and Mx are no part of a name (name_words.OTHER_FORMS; Revd and Fr give the
  English "Reverend"/"Father" in Name.honour); pronouns given with the name ("(she/her)") set
  its sex. A patronymic (Malay "bin"/"binti", Arabic "ibn"/"bint", Tamil "a/l"/"a/p") gives
  the sex, and the given name is the one greeted ("Ahmad bin Ismail" -> Mr Ahmad), unless an
  Arab family name follows the father's name ("… bin Omar Al-Saud" -> Mr Al-Saud). An Arabic
  compound given name stays one given name: "Abd"/"Abdul" and the word after it ("Abdul
  Karim", "Abd al-Rahman"), a second part with the article ("Fatima Ezzahra", "Nour El Houda",
  "Mohamed El-Amine") or "Din" ("Salah Eddine", "Nasr El Din") before a family name.
- `paired_couple`: a couple's forms of address and given names each joined before the family
  name they share ("Mr and Mrs E. and C. Pritchard") written as two names ("Mr E. Pritchard
  and Mrs C. Pritchard"), for the name lines and the couples of drafter.drafting.persons.

The name under the closing (`signoff_name`) is drafter.drafting.signoff; who is greeted
(couples, a shared account signed by someone else) is drafter.drafting.persons; whether a part
of a display name is a person at all (`_person`, `_person_part`) is drafter.drafting.person_text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafter import firstnames
from drafter.drafting import name_lists, name_words, person_text
from drafter.drafting.names import COMPOUND_HEADS, gender_of

SALUTATION = name_words.SALUTATION  # also read by drafter.drafting.cues
_ACADEMIC = name_words.ACADEMIC
_PARTICLES = name_words.PARTICLES
_CAPITAL_PARTICLES = name_words.CAPITAL_PARTICLES
_FEMALE_SURNAME = name_words.FEMALE_SURNAME
_COMPANY = name_words.COMPANY
_COMPANY_COMPOUND = name_words.COMPANY_COMPOUND
_ROLES = name_words.ROLES
_FORMS = name_words.OTHER_FORMS
_person = person_text._person  # also read by name_lines, persons and signoff
_person_part = person_text._person_part  # also read by name_lines
#: "Prof.Dr." written without a space
_GLUED_TITLES = re.compile(r"(?i)\b(prof\.|dr\.)(?=(?:dr|prof)\b)")
#: an initial glued to the surname ("U.Senft")
_INITIAL_GLUED = re.compile(r"\b([^\W\d_]\.)(?=[^\W\d_]{2,}(?![\w.]))")
#: a note in brackets after a name ("(Tochter von Hildegard Brenner)", "(son)"); "(Mrs)" is
#: _AFTER_NAME and kept
_BRACKET_NOTE = re.compile(
    r"\s*\((?!\s*(?:mrs|ms|miss|mr|mx|frau|herr|dr|prof|professor)\.?\s*\))[^()]*\)\s*$", re.I
)
#: "geb. Berg", "née Brown" after a name: the family name before marriage, not used
_BIRTH_NAME = re.compile(r"(?i),?\s+(?:geb\.|geborene|verw\.|née|nee)\s+[^\W\d_][\w'’-]*\s*$")
#: a firm's name, then "i. A." (or "Inh.", the owner) and the person who wrote, all in one
#: display name
_FIRM_BEHALF = re.compile(
    r"(?i)(?:^|\S\s+)(?:i\.\s?a\.|i\.\s?v\.|ppa\.|inh\.|inhaber(?:in)?)\s+(?=\S)"
)
#: "Petra Fischer via Kundenportal": the part after "via" is the transport, not the name
_VIA = re.compile(r"\s+via\s+\S.*$")
_FAMILY = re.compile(
    r"^(?:familie|family|fam\.)\s+(\S.*)$|^(?:the\s+)?(\S+)\s+family$|"
    # "The Hendersons", "The Joneses": a family name in the plural
    r"^the\s+([^\W\d_][\w'’-]{2,}?)(?:(?:(?<=[sxz])|(?<=ch)|(?<=sh))e)?(?<!s)s$",
    re.I,
)
#: "(Mrs)", and an academic title some address books write after the name ("Okoro, Ada (Dr)")
_AFTER_NAME = re.compile(r"\s*\((mrs|ms|miss|mr|mx|frau|herr|dr|prof|professor)\.?\)\s*$", re.I)
#: "Anna Berg / Jonas Berg" too; not the "und" of the particles "von und zu"
#: "und", "u.", "and", "&", "+", "/" between two persons; "&" and "+" also without spaces
#: ("Anna+Tom Berg"); not "von und zu"
_AND = re.compile(
    r"(?:(?<!\bvon)\s+(?:und|u\.|and|&|\+|/)\s+|(?<=[^\W\d_])[&+](?=[^\W\d_]))(?!zu\b)", re.I
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
#: a couple's two forms of address and two given names (or initials) each joined, before the
#: family name they share ("Mr and Mrs E. and C. Pritchard", "Mr & Mrs J. & M. Hale", "Herr
#: und Frau Karl und Marta Berg"): `paired_couple` writes it as two names
_JOIN = r"(?:\s+(?:und|and)\s+|\s*[&+]\s*)"
_PAIRED = re.compile(
    rf"(?i)^(?P<a>(?:{'|'.join(SALUTATION)})\.?){_JOIN}(?P<b>(?:{'|'.join(SALUTATION)})\.?)\s+"
    rf"(?P<ga>[^\W\d_][\w'’.-]*){_JOIN}(?P<gb>[^\W\d_][\w'’.-]*)\s+"
    r"(?P<last>[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?)$"
)


#: the same with each form of address before its own initial or given name ("Mr R and Mrs J
#: Whitaker", "Herr K. und Frau M. Berg", "Mrs Jane and Mr Tom Hale")
_PAIRED_EACH = re.compile(
    rf"(?i)^(?P<a>(?:{'|'.join(SALUTATION)})\.?)\s+(?P<ga>[^\W\d_][\w'’.-]*){_JOIN}"
    rf"(?P<b>(?:{'|'.join(SALUTATION)})\.?)\s+(?P<gb>[^\W\d_][\w'’.-]*)\s+"
    r"(?P<last>[^\W\d_][\w'’-]+(?:\s+[^\W\d_][\w'’-]+)?)$"
)


def paired_couple(text: str) -> str:
    """'Mr E. Pritchard and Mrs C. Pritchard' for 'Mr and Mrs E. and C. Pritchard' or 'Mr E.
    and Mrs C. Pritchard': each form of address with its given name, in the order written; any
    other text unchanged. In the second form the first given name must be an initial or a
    given name of the name data: "Herr Berg und Frau Anna Kurz" names two family names."""
    found = _PAIRED.match(text.strip())
    each = None if found else _PAIRED_EACH.match(text.strip())
    if each and (_initial(each["ga"]) or len(each["ga"]) == 1 or _is_first_name(each["ga"])):
        found = each
    if not found:
        return text
    last = found["last"]
    return f"{found['a']} {found['ga']} {last} and {found['b']} {found['gb']} {last}"


#: Portuguese Marian given names: "Maria do Carmo", "Maria da Conceição", "Maria das Dores"
_MARIAN = re.compile(
    r"(?i)^maria\s+d[oa]s?\s+(?:carmo|rosário|rosario|céu|ceu|socorro|conceição|conceicao|"
    r"fátima|fatima|graça|graca|glória|gloria|luz|dores|neves|anjos|graças|gracas|lurdes)$"
)


@dataclass(frozen=True)
class Name:
    """A parsed sender name; empty fields when unknown."""

    first: str = ""
    last: str = ""
    title: str = ""  # academic title as shown in German ("Dr.", "Prof. Dr.", "Dipl.-Ing.")
    gender: str = ""  # Frau/Herr/Mr/Ms, a female surname: "female"/"male"; Mx: "neutral"
    mrs: bool = False  # the customer calls herself Mrs
    family: str = ""  # "Familie Öztürk": the family name, no person
    #: English form of address: "Sir"/"Dame" (+ first name), "Father"/"Reverend"/"Lady"/"Lord"
    #: (+ family name)
    honour: str = ""
    #: written family name first ("GUO Xin", "Park Min-jun"): a greeting with the full name
    #: keeps that order ("Dear Guo Xin,")
    family_first: bool = False


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
    if token in ("DI", "DIin"):
        return token
    if low == "ddr":
        return "DDr."  # the Austrian double doctorate, written as it is ("Herr DDr. Huber")
    if low.startswith(("dipl", "mag", "ing")):
        if token.isupper():  # "DIPL.-ING.", "MAG." signed in capitals
            token = token.lower()
        if token.islower():  # "dipl.-ing." from a writer who never uses capitals
            token = re.sub(r"(^|-)([^\W\d_])", lambda m: m.group(1) + m.group(2).upper(), token)
        if re.fullmatch(r"(?i)mag\.a|.*\.in", token):
            return token  # the Austrian Magistra, "Dipl.-Ing.in": no final dot
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


def parse_name(display: str) -> Name:
    """Name parts of a display name ('Frau Dr. Erika Schulz', 'Schulz, Erika', 'ANNA BERG')."""
    display = name_words.WITH_FAMILY.sub("", display)  # "Anna Berg und Familie"
    display = name_words.NICKNAME.sub(" ", name_words.QUOTED.sub(r"\1", display.strip()))
    linked = name_words.LINKED_GIVEN.sub(r"\1-\2-", display)  # "Noor ul Ain Siddiqui"
    name = _parse(linked)
    if linked == display:
        return name
    unlink = name_words.UNLINK.sub
    return replace(name, first=unlink(r" \1 ", name.first), last=unlink(r" \1 ", name.last))


def _parse(display: str) -> Name:
    text = " ".join(display.replace('"', " ").replace("'", "'").split())
    text = _person_part(_VIA.sub("", text).strip(" '‘’") or text)
    family = _FAMILY.match(text)
    if family:
        last = _BRACKET_NOTE.sub("", family.group(1) or family.group(2) or family.group(3) or "")
        plural = bool(family.group(3))  # "The Trustees" is no family "Trustee"
        if not _person(last) or (plural and not _person(text)):
            return Name()
        return Name(family=" ".join(_case(w) for w in last.split()))
    pronouns = name_words.PRONOUNS.search(text)
    if pronouns:  # "Alex Trent (she/her)"
        text = (text[: pronouns.start()] + text[pronouns.end() :]).strip(" ,|-")
    after = _AFTER_NAME.search(text)
    if after:
        text = f"{after.group(1)} {text[: after.start()]}"
    text = name_words.plain_titles(_GLUED_TITLES.sub(r"\1 ", _BRACKET_NOTE.sub("", text)))
    text = name_words.EMERITUS_BEFORE.sub("", name_words.EMERITUS.sub(r"\1", text))
    text = _BIRTH_NAME.sub("", text)  # "Ute Schmidt geb. Berg": the name before birth
    behalf = _FIRM_BEHALF.search(text)
    if behalf:
        text = text[behalf.end() :]  # "Hausverwaltung Nord GmbH i. A. Anna Müller"
    # a writer without capitals writes "ra dr. …", "elektromeister …" as the others do
    uncased = text.islower()
    roles = {r.lower() for r in _ROLES} if uncased else _ROLES
    words = [w for w in _INITIAL_GLUED.sub(r"\1 ", text).split() if w.rstrip(",") not in roles]
    while len(words) > 2 and name_words.POSTNOMINAL.match(words[-1].lstrip(",")):
        words.pop()  # "Ulrike Senft M.Sc.", "John Pollard Jr."
    while len(words) > 2 and name_words.POSTNOMINAL.match(words[0]):
        words.pop(0)  # "B.Sc. Karl Huber"
    if len(words) > 2 and name_words.TRADE_BEFORE.match(_case(words[0]) if uncased else words[0]):
        words.pop(0)  # "Elektromeister Kai-Uwe Wendt"
    text = " ".join(words).rstrip(",")
    patronymic = _PATRONYMIC.match(text)
    if patronymic:
        return _with_father(patronymic)
    if not _person(text):
        return Name()
    head, _, tail = text.rpartition(",")
    if head.count(",") == 1 and tail.split() and all(_ACADEMIC.match(w) for w in tail.split()):
        text = f"{tail.strip()} {head}"  # "Brandt, Heike, Dr.": the title after the name
    text = _title_first(text)  # "Brandt, Heike Dr.", "Heike Brandt Dr."
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
    gender, titles, mrs, honour = "", [], False, ""
    while tokens:
        low = tokens[0].lower().rstrip(".")
        if low == "fr" and len(tokens) > 1 and gender_of(tokens[1], "en") == "male":
            honour = "Father"  # "Fr. John Byrne": Father (the German "Fr." is Frau)
        elif low in SALUTATION:
            gender, mrs = SALUTATION[low], low == "mrs"
        elif low in _FORMS and len(tokens) > 1:
            gender = _FORMS[low] or gender  # "Rev. Alan Pike", "Mx Sam Penhaligon"
            honour = _honour(low, len(tokens) - 1) or honour
        elif low in name_words.NOBILITY and len(tokens) > 2 and tokens[1].lower() not in _PARTICLES:
            gender = name_words.NOBILITY_SEX.get(low, "") or gender  # "Gräfin Anna von Rantzau"
        elif _ACADEMIC.match(tokens[0]):
            if name_words.FEMININE_TITLE.match(tokens[0]):
                gender = gender or "female"  # "Mag.a Kim Lorenz": Frau Lorenz
            title = _title(tokens[0])
            if title not in titles or (title == "Dr." and low.startswith("dr")):
                titles.append(title)  # "Dr. Dr. Jan Ott": two doctorates; "Dr. med." one
        else:
            break
        tokens.pop(0)
    if len(tokens) > 2 and tokens[0] == "Ma.":
        tokens[0] = "Maria"  # Filipino "Ma. Cristina Reyes"
    # "PK Chaudhuri-Lang", "JRR Tolkien": given names written as initials without dots
    tokens = [part for i, t in enumerate(tokens) for part in _spelled_initials(t, i, tokens)]
    words = [_case(t) for t in tokens if _NAME_WORD.match(t)]
    for i in range(1, len(words) - 1):  # "von und zu Guttenberg": the particles' "und"
        if words[i].lower() == "und" and {words[i - 1], words[i + 1]} <= _PARTICLES:
            words[i] = "und"
    title = " ".join(titles)
    if pronouns:
        gender = name_words.PRONOUN_SEX[pronouns.group(1).lower()]
    if not words:
        return Name(title=title, gender=gender, mrs=mrs)
    if len(words) == 1:
        if gender or titles or not _is_first_name(words[0]):
            return Name(last=words[0], title=title, gender=gender, mrs=mrs, honour=honour)
        return Name(first=words[0], title=title, gender=gender, mrs=mrs)
    start = len(words) - 1
    # a double last name ("Fernández Ortega"): words before the last that are no first name
    # (nor a given name of no clear sex: "Hoang Anh Le" is Hoang Anh, family name Le)
    while (
        start > 1
        and (
            not _is_first_name(words[start - 1])
            or name_words.SPANISH_PATRONYMIC.match(words[start - 1])  # "Martínez Ortega"
        )
        and not _unisex_given(words[start - 1])
        and "." not in words[start - 1]
        and not name_words.UNLINK.search(words[start - 1])  # "Zia-ul-Haq" is a given name
        and not _arabic_given_part(words, start - 1)  # "Fatima Ezzahra Ouazzani"
    ):
        start -= 1
    while start > 1 and words[start - 1].lower() in _PARTICLES | name_words.NOBILITY:
        start -= 1  # "von der Heide", "Graf von Bülow"
    if all(w in _PARTICLES or w in _CAPITAL_PARTICLES.values() for w in words[:start]):
        start = 0  # "von Bülow" signed alone: no first name ("Van" may be one: Văn)
    if _MARIAN.match(" ".join(words[:3])) and len(words) > 3:
        start = max(start, 3)  # "Maria do Carmo Silva": a Portuguese given name, family Silva
    if len(words) > 2 and firstnames.fold(words[0]) in COMPOUND_HEADS:
        start = max(start, 2)  # "Md. Rafiqul Islam", "Abd al-Rahman Saleh": given name of two
    if not gender and any(w.lower() in _FEMALE_SURNAME for w in words[start:]):
        gender = "female"
    if len(words) - start > 1 and words[start].lower() in name_words.SIKH:
        gender = gender or name_words.SIKH[words[start].lower()]
        start += 1  # "Jaswinder Kaur Sandhu": Kaur/Singh before a family name is no part of it
    last = " ".join(words[start:])
    given = words[:start]
    sexes = [gender_of(given[0], lang) for lang in ("de", "en")] if given else []
    if not gender and len(given) > 1 and not all(sexes):
        # a first given name of no known sex (in one language at least: "Ali" is a man here,
        # of either sex in Britain) and a middle name with one that does not contradict it
        # ("Tendai Grace Moyo", "Ali Reza Moradi"); Maria/Marie is a man's middle name too
        # ("Luca Maria", "Rainer Maria")
        middle = [w for w in given[1:] if firstnames.fold(w) not in ("maria", "marie")]
        found = next((sex for w in middle if (sex := _sex_anywhere(w))), "")
        gender = found if set(sexes) <= {found, ""} else ""
    # a compound given name with a part of no clear sex stays whole ("Hoang Anh"); otherwise
    # the first given name is the one used ("Ana Beatriz Costa" -> Ana)
    # and initials only ("R. J. Peabody") are all kept
    whole = any(_unisex_given(w) for w in given[1:]) or all(_initial(w) for w in given)
    # an Arabic compound is one given name: "Abd" (servant of) never stands alone ("Abdul
    # Karim", "Abd al-Rahman"), nor does the second part of "Fatima Ezzahra", "Salah Eddine"
    whole = whole or (len(given) > 1 and fold_first(given[0]) in _ABD_HEADS)
    whole = whole or any(_arabic_given_part(given, i) for i in range(1, len(given)))
    first = " ".join(given) if whole else words[0]
    return Name(first, last, title, gender, mrs, honour=honour)


#: two or three capitals without a vowel ("PK", "JRR"): the initials of given names written
#: without their dots, unless the name data know the letters as a name ("TJ", "CJ") or a
#: family name ("Ng")
_BARE_INITIALS = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,3}")


def _spelled_initials(token: str, i: int, tokens: list[str]) -> list[str]:
    """['P.', 'K.'] for the "PK" before a family name ("PK Chaudhuri-Lang" signs "P. K.
    Chaudhuri-Lang"); any other token as it is."""
    bare = i < len(tokens) - 1 and _BARE_INITIALS.fullmatch(token) and token != "NG"
    if bare and firstnames.lookup(token) is None and not _listed_given(token):
        return [f"{letter}." for letter in token]
    return [token]


def _listed_given(word: str) -> bool:
    key = firstnames.fold(word)
    return key in name_lists.UNISEX or key in name_lists.FEMALE or key in name_lists.MALE


def _title_first(text: str) -> str:
    """A name with academic titles after it, as address books sort it ("Brandt, Heike Dr.",
    "Heike Brandt Prof. Dr."): the titles before the name ("Prof. Dr. Brandt, Heike"), so the
    greeting keeps them; two name words at least stay before them."""
    words = text.split()
    keep = len(words)
    while keep > 2 and _ACADEMIC.match(words[keep - 1].rstrip(",")):
        keep -= 1
    if keep == len(words) or any(not _NAME_WORD.match(w.rstrip(",")) for w in words[:keep]):
        return text
    titles = " ".join(w.rstrip(",") for w in words[keep:])
    return f"{titles} {' '.join(words[:keep]).rstrip(',')}"


#: a name with the father's name after "bin"/"binti" (Malay), "ibn"/"bint" (Arabic) or "a/l",
#: "a/p", "s/o", "d/o" (Indian names in Malaysia and Singapore): "son/daughter of"
_PATRONYMIC = re.compile(
    r"(?i)^(?P<given>\S.*?)\s+(?P<mark>binti|bint|bte|bt\.?|bin|ibn|a/l|a/p|s/o|d/o)\s+"
    r"(?P<father>[^\W\d_].*)$"
)
_SON_OF = frozenset({"bin", "ibn", "a/l", "s/o"})
#: an Arab family name after the father's name ("Abdullah bin Omar Al-Saud", "… Al Hashimi")
#: (not the father's own "al-": "Khalid ibn al-Walid")
_ARAB_FAMILY = re.compile(r"(?i)^\S+\s+(?:.*\s)?((?:al|el)[-\s][^\W\d_][\w'’-]*)$")


def _with_father(found: re.Match[str]) -> Name:
    """'Ahmad bin Ismail' -> Mr Ahmad, 'Nurul Aisyah binti Rahman' -> Ms Nurul Aisyah: a Malay
    (or Tamil) name has no family name, the person is addressed by the given name and "bin"
    or "binti" says the sex; an Arab family name after the father's name is the family name
    ("Abdullah bin Omar Al-Saud" -> Mr Al-Saud)."""
    given = parse_name(found.group("given"))
    mark = found.group("mark").lower().rstrip(".")
    sex = given.gender or ("male" if mark in _SON_OF else "female")
    words = [w for w in (given.first, given.last) if w]
    if not words:
        return Name()
    family = _ARAB_FAMILY.match(found.group("father"))
    last = " ".join(words)
    if family:  # "al-saud" -> "Al-Saud", "Al Hashimi" as written
        last = re.sub(r"[^\W\d_]+", lambda m: m.group()[:1].upper() + m.group()[1:], family[1])
    return Name(words[0].split()[0], last, given.title, sex, given.mrs, honour=given.honour)


def _sex_anywhere(word: str) -> str:
    """The sex a given name has in the German or English data when they do not disagree."""
    if "." in word or word.lower() in _PARTICLES:
        return ""
    found = {gender_of(word, "de"), gender_of(word, "en")} - {""}
    return found.pop() if len(found) == 1 else ""


def _honour(word: str, after: int) -> str:
    """The English form of address a word before the name gives, or '': a knight or dame by
    the first name ("Sir Nigel Hale" -> "Sir Nigel"), a priest by the family name ("Father
    Byrne") and a minister of religion ("Revd Alan Pike" -> "Reverend Pike", the form most
    agents and the newer blind tables write), "Lady Carrick" / "Lord Bamford" only with the
    family name alone (a courtesy title before a first name, "Lady Imogen Vane", stays with
    the house forms: Ms Vane)."""
    if word in ("sir", "dame") and after >= 2:
        return word.capitalize()
    if word == "father":
        return "Father"
    if word in ("rev", "revd", "reverend"):
        return "Reverend"  # "Revd Philippa Marchbank" -> "Dear Reverend Marchbank," (greet12)
    if word in ("lady", "lord") and after == 1:
        return word.capitalize()
    return ""


def _initial(word: str) -> bool:
    """'R.' or 'J.-P.': a given name written as initials."""
    return bool(re.fullmatch(r"(?:[^\W\d_]\.-?)+", word))


#: the first word of an Arabic compound with "Abd" (servant of): never a name of its own
_ABD_HEADS = frozenset(COMPOUND_HEADS - {"md.", "mohd.", "muhd.", "mst.", "most."})
fold_first = firstnames.fold
#: an Arabic article joined to the next word: with a hyphen ("El-Amine", "Al-Zahra") or
#: assimilated, its consonant doubled ("Ezzahra" = ez-Zahra, "Eddine" = ed-Dine)
_JOINED_ARTICLE = re.compile(
    r"^(?:(?:a|e|u)[ld]-(?P<rest>[a-z]{3,})|[aeu](?P<c>[dzsnrt])(?P<same>(?P=c)[a-z]{2,}))$"
)
_ARTICLE_WORDS = frozenset({"al", "el", "ed", "ad", "ud", "ul", "ez", "es", "az", "as"})
#: "Din" (faith), the second part of many men's compounds: "Salah Eddine", "Nasr El Din"
_DIN = frozenset({"din", "dine", "deen"})


def _arabic_given_part(words: list[str], i: int) -> bool:
    """`words[i]` continues the Arabic compound given name before it: an article and a given
    name of the first name's sex ("Fatima Ezzahra Ouazzani", "Nour El Houda Benali",
    "Mohamed El-Amine Kaddour") or "Din" ("Salah Eddine Amrani", "Nasr El Din Omar"), with a
    family name still after it (so "Ahmad Al-Khatib" and "Jamal Uddin" keep theirs)."""
    if not 0 < i < len(words) - 1 or "." in words[0]:
        return False
    key = fold_first(words[i])
    joined = _JOINED_ARTICLE.match(key)
    if fold_first(words[i - 1]) in _ARTICLE_WORDS and i > 1:
        rest = key  # "El Houda", "El Din": the article written apart
    elif joined and not _is_first_name(words[i]):
        rest = joined["rest"] or joined["same"]
    else:
        return False
    if rest in _DIN:
        return True
    sex = gender_of(rest, "de") or gender_of(rest, "en")
    head = gender_of(words[0], "de") or gender_of(words[0], "en")
    return bool(sex) and head in ("", sex) and fold_first(words[0]) not in _ARTICLE_WORDS


def _unisex_given(word: str) -> bool:
    """A given name listed as of no clear sex (drafter.drafting.name_lists.UNISEX), not a
    particle ("van" is Vietnamese Văn only before a given name, so particles never count)."""
    return word.lower() not in _PARTICLES and firstnames.fold(word) in name_lists.UNISEX
