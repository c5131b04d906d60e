"""Postcodes and streets the German-centred recognizers of postcodes.py and places.py do not
read: postcode + town in the formats of other European countries, the Polish "NN-NNN Town"
("80-425 Gdańsk") and a country letter glued to the postcode ("I-39100 Bozen", "F-75011
Paris", "L-1234 Luxembourg", "NL-3511 Utrecht", "PL-00-238 Warszawa"); a postcode alone
after its label ("PLZ: 24103", "Postleitzahl 1060", "zip code 90210"); Nordic, Finnish and
Greek streets ("Sveavägen 44", "Mannerheimintie 54 B 21", "Odos Ermou 88"), postcodes of
three and two digits ("SE-111 34 Stockholm", "105 63 Athens"), an Indian town with its
PIN code on a line of its own ("Chennai 600018", "Bengaluru 560034, Karnataka"), a town before
its postcode closing an address line ("House 12, Street 9, Rawalpindi 46000") and Cyrillic
streets and postcodes ("вул. Франка 12, кв. 4", "01001 Київ"): `find_far_addresses`.

The town after the postcode must be capitalised; after the Polish shape, which a reference
number may also have, it must not be an everyday word (`everyday`): "24-118 Rechnung" is no
address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from drafter.privacy.places import _unit_end as unit_end
from drafter.privacy.prefilter import scan
from drafter.privacy.spans import Span, digit_lines
from drafter.privacy.towns import towns

_UPPER = "A-ZÄÖÜÀ-ÖØ-ÞŁŚŻŹĆŃŠČŘŽĽŇŤĎ"
_TOWN = rf"[{_UPPER}][^\W\d_]+(?:[- ][{_UPPER}][^\W\d_]+)?"
# the country letters of the old European plates, as they stand before a postcode
_COUNTRY = r"(?:I|F|L|B|E|P|S|H|N|FL|NL|CZ|SK|DK|FIN|SLO|HR|IT|FR|LU|BE|ES|PT|SE|NO|HU|SI)"
# Portuguese "4050-180 Porto"
PT_POSTCODE_RE = re.compile(rf"(?<![\w.,/-])\d{{4}}-\d{{3}}[ ]{{1,2}}(?P<town>{_TOWN})")
# Brazilian "Porto Alegre - RS, 90570-020" (town, state, CEP) and "CEP 90570-020"
BR_CEP_RE = re.compile(r"(?<![\w-])\d{5}-\d{3}(?![\w-])")
_BR_BEFORE = re.compile(
    rf"(?:(?<![\w-]){_TOWN}(?:[ ]{_TOWN})?[ ]?[-–/][ ]?[A-Z]{{2}},?[ ](?:CEP[ ]?)?|CEP[: ]+)$"
)
# the CEP before the town, the state after it: "90570-080 Porto Alegre – RS", "01310-100 São
# Paulo - SP", "22041-001 Rio de Janeiro/RJ" (session 28)
BR_CEP_TOWN_RE = re.compile(
    rf"(?<![\w.,/-])\d{{5}}-\d{{3}}[ ]{{1,2}}"
    rf"(?P<town>{_TOWN}(?:[ ](?:do|da|de|dos|das)[ ]{_TOWN})?)"
    r"(?P<state>[ ]?[-–/][ ]?[A-Z]{2}(?![\w-]))?"
)
BR_CEP_TOWN_STATE = "Brazilian CEP, town, state"  # outranks a phone: "01310-100 São Paulo - SP"
PL_POSTCODE_RE = re.compile(
    rf"(?:(?<=PL-)|(?<![\w.,/-]))\d{{2}}-\d{{3}}[ ]{{1,2}}(?P<town>{_TOWN})"
)
PREFIXED_POSTCODE_RE = re.compile(
    rf"(?<![\w.,/-]){_COUNTRY}-\d{{4,5}}[ ]{{1,2}}(?P<town>{_TOWN})"
    r"(?:[ ](?P<province>[A-Z]{2})(?![\w]))?"  # "I-20154 Milano MI"
)


def _at_dashes(
    regex: re.Pattern[str], text: str, backs: tuple[int, ...]
) -> Iterator[re.Match[str]]:
    """The matches of `regex` that start `backs` characters before a "-" (far cheaper than
    trying the pattern at every position: a mail holds few dashes)."""
    last = -1
    i = text.find("-")
    while i >= 0:
        if i + 1 < len(text) and text[i + 1].isdigit():
            for back in backs:
                start = i - back
                if start > last and start >= 0:
                    m = regex.match(text, start)
                    if m is not None:
                        last = m.end()
                        yield m
                        break
        i = text.find("-", i + 1)


def find_abroad_postcodes(text: str, everyday: Callable[[str], bool]) -> Iterator[Span]:
    """POSTCODE_CITY spans of foreign postcodes with their town."""
    for regex, backs, why in (
        (PL_POSTCODE_RE, (2,), "Polish postcode + town"),
        (PT_POSTCODE_RE, (4,), "Portuguese postcode + town"),
        (PREFIXED_POSTCODE_RE, (1, 2, 3), "country letter + postcode + town"),
    ):
        for m in _at_dashes(regex, text, backs):
            town = m.group("town")
            if regex is not PREFIXED_POSTCODE_RE and everyday(town.split()[0].split("-")[0]):
                continue
            end = m.end()
            if " " in town and everyday(town.split()[-1]):
                end = m.start("town") + town.index(" ")
            listed = town.split()[0].casefold() in towns()  # outranks a customer number's
            yield Span(m.start(), end, "POSTCODE_CITY", why + (" (town list)" if listed else ""))
    for m in _at_dashes(BR_CEP_RE, text, (5,)):
        before = _BR_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before:
            yield Span(before.start(), m.end(), "POSTCODE_CITY", "Brazilian town, state, CEP")
    for m in _at_dashes(BR_CEP_TOWN_RE, text, (5,)):
        if m.group("state"):  # with its state, or a town of the list
            yield Span(m.start(), m.end(), "POSTCODE_CITY", BR_CEP_TOWN_STATE)
        elif m.group("town").casefold() in towns():
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "Brazilian CEP + town")


LABELLED_POSTCODE_RE = re.compile(
    r"(?i:\bplz|\bpostleitzahl|\bpost[ ]?code|\bzip(?:[ ]?code)?|\bcode[ ]postal)[ \t]*[:.]?[ \t]*"
    r"(?P<value>(?:[A-Z]{1,2}-)?\d{4,5})(?![\d-])"
)


_LABELS = ("plz", "postleitzahl", "postcode", "post code", "zip", "postal")


def find_labelled_postcodes(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(
        cue in low for cue in ("plz", "postleitzahl", "postcode", "post code", "zip", "postal")
    ):
        return
    for m in scan(LABELLED_POSTCODE_RE, text, digit_lines(text)):
        yield Span(m.start("value"), m.end("value"), "POSTCODE_CITY", "postcode after its label")


# UK and Irish addresses typed in lowercase: "apt 4, 19 clanbrassil st", "dublin 8 d08 x2k7"
LOWER_EN_STREET_RE = re.compile(
    r"(?<![\w-])(?:(?:apt|flat|unit|apartment)[ ]\w{1,4},?[ ])?\d{1,4}[a-z]?[ ]"
    r"[a-z][a-z'-]{2,}(?:[ ][a-z][a-z'-]{2,})?[ ]"
    r"(?:st|street|rd|road|ave|avenue|lane|ln|drive|close|terrace|tce|crescent|cres|"
    r"gardens|gdns|grove|place|square|sq|park|row|walk|court|ct)(?![\w-])"
)
LOWER_EIRCODE_RE = re.compile(
    r"(?<![\w-])(?:dublin[ ]\d{1,2}w?,?[ ])?(?:[ac-fhknprtv-y]\d{2}|d6w)[ ]"
    r"(?=[0-9a-z]{0,3}[a-z])(?=[0-9a-z]{0,3}\d)[0-9ac-fhknprtv-y]{4}(?![\w-])"
)


# postcodes written in lowercase, or with their town in lowercase: UK "ludlow sy8 1bb",
# "brighton BN1 3XE", Dutch "5611 ab eindhoven", Polish "61-298 poznań"; the town must be one
# of the town list
_LOWER_TOWN = r"(?P<town>[^\W\d_]+(?:[ -][^\W\d_]+)?)"
LOWER_UK_RE = re.compile(
    r"(?<![\w-])(?:[a-z]{1,2}\d[a-z\d]?[ ]\d[abd-hjlnp-uw-z]{2}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2})(?![\w-])"
)
_TOWN_BEFORE = re.compile(rf"(?<![\w-]){_LOWER_TOWN},?[ ]$")
LOWER_NL_PL_RE = re.compile(
    r"(?<![\w.,/-])(?P<code>\d{4}[ ]?(?:[a-z]{2}|[A-Z]{2})|\d{2}-\d{3})[ ]{1,2}" + _LOWER_TOWN
)


# a UK inward code ("… 1bb"), a Dutch or Polish code before a lowercase word
_ANY_LOWER_CODE = re.compile(
    r"\d[ ]\d[A-Za-z]{2}\b|(?<!\d)\d{4}[ ]?[A-Za-z]{2}[ ]{1,2}[a-z]|\d-\d{3}[ ]{1,2}[a-z]"
)
_LINE_BEFORE = re.compile(r"(?:^|[,:\n])[ \t]*$")
_LINE_AFTER = re.compile(r"[ \t]*(?:$|[\n,.;)])")


def _town_end(m: re.Match[str], is_town: Callable[[str], bool]) -> int:
    """Where the town of `m` ends: both words, the first word alone, or -1 (no town)."""
    town = m.group("town")
    if town and is_town(town):
        return m.end("town")
    first = re.match(r"[^\W\d_]+", town or "")
    return m.start("town") + first.end() if first and is_town(first.group()) else -1


_INWARD = re.compile(r"\d[ ]\d[A-Za-z]{2}\b")


def _uk_codes(text: str) -> Iterator[re.Match[str]]:
    """LOWER_UK_RE's matches, looked for only around an inward code ("… 1bb": few in a mail)."""
    for inward in _INWARD.finditer(text):
        m = LOWER_UK_RE.search(text, max(0, inward.start() - 3), inward.end())
        if m is not None and m.end() == inward.end():
            yield m


