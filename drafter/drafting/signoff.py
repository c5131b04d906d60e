"""The name the customer signed with: the line under the closing.

Owns `signoff_name`: the name under the closing ("Viele Grüße\\nMarkus Lange", "Gruß Ralf",
"Thanks a lot,\\nAkosua", "i. A. Nadine Voss", "Glenys Pritchard, Practice Manager"),
without kisses, smileys (drafter.drafting.signature_marks), a phone's footer ("Kirsty x",
"Nele 😊") or a job title under it ("Senior Engineer", "Chaplain"); "i. A. Renate Suhr" over
the firm's name also without a closing line; a closing that says where it comes from ("Grüße
aus der WG\\nMerle", "Love from Ruth") gives the name after it; a postal address, a phone or
customer number under the name is skipped, and the firm after it ("Bendix vom Café
Deichgraf") or the group the name signs for ("Femke für die WG"). Whether a line is a name
(`_plausible`, `_clean`) is drafter.drafting.name_lines, what stands under the name and is no
part of it drafter.drafting.signature_footer.
`signed_name` also reads the words at the very end of a mail without a closing line ("… danke
dir!! bente", "… Thank you. Roland Fitzwilliam") when the sender's mail address holds them
(surferbente@, rolandfitzwilliam@). The name parsing itself (`parse_name`, what is a person)
is drafter.drafting.sender; who is greeted is drafter.drafting.persons.
"""

from __future__ import annotations

import itertools
import re

from drafter import firstnames
from drafter.closings import CUSTOMER_CLOSING, MOBILE_FOOTER, closing_formula
from drafter.drafting import name_words
from drafter.drafting.address_lines import (
    ADDRESS_TAIL,
    name_before_address,
    own_address_line,
    place_line,
    place_under_name,
)
from drafter.drafting.name_lines import (
    _NOT_A_NAME,
    _ON_BEHALF,
    _POSSESSIVE,
    _clean,
    _full_name,
    _given_here,
    _holds_sentence,
    _lower_first_name,
    _lower_full,
    _name_line,
    _named,
    _plausible,
    _signed_word,
    split_address,
)
from drafter.drafting.sender import (
    _ACADEMIC,
    _AND,
    _BRACKET_NOTE,
    _FAMILY,
    SALUTATION,
    Name,
    _is_first_name,
    _person,
    parse_name,
)
from drafter.drafting.signature_footer import (
    _SEPARATOR,
    _before_postscript,
    _firm_under_name,
    _footer_line,
    _under_firm,
)
from drafter.drafting.signature_marks import undecorate
from drafter.models import InboundEmail

#: thanks made stronger, which end a one-line mail as a plain "thanks" does ("… online?
#: thanks so much, tom", "Thanks a million, Paddy", "tausend Dank, jojo", "Danke vielmals, Rike")
_STRONG_THANKS = (
    r"(?:thanks|thank\s+you)\s+(?:so\s+much|a\s+million|a\s+bunch|heaps|loads)|"
    r"(?:vielen\s+)?(?:lieben|herzlichen)\s+dank|(?:besten|tausend)\s+dank|"
    r"(?:danke|merci)\s+vielmals"
)
#: a closing and one name word at the end of a one-line mail ("... online eingebe? lg mo",
#: "... details online? ta, sam")
_INLINE_CLOSING = re.compile(
    rf"[.!?]\s+(?:{_STRONG_THANKS}|{closing_formula(thanks=True, short=True)})\s*(?:,|\s[-–—])?\s+"
    r"([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’-]*){0,2}?)[.!]?\s*$",
    re.I,
)
#: the same after a word, with no end of a sentence before the closing ("… zähler 1NLT0062
#: gruss kemal aydin"): only a full name after it counts
_BARE_INLINE = re.compile(
    rf"\s(?:{closing_formula(thanks=False, short=True)})\s*,?\s+"
    r"([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’-]*){1,2}?)[.!]?\s*$",
    re.I,
)
#: a closing followed by where or whom it comes from ("Grüße aus der WG", "Sonnige Grüße von
#: der Ostsee", "Greetings from Cornwall", "Love from Ruth"): the name is on the next line, or
#: after "von"/"from" when no name line follows and no article starts what follows
_GREETED_FROM = re.compile(r"^(aus|von|vom|from|in|im)\s+(\S.*)$", re.I)
_PLACE_WORD = re.compile(
    r"(?i)(?:der|dem|den|die|das|the|a|an|all|us|sunny|rainy|sonnige[mn]?|verregnete[mn]?)\b"
)


