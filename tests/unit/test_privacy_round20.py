"""Issue 9, twentieth round: dev16's leak and over-redaction classes as named rules.
Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from drafter.privacy.credentials import find_secrets
from drafter.privacy.gazetteer import vocabulary
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


# --- names joined by "und" / "and" / "u." -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # the second name counts only beside a name (an everyday word too): across "und"
        ("Die Wohnung gehört jetzt Anna und Frank.", ("Anna", "Frank")),
        ("Wir, Sabine und Mark, ziehen zum 1.3. aus.", ("Sabine", "Mark")),
        ("The meters of Sarah and Will were swapped last week.", ("Sarah", "Will")),
        ("Das Paket ging an Jörg u. Grace Olsen.", ("Jörg", "Grace", "Olsen")),
        # backwards: the first name is the ambiguous one
        ("Die Schlüssel haben Frank und Ingrid abgeholt.", ("Frank", "Ingrid")),
    ],
)
def test_first_name_across_und_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # no name on the other side of "und": the everyday word stays
        ("Frank und frei gesagt: das geht so nicht.", ("Frank", "frei")),
        ("Wir haben Strom und Will nicht mehr zahlen.", ("Strom",)),
        # a lowercase everyday word after "und" next to a name is no name
        ("Grüße an Anna und frank gesagt, wir sind sauer.", ("frank",)),
    ],
)
def test_und_join_keeps_everyday_words(pz: Pseudonymizer, text: str, kept: tuple[str, ...]) -> None:
    check(pz, text, (), kept)


# --- first names of middling frequency as words (zipf 3.0-3.5) ---------------------------


def test_middling_first_names_are_kept_apart() -> None:
    vocab = vocabulary()
    for name in ("Volkmar", "Thilo", "Gernot"):
        assert vocab.is_middling_name(name), name
        assert not vocab.is_first_name(name), name  # never a name alone
    assert not vocab.is_middling_name("Anna")  # a listed first name is no middling one


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        # beside a name, across "und", with a double surname after it
        ("die Mieter Hauke und Volkmar Ostermann-Pahl ziehen aus", ("Volkmar", "Pahl")),
        ("Bitte an Ingrid und Thilo Brandenburg-Kress schicken.", ("Thilo", "Kress")),
        # after "&" and a comma in a list of names
        ("Eigentümer: Britta Hansen, Gernot Hansen", ("Gernot",)),
    ],
)
def test_middling_first_names_beside_a_name_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # alone, or in lowercase, a word of middling frequency stays
        ("Wir haben Pizza Salami und Tee bestellt.", ("Salami",)),
        ("Das war vor Corona, seitdem zahle ich mehr.", ("Corona",)),
    ],
)
def test_middling_words_alone_are_kept(pz: Pseudonymizer, text: str, kept: tuple[str, ...]) -> None:
    check(pz, text, (), kept)


# --- "...kennung" as a user-name / identifier cue ----------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Zugangskennung ab-dsl-7730-11 und Passwort Hafen#2025", ("ab-dsl-7730-11",)),
        ("Teilnehmerkennung: kiel.ost_17", ("kiel.ost_17",)),
        ("Anmeldekennung mh.brodersen2, Passwort vergessen", ("brodersen2",)),
        ("Die Kundenkennung lautet NK 4471, bitte prüfen.", ("4471",)),
    ],
)
def test_kennung_compounds_are_identifier_cues(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


def test_kennung_without_a_value_is_kept(pz: Pseudonymizer) -> None:
    check(pz, "Die Kennung steht nicht auf dem Brief, die Anrufkennung ist aus.", (), ("steht",))


# --- over-redaction: a bracketed word before "?" is no password --------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Oder brauche ich gar keine Zugangsdaten (PPPoE)?",
        "Gibt es dafür einen Code (Freischaltung)??",
        "Muss ich ein Passwort (WPA-Schlüssel)? eingeben",
    ],
)
def test_bracketed_word_before_question_is_no_secret(text: str) -> None:
    assert [s for s in find_secrets(text) if s.type == "SECRET"] == []


def test_bracketed_password_with_a_digit_is_still_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Geht mein Passwort (Kranich42)? nicht mehr", ("Kranich42",), ())
