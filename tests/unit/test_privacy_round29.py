"""Privacy round 29 (session 26, "round 25" in benchmarks/privacy_history.md): classes left on
the newly retired test_h and the dev sets (dev12), each written as a general rule and tested
here on made-up examples only."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


def test_the_town_of_a_greeting_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Bitte um kurze Rückmeldung.\n\nViele Grüße aus Husum\nJens", ("Husum",),
          ("Rückmeldung", "Viele Grüße aus"))  # fmt: skip
    check(pz, "Thanks a lot.\n\nKind regards from Bristol,\nMaya", ("Bristol",),
          ("Kind regards from",))  # fmt: skip
    # an adjective between "aus" and the town
    check(pz, "Danke!\nSonnige Grüße aus dem schönen Preetz\nUte", ("Preetz",), ("schönen",))
    # a well-known town in a greeting too
    check(pz, "Liebe Grüße aus Hamburg\nTimo", ("Hamburg",), ("Liebe Grüße",))
    # a region is no town: it stays
    check(pz, "Liebe Grüße aus dem Allgäu\nVroni", (), ("Allgäu",))


def test_the_towns_of_a_commute_are_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Ich bin selten da, ich pendle zwischen Linz und Kiel.", ("Linz",),
          ("pendle zwischen",))  # fmt: skip
    check(pz, "I commute between Leeds and Bradford every week.", ("Leeds", "Bradford"),
          ("every week",))  # fmt: skip


def test_a_town_after_a_home_label_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Temporary address: see above\nHome: Belo Horizonte, Brazil", ("Belo Horizonte",),
          ("Brazil",))  # fmt: skip
    check(pz, "Home: Nantes", ("Nantes",), ())


def test_a_street_after_a_bare_address_word_is_hidden(pz: Pseudonymizer) -> None:
    # a street name without a street word, after "adresse"/"Anschrift"/"address" alone: the
    # house number goes with it (before, the name was hidden and its number stayed)
    check(pz, "hallo, kein strom seit heute.\nadresse Düsternbrook 12, tel fehlt",
          ("Düsternbrook", "12"), ("kein strom", "tel fehlt"))  # fmt: skip
    check(pz, "Anschrift Wellingholm 14\nTarif Strom", ("Wellingholm", "14"), ("Tarif Strom",))
    check(pz, "my address Eskerbrook 9 is new", ("Eskerbrook", "9"), ("is new",))


def test_a_court_file_number_in_roman_register_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "appointed by the local court (file no. XIV 733/24). Her address is below.",
          ("733/24",), ("local court",))  # fmt: skip
    check(pz, "Betreuung beim Amtsgericht, Az. VI 58/26, liegt bei.", ("58/26",), ("Betreuung",))
    check(pz, "Bitte nennen Sie das Verfahren LX 1209/25 in der Antwort.", ("1209/25",),
          ("Verfahren",))  # fmt: skip
    # a fraction or a date is no file number
    check(pz, "Ich habe 3/4 der Rechnung am 12/25 bezahlt.", (), ("3/4", "12/25"))


def test_a_famous_town_abroad_is_hidden_where_somebody_lives(pz: Pseudonymizer) -> None:
    # places whose names are frequent words (so not in the town list) after a residence cue
    check(pz, "Her brother lives in Seattle and will pay the bills.", ("Seattle",),
          ("brother", "bills"))  # fmt: skip
    check(pz, "Home: Salt Lake City, Utah", ("Salt Lake City",), ("Utah",))
    check(pz, "Unsere Tochter ist nach Denver gezogen.", ("Denver",), ("Tochter",))
    # without a residence cue the same word is part of the story
    check(pz, "We flew to Seattle for a conference.", (), ("Seattle",))