def signoff_name(body: str, signature: str = "") -> str:
    """The name the customer signed with ("Viele Grüße\\nMarkus Lange" -> "Markus Lange")."""
    found = _signoff_name(body, signature)
    lowercase = not any(c.isupper() for c in found.replace("Dr.", ""))
    if found and (lowercase or not any(c.isupper() for c in body + signature)):
        return found.lower()  # "dr. rer. nat. regula stäheli": "Dr." came from _clean
    return found


def _signoff_name(body: str, signature: str) -> str:
    lines = [undecorate(ln) for ln in f"{body}\n{signature}".splitlines()]
    lines = _joined(_before_postscript([ln for ln in lines if ln]))
    while (
        lines
        and len(lines[-1]) <= 100
        and (MOBILE_FOOTER.match(lines[-1]) or _SEPARATOR.match(lines[-1]))
    ):
        lines.pop()  # "Von meinem iPhone gesendet", "____\nSent with Proton Mail" under the name
    lower = not any(c.isupper() for c in body)  # a writer who never uses capitals
    while len(lines) > 2 and (
        _footer_line(lines[-1])
        or split_address(lines[-1])  # "Anna Berg Am Markt 3 24103 Kiel"
        or _firm_under_name(lines, lower)
        or _under_firm(lines, lower)
        or place_under_name(lines, lower)
    ):
        # "Dieter Krohn\nEckernförder Str., Kiel", "Jan Berg\nKundennr. 123", "HRB 4711 KI",
        # "www.berg.de": the address, phone, number or legal footer under the name; "Jan
        # Berg\nBerg Haustechnik GmbH": the firm under the name (or under the job)
        if _closing_address(lines[-1], lower):
            return _closing_address(lines[-1], lower)  # "Regards, Tom Reed, 12 Mill Lane"
        head = name_before_address(lines[-1], lower)
        if head:
            lines[-1] = head  # "ulla sommerfeld, kolberger str 9, 24148 kiel": her name
            break
        lines.pop()
    # a job under the name, not a name with its role in brackets ("Okke (Kassenwart)") and not
    # the name under a closing
    # ("Senior Lecturer, Muthesius University": the job before the firm)
    job_line = _BRACKET_NOTE.sub("", lines[-1]) if lines else ""
    job_line = re.split(r"\s*[,·|]\s*|\s+[-–—]\s+", job_line)[0]
    job = len(lines) > 2 and len(job_line.split()) <= 4 and name_words.JOBS.search(job_line)
    if job and not CUSTOMER_CLOSING.match(lines[-2]) and _name_line(_clean(lines[-2]), lower):
        lines.pop()  # "Thomas Reed\nSenior Engineer"
    for i in range(len(lines) - 1, max(-1, len(lines) - 6), -1):
        line = lines[i]
        closing = CUSTOMER_CLOSING.match(line)
        above = CUSTOMER_CLOSING.match(lines[i - 1]) if i else None
        if closing and above and not lines[i - 1][above.end() :].strip(" ,!") and _plausible(line):
            return _clean(line)  # "Mit freundlichen Grüßen\nTa Van Duc": Ta is a family name
        end, further = _closing_end(line, closing) if closing else (0, False)
        if closing and _closing_address(line, lower):
            return _closing_address(line, lower)  # "MfG Holger Witt Am Markt 4 24103 Kiel"
        if closing and len(line[end:].split()) <= 6 and not further:
            # nor in the closing and the name ("mit freundlichen grüßen\ndr. anna berg")
            lower = lower or not any(c.isupper() for c in "".join(lines[i : i + 2]))
            rest = _clean(line[end:].strip(" ,"))
            if _GREETED_FROM.match(rest):  # "Grüße aus Kiel\nMerle", "Love from Ruth"
                raw = line[end:].strip(" ,")
                return _from_whom(raw, _clean(lines[i + 1]) if i + 1 < len(lines) else "", lower)
            if rest and (_name_line(rest, lower) or _lower_first_name(rest) or _lower_full(rest)):
                # "Gruß Ralf", "lg tim", "lg marlene schuster" (lowercase only from a known
                # first name on)
                return rest
            if rest and not line.rstrip().endswith((",", "!")) and len(line.split()) > 3:
                return ""
            after = lines[i + 1 :]
            if after and _ON_BEHALF.match(after[0]) and not _name_line(_clean(after[0]), lower):
                # "im Auftrag" on a line of its own (also "im Auftrag meiner Mutter"), the name
                # below it
                after = after[1:]
            else:  # the firm's name (and department), then "i. A. Jens Kurz"
                firm = next(
                    (k for k in range(1, min(len(after), 4)) if _ON_BEHALF.match(after[k])), 0
                )
                if firm and not any(_plausible(x) for x in after[:firm]):
                    after = after[firm:]
            following = _clean(after[0]) if after else ""
            below = _clean(after[1]) if len(after) > 1 else ""
            if below and not _plausible(following) and _named(below):
                following = below  # "Ihre Hausverwaltung Nord\nAnna Müller", "Für die WEG\n…"
            by = _GREETED_FROM.match(following)
            if by and by.group(1).lower() in ("von", "from") and _is_first_name(by[2].split()[0]):
                following = by.group(2)  # "Viele Grüße\nvon Anna"
            named = _plausible(following, lowercase=True) or _name_line(following, lower)
            family = _FAMILY.match(following) and _person(_FAMILY.sub(r"\1\2\3", following))
            return following if named or family else ""  # also "The Quist Family"
    for line in reversed(lines[1:][-3:]):
        if _ON_BEHALF.match(line) and _name_line(_clean(line), lower):
            return _clean(line)  # no closing: "i. A. Renate Suhr\nHausverwaltung Kielblick"
    inline = _INLINE_CLOSING.search(lines[-1]) if lines else None
    signed = inline.group(1) if inline else ""
    if signed and (_signed_word(signed) if " " not in signed else _full_name(signed)):
        return signed  # "… lg mo", "… Gruß Peter Meier"
    bare = _BARE_INLINE.search(lines[-1]) if lines and not inline else None
    if bare and _full_name(bare.group(1)):
        return bare.group(1)
    tail = _TRAILING_WORDS.search(lines[-1]) if len(lines) == 1 else None
    word = tail.group(1) if tail and " " not in tail.group(1) else ""
    if word[:1].isupper() and _given_here(word) and word.lower() not in _NOT_A_NAME:
        return word  # "hey, can you help? Jules": a first name ends a one-line mail
    if len(lines) > 1 and place_line(lines[-1]):
        lines = lines[:-1]  # "… Bitte melden.\nGaarden, Kiel": where, not who
    head = name_before_address(lines[-1], lower) if len(lines) > 1 else ""
    if head:
        return head  # "… Bitte bestätigen.\nHelga Berg, Hauptstr. 5, 24103 Kiel"
    # the last line of a mail without a closing: a name only when it is no sentence ("Kein
    # Newsletter, keine Post. Bitte bestätigen.", "Tarif Nordlicht Basis, Abschlag 47 EUR.")
    last = _clean(lines[-1]) if lines and not _holds_sentence(lines[-1]) else ""
    if len(lines) > 1 and _lower_first_name(last):
        return last  # "... sent it sunday night.\n\ntom"
    if len(lines) > 1 and last.islower() and 1 < len(last.split()) <= 3 and _full_name(last):
        return last  # "… was soll ich machen\nklaus petersen"
    # "Prof. Dr. Eva Lind"; two persons: up to five words ("Gwen and Dafydd Pritchard")
    words = [w for w in last.split() if not _ACADEMIC.match(w)]
    limit = 3 if len(_AND.split(last)) == 1 else 5
    named = _name_line(last, lower)
    return last if len(lines) > 1 and named and len(words) <= limit else ""


