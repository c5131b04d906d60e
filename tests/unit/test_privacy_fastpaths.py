"""The faster paths of speed round 8 find exactly what the plain way finds.

Each fast path is compared with the straightforward version it replaced (written out here),
on texts made to hit its edge cases: runs of spaces, case variants of a piece, pieces on a
line's edge, names starting with a space or a special letter, number words glued by "-".
"""

from __future__ import annotations

import re

import pytest

from drafter.privacy import freenames, names, prefilter, spoken
from drafter.privacy.freewords import _ARTICLE_BEFORE, WORD_RE

ARTICLE_TEXTS = [
    "Wir wohnen bei unseren    Nachbarn Hasseldieksdammer",
    "unseren Weg",
    "x-unseren Weg",
    "DIESEN Brodersen und\u00a0Petersen",
    "ſeinen Sohn, keinen Hansen, jede  Meier",
    "den\nHansen",
    " den Hansen" + " " * 30 + "Meier",
    "ein",
]


@pytest.mark.parametrize("text", ARTICLE_TEXTS)
def test_article_before_reads_only_the_reach_of_an_article(text: str) -> None:
    for m in WORD_RE.finditer(text):
        expected = _ARTICLE_BEFORE.search(text, 0, m.start()) is not None
        assert freenames._article_before(text, m.start()) == expected, (text, m.group())


def test_article_reach_is_read_from_the_pattern() -> None:
    assert freenames._ARTICLE_WIDTH == 7  # "unseren", "diesen" + one letter
    with pytest.raises(ValueError):
        freenames._reach_before_spaces(re.compile(r"(?:der|die)[ ]+"))


def _number_words_plainly(text: str) -> list[tuple[int, int]]:
    out = []
    for run in re.finditer(r"\w+", text):
        m = spoken._ANY.fullmatch(text, run.start(), run.end())
        if m is not None:
            out.append(m.span())
    return out


@pytest.mark.parametrize(
    "text",
    [
        "null vier drei eins, sieben acht zwei",
        "eins-zwei-drei ein_ein zwei Eins2 drei",
        "Oh seven seven double oh nine, ONE two",
        "einundzwanzig neunundneunzig dreiundvierzig ſechs K D",
        "meine Kundennummer ist vier vier eins null drei",
        "",
    ],
)
def test_number_words_are_the_runs_the_pattern_takes_whole(text: str) -> None:
    assert [m.span() for m in spoken._number_words(text)] == _number_words_plainly(text)


def test_name_matcher_with_its_quick_test_matches_like_without() -> None:
    found = ["Ayşe Demir-Kaya", "Øyvind", "Murat", "Émile Zola", "_Under", "1Nr"]
    matcher = names.build_matcher(found)
    assert matcher is not None and matcher.pattern.startswith("(?=[")
    plain = re.compile(matcher.pattern[matcher.pattern.index("])") + 2 :])
    text = "ayşe AYŞE DEMIR-KAYA, Murats Hund, öyvind Øyvind; Émile  Zola _Under 1Nr x_Murat"
    assert [m.span() for m in matcher.finditer(text)] == [m.span() for m in plain.finditer(text)]
    spaced = names.build_matcher([" Spaced"])
    assert spaced is not None and spaced.pattern.startswith("(?<!")  # no quick test


