"""The line prefilter (drafter.privacy.prefilter) never changes what a pattern finds.

`scan(regex, text)` skips the lines that hold none of the pattern's literal pieces; it must
yield exactly the matches of `regex.finditer(text)`, for every pattern of the privacy
package, also where case-blind letters, digit runs, line ends and look-arounds meet.
"""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from drafter.privacy import (
    abroad,
    credentials,
    freenames,
    freewords,
    id_numbers,
    identifiers,
    keeps,
    later_values,
    names,
    phone_shapes,
    places,
    prefilter,
    recognizers,
    second_look,
    spoken,
    told_addresses,
    towns,
)
from drafter.privacy.prefilter import factors, guarded, scan, single_line
from drafter.privacy.spans import digit_lines

MODULES: tuple[ModuleType, ...] = (
    credentials, freenames, freewords, id_numbers, identifiers, names, places, recognizers,
    second_look, spoken, towns, abroad, told_addresses, keeps, phone_shapes, later_values,
)  # fmt: skip
PATTERNS = [
    (f"{m.__name__.rsplit('.', 1)[1]}.{name}", value)
    for m in MODULES
    for name, value in vars(m).items()
    if isinstance(value, re.Pattern)
]

TEXTS = [
    "Sehr geehrte Frau Öztürk,\nmeine Kundennummer ist KD-4821735, Vertrags-Nr. 30219844.\n"
    "Zähler-Nr: 1NLT0012345678 · Zählerstand für März: 4711,5 kWh\n",
    "KUNDENNUMMER 12 345 678\nkdnr 99887766\nBG-Nummer 23105//0077321 und BG-Nr. 4412\n",
    "Wir wohnen jetzt in der Hauptstraße 12a, 24103 Kiel (2. OG links).\nbahnhofstr.12\n"
    "Am Hang 3\nkleiner kuhberg 7\n221B Baker Street, London NW1 6XE\nDublin 2, D02 X285\n",
    "Passwort: Fjord!Wind93\nmy PIN is 4711 2345\nthe password I set was tern2026\n"
    "Lisboa%2020ria as my password\nder neue ist Ostsee!2019, is now Kiel#2026\n",
    "IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX\nKarte 4111 1111 1111 1111\n"
    "Steuer-ID 12 345 678 901, USt-ID DE123456789, VAT ID ATU12345678\n",
    "Fahrzeug: HH-AB 1234, VIN WVWZZZ1JZXW000001\nIP 84.132.10.5 und 2001:db8::1\n"
    "https://portal.example.com/reset?token=ab12cd34ef56\nPersonalausweis L01X00T47\n",
    "Mit freundlichen Grüßen\nKlaus Meier\n--\nTel. 0431 / 123 45-67, mobil +49 171 2345678\n",
    "Famılıe Yılmaz, c/o İpek Şahin, Gez. Dr. Ağaoğlu\nDEAR MR SMITH,\nHALLO FRAU MEIER\n",
    "KdSx\nkdsx\nKDSX\nacht sieben null vier drei eins\nnull vier drei eins sieben acht zwo\n",
    "Rentenversicherungsnummer 12 150385 M 013\nKVNR A123456780\nAHV 756.1234.5678.97\n",
    "Bestellnummer 2024-000123, Ticket #A-44121, Az. 3 XVII 412/25\nOrder 55512 placed\n",
    "no digits here at all\n\n\n   \n",
    "",
]


@pytest.mark.parametrize(("name", "regex"), PATTERNS, ids=[n for n, _ in PATTERNS])
@pytest.mark.parametrize("short", [0, prefilter.SHORT])  # 0: the line filter on every text
def test_scan_finds_what_finditer_finds(
    name: str, regex: re.Pattern[str], short: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prefilter, "SHORT", short)
    for text in TEXTS:
        whole = [m.span() for m in regex.finditer(text)]
        assert [m.span() for m in scan(regex, text)] == whole, (name, text)
        if single_line(regex):
            lines = digit_lines(text)
            by_line = [m.span() for a, b in lines for m in regex.finditer(text, a, b)]
            assert [m.span() for m in scan(regex, text, lines)] == by_line, (name, text)


