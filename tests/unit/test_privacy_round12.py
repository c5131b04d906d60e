"""Issue 9, twelfth round: the other name on a doorbell written with a slash, and the town
the writer moves or goes back to; a friend's town and a bare story place are kept. Examples
written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer, Vault
from tests.unit.privacy_cases import check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        (
            'Klingel "Herr Brodersen/Hansen", Hinterhaus',
            ("Brodersen", "Hansen"),
            ("Klingel", "Hinterhaus"),
        ),
        (
            "Frau Brodersen hier; Briefkasten Hansen/Brodersen, bitte einwerfen",
            ("Brodersen", "Hansen"),
            ("Briefkasten", "einwerfen"),
        ),
        (
            "After my exchange year I go back to Valencia on 3 March.",
            ("Valencia",),
            ("exchange year", "3 March"),
        ),
        (
            "We are back in Aberdeen until May, please send post by e-mail.",
            ("Aberdeen",),
            ("until May",),
        ),
        ("I will move to Kiel next month from Porto via Paris.", ("Porto",), ("next month",)),
        ("Ich ziehe Ende Mai zurück nach Bologna, bitte kündigen.", ("Bologna",), ("Ende Mai",)),
        # somebody else's town and a place in the story stay
        ("My flatmate has gone back to Cardiff, so I take over the flat.", (), ("Cardiff",)),
        ("I saw your advert in Hamburg last week.", (), ("Hamburg",)),
    ],
)
def test_more_names_and_home_towns_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Thema Tarifwahl und Stromdieb bitte klären.", "Tarifwahl"),
        ("Thema Tarifwahl und Stromdieb bitte klären.", "Stromdieb"),
        ("Ich bin Mitglied und frage wegen Kabelbaum nach.", "Kabelbaum"),
    ],
)
def test_a_compound_of_two_everyday_words_is_no_name(
    pz: Pseudonymizer, text: str, word: str
) -> None:
    """ "Tarif"+"wahl", "Strom"+"dieb", "Kabel"+"baum": rare as a whole, but two everyday
    words of four letters and more (the older compound test wants a last part of five)."""
    check(pz, text, (), (word,))


def test_each_part_of_a_known_double_name_is_hidden_in_lowercase(pz: Pseudonymizer) -> None:
    """The sender Jana Brodtkorb-Hessel: her firm's web address and a lowercase "hessel"
    carry one part of her name each."""
    text = "Lagepläne auf www.brodtkorb-architekten.de, gruß j. hessel"
    out = pz.redact(text, Vault(), ["Jana Brodtkorb-Hessel"])
    assert "brodtkorb" not in out and "hessel" not in out, out
    assert "architekten" in out and "Lagepläne" in out


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        (
            "The previous tenants (the Brodtkorbs) have moved out.",
            ("Brodtkorbs",),
            ("previous tenants",),
        ),
        (
            "Die Schlüssel liegen bei Hesselbachs im Erdgeschoss.",
            ("Hesselbachs",),
            ("Schlüssel", "Erdgeschoss"),
        ),
        ("We skied in the Alps and flew back via the Netherlands.", (), ("Alps", "Netherlands")),
        ("He studies at the Muthesius Kunsthochschule in Kiel.", (), ("Muthesius",)),
    ],
)
def test_a_family_by_its_plural_surname_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)


@pytest.mark.parametrize(
    "text", ["Zählerwechseltermin", "Bitte rufen Sie uns an.\n\nVereinsleitung"]
)
def test_a_compound_alone_on_the_last_line_is_no_sign_off_name(
    pz: Pseudonymizer, text: str
) -> None:
    """A subject of one compound word, a role signing off: topics and roles, not names."""
    check(pz, text, (), (text.split()[-1],))


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Eingebaut hat sie die Firma Heizung Ehlers aus Preetz.", "Ehlers"),
        ("| Notdienst Kältetechnik Harms | 245,00 € |", "Harms"),
        ("Den Schlüssel hat der Schlüsseldienst Boysen mitgenommen.", "Boysen"),
    ],
)
def test_the_owner_of_more_trades_is_hidden(pz: Pseudonymizer, text: str, owner: str) -> None:
    check(pz, text, (owner,), (text.split()[1],))
