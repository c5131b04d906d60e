"""Places by name: towns without a postcode, districts, and UK/Irish/Dutch postcodes.

The town list (drafter/data/towns.txt, ~52,000 names: places of at least 500 inhabitants in DE,
AT, CH, LI, LU, NL, BE, DK, GB, IE, of at least 15,000 in the rest of Europe and of at least
100,000 in the rest of the world; GeoNames, CC BY 4.0; built by scripts/build_towns.py, licence
in drafter/data/TOWNS_LICENSE.md) is shipped with drafter and read once per process.

A town is hidden (type POSTCODE_CITY) when its position says it is a place:
- after a place word: "aus Wien", "nach kronshagen", "moved to Tralee", "Wohnort: Kiel";
- before/after a postcode of any case: "24119 kronshagen", "1170 wien", "kiel 24114";
- as the first part of a district: "Kiel-Schilksee", "Kiel-Holtenau" (not a German Land:
  "Schleswig-Holstein");
- with a UK postcode ("Leeds LS8 2QH"), an Irish Eircode ("Tralee, Co. Kerry V92 X8E4") or
  a Dutch postcode ("1016 JK Amsterdam"); the postcode alone is hidden as well.
Town names that are everyday words ("Essen", "Halle", "Weil", "Lage") count only next to a
postcode; famous places abroad whose names are frequent words and so not in the list
("Vancouver", "Seattle", "Salt Lake City": drafter/data/towns_cued.txt, same source) count only
after a place word where a residence cue says somebody lives there ("lives in Vancouver",
"Home: Seattle"); the company's own places and the knowledge base's words (`blocked`) never count
on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from importlib import resources

from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span, words


@lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    data = resources.files("drafter").joinpath("data/towns.txt")
    return frozenset(line.strip().casefold() for line in data.open(encoding="utf-8") if line)


@lru_cache(maxsize=1)
def cued_towns() -> dict[str, frozenset[str]]:
    """The places counted after a residence cue only (see the module docstring), by their first
    word ("salt" -> {"salt lake city"})."""
    data = resources.files("drafter").joinpath("data/towns_cued.txt")
    index: dict[str, set[str]] = {}
    for line in data.open(encoding="utf-8"):
        name = line.strip().casefold()
        if name:
            index.setdefault(name.split(" ", 1)[0], set()).add(name)
    return {first: frozenset(names) for first, names in index.items()}


def _cued_town_at(text: str, start: int) -> int:
    """End of the longest cued town starting at `start`, or -1."""
    words = text[start : start + 60].split("\n", 1)[0].split(" ")
    names = cued_towns().get(words[0].casefold().rstrip(".,;:!?)"))
    if names is None:
        return -1
    for n in range(min(len(words), 5), 0, -1):
        bare = " ".join(words[:n]).rstrip(".,;:!?)")
        if bare.casefold() in names:
            return start + len(bare)
    return -1


_SAINT = re.compile(r"^(?:sankt|saint)[ ]")


@lru_cache(maxsize=1)
def long_towns() -> dict[str, tuple[tuple[int, ...], frozenset[str]]]:
    """Towns of several words by their first word: (word counts, longest first; the names)
    ("bad" -> ((3, 2), {"bad neustadt an der saale", "bad segeberg", ...})).

    "Sankt"/"Saint" is also indexed as "st." and "st" ("St. Pölten", "St Ives").
    """
    index: dict[str, set[str]] = {}
    for name in towns():
        if " " not in name:
            continue
        forms = [name]
        if _SAINT.match(name):
            rest = name.split(" ", 1)[1]
            forms += [f"st. {rest}", f"st {rest}"]
        for form in forms:
            index.setdefault(form.split(" ", 1)[0], set()).add(form)
    return {
        first: (tuple(sorted({n.count(" ") + 1 for n in names}, reverse=True)), frozenset(names))
        for first, names in index.items()
    }


def long_town_at(text: str, start: int) -> int:
    """End of the longest several-word town starting at `start`, or -1."""
    words = text[start : start + 80].split("\n", 1)[0].split(" ")
    first = words[0].casefold()
    entry = long_towns().get(first) or long_towns().get(first.rstrip(".,;:!?"))
    if entry is None:
        return -1
    counts, names = entry
    for n in counts:
        if n > len(words):
            continue
        phrase = " ".join(words[:n])
        bare = phrase.rstrip(".,;:!?)")
        if bare.casefold() in names:
            return start + len(bare)
    return -1


# town names that are also everyday words: a town only next to a postcode
_HOMOGRAPHS = words(
    "Essen Halle Hamm Weil Lage Laufen Bad Hof Mark Post Wedding Reading Bath Sale Deal Street "
    "Zell Horn Stein Berg Ost West Nord Süd Norden Sonne Ende Kappeln Garbsen Rain Wald Linden "
    "Brake Dorf Au Haag Bruck Neustadt Neudorf Wolfsburg Hausen Buchen Kirchen Tann Sand Moos "
    "Schwaben Franken Werne Hilden Ahlen Heide Lohne Mühle Marl Kamen Senden Gelnhausen Wesel "
    "Stock Mitte Van Batman Bender"
)
_LANDS = words(
    "Schleswig-Holstein Baden-Württemberg Nordrhein-Westfalen Mecklenburg-Vorpommern "
    "Sachsen-Anhalt Rheinland-Pfalz Baden-Baden Elsass-Lothringen Österreich-Ungarn"
)
_COMPASS = words(
    "Nord Süd Ost West Mitte Nordost Nordwest Südost Südwest Zentrum City North South East"
)
# a second home: "unser Ferienhaus in Laboe", "our holiday cottage in Stein", "Holiday flat
# Schönberg" (a home, not a stay away: the town is hidden like a residence's, session 28)
_HOLIDAY_HOME = (
    r"(?:ferien|urlaubs|wochenend|sommer)(?:wohnung|haus|häuschen|hütte)|zweitwohnung|"
    r"datsche|holiday[ ](?:flat|home|cottage|apartment|let|house|chalet)|cottage|chalet|"
    r"summer[ ]?house|second[ ]home|vacation[ ](?:home|rental|house)"
)
_PLACE_CUE = re.compile(
    r"(?i:\b(?:in|aus|nach|von|bei|nahe|richtung|(?:wohn|geburts|heimat)?ort|stadt|gemeinde|"
    r"(?:haupt|zweit|neben|erst)?wohnsitz|wohnhaft|(?:stadt|orts)teil|bezirk|from|to|near|town|city|"
    r"village|district|suburb|birthplace|à|naar|"  # French and Dutch: "à Grenoble", "naar Zwolle"
    r"place[ ]of[ ]birth|residence|home(?=[ ]?:)|moved[ ]to|living[ ]in|live[ ]in|based[ ]in|"
    # a move abroad: "I am leaving Germany for Dakar" (since session 29)
    r"leaving(?:[ ](?:the[ ])?[A-Z][\w.]+){1,2}[ ]for|"
    r"(?:liefer|zustell|versand|rechnungs|post)(?:adresse|anschrift|ort)|"
    r"(?:delivery|shipping|billing|postal|supply)[ ]address|"
    r"(?:verbrauchs|abnahme|entnahme|liefer)stelle|zählerstandort|"
    # a second home named by its town without "in": "Ferienwohnung Schönberg", "Holiday flat
    # Laboe" (session 28)
    rf"{_HOLIDAY_HOME}))[ ]?:?[ ]+$"
)
# a place word, then "is" and a few words: "Mein Wohnort ist jetzt Neumünster", "my home town
# is Kettering", "Lieferadresse ist ab Mai Schönkirchen"
_CUE_IS = re.compile(
    r"(?i:(?:wohn|heimat|geburts|liefer)ort|(?:haupt|zweit|neben)?wohnsitz|lieferadresse|"
    r"home[ ]?town|place[ ]of[ ]residence|residence|delivery[ ]address)[ ]"
    r"(?i:ist|is|war|was|lautet|wird|will[ ]be|bleibt|becomes)"
    r"(?:[ ][^\W\d_]+(?:[ ]\d{1,2}\.)?){0,3}[ ]$"
)
# what stands between a street and its town when no postcode is written: "Ringstraße 9, Plön"
_AFTER_STREET = re.compile(
    r"[ ]*(?:,|\n|[ ]in|[ ]-|[ ]–)?[ ]*$"
)  # or a space: "steenbeker weg 51 kiel"
# what stands before "24119 kronshagen" in an address: a comma, a line break, "in", a colon,
# a house number
_ADDRESS_BEFORE = re.compile(r"(?i)(?:\bin|\bnach|\baus|\bplz|\bort|,|\n|:|\d[a-z]?|^)[ ]*$")
_PARTICLE = re.compile(r"[A-ZÄÖÜ][^\W\d_]+[ ](?:von|zu|van|de)[ ]+$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_POSTCODE_TOWN = re.compile(
    r"(?<![\w.,/-])(?:(?:D|A|CH)-)?(?P<code>\d{4,5})[ ]{1,2}(?P<town>[^\W\d_]+(?:-[^\W\d_]+)*)"
)
_TOWN_POSTCODE = re.compile(
    # possessive: a shorter run of letters is followed by a letter, never by what comes next
    r"(?<![\w-])(?P<before>[^\W\d_]++(?:-[^\W\d_]++)*+)(?:[ ]|,[ ]|[ ]\()"
    r"(?:\d{5}|(?!(?:19|20)\d\d)\d{4}(?=,|[ ]*\n|[ ]*$))\)?"  # "Wien 1160, Ottakringer …"
    r"(?![\w.,/-]?\d)(?![ ]?(?:€|EUR|Euro|kWh|m³|Stück|mal|x\b))"
)
# "24103, Kiel" (a comma between postcode and town), "24 103 Kiel" (the postcode spaced): a
# town of the list, and an address before the postcode (a street, a comma, a line start)
_POSTCODE_COMMA_TOWN = re.compile(
    r"(?<![\w.,/-])(?:(?:D|A|CH)-)?(?P<code>\d{4,5}|\d{2}[ ]\d{3}),?[ ]{1,2}"
    r"(?P<town>[^\W\d_]+(?:-[^\W\d_]+)*)"
)
_UK = re.compile(
    r"(?:(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?[ ])?"
    r"(?P<code>\b[A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2})\b"
)
_EIRCODE = re.compile(
    r"(?:(?P<town>[A-Z][a-z]+)(?:[ ]\d{1,2})?,[ ](?:Co\.?[ ][A-Z][a-z]+,?[ ])?)?"
    r"(?P<code>\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ](?=[0-9A-Z]{0,3}\d)[0-9AC-FHKNPRTV-Y]{4})\b"
)
_UK_FRONT = re.compile(
    r"(?<![\w'-])(?:(?:\d{1,4}[a-z]?[ ])?[A-Z][a-z'-]+"
    r"(?:(?:[ ](?:na|nan|an|y|yr|of|on|upon|by|le|la|de|du))?[ ][A-Z][a-z'-]+){0,2},?[ ]){1,3}"
    # a house's name with its particle in front: "Tigh na Mara, 12 Shore Road, Portree IV51 9DR"
    r"(?:Co\.?[ ][A-Z][a-z]+,?[ ])?$"  # "The Old Forge, 3 Mill Lane, Ludlow SY8 1BB"
)
_FLAT_BEFORE = re.compile(
    r"(?<![\w-])(?:Flat|Apartment|Apt\.?|Unit|Suite|Room|Maisonette)[ ]\w{1,4},?[ ]$"
)
# quick tests before `_UK` and `_EIRCODE` (whose optional town in front makes `re` try them
# at every capital): a part every match holds, the UK code's inward half (" 2QH") and the
# Eircode itself (a literal first character or a digit: `re` skips ahead to it)
_UK_INWARD = re.compile(r"[ ]\d[ABD-HJLNP-UW-Z]{2}")
_EIRCODE_CODE = re.compile(
    r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ](?=[0-9A-Z]{0,3}\d)[0-9AC-FHKNPRTV-Y]{4}"
)
_NL = re.compile(r"(?<![\w.,/-])\d{4}[ ]?[A-Z]{2}[ ]+(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)")
# a part every `_NL` match holds (the code's two letters, the spaces, the town's first two
# letters): `re` finds it by its first character alone (a class, no look-behind in front), so
# a text without a Dutch postcode is turned away in one fast pass
_NL_PART = re.compile(r"[A-Z][A-Z][ ]+[A-Z][a-z]")


def _lines_at(text: str, part: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` holding a match of `part`, in text order: a UK
    postcode or an Eircode (with the town before it) never crosses a line and always holds
    its `part`, so only those lines are scanned for it (the look-behinds and `\b` still see
    the whole text)."""
    out: list[tuple[int, int]] = []
    end = -1
    for m in part.finditer(text):
        if m.start() <= end:
            continue  # another hit on a line already kept
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        out.append((start, end))
    return out


