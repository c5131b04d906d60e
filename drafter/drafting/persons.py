"""The persons to greet: one, or two for a couple, from the display name and the sign-off.

Owns `customer_names` and `customer_name`: the display name, unless it is no person or a
different person signs (a wife writing from her husband's account); a couple ("Gül und Serkan
Öztürk", "Mr & Mrs S. Kulkarni", "Eilidh & Ross", "Eheleute Fischer") gives two
(`split_couple`; also "Dr. Anna und Dr. Paul Roth", "Anna Berg / Jonas Berg"). The mail
address and the same person's sign-off complete the display name
(drafter.drafting.name_evidence); a name signed in the other order ("Zhao Jing" under "Jing
Zhao") is the same person, and the display name's order is kept unless only the signed first
word is a given name in the lists here ("Grant Fiona" signing "Fiona Grant"). A display name
of two words family name first is turned round when the address writes the given name first
(`_family_first`: "Grant Fiona" from fiona.grant@ or f.grant@). A display name of a form of
address and an initial alone ("Herr R.", "Mr K.") greets the signed name, with its Herr/Mr
when the initial is the signed given or family name's. The display's given names signed
without the family name ("Abdul Karim" under "Abdul Karim Haddad") are the account holder's.
The name parsing itself is
drafter.drafting.sender, the name under the closing drafter.drafting.signoff.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.drafting import name_lists, name_words
from drafter.drafting.name_evidence import (
    as_signed,
    as_written,
    beside_given,
    building_surname,
    firm_in_mail,
    initial_by_address,
    pinyin_order,
    split_by_address,
)
from drafter.drafting.names import gender_of, known_given
from drafter.drafting.sender import (
    _AND,
    _COMPANY,
    _NAME_WORD,
    SALUTATION,
    Name,
    _case,
    _initial,
    _is_first_name,
    _person,
    paired_couple,
    parse_name,
)
from drafter.drafting.signoff import family_below, signed_name
from drafter.firstnames import fold, lookup
from drafter.models import InboundEmail

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
#: "Eheleute Fischer", "Ehepaar Fischer": a married couple of one family name
_SPOUSES = re.compile(r"^(?:eheleute|ehepaar)\s+(\S.*)$", re.I)


#: a letter of the Latin script
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
#: "Lüders, Erna und Heinz": a family name, a comma, two given names
_LISTED_COUPLE = re.compile(r"^([^\W\d_][\w'’ -]*),\s*([^\W\d_][\w'’-]*\s+\S+\s+[^\W\d_][\w'’-]*)$")


def _part(text: str) -> Name:
    words = text.split()
    if len(words) == 1 and _NAME_WORD.match(words[0]) and words[0].lower() not in SALUTATION:
        # "Jule und Emil": a bare word is a first name, when it is one ("Anna Berg / Home")
        return Name(first=_case(words[0])) if known_given(words[0]) else Name()
    return parse_name(text)


def split_couple(text: str) -> list[Name]:
    """Two persons in one name ('Gül und Serkan Öztürk', 'Mr & Mrs Brown', 'Eheleute
    Fischer'), else []."""
    text = name_words.WITH_FAMILY.sub("", text)  # "Anna Berg und Familie": Anna Berg alone
    text = paired_couple(text)  # "Mr and Mrs E. and C. Pritchard": two names written out
    spouses = _SPOUSES.match(text.strip())
    if spouses and _AND.search(spouses.group(1)):
        text = spouses.group(1)  # "Eheleute Maria und Peter Krause": the two names
    elif spouses and _person(spouses.group(1)):
        last = " ".join(_case(w) for w in spouses.group(1).split())
        return [Name(last=last, gender="female"), Name(last=last, gender="male")]
    listed = _LISTED_COUPLE.match(text.strip())
    if listed and len(_AND.split(listed.group(2))) == 2:
        # "Lüders, Erna und Heinz": the family name first, as a directory lists it
        firsts = [w.strip() for w in _AND.split(listed.group(2))]
        known = any(_is_first_name(w) for w in firsts) and not _COMPANY.search(text)
        if known and _person(listed.group(1)) and all(w[:1].isupper() for w in firsts):
            last = " ".join(_case(w) for w in listed.group(1).split())
            return [Name(first=_case(w), last=last) for w in firsts]
    parts = _AND.split(text.strip())
    if len(parts) != 2 or not all(p.strip() for p in parts) or not _person(text):
        return []
    left, right = _part(parts[0]), _part(parts[1])
    if not re.search(r"\s/\s", text):  # "Anna Berg / Home": a tag, not a second person
        low = text.islower()
        left = beside_given(parts[0], left, right, low)
        right = beside_given(parts[1], right, left, low)
    first_only = not left.first and _is_first_name(left.last)
    if (left.title or left.gender) and right.last and first_only:
        left = replace(left, first=left.last, last="")  # "Dr. Anna und Dr. Paul Roth"
    if not left.last:
        left = replace(left, last=right.last)
    if left.last and not right.last and _is_first_name(right.first):
        right = replace(right, last=left.last)  # "Ayşe Demir und Emre": the name written once
    for one in (left, right):
        if not (one.first or (one.last and (one.gender or one.title))):
            return []
    return [left, right]


def _same_person(a: Name, b: Name) -> bool:
    # folded: "YILDIRIM" and "VOSS" signed in capitals are "Yıldırım" and "Voß"
    one, other = sorted((fold(a.last), fold(b.last)), key=len)
    longer = other.endswith(" " + one)  # "Conceição" signed "da Silva Conceição"
    initials = _initials_of(one, other)  # "Th. L.-W." signed under "Thore Lassahn-Wiese"
    if one and one != other and not _abbreviates(a.last, b.last) and not longer and not initials:
        return False
    x, y = fold(a.first.rstrip(".")), fold(b.first.rstrip("."))
    return not x or not y or x.startswith(y) or y.startswith(x) or _initials_of(x, y)


def _initials_of(one: str, other: str) -> bool:
    """'k.-h' and 'karl-heinz', 'm. e' and 'mary' (the first of two given names): a given
    name signed as its initials, part by part."""
    short, full = sorted((one, other), key=lambda w: "." not in w)
    if "." not in short or "." in full:
        return False
    letters = re.findall(r"[^\W\d_]+", short)
    parts = re.split(r"[\s-]+", full)
    initials = [p[:1] for p in parts]
    return all(len(x) == 1 for x in letters) and letters[: len(initials)] == initials


def _reordered(a: Name, b: Name) -> bool:
    """The same words in another order: a name signed family name first ("Zhao Jing",
    "MATSUMOTO Haruka") under the display name "Jing Zhao" / "Haruka Matsumoto"."""
    words = [sorted(fold(w) for w in f"{n.first} {n.last}".split()) for n in (a, b)]
    return len(words[0]) > 1 and words[0] == words[1] and a.first.lower() != b.first.lower()


def _family_then_initial(shown: Name, signed: Name) -> bool:
    """The display name's family name signed first, then its given name's initial."""
    if not (shown.first and shown.last and signed.first and signed.last):
        return False
    initial = len(signed.last.rstrip(".")) == 1 and _abbreviates(signed.last, shown.first)
    return initial and fold(signed.first) == fold(shown.last)


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
    # also none shown, then even an initial ("Lange" signing "P. Lange": "Guten Tag P. Lange")
    return replace(
        shown,
        first=signed.first if (initials and full) or not shown.first else shown.first,
        title=shown.title or signed.title,
        gender=shown.gender or signed.gender,
        mrs=shown.mrs or signed.mrs,
        last=signed.last if _written_out(shown.last, signed.last) else shown.last or signed.last,
        honour=shown.honour or signed.honour,
        # the order the customer signs in ("Ji-woo Park" under "Park Ji-woo"), else the display's
        family_first=signed.family_first if signed.first and signed.last else shown.family_first,
    )


def _written_out(shown: str, signed: str) -> bool:
    """The display name's family name is an initial that the sign-off writes out ("Anna B."
    signing "Anna Berg", "bradley c" signing "brad carver")."""
    return len(shown.rstrip(".")) == 1 and len(signed) > 2 and _abbreviates(shown, signed)


def customer_names(email: InboundEmail) -> list[Name]:
    """The persons to greet: one, or two for a couple; [] when no person is named."""
    signed_text = signed_name(email)
    display = email.from_.name
    shown = split_by_address(as_written(parse_name(display), display), email.from_.email)
    shown = initial_by_address(shown, email.from_.email)
    if not (shown.first or shown.last or shown.family):
        shown = building_surname(display, email.from_.email)  # "Rachel House" (rachel.house@)
    if "," not in display:
        shown = _family_first(shown, email.from_.email)
    if _handle(display, email.from_.email):
        shown = Name()  # "tmueller" from tmueller@: the user name, no family name "Tmueller"
    if firm_in_mail(shown, email.body):
        shown = Name()  # "Northwind Yacht Charter" signing "… Northwind Yacht Charter Ltd"
    shown_couple = split_couple(display)
    couple = split_couple(signed_text) or shown_couple
    lasts = {one.last for one in shown_couple} - {""}
    family = shown.family or (lasts.pop() if len(lasts) == 1 else "")
    family = family or family_below(email, signed_text)  # "Kaan & Derya\nFamilie Öztürk"
    if couple and not any(one.last for one in couple) and family:
        # "Ralf und Heike" signed under the account "Familie Brandt" or "Mr & Mrs Brandt": the
        # family name is the account's (under one person's account it may not be: "Kim &
        # Jonas" under "Kim Lee")
        return [replace(one, last=family) for one in couple]
    if couple:
        return couple
    if signed_text and not _LATIN.search(signed_text) and _LATIN.search(shown.first + shown.last):
        return [shown]  # "Светлана Иванова" signed under "Svetlana Ivanova": the Latin form
    parsed = parse_name(signed_text)
    marked = as_written(parsed, signed_text)  # "LI Na": the capitals mark the family name
    signed = split_by_address(marked, email.from_.email)
    if pinyin_order(marked, parsed) and (fold(shown.first), fold(shown.last)) == (
        fold(signed.first),
        fold(signed.last),
    ):
        # "Zhou Yifan" signed under "Yifan Zhou": the display already tells the given name;
        # only the order of the greeting's full name is the display's
        signed = replace(signed, family_first=shown.family_first)
    if not (signed.first or signed.last):
        bare = not (shown.first or shown.title or shown.gender) and " " not in shown.last
        if signed.family and (shown.first or shown.title or shown.gender):
            # "Familie Berg" / "The Smith family" signed under "Anna Berg" / "Anna Smith": the
            # family writes from her account, and the one who signs is greeted
            return [signed]
        if signed.family and _written_out(shown.family, signed.family):
            return [signed]  # "Familie Grabbert" signed under the account "Familie G."
        if bare and not shown.family and signed.family:
            # "Familie Berg" signed under the account "jb1970", or under a bare family name
            # ("Behrens"): the family signs, not one person of it
            return [signed]
        return [shown] if shown.first or shown.last or shown.family else []
    if not (shown.first or shown.last):
        alone = signed.first if not signed.last else ""
        given = _is_first_name(signed.last) or fold(signed.last) in name_lists.UNISEX
        if not signed.first and " " not in signed.last and given:
            alone = signed.last  # "Kim": a given name of no clear sex reads as a family name
        if family and alone and signed.last != family:
            # "Ingrid" signing under the account "Familie Koch" (or over "Familie Koch"): the
            # family's name is hers, as for a couple signing with first names only
            return [replace(signed, first=alone, last=family)]
        return [signed]
    initial = fold(shown.last)[:1] if len(shown.last.rstrip(".")) == 1 else ""
    if initial and not shown.first and signed.last:
        # "Herr R." / "Mr K." (a form of address and an initial: no name to write) signing
        # "Rolf Kummerfeldt" (or "Kummerfeldt" under "Herr K."): the signed name is written;
        # the display's Herr/Frau counts when its initial is the signed given or family
        # name's and the signed name says no other sex
        own = initial in (fold(signed.first)[:1], fold(signed.last)[:1])
        if not signed.first and not own:
            return [shown]
        if own and _sex(signed) in ("", shown.gender):
            return [
                replace(
                    signed, gender=signed.gender or shown.gender, title=signed.title or shown.title
                )
            ]
        return [signed]
    signed_given = _given_names_signed(display, signed_text, shown)
    if signed_given:
        # "Abdul Karim" or "Anna Elisa" signed under "Abdul Karim Haddad" / "Anna Elisa
        # Berg": the display's given names, signed without the family name; not a person
        # called Karim
        return [replace(shown, first=signed_given)]
    swapped = signed.first.lower() == shown.last.lower() != shown.first.lower()
    if not signed.last and signed.first and swapped and not _given_here(shown.first):
        # "Smith John" / "Grant Fiona" signing "John" / "Fiona": the display name is family
        # name first (not "Mustafa Doğan" signing "Doğan", a family name that is a given name
        # too: Mustafa is in the lists of given names here, Grant only in the US births)
        shown = replace(shown, first=shown.last, last=shown.first)
    if _family_then_initial(shown, signed):
        # "Marchenko O." signed under "Oleksandr Marchenko": family name first, then the
        # given name's initial, as forms in many countries write it
        return [_merge(shown, replace(signed, first=shown.first, last=shown.last))]
    if _reordered(shown, signed):
        if (
            marked != parsed
            or (
                _sexed(signed.first) and (_given_here(signed.first) or not _given_here(shown.first))
            )
            or _address_order(signed, email.from_.email)
        ):
            # "Li Na" signing "LI Na (Ms)": the signed writing tells; "Haddad Amira" signing
            # "Amira Haddad", "Grant Fiona" signing "Fiona Grant": the signed first word is a
            # given name (directories list family names first, people sign given name first);
            # "Tanaka Yuki" signing "Yuki Tanaka" from yuki.tanaka@: sign-off and address agree
            return [_merge(replace(shown, first=signed.first, last=signed.last), signed)]
        return [_merge(shown, signed)]  # "Jing Zhao" signing "Zhao Jing": the display order
    if _short_form(shown, signed):
        # "Bine Thormählen" under "Sabine Thormählen", "Matze" under "Matthias", "Gabriele"
        # under "Gabi": one person, the sex from whichever first name tells it
        return [replace(signed, gender=signed.gender or shown.gender or _sex(shown))]
    written = parse_name(display)  # as written: the address may have dropped a middle name
    if _later_given_name(written, signed):
        # "Sabawoon Hasanzada" under "Mohammad Sabawoon Hasanzada": he goes by his second
        # given name; the display's first one tells the sex when the signed one does not
        return [replace(signed, gender=signed.gender or _sex(signed) or _first_sex(written))]
    # a different person signs (shared account), or the display name is one word that is no
    # name of the signer ("Customer", "Sonnenblume" signed "Gabi Hartwig")
    bare = len(shown.last.split()) == 1 and not shown.title and not shown.gender
    if signed.first and signed.last and not _same_person(shown, signed) and (shown.first or bare):
        return [signed]
    if _same_person(shown, signed):
        return [as_signed(_merge(shown, signed), signed, email.from_.name)]
    sex = _sex(signed)
    if shown.last and not signed.last and sex and _sex(shown) not in ("", sex):
        # "Tom Berg" signed "Jane": not the account holder (a nickname would be of his sex);
        # she writes from the family's account, so its family name is hers
        return [replace(signed, last=shown.last, gender=sex, title="")]
    return [shown]


def _given_names_signed(display: str, signed: str, shown: Name) -> str:
    """The given names the customer signs (as written) when they are the display name's words
    before its family name, two at least ("Abdul Karim" under "Abdul Karim Haddad", "Fatima
    Ezzahra" under "Fatima Ezzahra Ouazzani"), else ''."""
    own, written = signed.split(), display.split()
    family = [fold(w) for w in shown.last.split()]
    if not (shown.last and 2 <= len(own) < len(written) and all(_NAME_WORD.match(w) for w in own)):
        return ""
    if [fold(w) for w in written] != [fold(w) for w in own] + family:
        return ""
    return " ".join(_case(w) for w in own)


def _short_form(shown: Name, signed: Name) -> bool:
    """The same family name and a first name that is a short or long form of the other
    (three letters in common at the start, "Matze"/"Matthias", "Gabi"/"Gabriele", or at the
    end, "Bine"/"Sabine"), the signed one of no clear sex of its own or of the same sex."""
    x, y = (fold(n.first) for n in (shown, signed))
    if not (x and y and x != y and signed.last) or fold(shown.last) != fold(signed.last):
        return False
    if "." in x + y or " " in x + y or min(len(x), len(y)) < 3:
        return False
    if x[:3] != y[:3] and not (x.endswith(y) or y.endswith(x)):
        return False
    return _sex(signed) in ("", _sex(shown)) and bool(_sex(shown) or _sex(signed))


def _later_given_name(shown: Name, signed: Name) -> bool:
    """The signed given and family name are the display name's last words, after one or two
    more given names of the display ("Mohammad Sabawoon Hasanzada" signing "Sabawoon
    Hasanzada"; not "Anna Berg" signing "Berg", nor a title or a different family name)."""
    words = [fold(w) for w in f"{shown.first} {shown.last}".split()]
    own = [fold(w) for w in f"{signed.first} {signed.last}".split()]
    extra = len(words) - len(own)
    if not (signed.first and signed.last and 1 <= extra <= 2) or signed.title or shown.title:
        return False
    return words[extra:] == own and bool(shown.first) and bool(_first_sex(shown))


def _first_sex(name: Name) -> str:
    """The sex the first of the given names says ("Mohammad" of "Mohammad Sabawoon")."""
    return _sex(replace(name, first=name.first.split()[0])) if name.first.split() else ""


def _given_here(first: str) -> bool:
    """A given name of clear sex in the lists of Austria, Switzerland or Britain or in the
    hand lists ("Mustafa", "Kemal", "Thomas"), not only in the US births, which also hold
    many family names ("Grant", "Becker", "Wright")."""
    if not _sexed(first):
        return False
    entry = lookup(first)
    key = fold(first)
    return (entry is not None and entry.local) or key in name_lists.FEMALE | name_lists.MALE


def _family_first(name: Name, address: str) -> Name:
    """A display name of two words in the order family name, given name ("Grant Fiona",
    "Becker Thomas") turned round when the mail address writes them the other way round
    (fiona.grant@, f.grant@, fionagrant@) and only the second word is a given name here."""
    words = [*name.first.split(), *name.last.split()]
    if len(words) != 2 or name.title or not _sexed(words[1]) or _given_here(words[0]):
        return name
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    family, given = (re.sub(r"[^a-z]", "", fold(w.lower().translate(_UMLAUTS))) for w in words)
    family_plain, given_plain = (re.sub(r"[^a-z]", "", fold(w)) for w in words)
    forms = {
        f"{g}{sep}{f}"
        for g in {given, given_plain, given[:1]}
        for f in {family, family_plain}
        for sep in ("", ".", "_", "-")
    }
    if local in forms and len(local) > len(family) + 1:
        return replace(name, first=words[1], last=words[0])
    return name


def _address_order(name: Name, address: str) -> bool:
    """The mail address writes `name` given name first, both words whole (yuki.tanaka@ for
    "Yuki Tanaka"), not only an initial."""
    local = re.sub(r"\d+$", "", address.partition("@")[0].lower())
    parts = [p for p in re.split(r"[._-]", local) if p]
    for umlauts in ({}, _UMLAUTS):  # "Hüsing" is huesing@ as well as husing@
        words = [
            re.sub(r"[^a-z]", "", fold(w.lower().translate(umlauts)))
            for w in (name.first, name.last)
        ]
        if len(parts) == 2 and all(words) and len(words[0]) > 1 and parts == words:
            return True
    return False


def _handle(display: str, address: str) -> bool:
    """A display name that is only the address's user name in lowercase ("tmueller",
    "kbrandt") and no first name ("fiete" from fiete@ is one)."""
    local = address.partition("@")[0]
    word = display.strip()
    return word == local and word.islower() and word.isalpha() and not _is_first_name(word)


def _sexed(first: str) -> bool:
    return bool(first) and bool(gender_of(first, "de") or gender_of(first, "en"))


def _sex(name: Name) -> str:
    """The sex a name says clearly (Frau/Mr, else the first name), or ''."""
    if name.gender in ("female", "male"):
        return name.gender
    return gender_of(name.first, "de") or gender_of(name.first, "en") if name.first else ""


#: our (or anyone's) first-name greeting opening an earlier message of the thread ("> Hi Aga,")
_GREETED_BEFORE = re.compile(
    r"(?im)^[>\s]*(?:hi|hey|hallo|hallöchen|moin|servus|liebe[rs]?)\s+([^\W\d_][\w'’-]*)\s*[,!]"
)
_NOBODY = frozenset(
    {"there", "all", "team", "everyone", "folks", "guys", "both", "ihr", "zusammen"}
)


def greeted_before(quoted: str, first: str) -> str:
    """The first name the thread greeted the customer with before ("Aga" for Agnieszka, from our
    "Hi Aga," or her own quoted mail greeted so), when it differs from `first` and starts with
    its letter; '' otherwise. The informal reply keeps the name both sides used."""
    for found in _GREETED_BEFORE.finditer(quoted):
        word = found.group(1)
        if word.lower() in _NOBODY or not word[:1].isupper() or not first:
            continue
        if fold(word) != fold(first) and fold(word)[:1] == fold(first)[:1]:
            return word
    return ""


def customer_name(email: InboundEmail) -> Name:
    """The (first) person to greet; an empty Name when none is named."""
    names = customer_names(email)
    return names[0] if names else Name()