@pytest.mark.parametrize(("name", "regex"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_the_guarded_pattern_finds_what_the_pattern_finds(
    name: str, regex: re.Pattern[str]
) -> None:
    """`guarded` puts a quick first-character test in front; matches and groups stay."""
    quick = guarded(regex)
    assert quick.groupindex == regex.groupindex and quick.groups == regex.groups
    for text in TEXTS:
        want = [(m.span(), m.groups()) for m in regex.finditer(text)]
        assert [(m.span(), m.groups()) for m in quick.finditer(text)] == want, (name, text)
        for start in range(0, len(text), 7):  # windows, as the cue look-backs use them
            window = (max(0, start - 30), start)
            plain = regex.search(text, *window)
            fast = quick.search(text, *window)
            assert (plain and plain.span()) == (fast and fast.span()), (name, text, window)


def test_a_word_boundary_in_front_only_when_every_alternative_has_one() -> None:
    assert guarded(re.compile(r"(?i)\bmein[ ]mann|\bc/o[ ]")).pattern.startswith(r"\b(?=")
    assert not guarded(re.compile(r"\bmein[ ]mann|c/o[ ]")).pattern.startswith(r"\b")
    text = "xc/o Meier, mein mann"
    for regex in (re.compile(r"\bmein[ ]mann|c/o[ ]"), re.compile(r"(?i)\bmein[ ]mann|\bc/o")):
        assert [m.span() for m in guarded(regex).finditer(text)] == [
            m.span() for m in regex.finditer(text)
        ]


def test_a_run_with_one_case_blind_letter_is_tested_in_lowercase() -> None:
    """ "Kd[Ss]x": the piece is "kdsx", looked for in the lowercased text, so "KdSx" is found."""
    regex = re.compile(r"Kd[Ss]x")
    assert factors(regex) == (("kdsx", "lower"),)
    assert [m.group() for m in scan(regex, "a\nKdSx\nb")] == ["KdSx"]


def test_pieces_are_literal_text_or_digit_runs() -> None:
    assert factors(re.compile(r"(?<!\d)\d{5}[ ]\w+")) == (("00000", "digits"),)
    # the parser moves the shared "n" out of the group: the piece is "kundenn"
    assert factors(re.compile(r"(?i)kunden(?:nummer|nr)")) == (("kundenn", "lower"),)
    assert factors(re.compile(r"Am|Im|\w+weg")) == (
        ("Am", "exact"),
        ("Im", "exact"),
        ("weg", "exact"),
    )
    assert factors(re.compile(r"[A-Z]\w+|\d")) is None  # one way through holds no piece


def test_only_patterns_that_never_cross_a_line_are_scanned_by_line() -> None:
    assert single_line(re.compile(r"(?<![\w-])[A-Z][a-z]+[ ]\d+(?!\w)"))
    assert not single_line(re.compile(r"[A-Z]\s\d"))  # \s holds a line break
    assert not single_line(re.compile(r"\d{5}$"))  # "$": end of the text, not of a line
    assert not single_line(re.compile(r"\d(?=\n)"))  # a look-ahead that reads the break
    assert single_line(re.compile(r"(?<=\n)\d"))  # a look-behind sees the whole text anyway


def test_ascii_upper_changes_a_to_z_only() -> None:
    """find_ibans reads the text with a-z in capitals, every other character unchanged."""
    from drafter.privacy.recognizers import _ASCII_UPPER, _ascii_upper

    for text in [*TEXTS, "straße ß ä ǆ ﬁ ı š Ł \ud800 de89 3704", "abc\udcff"]:
        assert _ascii_upper(text) == text.translate(_ASCII_UPPER)


def test_a_pattern_function_is_remembered_per_pattern_object() -> None:
    from drafter.privacy.quicktest import per_pattern

    seen: list[re.Pattern[str]] = []

    @per_pattern
    def width(regex: re.Pattern[str]) -> int:
        seen.append(regex)
        return len(regex.pattern)

    short, long = re.compile("ab"), re.compile("abc")
    assert [width(short), width(long), width(short), width(long)] == [2, 3, 2, 3]
    assert seen == [short, long]  # asked once per pattern
    assert guarded(short) is guarded(short)  # the same guarded pattern every time