def _town(word: str) -> bool:
    return word.casefold() in towns()


def _plain(word: str) -> bool:
    """A town name that is not also an everyday word."""
    return _town(word) and word.title() not in _HOMOGRAPHS


def find_towns(
    text: str,
    blocked: Callable[[str], bool],
    zipf: Callable[[str], float],
    is_name: Callable[[str], bool] = lambda word: False,
    street_ends: frozenset[int] = frozenset(),
    street_starts: frozenset[int] = frozenset(),
) -> Iterator[Span]:
    """POSTCODE_CITY spans of towns identified by their position (see module docstring).

    `street_ends`: where street addresses end; a town right after one ("Ringstraße 9, Plön")
    counts like a town after a place word. `street_starts`: where they start; a town that is
    also an everyday word counts after a place word right before its street ("in Stein
    (Deichweg 5)", "in Stein, Deichweg 5"), as it does next to a postcode.
    """
    for regex, quick, why in (
        (_UK, _UK_INWARD, "UK postcode"),
        (_EIRCODE, _EIRCODE_CODE, "Irish Eircode"),
    ):
        lines = _lines_at(text, quick)
        if not lines:
            continue  # the cheap test first: most mails hold no such code
        finditer = guarded(regex).finditer
        for m in (m for a, b in lines for m in finditer(text, a, b)):
            town = m.group("town")
            start = m.start() if town and _town(town) else m.start("code")
            # "Hamble, Southampton SO31 4JD", "Little Snoring, Norfolk NR21 0JD": the places
            # written in front of a postcode on its line belong to it
            front = _UK_FRONT.search(text, max(0, start - 50), start)
            if front and (start == m.start("code") or "," in front.group()):
                start = front.start()
            flat = _FLAT_BEFORE.search(text, max(0, start - 24), start)
            start = flat.start() if flat else start  # "Flat 3, 12 High Street, Oxford OX1 4AA"
            yield Span(start, m.end(), "POSTCODE_CITY", why)
    for m in guarded(_NL).finditer(text) if _NL_PART.search(text) else ():
        if _town(m.group("town")) or _town(m.group("town").split()[0]):
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "Dutch postcode + town")
    for m in scan(_TOWN_POSTCODE, text):  # "kiel 24114"
        four = not re.search(r"\d{5}", m.group())  # "Wien 1160,"; not "FRITZ!Box 7590,"
        if four and not re.match(r"(?:^|[ \n,:(])$", text[max(0, m.start() - 1) : m.start()]):
            continue
        if _plain(m.group("before")):
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "town + postcode (town list)")
    for m in scan(_POSTCODE_COMMA_TOWN, text):
        if "," not in m.group() and " " not in m.group("code"):
            continue  # "24103 Kiel": the next loop's
        code = m.group("code")
        if re.fullmatch(r"(?:19|20)\d\d", code) or not _plain(m.group("town")):
            continue
        if _ADDRESS_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "postcode, town (town list)")
    for m in _POSTCODE_TOWN.finditer(text):
        town = m.group("town")
        year = re.fullmatch(r"(?:19|20)\d\d", m.group("code"))
        if town.islower() and not _ADDRESS_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Glasfaser 1000 kommen": a lowercase town needs an address around it
        if _plain(town) and not year:
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "postcode + town (town list)")
    names, long = towns(), long_towns()
    for start, word in _occurrences(text):
        end_word = start + len(word)
        parts = word.split("-")
        folded = parts[0].casefold()
        if folded in long or (folded == "st" and text.startswith(".", end_word)):
            end = long_town_at(text, start)
            if end > 0 and not blocked(text[start : end]) and (word[0].isupper() or
                    word.islower()) and _placed(text, start, street_ends) and not (
                    _stay(text, start) and not _home(text, start, street_ends)):  # fmt: skip
                yield Span(start, end, "POSTCODE_CITY", "town of several words")
                continue
        if folded == "bad" and not blocked(word):
            # "in Bad Malente": a spa town the list holds without its "Bad" ("Malente")
            spa = _DISTRICT.match(text, end_word)
            if (
                spa is not None
                and _plain(spa.group("district"))
                and not blocked(spa.group("district"))
                and _placed(text, start, street_ends)
                and not (_stay(text, start) and not _home(text, start, street_ends))
            ):
                yield Span(start, spa.end(), "POSTCODE_CITY", "town of several words")
                continue
        if folded in cued_towns() and word[:1].isupper() and not blocked(word):
            end = _cued_town_at(text, start)  # "lives in Vancouver", "Home: Salt Lake City"
            if (
                end > 0
                and _placed(text, start, street_ends)
                and _home(text, start, street_ends, end)
                and not _stay(text, start)
            ):
                yield Span(start, end, "POSTCODE_CITY", "town abroad after a residence cue")
                continue
        if len(parts) > 1 and word.casefold() in names and word not in _LANDS:
            parts, folded = [word], word.casefold()  # "Henstedt-Ulzburg": one town
        if folded not in names or word in _LANDS:
            continue  # the cheap test first: most words are no town
        home = partial(_home, text, start, street_ends, end_word)  # asked only when needed
        district = _district_after(text, end_word, blocked) if len(parts) == 1 else -1
        if district > 0 and word[:1].isupper() and _placed(text, start, street_ends) and home():
            # "ich wohne … in Kiel Elmschenhagen": a town and its district (a second town of
            # the list) where somebody lives, the company's own town too
            yield Span(start, district, "POSTCODE_CITY", "town and its district")
            continue
        if blocked(word) and not (len(parts) == 1 and _after_street(text, start, street_ends)):
            continue  # the company's own town counts only as the town of a customer's street
        if len(parts) > 1:
            capitalised = all(p[:1].isupper() for p in parts)
            compass = parts[-1].title() in _COMPASS  # "Kiel-Ost": a part of town, not a home
            first_name = is_name(parts[0])  # "Karl-Heinz", "Anna-Lena"
            # "Allerheiligen-Wochenende": an everyday word after the town is no district
            everyday = zipf(parts[-1]) >= 3.0 and not _town(parts[-1])
            if (
                capitalised
                and _town(parts[0])
                and not (blocked(parts[-1]) or compass or first_name or everyday)
            ):
                yield Span(start, end_word, "POSTCODE_CITY", "town-district")
            continue
        if not (word[0].isupper() or word.islower()):
            continue
        if not _plain(word):
            if (
                word[0].isupper()
                and _street_after(text, end_word, street_starts)
                and _placed(text, start, street_ends)
            ):
                yield Span(start, end_word, "POSTCODE_CITY", "town before its street")
            continue
        # a lowercase word that is frequent is a town only where somebody lives there, and
        # never when it is very frequent ("march", "nice", "best")
        if word.islower() and zipf(word) >= 3.5 and not (zipf(word) < 4.5 and home()):
            continue
        if zipf(word) >= 3.0 and _BUILDING_NUMBER.match(text, end_word):
            continue  # "Olshausenstraße 40, Haus 6": an everyday word before a small number
        if (
            _placed(text, start, street_ends)
            and (zipf(word) < _WELL_KNOWN or _greeting_from(text, start) or home())
            and not (_kin_from(text, start) and not _kin_stay(text, start))
            and not (_stay(text, start) and not home())
        ):
            yield Span(start, end_word, "POSTCODE_CITY", "town after a place word")