def find_lowercase_postcodes(text: str, is_town: Callable[[str], bool]) -> Iterator[Span]:
    """POSTCODE_CITY spans of the postcodes above, with the town where the list knows it."""
    if not _ANY_LOWER_CODE.search(text):
        return  # the cheap test first: most mails hold no such shape
    for m in _uk_codes(text):
        front = _TOWN_BEFORE.search(text, max(0, m.start() - 40), m.start())
        town = front.group("town") if front else ""
        lower = town.islower() and is_town(town.split()[-1])
        placed = _LINE_BEFORE.search(text, max(0, m.start() - 3), m.start()) and (
            _LINE_AFTER.match(text, m.end())
        )  # ", sy8 1bb" closing a line; "the mp3 4gb player" is none
        if (m.group().islower() and placed) or lower:
            start = m.start()
            if front and is_town(town):
                start = front.start("town")
            elif front and lower:
                start = front.end("town") - len(town.split()[-1])
            yield Span(start, m.end(), "POSTCODE_CITY", "UK postcode (lowercase)")
    for m in scan(LOWER_NL_PL_RE, text, digit_lines(text)):
        town, code = m.group("town"), m.group("code")
        if town[:1].isupper() or re.match(r"(?:19|20)\d\d", code):
            continue  # capitalised: the Dutch and Polish patterns' own
        if "-" not in code and not _LINE_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            continue  # "5611 ab eindhoven" after a comma or on its line; "1500 ab kiel" is none
        end = _town_end(m, is_town)
        if end > 0:
            yield Span(m.start(), end, "POSTCODE_CITY", "postcode + lowercase town")


