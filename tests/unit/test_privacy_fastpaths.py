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


# --- speed round privspeed2 (session 28) --------------------------------------------------

CARD_PIECES = [
    "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "3793 697486 31605",
    "5500 0000 0000 0004 123", "1234", "12345", " ", "-", "+", "/", ".", ",", "\n", "a", "Karte ",
    "4111 1111-1111 1111", "0", "99", "DE40 6703 0638 7259 0736 19", "Tel. +49 431 ",
]  # fmt: skip

# the card pattern before this round: its look-behind first
_CARD_BEFORE = re.compile(
    r"(?<![\d+/.,-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
    r"|\d{4}[ -]?\d{6}[ -]?\d{5}|\d{13,19})(?![\d-])"
)


def test_the_card_pattern_starting_with_its_digit_matches_like_the_one_before() -> None:
    import random

    from drafter.privacy.quicktest import guarded
    from drafter.privacy.recognizers import CARD_RE

    assert guarded(CARD_RE) is CARD_RE  # `re` skips to a digit on its own: no quick test
    rng = random.Random(2812)
    texts = [
        "".join(rng.choice(CARD_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(4000)
    ]
    hits = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in _CARD_BEFORE.finditer(text)]
        assert [(m.span(), m.groups()) for m in CARD_RE.finditer(text)] == expected, text
        for pos in range(0, len(text), 7):  # a line's start: the look-behind sees before it
            spans = [m.span() for m in CARD_RE.finditer(text, pos)]
            assert spans == [m.span() for m in _CARD_BEFORE.finditer(text, pos)], (text, pos)
        hits += bool(expected)
    assert hits > 500  # the texts do hold cards


NL_PIECES = [
    "1234 AB Amsterdam", "1234AB Den Haag", "1234 ab Utrecht", "3511 LX", " Utrecht", "9999 ZZ",
    "Kiel", "24103 Kiel", "AB ", "  ", "\n", "x1234 AB Delft", "/", "1234 AB  Sint-Oedenrode",
    "NL ", "AB Cd", "Ab", "12", "34",
]  # fmt: skip


def test_the_dutch_quick_test_turns_away_no_text_the_pattern_matches() -> None:
    import random

    from drafter.privacy import towns

    rng = random.Random(2813)
    texts = [*NL_PIECES]
    texts += ["".join(rng.choice(NL_PIECES) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    matched = [t for t in texts if towns._NL.search(t)]
    assert len(matched) > 300
    for text in matched:
        assert towns._NL_PART.search(text) is not None, text


def test_variant_spans_with_the_name_memo_equal_the_plain_way() -> None:
    import random

    from drafter.privacy import spellings
    from drafter.privacy.memos import redaction
    from drafter.privacy.spans import Span

    def plain(text: str, names: list[str]) -> list[Span]:  # the loop before this round
        keys: dict[str, set[str]] = {}
        for name in names:
            for word in spellings._WORD.findall(name):
                keys.setdefault(spellings.skeleton(word), set()).add(word.casefold())
        if not keys:
            return []
        return [
            Span(start, end, "NAME", "another spelling of a known name")
            for start, end, word in spellings._capitalised(text)
            if (seen := keys.get(spellings.skeleton(word))) and word.casefold() not in seen
        ]

    texts = [
        "Herr Yildiz und Frau Mueller, Weiss", "yildiz", "", "Oeztuerk Öztürk OEZTUERK",
        "Lukasz und Łukasz", "Grüße, Muller", "Sorensen Sörensen", "12 34",
    ]  # fmt: skip
    rng = random.Random(2814)
    with redaction():
        known: list[str] = []
        for _ in range(300):
            known = known + rng.sample([*NAME_PIECES, "Łukasz Müller", "Weiß", "Sörensen"], 2)
            if rng.random() < 0.1:
                known = []
            text = " ".join(rng.sample(texts, 3))
            assert spellings.variant_spans(text, known) == plain(text, known), (text, known)
    assert not spellings._NAME_KEYS  # emptied when the redaction ends


def test_the_name_matchers_plain_test_equals_the_character_loop() -> None:
    forms = [
        ["Ruth Wolf", "Sommer"], ["Ruth\u00a0Wolf"], ["Ruth\tWolf"], [" Jansen"], ["Ruth  Wolf"],
        ["Jansen\u2003"], ["Øyvind", "Demir-Kaya"], ["Ruth\nWolf"], [],
    ]  # fmt: skip
    assert names._OTHER_SPACE.pattern == r"[^\S ]"  # one regex search, no loop per character
    for ordered in forms:
        matcher = names.NameMatcher(ordered)
        parts = [form.split(" ") for form in ordered]
        expected = all(all(p) for p in parts) and not any(
            c.isspace() and c != " " for form in ordered for c in form
        )
        assert matcher._plain == expected, ordered


def test_first_name_lookup_without_the_fold_of_an_ascii_word_answers_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from drafter import firstnames
    from drafter.privacy import gazetteer
    from drafter.privacy.gazetteer import vocabulary

    vocab = vocabulary()
    folded: list[str] = []

    class Counting:  # `firstnames` as the gazetteer sees it, counting the folds it asks for
        def __getattr__(self, name: str) -> object:
            return getattr(firstnames, name)

        @staticmethod
        def fold(key: str) -> str:
            folded.append(key)
            return firstnames.fold(key)

    monkeypatch.setattr(gazetteer, "firstnames", Counting())
    assert not vocab.is_first_name("Tischlerei") and not vocab.is_first_name("Tischlereí")
    assert folded == ["tischlereí"]  # an ASCII word is its own fold: not folded again
    words = [
        "Anna", "anna", "Søren", "Soren", "Ayşe", "ayse", "Kai-Uwe", "kai-uwe", "Mark", "Tisch",
        "Lukas", "Łukasz", "Zoë", "Zoe", "Renée", "ÉMILE", "Émile", "x", "Ruth", "Sommer",
    ]  # fmt: skip
    for word in words:
        for strong, local in ((False, False), (True, False), (False, True)):
            names_ = (
                vocab.local_names if local else vocab.strong_names if strong else vocab.first_names
            )
            key = word.casefold()
            expected = key in names_ or firstnames.fold(key) in names_
            expected = expected or ("-" in key and vocab._joined_first_name(key, names_))
            assert vocab.is_first_name(word, strong=strong, local=local) == expected, word


def test_uk_and_eircode_patterns_run_on_the_lines_holding_their_part_only() -> None:
    import random

    from drafter.privacy import towns
    from drafter.privacy.quicktest import guarded

    text = "Hallo\nFlat 3, Oxford OX1 4AA und\nnichts\nGalway H91 E2T6\n"
    assert towns._lines_at(text, towns._UK_INWARD) == [(6, 32)]
    assert towns._lines_at(text, towns._EIRCODE_CODE) == [(40, 55)]
    rng = random.Random(2815)
    for _ in range(1500):  # lines of postcode pieces: the whole text's matches, line by line
        text = "\n".join(rng.choice(_postcode_texts(40)) for _ in range(rng.randint(1, 5)))
        for regex, part in ((towns._UK, towns._UK_INWARD), (towns._EIRCODE, towns._EIRCODE_CODE)):
            whole = [m.span() for m in guarded(regex).finditer(text)]
            lines = towns._lines_at(text, part)
            assert [m.span() for a, b in lines for m in regex.finditer(text, a, b)] == whole


def test_a_text_is_folded_once_per_redaction() -> None:
    from drafter.privacy.memos import redaction
    from drafter.privacy.normalize import fold

    text = "Grüße von Jürgen Kаiser"  # a Cyrillic "а": folded
    with redaction():
        first = fold(text)
        assert fold(text) is first and first.text == "Grüße von Jürgen Kaiser"
        assert fold.cache_info().currsize >= 1
    assert fold.cache_info().currsize == 0  # emptied when the redaction ends


def test_the_number_word_test_keeps_no_memo() -> None:
    """Speed round privspeed3: `_may_be_number` is asked once per distinct word of a text
    (no word twice in a redaction of the bench's mail), so it keeps no memo of a customer's
    words at all, and `_number_words` tests an ASCII word inline."""
    assert not hasattr(spoken._may_be_number, "cache_info")
    assert not hasattr(spoken._may_be_number, "cache_clear")


def test_number_words_with_the_inline_ascii_test_equal_the_plain_way() -> None:
    """`_number_words` (an ASCII word tested inline, any other by `_may_be_number`) finds the
    runs the pattern takes whole, on made-up texts of number words in every case, with the
    letters `re` folds specially (ı, İ, ſ, the Kelvin sign) and glued by separators."""
    import random

    rng = random.Random(29)
    vocabulary = [*sorted(spoken._ALL), "einundzwanzig", "Achtundachtzig", "undzig", "zwanzig"]
    vocabulary += ["Rechnung", "Kiel", "über", "straße", "x1", "null_", "oh-oh", "ONE2"]
    specials = {"i": ("ı", "İ"), "s": ("ſ",), "k": ("\u212a",)}
    for _ in range(1500):
        out = []
        for _w in range(rng.randint(0, 12)):
            word = rng.choice(vocabulary)
            word = "".join(
                rng.choice(specials[c]) if c in specials and rng.random() < 0.15 else c
                for c in (word.upper() if rng.random() < 0.2 else word)
            )
            if rng.random() < 0.3:
                word = word.title()
            out.append(word + rng.choice([" ", ", ", "-", "_", "\n", "", "."]))
        text = "".join(out)
        assert [m.span() for m in spoken._number_words(text)] == _number_words_plainly(text)