_DISTRICT = re.compile(r"[ ](?P<district>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")


def _district_after(text: str, end: int, blocked: Callable[[str], bool]) -> int:
    """End of a district written after the town ending at `end` ("Kiel Elmschenhagen": a
    second town of the list, capitalised, that is no everyday word), or -1."""
    m = _DISTRICT.match(text, end)
    if m is None or not _plain(m.group("district")) or blocked(m.group("district")):
        return -1
    return m.end()


# between a town and its street: "in Stein (Deichweg 5)", "in Stein, Deichweg 5"
_BEFORE_STREET = re.compile(r"[ ]?[(,][ ]?|[ ]")


def _street_after(text: str, end: int, street_starts: frozenset[int]) -> bool:
    """Does a street address start right after the town ending at `end`?"""
    if not street_starts:
        return False
    gap = _BEFORE_STREET.match(text, end)
    return gap is not None and gap.end() in street_starts


# a small number or a letter right after the word ("Haus 6", "Block 3a", "Haus B"): a part of
# the building, not a town of the same name (a postcode has four or five digits)
_BUILDING_NUMBER = re.compile(r"[ ](?:\d{1,3}[a-zA-Z]?|[A-Z])(?!\w|[.,:/-]\d)")


_LOWER_LONG = frozenset(("bad", "sankt", "st"))  # "in bad segeberg", "st. peter-ording"


