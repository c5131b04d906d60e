"""Second looks at what the recognizers found: what is not a person's data after all.

- Organisations: words inside "<up to four capitalised words> <legal form>" ("FjordByte
  Analytics GmbH") that the cue-free name finder took for names (`without_organisations`,
  `only_in` + `ORG`).
- Timestamps: "05.11.2026 07" of "05.11.2026 07:12" is a date and an hour, not a phone or
  customer number (`timestamp`).
- Capitals: `title_capitals` writes words in capitals as names ("KNORRSTR.5 KIEL" ->
  "Knorrstr.5 Kiel", same length) so that address recognizers can read them.
- Surnames after a name: a capitalised surname (surname list) or rare word right after a
  name found by any rule ("[Stefan] Weiss") is part of it (`surnames_after`).
- Vault matches inside a longer span of their type ("Wien" in "1100 Wien") or inside a link
  hidden whole yield to it (`inside_longer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from drafter.privacy.memos import customer_memo
from drafter.privacy.normalize import fold
from drafter.privacy.prefilter import guarded
from drafter.privacy.spans import Span

# an organisation: up to four capitalised words (or "&") ending in a legal form. Words the
# cue-free name finder took for names inside it are the organisation's, not a person's
# ("FjordByte Analytics GmbH", "Bäckerei Krüger & Söhne KG"); cue and known names stay hidden.
_LEGAL_FORM = re.compile(
    r"GmbH|mbH|\bAG\b|\bKG|OHG|GbR|\bUG\b|\bSE\b|\beG\b|e\.[ ]?V\.|Ltd|Limited|Inc\b|Inc\.|LLC|"
    r"LLP|\bplc\b|PLC|Corp|S\.A\.|SARL|S\.r\.l\.|B\.V\.|N\.V\.|A/S|ApS|\bAB\b|\bOy\b|\bAS\b|"
    r"Sp\.[ ]z|genossenschaft\b|Services\b|Consultancy\b|Consulting\b|Immobilien\b"
)
ORG = re.compile(
    r"(?:(?<=\s)|^)(?:[A-ZÄÖÜ0-9][\w'’.-]*[ ](?:&[ ]|und[ ]|and[ ]|von[ ]|vom[ ]|zu[ ])?){1,4}"
    r"(?:GmbH(?:[ ]&[ ]Co\.?[ ]KG)?|gGmbH|mbH|AG|KG|KGaA|OHG|GbR|UG|SE|eG|e\.[ ]?V\.|"
    r"Ltd\.?|Limited|Inc\.?|LLC|LLP|plc|PLC|Corp\.?|S\.A\.|SARL|S\.r\.l\.|B\.V\.|N\.V\.|"
    r"A/S|ApS|AB|Oy|AS|Sp\.[ ]z[ ]o\.o\.|"
    # an organisation's kind written like a legal form: "… Baugenossenschaft", "… Services"
    r"[A-ZÄÖÜ][a-zäöü]*genossenschaft|Services|Consultancy|Consulting|Immobilien)(?![\w])"
)


def only_in(name: str, text: str, ranges: list[tuple[int, int]]) -> bool:
    """Every occurrence of `name` in `text` lies inside one of `ranges`."""
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    return bool(hits) and all(any(a <= s and e <= b for a, b in ranges) for s, e in hits)


_YEAR_HOUR = re.compile(r"(?:19|20)\d\d,?[ ]+\d{1,2}$")
_MINUTES = re.compile(r":[0-5]\d(?!\d)")


_CAPITAL_WORD = re.compile(r"\b[A-ZÄÖÜ]{2}[A-ZÄÖÜ.]+\b")


def title_capitals(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of `text` with words in capitals, those words written as
    names ("KNORRSTR.5 KIEL" -> "Knorrstr.5 Kiel", same length: spans found in the line,
    shifted by the offset, are spans of `text`)."""

    def title(m: re.Match[str]) -> str:
        word = m.group()
        out = word[0] + word[1:].lower()
        return out if len(out) == len(word) else word

    out: list[tuple[int, str]] = []
    line_end = -1
    for m in _CAPITAL_WORD.finditer(text):  # no match crosses a line: one pass finds the lines
        if m.start() < line_end:
            continue  # a second word in capitals on the same line
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        out.append((line_start, _CAPITAL_WORD.sub(title, text[line_start:line_end])))
    return out