def find_lowercase_uk_ie(text: str) -> Iterator[Span]:
    """ADDRESS and POSTCODE_CITY spans of UK/Irish addresses written in lowercase."""
    for m in scan(LOWER_EN_STREET_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "ADDRESS", "street + number (en, lowercase)")
    for m in scan(LOWER_EIRCODE_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "POSTCODE_CITY", "Irish Eircode (lowercase)")


# Nordic and Finnish streets, the type glued to the name ("Sveavägen 44", "Drottninggatan
# 12", "Storgata 5", "Mannerheimintie 54 B 21", "Aleksanterinkatu 7"); the Greek street after
# "Odos"/"Leoforos" ("Odos Ermou 88")
NORDIC_STREET_RE = re.compile(
    r"(?<![\w-])(?P<street>[A-ZÄÖÜÅØÆ][a-zäöüåøæé-]{2,}"
    r"(?:vägen|gatan|gata|väg|gränd|veien|vegen|gaten|gate|vei|veg|tie|katu|kuja|polku))"
    r"[ ]\d{1,4}[A-Za-z]?(?:[ ][A-Z](?:[ ]\d{1,3})?(?![\w]))?(?![\w])"
    r"|(?<![\w-])(?:Odos|Odós|Leoforos|Leof\.)[ ][A-Z][a-zά-ώ]+(?:[ ][A-Z][a-zά-ώ]+)?"
    r"[ ]\d{1,4}[A-Za-z]?(?![\w])"
)
_NORDIC_ENDS = ("vägen", "gatan", "gata", "väg", "gränd", "veien", "vegen", "gaten", "gate",
                "vei", "veg", "tie", "katu", "kuja", "polku", "odos", "odós", "leoforos",
                "leof.")  # fmt: skip