def _occurrences(text: str) -> list[tuple[int, str]]:
    """(offset, word) of every word of `text` that may start a town, in text order: the
    distinct words are tested once, and only the few candidates are searched for again."""
    found: list[tuple[int, str]] = []
    for word in set(_WORD.findall(text)):
        if not _may_start_town(word):
            continue
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            before = text[i - 1] if i else " "
            glued_before = before.isalpha() or (before == "-" and i > 1 and text[i - 2].isalpha())
            after = text[j : j + 2]
            glued_after = after[:1].isalpha() or (after[:1] == "-" and after[1:].isalpha())
            if not (glued_before or glued_after):
                found.append((i, word))
            i = text.find(word, i + 1)
    return sorted(found)


def _may_start_town(word: str) -> bool:
    """May `word` start a town of the list (one word or several)? No memo: `_occurrences`
    asks once per distinct word of a text, and a memo emptied with every redaction cost more
    (its miss and insert) than these few set lookups."""
    first = word.split("-")[0].casefold()
    if first in towns() or word.casefold() in towns():  # "Castrop-Rauxel" too
        return True
    if first in cued_towns() and word[:1].isupper():
        return True
    if first not in long_towns() and first != "st":
        return False
    return not (word.islower() and first not in _LOWER_LONG)  # "the", "an", "bei": no town