def timestamp(text: str, span: Span) -> bool:
    """A date and hour taken for a phone or long number: "05.11.2026 07" of "... 07:12"."""
    if span.type not in ("PHONE", "NUMBER", "CUSTOMER_NO"):
        return False
    value = text[span.start : span.end]
    return bool(_YEAR_HOUR.search(value) and _MINUTES.match(text, span.end))


def inside_longer(spans: list[Span]) -> list[Span]:
    """Vault matches that lie inside a longer span of their type yield to it: "1100 Wien" is
    one value, not "1100" and a vault "Wien"."""
    vault = [s for s in spans if s.why.startswith("vault")]
    if not vault:
        return spans
    others = [s for s in spans if not s.why.startswith("vault")]
    return others + [
        v
        for v in vault
        if not any(
            o.type in (v.type, "URL_SECRET")  # a link hidden whole hides the value in it
            and o.start <= v.start
            and v.end <= o.end
            and o.end - o.start > v.end - v.start
            for o in others
        )
    ]


# literal pieces of every legal form: a substring test is far cheaper than _LEGAL_FORM's scan
_LEGAL_PIECES = (
    "mbH", "AG", "KG", "OHG", "GbR", "UG", "SE", "eG", "e.V", "e. V", "Ltd", "Limited", "Inc",
    "LLC", "LLP", "plc", "PLC", "Corp", "S.A.", "SARL", "S.r.l.", "B.V.", "N.V.", "A/S", "ApS",
    "AB", "Oy", "AS", "Sp. z", "genossenschaft", "Services", "Consult", "Immobilien",
)  # fmt: skip


def organisations(text: str) -> list[tuple[int, int]]:
    """(start, end) of every organisation's name in `text` (quick test for a legal form first)."""
    return list(_organisations(text))


@customer_memo  # a mail's text: emptied when a redaction ends
@lru_cache(maxsize=128)
def _organisations(text: str) -> tuple[tuple[int, int], ...]:
    if not any(piece in text for piece in _LEGAL_PIECES) or not guarded(_LEGAL_FORM).search(text):
        return ()
    return tuple((m.start(), m.end()) for m in guarded(ORG).finditer(text))


def organisation_words(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words of every organisation's name in `texts` (folded first, as the
    pseudonymizer sees them; a quick test for a legal form before the folding)."""
    out: set[str] = set()
    for raw in texts:
        if not any(piece in raw for piece in _LEGAL_PIECES):
            continue
        text = fold(raw).text
        for a, b in organisations(text):
            out.update(w for w in re.findall(r"[^\W\d_]+", text[a:b]) if w[:1].isupper())
    return frozenset(out)


def without_organisations(text: str, spans: list[Span]) -> list[Span]:
    """`spans` less those lying inside an organisation's name."""
    if not spans:
        return spans
    orgs = organisations(text)
    if not orgs:
        return spans
    return [s for s in spans if not any(a <= s.start and s.end <= b for a, b in orgs)]


# one space, or a hyphen: the second part of a double surname ("[Urs Brändli]-Zürcher")
# one word, or a double surname after a first name ("Jens-Uwe Kuhlmann-Sievers")
_NEXT_WORD = re.compile(r"[ /-](?P<word>[A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)?)(?![\w-])")
# another surname joined to a name by "und"/"and"/"&" or a slash, the end of the list
# following ("(Kramer und Schmied)", "Noble & Gillespie,", "bei [Brandt]/kranz klingeln")
_JOINED_WORD = re.compile(
    r"(?P<joint>[ ](?:und|and|&)[ ]|/)(?P<word>[^\W\d_]+)(?=[ ]*(?:[),.;:\n]|$)|[ ][a-zäöü])"
)
# "Müller/[Popescu]": the other name on a doorbell or a letterbox, written before a slash
_SLASHED_BEFORE = re.compile(r"(?<![\w/-])(?P<word>[A-ZÄÖÜ][^\W\d_]+)/$")