# "111 34 Stockholm", "SE-111 34 Stockholm", "105 63 Athens", "CZ-110 00 Praha": a postcode of
# three and two digits, after a country prefix, a comma or at the start of a line
SPLIT_POSTCODE_RE = re.compile(
    rf"(?P<value>(?:(?:SE|S|GR|CZ|SK)-)?\d{{3}}[ ]\d{{2}}[ ]{{1,2}}(?P<town>{_TOWN}))"
)
_SPLIT_PLACED = re.compile(r"(?:^|[,\n])[ \t]*\Z|(?<![\w.,/-])(?:SE|S|GR|CZ|SK)-\Z")
# an Indian address's last line: the town and its six-digit PIN code ("Chennai 600018",
# "Pune - 411001")
PIN_LINE_RE = re.compile(
    rf"^[ \t]*(?P<value>(?P<town>{_TOWN})[ ]?[-–]?[ ]?[1-9]\d{{5}})[ \t]*$", re.M
)


# quick tests before the patterns (which would otherwise be tried at every line start)
_NORDIC_HINTS = ("vägen", "gatan", "gata ", "gaten", "gate ", "väg ", "gränd", "veien ", "vegen ",
                 "vei ", "veg ", "tie ", "katu ", "kuja ", "polku ", "Odos", "Leof")  # fmt: skip
_SPLIT_HINT = re.compile(r" \d\d[ ]{1,2}[A-ZÄÖÜÀ-Þ]")
_NORDIC_AT = re.compile(
    r"(?:vägen|gatan|gata|väg|gränd|veien|vegen|gaten|gate|vei|veg|tie|katu|kuja|polku)"
    r"[ ]\d|(?:Odos|Odós|Leoforos|Leof\.)[ ]"
)


def _nordic_street(text: str) -> bool:
    """A Nordic street ending before a space, or "Odos" (substring tests, cheap)."""
    return any(hint in text for hint in _NORDIC_HINTS)


def _pin_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of short lines that open with a capital and end in six digits."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if 7 < len(line) < 48 and line[:1].isupper() and line.rstrip()[-6:].isdigit():
            yield start, end
        start = end + 1


def _nordic_starts(text: str) -> Iterator[int]:
    """Where a word with a Nordic street ending before a number, or "Odos"/"Leoforos",
    starts."""
    for m in _NORDIC_AT.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        yield start


# the town and its postcode written the other way round, at the end of an address line
# ("House 12, Street 9, Rawalpindi 46000") or before the region ("Bengaluru 560034, Karnataka");
# a four-digit code from 0 before the country ("27 Kauri Road, Whangārei 0112, New Zealand")
TOWN_CODE_RE = re.compile(
    rf"(?:^|,)[ \t]*(?P<value>(?P<town>{_TOWN})(?:[ ]|[ ]?[-–][ ]?)(?P<code>\d{{4,6}}))"
    rf"[ \t]*(?P<rest>,[ \t]*[{_UPPER}][^\W\d_]+(?:[ ][{_UPPER}][^\W\d_]+)?[ \t]*)?"
    # the line ends, or (a code from 0) a sentence after the country ("…, New Zealand. Phone …")
    rf"(?:$|(?<=[^\W\d_])(?=[.;][ \t]))",
    re.M,
)