def _placed(text: str, start: int, street_ends: frozenset[int]) -> bool:
    """A place word, a postcode or a street address stands right before `start`."""
    if street_ends:
        gap = _AFTER_STREET.search(text, max(0, start - 6), start)
        if gap and gap.start() in street_ends:
            return True
    line_start = text.rfind("\n", 0, start) + 1
    cue = guarded(_PLACE_CUE).search(text, max(line_start, start - 24), start)
    if cue and _PARTICLE.search(text, max(line_start, cue.start() - 30), cue.end()):
        return False  # "Heinz von Bergen": a name particle, not a place word
    if cue or guarded(_CUE_IS).search(text, max(line_start, start - 50), start):
        return True
    if _POSTCODE_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    return _greeting_from(text, start) or _commute(text, start)


# a well-known place ("Wien", "Edinburgh", "Rosenheim": wordfreq zipf >= 3.5) after a bare
# "in"/"aus"/"nach" is mostly part of the story ("Grüße aus Wien", "a trip to Cardiff"), not
# somebody's home: it is hidden only after a street, a postcode or a residence cue
_WELL_KNOWN = 3.5
_RESIDENCE = re.compile(
    r"(?i:wohn|leb[et]|gelebt|zieh|zog|umzug|umgezogen|siedl|gemeldet|heimat|geburt|geboren|"
    r"\bkomm(?:e|en|t)[ ]aus|stamm|herkunft|\bcome[ s]|coming|"
    r"live|living|moved|moving|\bmoves?[ ](?:to|in|back)\b|remote|relocat|based|reside|born|home|"
    r"habit|déménag|verhuis|\bwoon|mieszka|przeprowadz|"  # French, Dutch, Polish
    # where somebody studies or works is where they are found: "ich studiere in Tübingen",
    # "an Erasmus semester in Lisbon", "new job in Leeds", "working on a site in Hamburg"
    r"studi|student|semester|erasmus|praktikum|internship|ausbildung|\bjob\b|\barbeite[nt]?\b|"
    r"\bworking[ ](?:in|at|on|for|as)\b|\bwork(?:s|ed)?[ ](?:in|at)\b|"
    # where the writer moves or goes back to is their home: "I go back to Sevilla", "we are
    # back in Cork", "ich ziehe zurück nach Izmir" (a friend's "gone back to Cardiff" is not)
    r"\b(?:I|we|ich|wir)\b[^\n.!?]{0,25}(?:\bback[ ](?:to|in|home)\b|\breturn|zurück|\bmove\b)|"
    r"\b(?:plz[ /]*)?(?:ort|stadt)[ ]?:|\b(?:city|town)[ ]?:|"  # a form's field: "PLZ/Ort: Kiel"
    rf"{_HOLIDAY_HOME})"
    r"[^\n!?]{0,50}$"
)