def _joined_surname(
    text: str,
    span: Span,
    m: re.Match[str],
    surname: Callable[[str], bool],
    blocked: Callable[[str], bool],
    partner: Callable[[str], bool] | None = None,
) -> bool:
    """Is the word `m` joined to the name `span` a listed surname? After "und"/"and"/"&" both
    are capitalised; after a slash either may be lowercase. After "&" a `partner` word counts
    too: "Kanzlei [Ebbighausen] & Voß", a firm named by its partners."""
    word = m.group("word")
    capital = word[:1].isupper() and text[span.start : span.start + 1].isupper()
    if not (capital or m.group("joint") == "/") or len(word) < 3:
        return False
    listed = surname(word.title())
    if not listed and partner is not None and capital and m.group("joint") == " & ":
        listed = partner(word)
    return listed and not blocked(word.title())


def surnames_after(
    text: str,
    spans: list[Span],
    surname: Callable[[str], bool],
    blocked: Callable[[str], bool],
    partner: Callable[[str], bool] | None = None,
) -> list[Span]:
    """NAME spans for a surname written right after a capitalised name span (one space
    between, a hyphen or a slash): "Stefan Weiss" where only "Stefan" was known, "[NAME]
    Zimmermann", "[Brändli]-Zürcher", a doorbell's "[Popescu]/Lindner"; and before a slash
    ("Lindner/[Popescu]")."""
    out = []
    for span in spans:
        if span.type != "NAME":
            continue
        joined = _JOINED_WORD.match(text, span.end)  # "([Kramer] und Schmied)", "[sturm]/kranz"
        if joined is not None and _joined_surname(text, span, joined, surname, blocked, partner):
            start, end = joined.span("word")
            out.append(Span(start, end, "NAME", "surname joined to a name"))
        if not text[span.start : span.start + 1].isupper():
            continue
        # a firm's owner is followed by the trade, no surname ("[Rasmussen] Kaffeetechnik")
        owner = span.why.startswith("owner's name")
        m = None if owner else _NEXT_WORD.match(text, span.end)
        if m and surname(m.group("word")) and not blocked(m.group("word")):
            out.append(Span(m.start("word"), m.end("word"), "NAME", "surname after a name"))
        m = _SLASHED_BEFORE.search(text, max(0, span.start - 30), span.start)
        if m and surname(m.group("word")) and not blocked(m.group("word")):
            out.append(Span(m.start("word"), m.end("word"), "NAME", "surname before a slash"))
    return out


_PARTICLES = "van|von|de|da|di|du|del|della|dos|ter|ten|zu|le|la|al|el|bin|ibn"
_ARTICLES = "der|den|de|la|le|los|las"
_SURNAME = r"(?P<word>[A-ZÄÖÜ][^\W\d_]+)(?:-[A-ZÄÖÜ][^\W\d_]+)?(?![\w-])"
# a surname with its particles after a name: "Jaap van der Hoek", "Ana de la Cruz", "Lars von
# Bülow"; and after a name that already ends in its particle ("[Jaap van] der Hoek"). The
# surname must be in the list: "Frau Ehlers von den Stadtwerken" is a preposition
_PARTICLE_NEXT = re.compile(rf"[ ](?:{_PARTICLES})(?:[ ](?:{_ARTICLES}))?[ ]{_SURNAME}")
_AFTER_PARTICLE = re.compile(rf"(?:[ ](?:{_ARTICLES}))?[ ]{_SURNAME}")
_ENDS_IN_PARTICLE = re.compile(rf"[ ](?:{_PARTICLES})$")


def particle_surnames(
    text: str, spans: list[Span], listed: Callable[[str], bool], blocked: Callable[[str], bool]
) -> list[Span]:
    """The particles and the listed surname after each capitalised NAME span, as one NAME
    span each ("[Jaap] van der Hoek")."""
    out = []
    for span in spans:
        if span.type != "NAME" or not text[span.start : span.start + 1].isupper():
            continue
        ends = _ENDS_IN_PARTICLE.search(text, span.start, span.end) is not None
        m = (_AFTER_PARTICLE if ends else _PARTICLE_NEXT).match(text, span.end)
        if m is None or not listed(m.group("word")) or blocked(m.group("word")):
            continue
        out.append(Span(span.end + 1, m.end(), "NAME", "surname with its particle after a name"))
    return out