def _town_codes(text: str, noun: Callable[[str], bool]) -> Iterator[Span]:
    """POSTCODE_CITY spans of "Town 12345" closing an address line (an earlier part of the
    line holds a number) or a line of its own with six digits ("Bengaluru 560034, Karnataka")."""
    start = 0
    for line in text.split("\n"):  # a line ending in a code, or in "code, Region"
        end = start + len(line)
        tail = line.rstrip()
        comma = tail.rfind(",")
        if 7 < len(tail) < 120 and (
            tail[-1].isdigit() or (comma > 0 and tail[comma - 1].isdigit())
        ):
            m = TOWN_CODE_RE.search(text, start, end)
            if m is not None:
                town = m.group("town").split()[0].split("-")[0]
                head = text[start : m.start("value")]
                six = len(m.group("code")) == 6
                ok = six if not head.strip(" \t,") else _DIGIT.search(head)
                if m.group("code")[0] == "0":  # a code from 0 only before its country
                    # ("Whangārei 0112, New Zealand. Phone …", "Darwin 0800, Australia"), not
                    # a number such as "Hotline 0800"
                    ok = ok and m.group("rest") is not None and len(m.group("code")) == 4
                elif m.end() < start + len(tail):
                    ok = False  # any other code closes its line (as before)
                if ok and not noun(town) and not _NOT_TOWN.search(m.group("town")):
                    yield Span(m.start("value"), m.end("value"), "POSTCODE_CITY", "town + postcode")
        start = end + 1


_DIGIT = re.compile(r"\d")
_NOT_TOWN = re.compile(r"(?i)(?:nummer|number|nr|no)$")

# Cyrillic addresses (Ukrainian, Russian, Bulgarian): "вул. Шевченка 45, кв. 12",
# "ул. Садовая 8", "просп. Миру 3" and "01001 Київ". The text is folded first
# (drafter.privacy.normalize), so letters that look Latin are Latin here ("вyл.", "Шeвчeнкa").
_CYR = "\u0400-\u04ff"
_CYR_WORD = rf"[^\W\d_]*[{_CYR}][^\W\d_]*"
CYRILLIC_STREET_RE = re.compile(
    rf"(?<!\w)(?:[вb]y[лl]|y[лl]|пp[oо]cп|пp[oо]в|пp|п[лl]|бy[лl]|б-p|ш[oо]cce|пep)\.?[ ]"
    rf"(?:{_CYR_WORD}[ ]){{0,2}}{_CYR_WORD},?[ ]\d{{1,4}}(?:[ ]?[-/][ ]?\d{{1,4}})?"
    rf"[^\W\d_]?(?:,?[ ](?:кв|к[вb]|oф|к)\.?[ ]?\d{{1,4}})?(?!\w)"
)
CYRILLIC_POSTCODE_RE = re.compile(
    rf"(?<![\w.,/-])\d{{5,6}},?[ ](?:(?:м|г)\.[ ]?)?{_CYR_WORD}(?:-{_CYR_WORD})*"
    rf"|(?:(?<=,[ ])|(?<=^))(?:(?:м|г)\.[ ]?)?{_CYR_WORD}(?:-{_CYR_WORD})*,?[ ]\d{{5,6}}(?![\w])",
    re.M,
)
# a Greek street in Greek letters ("Οδός Ερμού 88, 3ος όροφος"); on the folded text some
# letters are Latin look-alikes ("Oδός Eρμoύ")
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
GREEK_STREET_RE = re.compile(
    rf"(?<!\w)(?:[OΟ]δ[óόoο]ς|[OΟ]δ\.|Λεωφ[óόoο]ρ[oο]ς|Λεωφ\.)[ ]"
    rf"(?:[^\W\d_]*[{_GREEK}][^\W\d_]*[ ]){{0,2}}[^\W\d_]*[{_GREEK}][^\W\d_]*[ ]\d{{1,4}}"
    r"[^\W\d_]?(?![\w])"
)
_HAS_CYR = re.compile(rf"[{_CYR}]")
# the same streets transliterated into Latin letters: "vul. Sumska 48, kv. 17", "prosp.
# Peremohy 12, kv. 40", "ulitsa Lenina 5", "pereulok …", "bulvar …" (session 28); the short
# "ul." is the Polish recognizer's, "pr."/"per."/"pl." are too ambiguous alone
LATIN_CYRILLIC_STREET_RE = re.compile(
    r"(?<![\w.])(?:[vV]ul|[vV]ulytsia|[vV]ulitsa|[uU]litsa|[uU]lica|[pP]rosp|[pP]rospekt|"
    r"[pP]rov|[pP]rovulok|[pP]ereulok|[bB]ulv|[bB]ulvar|[sS]hosse|[nN]aberezhna(?:ya)?)\.?[ ]"
    r"(?:[A-Z][a-z'’-]+[ ]){0,2}[A-Z][a-z'’-]+,?[ ]\d{1,4}(?:[ ]?[-/][ ]?\d{1,4})?[a-zA-Z]?"
    r"(?:,?[ ](?:kv|kvartira|apt|of)\.?[ ]?\d{1,4})?(?![\w])"
)
# its quick test: the type words' letters as plain substrings (far cheaper than a pattern)
_LATIN_CYRILLIC_TYPES = (
    "ul.", "ulytsia", "ulitsa", "Ulitsa", "ulica", "Ulica", "rosp", "rov.", "rovulok",
    "ereulok", "ulv", "hosse", "aberezhn",
)  # fmt: skip