# "Grüße aus Plön", "Kind regards from Johannesburg", "Grüße aus dem sonnigen Lindau": a
# greeting names where the writer is, so its town is hidden like a town of an address (since
# session 26: when in doubt, hide; a region is no town of the list: "aus dem Allgäu" stays, and
# the company's own town stays unless a customer's street stands before it)
_GREETING_FROM = re.compile(
    r"(?i:gr(?:ü|ue|u)(?:ß|ss)(?:e|en)?|griaß|greetings|regards|wishes)[ ]+(?:aus|from)[ ]+"
    r"(?:(?:dem|der|the)[ ]+)?(?:[a-zäöüß]+[ ]+){0,2}$"
)
# "ich pendle zwischen Graz und Kiel", "I commute between Leeds and Kiel": both towns are where
# the writer lives or works
_COMMUTE = re.compile(
    r"(?i:\b(?:pendl|pendel|commut)\w*[ ]+(?:zwischen|between)[ ]+"
    r"(?:[^\W\d_]+(?:[ -][^\W\d_]+){0,2}[ ]+(?:und|and)[ ]+)?)$"
)


# "die Enkel aus Rosenheim", "my sister in Leeds": where a relative lives, named by no name,
# is no address (a residence word further back may be about anybody: "Sohn ausgezogen");
# the writer's own home is hidden at its address
_KIN_FROM = re.compile(
    r"(?i:enkel(?:in|kinder)?|kinder|eltern|tochter|sohn|schwester|bruder|cousine?|tante|onkel|"
    r"schwieger\w+|grandchildren|grandkids|parents|daughter|son|sister|brother|cousin|aunt|"
    r"uncle|in-laws)[ ]+(?:aus|in|from)[ ]+$"
)


