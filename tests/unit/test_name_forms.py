"""A first name the data do not know, read from how it is formed (drafter.drafting.name_forms).

The formations were found on the development mails (privacy dev4 "Svantje", dev12 "Ingegerd",
"Benedettina", "Vikramaditya", inbox_test6 "Bernward": all greeted neutrally before) and are
checked here against the whole first-name table: every name with a clear sex that is common
(a country list, or 1,000 US births) is read as if the table did not know it.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from drafter import firstnames
from drafter.drafting import name_forms, names
from drafter.drafting.names import gender_of
from drafter.drafting.salutation import greeting
from drafter.models import Address, InboundEmail


@pytest.mark.parametrize(
    ("name", "sex"),
    [
        ("Bernward", "male"),  # -ward
        ("Dietbert", "male"),  # -bert
        ("Wiebold", "male"),  # -bold (Frisian)
        ("Ingegerd", "female"),  # -gerd after a first element (Gerd alone is a man)
        ("Adelgund", "female"),  # -gund
        ("Benedettina", "female"),  # Benedetta + -ina
        ("Ernestino", "male"),  # Ernesto + -ino
        ("Vikramaditya", "male"),  # Vikram + Aditya
        ("Svantje", "female"),  # Swantje
    ],
)
def test_a_name_the_data_do_not_know_is_read_from_its_form(name: str, sex: str) -> None:
    assert firstnames.lookup(name) is None
    assert gender_of(name, "de") == gender_of(name, "en") == sex


@pytest.mark.parametrize(
    "name",
    [
        "Ozanu",  # no formation (Awino, the Luo name it stood for, is listed since greet18)
        "Anawina",  # -ina on a base the data do not know ("Anawa")
        "Gerlindetta",  # -etta on a base the data do not know ("Gerlinda")
        "Tomasmaria",  # two known names of either sex
    ],
)
def test_no_formation_no_sex(name: str) -> None:
    assert firstnames.lookup(name) is None
    assert gender_of(name, "de") == gender_of(name, "en") == ""


def test_a_known_or_unisex_name_is_not_read_from_its_form() -> None:
    assert gender_of("Ludwig", "de") == "male"  # -wig is no formation (Hedwig)
    assert gender_of("Helmut", "de") == "male" and gender_of("Almut", "de") == "female"
    assert gender_of("Robin", "de") == ""  # unisex stays unisex


def _agreement(language: str) -> dict[str, Counter[bool]]:
    """Each formation over the table's common names with a clear sex, read as unknown."""
    found: dict[str, Counter[bool]] = {}
    for key, entry in firstnames.table().items():
        if not re.fullmatch(r"[a-z]+", key) or not entry.popular:
            continue
        truth = firstnames.gender(key, language)
        if not truth:
            continue
        sex_of = lambda known: names._read(known, language)  # noqa: E731
        readings = {
            "germanic": name_forms._germanic(key),
            "diminutive": name_forms._diminutive(key, sex_of),
            "compound": name_forms._compound(key, sex_of),
            "w": ("v" in key and sex_of(key.replace("v", "w"))) or "",
            "k": ("c" in key and sex_of(name_forms._with_k(key))) or "",
        }
        for rule, sex in readings.items():
            if sex:
                found.setdefault(rule, Counter())[sex == truth] += 1
    return found


@pytest.mark.slow  # reads every name of the table (about 2 s)
@pytest.mark.parametrize("language", ["de", "en"])
def test_each_formation_agrees_with_the_table_where_the_table_knows_the_name(
    language: str,
) -> None:
    found = _agreement(language)
    for rule, counts in found.items():
        assert counts[True] >= 50, rule  # a formation, not an anecdote
        assert counts[False] <= 0.03 * (counts[True] + counts[False]), (rule, counts)


def _mail(display: str, body: str, language: str) -> InboundEmail:
    return InboundEmail(
        from_=Address(name=display, email="x@example.org"), body=body, language=language
    )


def test_the_greeting_uses_the_formation() -> None:
    de = _mail(
        "Bernward Quade",
        "Guten Tag,\n\nbitte um Rückruf.\n\nMit freundlichen Grüßen\nBernward Quade",
        "de",
    )
    assert greeting(de, "de", "sie").first_line == "Sehr geehrter Herr Quade,"
    en = _mail(
        "Benedettina Lombardi",
        "Hello,\n\nplease call me back.\n\nKind regards\nBenedettina Lombardi",
        "en",
    )
    assert greeting(en, "en", "you").first_line == "Dear Ms Lombardi,"