def find_cyrillic_addresses(text: str) -> Iterator[Span]:
    """ADDRESS and POSTCODE_CITY spans of addresses written in Cyrillic letters, and of their
    streets transliterated into Latin letters."""
    if any(t in text for t in _LATIN_CYRILLIC_TYPES):
        for m in LATIN_CYRILLIC_STREET_RE.finditer(text):
            yield Span(m.start(), m.end(), "ADDRESS", "street + number (transliterated Cyrillic)")
    if _HAS_CYR.search(text) is None:
        return
    for m in CYRILLIC_STREET_RE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS", "street + number (Cyrillic)")
    for m in CYRILLIC_POSTCODE_RE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE_CITY", "postcode + town (Cyrillic)")


def find_greek_streets(text: str) -> Iterator[Span]:
    """ADDRESS spans of streets written in Greek letters, with their floor."""
    if "δ" not in text and "Λεωφ" not in text:
        return
    for m in GREEK_STREET_RE.finditer(text):
        yield Span(m.start(), unit_end(text, m.end()), "ADDRESS", "street + number (Greek)")


def find_far_addresses(
    text: str, everyday: Callable[[str], bool], noun: Callable[[str], bool] | None = None
) -> Iterator[Span]:
    """ADDRESS and POSTCODE_CITY spans of Nordic, Finnish, Greek, Indian, Pakistani and
    Cyrillic addresses (the street and town must not be everyday words: "Garantie 24" is no
    Finnish street; a town before its postcode must not be a noun (`noun`, default
    `everyday`): "Zählerstand 12345" is no town)."""
    if _nordic_street(text):
        for start in _nordic_starts(text):
            m = NORDIC_STREET_RE.match(text, start)
            street = m.group("street") if m is not None else None
            if m is not None and (street is None or not everyday(street)):
                end = unit_end(text, m.end())  # "Vasagatan 14 A, lgh 1203"
                yield Span(m.start(), end, "ADDRESS", "street + number (Nordic, Greek)")
    for hint in _SPLIT_HINT.finditer(text):  # " 34 S" of "111 34 Stockholm"
        start = hint.start() - 3
        if start < 0 or not text[start : hint.start()].isdigit():
            continue
        placed = _SPLIT_PLACED.search(text, max(0, start - 40), start)
        m = SPLIT_POSTCODE_RE.match(
            text, placed.start() if placed and "-" in placed.group() else start
        )
        if placed and m and not everyday(m.group("town").split()[0].split("-")[0]):
            yield Span(m.start("value"), m.end("value"), "POSTCODE_CITY", "postcode 3 + 2")
    yield from _town_codes(text, noun or everyday)
    yield from find_cyrillic_addresses(text)
    yield from find_greek_streets(text)
    for start, end in _pin_lines(text):
        pin = PIN_LINE_RE.match(text, start, end)
        if pin is not None and not everyday(pin.group("town").split()[0].split("-")[0]):
            yield Span(pin.start("value"), pin.end("value"), "POSTCODE_CITY", "town + PIN code")