# "on holiday in Porto", "zur Fortbildung in Hamburg": a stay away is no address, nor is where
# an account is held (unless a street, a postcode or a residence word says it is a home)
_STAY_IN = re.compile(
    r"(?i:urlaub|fortbildung|lehrgang|messe|holiday|vacation|conference|business[ ]trip|"
    # where an account or a bank branch is kept: "Konto in Lahore", "my account in Karachi"
    r"konto|bankkonto|account|bank[ ]account|filiale|branch)[ ]+(?:in|nach|to)[ ]+$"
)


def _stay(text: str, start: int) -> bool:
    return _STAY_IN.search(text, max(0, start - 30), start) is not None


# "zur Reha in Bad Segeberg", "im Krankenhaus in Eutin", "in hospital in Leeds": a stay for
# care is where the writer is found for weeks, and tells of their health; the sets label its
# town both ways (hidden: dev14, test_f; kept: dev7, dev8), so since session 29 it is hidden
# like the town where the writer is now ("when in doubt, hide")
_CARE_STAY = re.compile(
    r"(?i:(?:reha|kur|klinik|krankenhaus|spital|rehaklinik|kurklinik|rehabilitation|rehab|"
    r"hospital|clinic|hospice|hospiz))[ ]+(?:in|nach)[ ]+$"
)


