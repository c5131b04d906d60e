"""Issue 9, fourteenth round: towns outside Europe (the town list's large places of the rest
of the world). Examples written here, not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # a home abroad after a residence word: large places of the whole world
        ("Ich wohne jetzt in Nairobi, bitte die Schlussrechnung per Mail.", ("Nairobi",), ()),
        ("We moved to Montevideo last month, please close the account.", ("Montevideo",), ()),
        ("Ab März lebe ich in Hyderabad bei meiner Familie.", ("Hyderabad",), ("März",)),
        ("I will go back to Nagoya in April.", ("Nagoya",), ("April",)),
        # their names that are everyday words are no towns ("Mobile", Alabama)
        ("I live in Kiel and pay in Mobile Banking, the tariff is fine.", (), ("Mobile",)),
    ],
)
def test_large_towns_of_the_world_are_hidden(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)
