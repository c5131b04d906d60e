"""Privacy round 31 (session 28, "round 27" in benchmarks/privacy_history.md): classes left on
the newly retired test_j and the dev sets, each written as a general rule and tested here on
made-up examples only."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


def test_a_first_name_the_kb_writes_capitalised_is_hidden_after_a_relation_word(
    pz: Pseudonymizer,
) -> None:
    # the knowledge base starts sentences with "Can I …" and "Per E-Mail …": after a relation
    # word the listed first name is a person all the same
    check(pz, "Unser Sohn Can zieht am Montag aus.", ("Can",), ("Unser Sohn", "zieht"))
    check(pz, "my partner Per sends the reading", ("Per",), ("my partner", "reading"))
    # a double first name whose first part is such a word
    check(pz, "My brother Per-Gunnar will pay the bill.", ("Per-Gunnar",), ("will pay",))
    # a stop word after a relation word stays
    check(pz, "meine Tochter Sie wissen ja Bescheid", (), ("Sie wissen",))


def test_a_first_name_after_the_southern_article_d_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Mei Schwester, d'Vroni, ruft morgen o.", ("Vroni",), ("ruft morgen",))
    check(pz, "d'Zenzi hat den Zählerstand notiert.", ("Zenzi",), ("Zählerstand",))
    # a word after "d'" that no first-name list holds stays
    check(pz, "Urlaub an der Côte d'Azur war schön.", (), ("Azur",))


def test_a_brazilian_cep_before_its_town_and_state_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Now I live at Rua das Flores 77, 80010-130 Curitiba – PR.",
          ("80010-130 Curitiba",), ("Now I live",))  # fmt: skip
    check(pz, "Endereço: 01452-000 São Paulo - SP", ("01452-000", "São Paulo"), ("Endereço",))
    check(pz, "new address 30140-071 Belo Horizonte, thanks", ("30140-071", "Belo Horizonte"),
          ("thanks",))  # fmt: skip


def test_a_transliterated_cyrillic_street_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "frühere Adresse: vul. Pushkinska 12, kv. 33, Odesa",
          ("Pushkinska 12", "kv. 33"), ("frühere Adresse",))  # fmt: skip
    check(pz, "I lived at prosp. Nauky 41, kv. 7 until May.", ("Nauky 41", "kv. 7"),
          ("until May",))  # fmt: skip
    check(pz, "Adresse: ulitsa Tolstogo 8, Minsk", ("Tolstogo 8",), ("Adresse",))


def test_the_town_of_a_holiday_home_is_hidden(pz: Pseudonymizer) -> None:
    # a second home is a home, also without "in" before the town
    check(pz, "Ferienwohnung Hohwacht: Zählerstand zum Saisonende", ("Hohwacht",),
          ("Ferienwohnung", "Zählerstand"))  # fmt: skip
    check(pz, "Our holiday cottage in Edinburgh is empty in winter.", ("Edinburgh",),
          ("holiday cottage",))  # fmt: skip
    # a town that is also an everyday word, right before its street
    check(pz, "Wir haben ein Wochenendhaus in Stein (Strandweg 14).", ("Stein", "Strandweg 14"),
          ("Wochenendhaus",))  # fmt: skip
    # a holiday without a home stays a stay away
    check(pz, "Wir fahren im Urlaub nach Wien.", (), ("Wien",))