# "bei meinen Eltern in Preetz", "staying with my daughter in Leeds": where the writer stays
# with a relative is where the writer is found (unlike "die Enkel aus Rosenheim")
_KIN_STAY = re.compile(
    r"(?i)(?:\bbei[ ]+(?:(?:meine[mnr]?|unsere[mnr]?|deine[mnr]?|seine[mnr]?|ihre[mnr]?|"
    r"der|den|dem)[ ]+)?|\b(?:stay(?:s|ed|ing)?|liv(?:e|es|ed|ing))[ ]+with[ ]+(?:my|our|his|"
    r"her|their)[ ]+)"
    r"(?:enkel(?:in|n)?|kinder[n]?|eltern|tochter|sohn|schwester|bruder|cousine?|tante|onkel|"
    r"mutter|vater|mama|papa|oma|opa|großeltern|grosseltern|freund(?:in)?|partner(?:in)?|"
    r"schwieger\w+|grandchildren|grandparents|parents|daughter|son|sister|brother|cousin|aunt|"
    r"uncle|mother|father|mum|mom|dad|gran|grandma|grandpa|friend|partner|in-laws)"
    r"[ ]+(?:in|nach)[ ]+$"
)


def _kin_stay(text: str, start: int) -> bool:
    return _KIN_STAY.search(text, max(0, start - 50), start) is not None


def _kin_from(text: str, start: int) -> bool:
    return _KIN_FROM.search(text, max(0, start - 30), start) is not None


def _greeting_from(text: str, start: int) -> bool:
    return _GREETING_FROM.search(text, max(0, start - 48), start) is not None


def _commute(text: str, start: int) -> bool:
    return _COMMUTE.search(text, max(0, start - 64), start) is not None


def _after_street(text: str, start: int, street_ends: frozenset[int]) -> bool:
    """Does a street address end right before `start` ("Ringstraße 9, Plön", "… 12 in kiel")?"""
    if not street_ends:
        return False
    gap = _AFTER_STREET.search(text, max(0, start - 6), start)
    return gap is not None and gap.start() in street_ends


# the German verb after the town: "wir sind nach Hamburg gezogen", "ich bin im Mai nach Wien
# umgezogen", "er ist nach Stuttgart gezogen"
_RESIDENCE_AFTER = re.compile(
    r"[ ]+(?:(?:schon|bereits|jetzt|nun|dann|zusammen|gemeinsam)[ ]+)?"
    r"(?:gezogen|umgezogen|verzogen|ziehen|ziehe|wohnen|wohne|leben|lebe|gemeldet)\b"
)


# where the writer is now: "I'm in Cork until spring", "ich bin gerade in Lissabon" (the town
# right after; "ich bin in der Reha in …" is a stay away)
_HERE_NOW = re.compile(
    r"(?i:\b(?:I'?m|I[ ]am|we'?re|we[ ]are|ich[ ]bin|wir[ ]sind)[ ]"
    r"(?:(?:currently|still|now|gerade|noch|zurzeit|derzeit|momentan|jetzt)[ ])?(?:in|im)[ ]$)"
)


def _home(text: str, start: int, street_ends: frozenset[int], end: int | None = None) -> bool:
    """Is the town at `start` (ending at `end`) somebody's home: after a street, a postcode,
    a residence cue, a stay with a relative or the writer's "I'm in", or before the writer's
    own verb of moving or living?"""
    if _after_street(text, start, street_ends) or _kin_stay(text, start):
        return True
    if _HERE_NOW.search(text, max(0, start - 30), start) is not None or _commute(text, start):
        return True
    if _CARE_STAY.search(text, max(0, start - 30), start) is not None:
        return True
    if _POSTCODE_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    if guarded(_RESIDENCE).search(text, max(0, start - 60), start) is not None:
        return True
    # the verb of moving or living after the town, whoever moved: "wir sind nach Hamburg
    # gezogen", "Mein Sohn ist jetzt nach Stuttgart gezogen" (his new home is his address)
    return end is not None and _RESIDENCE_AFTER.match(text, end) is not None


_POSTCODE_BEFORE = re.compile(r"(?<![\w.,/-])(?!(?:19|20)\d\d[ ])\d{4,5}[ ]{1,2}$")
