"""Finding values again: every value of the thread's vault and every value found once in a
text, at every other place of that text, with or without its cue and in any spacing
(`vault_spans`, `repeats`, `name_repeats`, `town_repeats`, `vault_towns`; `value_pattern` is
also used by the request guard)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from drafter.privacy import names as nm
from drafter.privacy.memos import compile_customer, customer_memo
from drafter.privacy.normalize import fold
from drafter.privacy.spans import Span
from drafter.privacy.towns import towns
from drafter.privacy.vault import Vault


@customer_memo
@lru_cache(maxsize=2048)
def value_pattern(entity_type: str, value: str) -> re.Pattern[str] | None:
    """A vault value as it may appear again: any case, any separators between its characters."""
    folded = fold(value).text
    if entity_type in ("NAME", "ADDRESS", "POSTCODE_CITY", "EMAIL"):
        parts = folded.split()
        if not parts or len(folded) < 3:
            return None
        body = r"\s+".join(re.escape(p) for p in parts)
        return compile_customer(rf"(?i)(?<!\w){body}(?!\w)")
    chars = [c for c in folded if c.isalnum()]
    if len(chars) < 4:
        return None
    body = r"[\W_]{0,3}".join(re.escape(c) for c in chars)
    return compile_customer(rf"(?i)(?<![^\W_]){body}(?![^\W_])")


_NOT_ALNUM = re.compile(r"[\W_]+")


@customer_memo
@lru_cache(maxsize=1024)  # the text is squeezed by `repeats` and `vault_spans` alike
def _squeeze(text: str) -> str:
    return _NOT_ALNUM.sub("", fold(text).text).casefold()


def repeats(text: str, spans: list[Span]) -> list[Span]:
    """Other occurrences in `text` of the structured values found in it."""
    out: list[Span] = []
    squeezed = _squeeze(text)
    for span in spans:
        if span.type == "NAME" or span.why.startswith("vault"):
            continue
        value = text[span.start : span.end]
        if squeezed.count(_squeeze(value)) < 2:
            continue  # quick test: the value does not appear a second time
        pattern = value_pattern(span.type, value)
        if pattern is None:
            continue
        out += [
            Span(m.start(), m.end(), span.type, f"repeat of a value found by {span.why}")
            for m in pattern.finditer(text)
            if (m.start(), m.end()) != (span.start, span.end)
            # a town found alone ("Grüße aus Husum") is not repeated into an institution's
            # name ("Amtsgericht Husum"), as town_repeats does for the town of an address
            and not (span.type == "POSTCODE_CITY" and _institutions_town(text, m.start()))
        ]
    return out


_POSTCODE_PART = re.compile(r"^(?:[A-Z]{1,2}-)?\d{4,5}[ ]+(?=[A-ZÄÖÜ])")
# a town after these words names an institution, not where the writer lives ("Amtsgericht Plön")
_INSTITUTION_BEFORE = re.compile(
    r"(?i)(?:gericht|kreis|stadt|gemeinde|amt|jobcenter|sparkasse|universität|hochschule|bezirk|"
    r"stadtwerke|klinikum|university|council|county|bank)s?[ ]+\Z"
)


# an office that serves the people living in its town: its town is the writer's ("die
# Urkunde vom Standesamt Plön" when the address is in Plön)
_RESIDENCE_OFFICE = re.compile(
    r"(?i)(?:standes|bürger|melde|einwohnermelde|sozial|wohngeld)(?:amt|amts|büro|stelle|behörde)"
    r"(?:[ ](?:der[ ]stadt|in|von))?[ ]+\Z"
)


def _institutions_town(text: str, start: int) -> bool:
    """The town at `start` names the institution before it, not where anybody lives (an
    office that serves the residents of its town excepted)."""
    before = max(0, start - 30)
    return _INSTITUTION_BEFORE.search(text, before, start) is not None and not (
        _RESIDENCE_OFFICE.search(text, before, start)
    )


def institution_town(text: str, span: Span) -> bool:
    """A single word of the town list right after an institution's word ("Standesamt Heide",
    "Amtsgericht Stein"): the institution's town, even when the word is also part of a name
    found in the mail ("Renate Sommer-Heide")."""
    word = text[span.start : span.end]
    return (
        " " not in word
        and word.casefold() in towns()
        and _INSTITUTION_BEFORE.search(text, max(0, span.start - 30), span.start) is not None
    )


@customer_memo
@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    return compile_customer(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def town_repeats(text: str, spans: list[Span], blocked: Callable[[str], bool]) -> list[Span]:
    """The town of a hidden "postcode + town" wherever it stands alone in `text` ("1100 Wien"
    … "Grüße aus Wien"): with the address known, the town alone tells where the writer lives.
    Not a town the company's own data or the knowledge base names (`blocked`), and not after
    an institution's word ("Amtsgericht Plön")."""
    out: list[Span] = []
    towns: set[str] = set()
    for span in spans:
        if span.type != "POSTCODE_CITY":
            continue
        value = text[span.start : span.end]
        code = _POSTCODE_PART.match(value)
        town = value[code.end() :].strip() if code else ""
        if len(town) >= 3 and town[0].isupper() and text.count(town) > 1:  # quick test first
            towns.add(town)
        elif not code and any(c.isdigit() for c in value):  # "Galway H91 X2Y4", "Kiel 24114"
            towns.update(
                w for w in _TOWN_WORD.findall(value) if w not in _NOT_TOWN and text.count(w) > 1
            )
    if not towns:
        return out
    taken = [(s.start, s.end) for s in spans]
    for town in towns:
        if blocked(town):
            continue
        for m in _word_pattern(town).finditer(text):
            if any(a <= m.start() < b for a, b in taken) or _institutions_town(text, m.start()):
                continue
            out.append(Span(m.start(), m.end(), "POSTCODE_CITY", "town of an address found here"))
    return out