_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>[A-ZÄÖÜ][^\W\d_]+)[ ]$")


def first_names_before(
    text: str, spans: list[Span], first: Callable[[str], bool], blocked: Callable[[str], bool]
) -> list[Span]:
    """NAME spans for a first name or nickname written right before a capitalised name span
    ("Vroni [Feuerstein]" where only the surname was known)."""
    out = []
    for span in spans:
        if span.type != "NAME" or not text[span.start : span.start + 1].isupper():
            continue
        m = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
        if m and _TRADE.fullmatch(m.group("word")):
            continue  # the firm's trade before its owner's name ("Steuerberatung Wendtland")
        if m and first(m.group("word")) and not blocked(m.group("word")):
            out.append(Span(m.start("word"), m.end("word"), "NAME", "first name before a name"))
    return out


_POSTCODE_NEXT = re.compile(  # in brackets too: "wrangelstr 14 (24105)"
    r"[ ]?,?[ ]?(?:(?P<code>\d{4,5})(?![\w.,]?\d)(?![ ]?(?:kWh|€|EUR|Euro|m³|%))"
    r"|\((?P<bracketed>\d{5})\))"
)


def postcodes_after_streets(text: str, spans: list[Span]) -> list[Span]:
    """A postcode written right after a street without its town ("schwedendamm 3 24143")."""
    taken = {s.start for s in spans}
    out = []
    for span in spans:
        if span.type != "ADDRESS":
            continue
        m = _POSTCODE_NEXT.match(text, span.end)
        group = "code" if m and m["code"] else "bracketed"
        if m and m.start(group) not in taken and not re.fullmatch(r"(?:19|20)\d\d", m[group]):
            out.append(
                Span(m.start(group), m.end(group), "POSTCODE_CITY", "postcode after a street")
            )
    return out


# a firm named after its owner: "Steuerberatung Wendtland & Partner", "Pflegedienst Oltmanns",
# "Malerbetrieb Jansen": the surname is a person's even inside the firm's name
_TRADE_WORDS = (
    "Steuerberatung", "Steuerbüro", "Kanzlei", "Anwaltskanzlei", "Rechtsanwälte", "Pflegedienst",
    "Pflege", "Praxis", "Arztpraxis", "Zahnarztpraxis", "Physiotherapie", "Malerbetrieb",
    "Malermeister", "Tischlerei", "Schreinerei", "Bäckerei", "Fleischerei", "Metzgerei",
    "Friseur", "Elektro", "Elektrotechnik", "Sanitär", "Heizungsbau", "Haustechnik",
    "Dachdeckerei", "Fahrschule", "Bestattungen", "Autohaus", "Gärtnerei", "Hausverwaltung",
    "Zahnarzt", "Tierarzt", "Architekturbüro", "Ingenieurbüro", "Heizung", "Heizungstechnik",
    "Kälte", "Kältetechnik", "Klimatechnik", "Installateur", "Bedachungen", "Glaserei",
    "Schlüsseldienst", "Umzüge", "Hausmeisterservice", "Gebäudereinigung", "Immobilien",
)  # fmt: skip
_TRADE = re.compile("|".join(sorted(_TRADE_WORDS, key=len, reverse=True)))
# the last word of a trade's compound name, searched as it stands in the text
_TRADE_ENDS = ("technik", "bau", "service", "reinigung", "montage", "handel")
_NAME = r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜ][a-zäöüß]{2,})?"
# a firm's legal form ("Heizungsbau Jessen GmbH", "Tischlerei Wiebe GbR")
_FIRM_FORM = r"(?:GmbH|KG|OHG|GbR|UG|AG|e\.[ ]?K\.)(?![\w-])"
# a firm named after its owner: "Pflegedienst Oltmanns", "Malerbetrieb Jansen" (the trade word,
# then one capitalised word that no other capitalised word but a legal form follows) ...
TRADE_NAME_RE = re.compile(
    rf"(?:{_TRADE.pattern})[ ](?P<name>{_NAME})(?![\w-]|[ ](?!{_FIRM_FORM})[A-ZÄÖÜ])"
    rf"(?P<legal>[ ]{_FIRM_FORM})?"
)
# ... or "Steuerberatung Wendtland & Partner", "Bäckerei Krüger & Söhne"
OWNER_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME})[ ]?(?:&|und)[ ](?:Partner|Partnerin|Partners|Söhne|Sohn|Sons|"
    r"Kollegen)(?![\w-])"
)
_PARTNERS = ("Partner", "Söhne", "Sohn", "Sons", "Kollegen")
# ... or the owner's name before the trade word ("von Vosteen Immobilien", "is Ahrens
# Elektrotechnik"), when no other capitalised word comes before it ("Förde Wohnen
# Hausverwaltung" is a brand)
NAME_TRADE_RE = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME})[ ](?:{_TRADE.pattern}"
    # or a compound of a trade's last word: "Rasmussen Kaffeetechnik", "Jessen Dachbau"
    rf"|[A-ZÄÖÜ][a-zäöüß]{{2,}}(?:{'|'.join(_TRADE_ENDS)}))(?![\w-])"
)
_PREVIOUS_WORD = re.compile(r"(\S+)[ ]+$")
_FIRM_CUE = ("Firma", "Fa.", "Betrieb")


