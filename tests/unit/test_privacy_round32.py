"""Privacy round 32 (session 29, "round 28" in benchmarks/privacy_history.md): families that
leaked on the retired sets while they were still unseen, and the classes left on the newly
retired test_k and the dev sets, each written as a general rule and tested here on made-up
examples only."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


def test_a_street_with_its_house_number_dictated_in_words_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Ich wohne Am Krähenbusch siebenundvierzig b Punkt", ("Krähenbusch",
          "siebenundvierzig b"), ("Ich wohne", "Punkt"))  # fmt: skip
    check(pz, "wir wohnen in der Lindenallee zwölf, seit drei Jahren",
          ("Lindenallee", "zwölf"), ("seit drei Jahren",))  # fmt: skip
    check(pz, "I live at Ferncliff Lane forty-two with my wife", ("Ferncliff", "forty-two"),
          ("I live at", "with my wife"))  # fmt: skip
    # a time or a room count after the number word is no house number, an everyday word no
    # street
    check(pz, "Wir wohnen am Stadtrand drei Jahre schon", (), ("Stadtrand", "drei Jahre"))
    check(pz, "Wir wohnen im Norden drei Zimmer groß", (), ("Norden", "drei Zimmer"))


def test_a_town_and_its_district_where_somebody_lives_are_hidden(pz: Pseudonymizer) -> None:
    # the company's own town (Kiel) with a district after a residence cue is a customer's
    # home; the town alone stays the company's
    check(pz, "Ich wohne jetzt in Kiel Elmschenhagen, Nähe Markt.", ("Elmschenhagen",
          "Kiel Elmschenhagen"), ("Nähe Markt",))  # fmt: skip
    check(pz, "Ich wohne in Kiel.", (), ("Kiel",))
    # without a residence cue a district is left as before
    check(pz, "Die Messe in Kiel Elmschenhagen war gut besucht.", (), ("Messe",))


def test_the_town_of_a_stay_for_care_is_hidden(pz: Pseudonymizer) -> None:
    # a rehab or hospital stay is where the writer is found for weeks (the sets label it
    # both ways: when in doubt, hide)
    check(pz, "An dem Tag bin ich zur Reha in Bad Malente.", ("Malente",), ("An dem Tag",))
    check(pz, "da liege ich im Krankenhaus in Eutin, bitte später", ("Eutin",), ("später",))
    check(pz, "I will be in hospital in Harrogate until May.", ("Harrogate",), ("until May",))
    # a holiday stays a stay away
    check(pz, "Wir sind im Urlaub in Bad Malente.", (), ("Malente",))


def test_a_spa_town_the_list_holds_without_its_bad_is_hidden_whole(pz: Pseudonymizer) -> None:
    check(pz, "Wir wohnen seit Mai in Bad Malente.", ("Bad Malente",), ("seit Mai",))


def test_more_kin_and_helpers_are_name_cues(pz: Pseudonymizer) -> None:
    check(pz, "meine Großmutter hiltrud zieht zu uns", ("hiltrud",), ("zieht zu uns",))
    check(pz, "my ex dervla moved out in June", ("dervla",), ("moved out",))
    check(pz, "mein Hausverwalter okonkwo hat den Schlüssel", ("okonkwo",), ("Schlüssel",))
    check(pz, "meine Bekannte wiebke liest ab", ("wiebke",), ("liest ab",))
    # "mate" without a name after it stays
    check(pz, "my mate said cheers", (), ("my mate said cheers",))


# classes read on test_k after its honest estimate (made-up examples of each class)


def test_a_very_rare_owner_between_a_trade_word_and_a_legal_form_is_hidden(
    pz: Pseudonymizer,
) -> None:
    check(pz, "Mit freundlichen Grüßen\nHausverwaltung Wendekamp GmbH", ("Wendekamp",),
          ("Hausverwaltung", "GmbH"))  # fmt: skip
    # a compound of known words stays a brand
    check(pz, "Hausverwaltung Fördeblick GmbH", (), ("Fördeblick",))


def test_a_double_surname_with_an_everyday_part_in_a_firms_name_is_hidden(
    pz: Pseudonymizer,
) -> None:
    check(pz, "Die Wallbox hat Elektro Lassen-Wiebrock eingebaut.", ("Lassen-Wiebrock",),
          ("Wallbox",))  # fmt: skip
    check(pz, "Elektro Nord-Ost GmbH kommt am Montag.", (), ("Nord-Ost",))


def test_a_plate_with_its_plate_word_after_it_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "- SE KL 48E (E-Kennzeichen, Transporter)", ("SE KL 48E",), ("Transporter",))
    check(pz, "Bitte notieren: HZ KA 88 (Kennzeichen vom Anhänger)", ("HZ KA 88",),
          ("Bitte notieren",))  # fmt: skip
    check(pz, "Die Rechnung HM 55 ist bezahlt.", (), ("HM 55",))


def test_the_town_of_a_move_abroad_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "I am leaving Germany for Tamale on 3 March.", ("Tamale",), ("3 March",))
