"""Issue 9, seventeenth round: classes of values the two retired held-out sets (test_a, test_b)
showed reaching the model, and keep strings lost. Examples written here, not taken from any
evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


# --- a flat, room or floor without its street -------------------------------------------


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Im Haus wohnen:\nEG links: Herr Brodersen zieht aus.\n", ("EG links",)),
        ("1. OG rechts (WG): zwei Mieter bleiben.", ("1. OG rechts",)),
        ("Ich wohne in der Tulpenstraße 4, 24937 Flensburg, 5. Stock.", ("5. Stock",)),
        ("Betreff: Nebenkosten 2025 – Whg. 0817, Tulpenstraße 4", ("Whg. 0817",)),
        ("Flat 4.02 – Mr Hollis moves out on 30 June.", ("Flat 4.02",)),
        ("wohne im wohnheim am ostring 12 zimmer 3-14", ("zimmer 3-14",)),
        ("WE 05, DG: Leerstand ab Januar", ("WE 05, DG",)),
        ("I live in dorm room 209, my meter is broken.", ("dorm room 209",)),
        ("Tulpenstraße 4\nWhg. 7 / 3. OG rechts\n24937 Flensburg", ("Whg. 7 / 3. OG rechts",)),
        # after a house number: the ordinal floor after a back-house word stays with it
        ("wir ziehen in den Tulpenweg 8, Hinterhaus 2. Etage.", ("Hinterhaus", "Etage")),
        ("Rua das Flores 221, 2.º Dto.\n4050-265 Porto", ("Flores", "Dto", "2.º")),
    ],
)
def test_a_flat_or_floor_alone_is_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...]
) -> None:
    check(pz, text, hidden, ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Die EG-Richtlinie gilt auch für uns.", ("EG-Richtlinie",)),
        ("Das Haus hat 1 Zimmer mehr als gedacht.", ("1 Zimmer",)),
        ("We moved into a flat on the 2nd floor last year.", ("flat", "2nd floor")),
        ("Der Zähler hängt im Keller, nicht im EG.", ("im EG",)),
    ],
)
def test_a_floor_in_words_or_a_flat_without_number_is_kept(
    pz: Pseudonymizer, text: str, kept: tuple[str, ...]
) -> None:
    check(pz, text, (), kept)