def _closing_address(line: str, lower: bool) -> str:
    """The name between a closing and an address on one line ("Mit freundlichen Grüßen Holger
    Witt Lindenweg 4, 24103 Kiel", "Kind regards, Tom Reed, 12 Mill Lane, Leeds"), or ''."""
    closing = CUSTOMER_CLOSING.match(line)
    end, further = _closing_end(line, closing) if closing else (0, False)
    rest = line[end:].strip(" ,")
    if not closing or further or not ADDRESS_TAIL.search(rest):
        return ""
    # "Ihr Sascha Brandl Lindenweg 4 …": the name after the possessive
    head = name_before_address(_POSSESSIVE.sub("", rest), lower)
    return head if head and not _GREETED_FROM.match(head) else ""  # not "Grüße aus dem …"


#: up to three words ending the mail after the end of a sentence ("… danke dir!! bente")
_TRAILING_WORDS = re.compile(
    r"(?:^|[.!?;:)]\s*|\s-+\s)((?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)[.!]?$"
)


def signed_name(email: InboundEmail) -> str:
    """The name the customer signed with: under the closing (`signoff_name`), else the words
    that end the mail when the sender's mail address holds every one of them ("… danke dir!!
    bente" from surferbente@, "… Thank you. Roland Fitzwilliam" from rolandfitzwilliam@) or
    the display name starts with them ("… - sarah" from "Sarah Jones"), else the name opening
    a line of name and address (`drafter.drafting.address_lines.own_address_line`)."""
    found = signoff_name(email.body, email.signature)
    if found:
        return found
    lines = [undecorate(ln) for ln in email.body.splitlines()]
    lines = _before_postscript([ln for ln in lines if ln])
    nickname = _lowercase_nickname(lines[-1], email.from_.name) if lines else ""
    if nickname:
        return nickname
    local = re.sub(r"[^a-z]", "", firstnames.fold(email.from_.email.partition("@")[0]))
    return (
        _trailing_name(lines, local, email.from_.name)
        or _name_over_address(lines, local)
        or own_address_line(lines, local)
    )