def _brand_word_before(text: str, start: int) -> bool:
    """A capitalised word (no firm cue) right before `start`: part of a brand's name."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    word = before.group(1) if before else ""
    return word[:1].isupper() and word not in _FIRM_CUE


def firm_owners(text: str, rare: Callable[[str], bool]) -> Iterator[Span]:
    """NAME spans of the owner's name in a firm's name (`rare`: not an everyday word).
    Substring searches first: the patterns run only where a trade or partner word stands."""
    starts: set[int] = set()
    for word in _TRADE_WORDS:
        i = text.find(word)
        while i >= 0:
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-"):
                starts.add(i)
            i = text.find(word, i + 1)
    found = [m for i in sorted(starts) if (m := TRADE_NAME_RE.match(text, i))]
    for end in _TRADE_ENDS:  # "Rasmussen Kaffeetechnik": the compound's start, one word back
        i = text.find(end)
        while i >= 0:
            j = text.rfind(" ", max(0, i - 30), i) + 1
            if j and text[j : j + 1].isupper():
                starts.add(j)
            i = text.find(end, i + 1)
    for i in sorted(starts):
        found += (
            m
            for m in NAME_TRADE_RE.finditer(text, max(0, i - 40), i + 40)
            if m.end("name") + 1 == i and not _brand_word_before(text, m.start())
        )
    for word in _PARTNERS:
        i = text.find(word)
        while i >= 0:
            found += OWNER_RE.finditer(text, max(0, i - 40), i + len(word))
            i = text.find(word, i + 1)
    seen: set[int] = set()
    for m in found:
        if m.start("name") not in seen and rare(m.group("name")):
            seen.add(m.start("name"))
            why = "owner's name before a trade word" if m.re is NAME_TRADE_RE else "owner's name"
            if m.re is NAME_TRADE_RE and text[m.end("name") + 1 : m.end()] not in _TRADE_WORDS:
                why = "owner's name before a trade's compound"
            if m.re is TRADE_NAME_RE and m.group("legal"):
                why = "owner's name before a legal form"
            yield Span(m.start("name"), m.end("name"), "NAME", why + " in a firm's name")


# "the Gundlachs", "die Lindemanns", "bei Jansens": a family by its surname in the plural
_FAMILY_PLURAL = re.compile(
    r"(?<![\w-])(?:the|The|die|Die|bei|Bei)[ ](?P<name>[A-ZÄÖÜ][a-zäöüß]{2,}s)\b"
    r"(?![ -][A-ZÄÖÜ])"  # not "the Muthesius Kunsthochschule": then it is part of a name
)


def family_plurals(text: str, family: Callable[[str], bool]) -> Iterator[Span]:
    """NAME spans of a surname in the plural after "the"/"die"/"bei" ("the Gundlachs") when
    `family` says the word without its "s" may be a surname and the plural is no everyday
    word ("the Alps", "the Netherlands" are)."""
    for m in _FAMILY_PLURAL.finditer(text):
        if family(m.group("name")):
            yield Span(m.start("name"), m.end("name"), "NAME", "family by its plural surname")