def name_repeats(text: str, spans: list[Span]) -> list[Span]:
    """Other places of the names found in `text`: a name recognised at one place only by its
    position (the display name in a quoted header, a signature line) is hidden everywhere."""
    names = {text[s.start : s.end] for s in spans if s.type == "NAME"}
    taken = {(s.start, s.end) for s in spans}
    return [
        span._replace(why="repeat of a name found at another place")
        for span in nm.find_names(text, nm.build_matcher(names))
        if (span.start, span.end) not in taken
    ]


def vault_spans(text: str, vault: Vault) -> list[Span]:
    """Every value of the thread's vault, wherever it appears again (cue or no cue)."""
    spans: list[Span] = []
    squeezed = _squeeze(text)
    for entity in vault.entities:
        if entity.type == "NAME":
            continue  # names: the name matcher knows every part and the capitals form
        if _squeeze(entity.value) not in squeezed:
            continue  # quick test before the separator-tolerant regex
        pattern = value_pattern(entity.type, entity.value)
        if pattern is None:
            continue
        spans += [
            Span(m.start(), m.end(), entity.type, f"vault ({entity.placeholder})")
            for m in pattern.finditer(text)
        ]
    return spans


_TOWN_WORD = re.compile(r"[A-ZÄÖÜÀ-ÞŁŚŻŹĆŃ][^\W\d_]{2,}(?:-[A-ZÄÖÜ][^\W\d_]+)*")
_NOT_TOWN = frozenset(("Co", "County", "Cedex", "Dublin"))


def _vault_town_names(vault: Vault) -> set[str]:
    """The towns of the thread's hidden "postcode + town" values: the capitalised words of
    "24229 Strande", "Edinburgh EH9 1HN", "Knocknacarra, Galway H91 E2T6" that are not a
    postcode, a county word or a Dublin district."""
    names: set[str] = set()
    for entity in vault.entities:
        if entity.type == "POSTCODE_CITY" and any(c.isdigit() for c in entity.value):
            names.update(w for w in _TOWN_WORD.findall(entity.value) if w not in _NOT_TOWN)
    return names


def vault_towns(text: str, vault: Vault, blocked: Callable[[str], bool]) -> list[Span]:
    """The town of a "postcode + town" hidden anywhere in the thread, where it stands alone
    in `text` (the subject "Strom Ferienwohnung Strande" when the body holds "24229 Strande"):
    `town_repeats` for the whole thread. Not a town of the company's data or the knowledge
    base (`blocked`), not after an institution's word ("Amtsgericht Plön")."""
    out: list[Span] = []
    for town in _vault_town_names(vault):
        if town not in text or blocked(town):  # quick test first
            continue
        for m in _word_pattern(town).finditer(text):
            if _institutions_town(text, m.start()):
                continue
            why = "town of an address in the thread"
            out.append(Span(m.start(), m.end(), "POSTCODE_CITY", why))
    return out


# the street of a hidden "street + number": its words before the number ("Sophienblatt 61a")
_STREET_OF = re.compile(r"^(?P<street>[A-ZÄÖÜ][^\W\d_]{4,}(?:[ -][A-ZÄÖÜ][^\W\d_]+){0,2})[ ]?\d")


def vault_streets(
    text: str, vault: Vault, blocked: Callable[[str], bool], zipf: Callable[[str], float]
) -> list[Span]:
    """The street of a "street + number" hidden anywhere in the thread, where it stands alone
    in `text` (the subject "new apartment Sophienblatt" when the body holds "Sophienblatt
    61a"). Not a street of the company's data or the knowledge base (`blocked`), not an
    everyday word ("Wall", "Markt": zipf >= 3.5)."""
    out: list[Span] = []
    for entity in vault.entities:
        m = _STREET_OF.match(entity.value) if entity.type == "ADDRESS" else None
        street = m.group("street") if m else ""
        if not street or street not in text or blocked(street) or zipf(street) >= 3.5:
            continue
        for found in _word_pattern(street).finditer(text):
            why = "street of an address in the thread"
            out.append(Span(found.start(), found.end(), "ADDRESS", why))
    return out