#: a street and house number alone on a line ("Am Dorfteich 3", "Ostring 17a", "12 Mill
#: Lane") or a postcode and town ("24103 Kiel")
_STREET_ONLY = re.compile(
    r"^(?:[^\W\d_][\w.'’-]*\s+){1,4}\d{1,4}\s?[a-zA-Z]?$|^\d{1,4}[a-zA-Z]?,?\s+(?:[^\W\d_][\w'’-]*\s*){1,4}$"
    r"|^(?:D-?\s?)?\d{4,5}\s+[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*){0,2}$"
)


def _name_over_address(lines: list[str], local: str) -> str:
    """The name over the postal address that ends a mail without a closing ("…Wann kommt
    jemand?\nFamilie Jessen\nAm Deich 4"), when the mail address holds its family name: the
    sender signing with the address, as on a letter."""
    end = len(lines)
    while end > 1 and len(lines[end - 1]) <= 40 and _STREET_ONLY.match(lines[end - 1].strip()):
        end -= 1
    if end == len(lines) or end < 2:
        return ""
    line = _clean(lines[end - 1])
    family = _FAMILY.match(line)
    words = (family.group(1) or family.group(2) or family.group(3)) if family else line
    if not words or len(line.split()) > 4 or not _name_line(line, lower=False):
        return ""
    last = words.split()[-1]
    spelt = last.lower().translate(_UMLAUT_SPELT)  # "Möller" from moeller@ as from moller@
    keys = {re.sub(r"[^a-z]", "", firstnames.fold(w)) for w in (last, spelt)}
    return line if any(len(k) > 2 and k in local for k in keys) else ""


_UMLAUT_SPELT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _trailing_name(lines: list[str], local: str, display: str) -> str:
    """The words ending an unsigned mail when the mail address (its user part `local`) holds
    every one of them or the display name starts with them."""
    tail = _TRAILING_WORDS.search(lines[-1]) if lines else None
    if not tail:
        return ""
    words = tail.group(1).split()
    keys = [re.sub(r"[^a-z]", "", firstnames.fold(w)) for w in words]
    held = all(len(k) > 2 and k in local for k in keys) and len(set(keys)) == len(keys)
    shown = [firstnames.fold(w) for w in display.split()]
    held = held or [firstnames.fold(w) for w in words] == shown[: len(words)]  # "… - sarah"
    if not held or not _plausible(tail.group(1), lowercase=True):
        return ""
    if any(w.lower() in _NOT_A_NAME or w.lower() in SALUTATION for w in words):
        return ""
    return tail.group(1)


def _lowercase_nickname(line: str, display: str) -> str:
    """A short form of the display name's first name signed in lowercase, alone on the last
    line or after a closing ("cheers, hols" from Hollie Brennan, "abdi" from Abdullah Nasser,
    "gruß, fritze" from Friedrich-Wilhelm Hansen), also after a closing that ends a one-line
    mail ("… bekommen? lg yasi" from Yasemin); '' otherwise. A writer without capitals: the
    name data know neither the short form nor its lowercase spelling."""
    closing = CUSTOMER_CLOSING.match(line)
    inline = None if closing else _INLINE_CLOSING.search(line)
    if inline and " " not in inline.group(1):
        closing, line = inline, inline.group(1)  # read as "lg yasi" on its own line
        word = line
    else:
        word = line[closing.end() :].strip(" ,") if closing else line.strip()
    word = word.rstrip(".!")
    shown = display.split()
    if not shown or not word.islower() or not re.fullmatch(r"[^\W\d_]{2,}", word):
        return ""
    if not closing and (" " in line.strip() or len(word) < 3 or not _is_first_name(shown[0])):
        return ""  # alone on the last line: "abdi", not "ok" from Oksana
    given = firstnames.fold(shown[0])
    same_start = firstnames.fold(word)[:2] == given[:2]
    return word if same_start and word not in _NOT_A_NAME and word not in SALUTATION else ""