@pytest.mark.parametrize(
    ("found", "text"),
    [
        (
            ["Anna Lena", "Anna", "Lena", "Ann"],
            "Anna  Lena, anna, ANNA LENA\nAnna\tLena Annas Hund",
        ),
        (["Müller", "Müller-Lüdenscheidt"], "Müllers Auto, Müller-Lüdenscheidt, xMüller, Müller_"),
        (["Ole", "Ole Brix"], "Ole Brix Oles ole OLE BRIX, Ole\nBrix; Olé, _Ole, 1Ole, Ole1"),
        (["Jo", "Jo Jo"], "Jo Jo Jo Jos Jo's Jo’s Jo'sx Josx"),
        ([" Spaced", "Kai"], "a  Spaced Kai"),  # a form the plain search leaves to the regex
        (["Émile Zola"], "Émile   Zola, ÉMILE ZOLA, Émile Zolas"),
    ],
)
def test_the_name_matcher_finds_what_its_pattern_finds(found: list[str], text: str) -> None:
    # the matcher searches without compiling its pattern (one per mail); the same spans
    matcher = names.build_matcher(found)
    assert matcher is not None
    plain = re.compile(matcher.pattern)
    assert [m.span() for m in matcher.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _lines_plainly(
    regex: re.Pattern[str], text: str, lines: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The lines holding a whole piece, found piece by piece and place by place."""
    pieces = prefilter.factors(regex)
    if pieces is None:
        return lines
    kept = []
    for start, end in lines:
        line, low = text[start:end], prefilter.lowered(text)[start:end]
        for piece, kind in pieces:
            if kind == prefilter.DIGITS:
                hit = re.search(rf"\d{{{len(piece)}}}", line) is not None
            else:
                hit = piece in (line if kind == prefilter.EXACT else low)
            if hit:
                kept.append((start, end))
                break
    return kept


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:Kundennummer|kundennummer|KUNDENNUMMER|Vertrag|vertrag)[ ]\d+",
        r"(?i:konto)[ ]\d{5}",
        r"\d{6}|Kunden",
    ],
)
def test_lines_with_keeps_exactly_the_lines_holding_a_piece(pattern: str) -> None:
    regex = re.compile(pattern)
    text = (
        "Vertragsnummer 12\nmeine KUNDENNUMMER 123\nKundennumme\nr 4\n"
        "KONTO 12345 und Konto\nvertrag vertrag 123456\n\nKunden" + "x" * 400
    )
    lines = list(prefilter.text_lines(text))
    assert prefilter.lines_with(regex, text, lines) == _lines_plainly(regex, text, lines)
    some = lines[1::2]  # a subset of the lines, as digit_lines gives
    assert prefilter.lines_with(regex, text, some) == _lines_plainly(regex, text, some)


# UK postcodes and Eircodes in the shapes the patterns take, glued to and spaced from the
# text around them, and look-alikes that only one half of a code has
POSTCODE_PIECES = [
    "Leeds LS8 2QH", "EC1A 1BB", "W1A 0AX", "Southampton SO31 4JD", "sw1a 1aa", "M1 1AE",
    "Tralee, Co. Kerry V92 X8E4", "D6W 1234", "Dublin 8, D08 PX2T", "A65 F4E2", "V92X8E4",
    "DE40 6703 0638", "1NL", " 2QH", "Kiel 24103", "E40 6703", "B33 8TH", "CR2 6XH", "GIR 0AA",
    "Zählerstand 4711", "Str. 12", "Flat 3, 12 High Street, Oxford OX1 4AA", "\n", ", ", " ",
]  # fmt: skip


def _postcode_texts(count: int) -> list[str]:
    import random

    rng = random.Random(20261203)
    return [
        "".join(rng.choice(POSTCODE_PIECES) for _ in range(rng.randint(1, 6))) for _ in range(count)
    ]


def test_the_uk_and_eircode_quick_tests_turn_away_no_text_a_pattern_matches() -> None:
    from drafter.privacy import towns

    texts = [*POSTCODE_PIECES, *_postcode_texts(3000)]
    pairs = ((towns._UK, towns._UK_INWARD), (towns._EIRCODE, towns._EIRCODE_CODE))
    for regex, quick in pairs:
        matched = [t for t in texts if regex.search(t)]
        assert len(matched) > 100  # the texts do exercise the pattern
        for text in matched:
            assert quick.search(text) is not None, (regex.pattern, text)


def test_find_towns_with_the_quick_tests_finds_what_the_plain_loop_finds() -> None:
    from drafter.privacy import towns
    from drafter.privacy.quicktest import guarded

    def plain(text: str) -> list[tuple[int, int, str]]:  # the loop without the quick tests
        out = []
        for regex, why in ((towns._UK, "UK postcode"), (towns._EIRCODE, "Irish Eircode")):
            for m in guarded(regex).finditer(text):
                out.append((m.start("code"), m.end(), why))
        return out

    for text in _postcode_texts(1500):
        spans = towns.find_towns(text, lambda w: False, lambda w: 2.0)
        found = {(s.end, s.why) for s in spans if s.why in ("UK postcode", "Irish Eircode")}
        assert found == {(end, why) for _start, end, why in plain(text)}, text


NAME_PIECES = [
    "Ruth Wolf", "Ayşe Demir-Kaya", "Lindqvist-Meyer", "Dr. Jansen", "Sommer", "Karin Sommer",
    "klaus", "Abschlag", "Malte Sörensen", "J. P. Okafor", "Anna-Lena Brodersen", "Öztürk",
    "Mark", "Frank Koch", "Tim Becker", "Yıldız", "Kai-Uwe Hammerschmidt", "Jo", "R. Wolf",
]  # fmt: skip


def test_lowercase_forms_name_by_name_equal_the_forms_of_the_whole_list() -> None:
    import random

    from drafter.config import Settings
    from drafter.privacy.memos import redaction
    from drafter.privacy.pseudonymize import Pseudonymizer
    from drafter.privacy.sender_names import lowercase_forms

    pz = Pseudonymizer(Settings(customer_number_patterns=[]))
    vocab = pz._free.vocab
    rng = random.Random(27)
    with redaction():  # the memo lives for one redaction: lists that grow, as fields ask
        known: list[str] = []
        for _ in range(300):
            known = known + rng.sample(NAME_PIECES, rng.randint(0, 3))
            if rng.random() < 0.1:
                known = rng.sample(NAME_PIECES, rng.randint(0, 6))
            expected = frozenset(lowercase_forms(known, vocab.zipf, pz._stop, pz._listed))
            assert pz._lowercase_forms(known) == expected, known
        assert "Ruth Wolf" in pz._lower_memo  # memoized per name, not per list
    assert not pz._lower_memo  # emptied when the redaction ends