def signed_initials(word: str, name: Name) -> bool:
    """'SJ' or 'S.J.' signed by Sarah Jones: her initials, not a name to greet."""
    letters = word.replace(".", "")
    parts = [*name.first.split(), *name.last.split()]
    return (
        letters.isupper()
        and len(letters) == len(parts) > 1
        and all(p[:1].upper() == c for p, c in zip(parts, letters, strict=True))
    )


def _joined(lines: list[str]) -> list[str]:
    """`lines` with a second person's line joined to the name above it ("Anna Berg" and
    "und Tom Berg" -> "Anna Berg und Tom Berg")."""
    out: list[str] = []
    for line in lines:
        second = re.match(r"(?i)(?:und|and|&|\+)\s+(\S.*)$", line)
        rest = second.group(1) if second else ""
        if (
            rest
            and _is_first_name(rest.split()[0])
            and out
            and _plausible(out[-1])
            and (_plausible(rest))
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


#: what stands between two closings on one line ("Danke! LG", "Thanks & Regards")
#: what stands between two closings on one line ("Danke! LG", "Mit freundlichen Grüßen / Kind
#: regards")
_BETWEEN_CLOSINGS = re.compile(r"(?:[\s,.!&/|]|\b(?:und|and)\b)*", re.I)


#: a wish joined to the closing ("Viele Grüße und ein schönes Wochenende", "… und bis bald",
#: "Best wishes and have a nice day!"), or a kiss or hug ("Gruß und Kuss", "Love and hugs")
_WISH = re.compile(
    r"(?i)^\s*,?\s*(?:und|and|&)\s+(?:[^\W\d_]+\s+){0,3}(?:wochenende|tag|abend|woche|start|"
    r"feiertage|ostern|weihnachten|urlaub|sommer|bald|weekend|day|evening|week|holidays?|"
    r"christmas|easter|summer|soon|kuss|küsse|küsschen|bussi|umarmung|kisses|hugs)"
    r"(?:\s+noch)?\s*[!.,]*\s*$"
)


def _closing_end(line: str, closing: re.Match[str]) -> tuple[int, bool]:
    """Where the closing at the start of `line` ends, a second one included ("Danke! LG",
    "Thanks! Cheers,", "Thanks & Regards,"), and whether a sentence follows it ("Danke dir!
    Wann kommt …?", "Thanks for your help. I will wait."): then the line is no closing line."""
    end = closing.end()
    while True:
        between = _BETWEEN_CLOSINGS.match(line[end:])
        gap = between.end() if between else 0
        following = CUSTOMER_CLOSING.match(line[end + gap :]) if gap else None
        if not following or not following.end():
            break
        end += gap + following.end()
    tail = line[end:]
    if _WISH.match(tail):
        return len(line), False  # "Viele Grüße und ein schönes Wochenende": no name in it
    broken = line[:end].rstrip()[-1:] in (".", "!", "?") or bool(re.match(r"\s*[.!?]", tail))
    words = tail.strip(" ,.!?")
    return end, broken and bool(words) and not _plausible(words)


def _from_whom(rest: str, below: str, lower: bool = False) -> str:
    """The name after a closing that says where it comes from: the next line ("Grüße aus
    der WG\nMerle"; "grüße aus der wg\nmerle" from a writer without capitals), after a comma
    ("Gruß aus Kiel, Merle"), or after "von"/"from" when no article follows ("Love from
    Ruth"; "Grüße von der Ostsee" names nobody)."""
    if _plausible(below) or _name_line(below, lower) or (lower and _lower_first_name(below)):
        return below
    head, comma, tail = rest.rpartition(",")
    if comma and _plausible(tail.strip()):
        return tail.strip()
    place = _GREETED_FROM.match(head if comma else rest)
    if not place or place.group(1).lower() not in ("von", "from"):
        return ""
    whom = place.group(2)
    return whom if not _PLACE_WORD.match(whom) and _plausible(whom) else ""


def family_below(email: InboundEmail, signed: str) -> str:
    """The family name on the line under given names signed alone ("Kaan & Derya\\nFamilie
    Öztürk", "Anna\\nThe Berg family"), or ''."""
    lines = [undecorate(ln).strip() for ln in f"{email.body}\n{email.signature}".splitlines()]
    lines = [ln for ln in lines if ln]
    for line, below in itertools.pairwise(lines):
        if signed and line.endswith(signed):
            return parse_name(below).family
    return ""
