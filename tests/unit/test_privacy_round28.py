"""Privacy round 28 (session 25, "round 24" in benchmarks/privacy_history.md): classes left on
the retired sets (test_b, test_d, test_g) and the dev sets (dev10, dev12, dev14, dev17), each
written as a general rule and tested here on made-up examples only."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from drafter.privacy.pinyin import given_name
from tests.unit.privacy_cases import check


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    return Pseudonymizer()


def test_the_town_of_a_stay_with_a_relative_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Im Moment wohne ich bei meiner Schwester in Husum, Post bitte dorthin.",
          ("Husum",), ("Schwester", "Post"))  # fmt: skip
    check(pz, "Wir waren drei Wochen bei unserem Sohn in Hamburg, daher kein Ablesen.",
          ("Hamburg",), ("Sohn", "Ablesen"))  # fmt: skip
    check(pz, "I was staying with my mother in Bristol all of November.", ("Bristol",),
          ("mother", "November"))  # fmt: skip
    # where a relative lives, without the writer staying there, is no address of the writer
    check(pz, "Schöne Grüße an die Enkel aus Rosenheim!", (), ("Rosenheim",))


def test_the_town_where_the_writer_studies_or_works_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Ab März mache ich ein Auslandssemester in Madrid.", ("Madrid",), ("März",))
    check(pz, "I start a new job in Manchester in January.", ("Manchester",), ("January",))
    check(pz, "That week I am working on a building site in Munich.", ("Munich",), ("week",))
    check(pz, "Ich studiere in Heidelberg und bin nur am Wochenende da.", ("Heidelberg",),
          ("Wochenende",))  # fmt: skip


def test_a_house_number_with_bis_or_ter_is_hidden_whole(pz: Pseudonymizer) -> None:
    check(pz, "Please send the bill to:\nLijnbaansgracht 88 bis\n1017 RM Amsterdam",
          ("Lijnbaansgracht", "88 bis", "Amsterdam"), ("bill",))  # fmt: skip
    check(pz, "Nuovo indirizzo: Via Garibaldi 7 ter, 40124 Bologna", ("7 ter", "Garibaldi"), ())
    # "12 bis 14" is a range of numbers: "bis" stays a word of the sentence
    check(pz, "Ich bin in der Lindenstraße 12 bis 14 Uhr erreichbar.", ("Lindenstraße 12",),
          ("bis 14 Uhr",))  # fmt: skip


def test_a_name_told_in_quotes_when_asked_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, 'When I asked his name, he only said "Quandtberger" and left.',
          ("Quandtberger",), ("asked", "left"))  # fmt: skip
    check(pz, "Mein Name ist 'Wrzosekowa', bitte genau so schreiben.", ("Wrzosekowa",),
          ("schreiben",))  # fmt: skip
    check(pz, "Ich fragte nach ihrem Namen, sie sagte „Tjarksen“ und legte auf.",
          ("Tjarksen",), ("legte auf",))  # fmt: skip


def test_a_chinese_name_in_pinyin_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Wir wohnen zu dritt: ich, Liu Yan und Zhou Ming. Liu Yan zieht bald aus.",
          ("Liu Yan", "Zhou Ming"), ("zieht bald aus",))  # fmt: skip
    check(pz, "Best regards,\nJiayi Chen", ("Jiayi",), ("Best regards",))
    check(pz, "Kontoinhaber laut Bank: ZHAO Xinyu", ("Xinyu",), ("Kontoinhaber",))
    # two everyday words are no name, nor is a German article before a family name
    check(pz, "He Ran to the door. He Can help.", (), ("He Ran", "He Can"))
    check(pz, "Die Wang-Dynastie ist ein Thema im Kurs.", (), ("Die",))


def test_pinyin_given_names_are_one_or_two_syllables() -> None:
    assert given_name("Na") and given_name("Xiaoming") and given_name("Jia-Yi")
    assert not given_name("Stromvertrag") and not given_name("Bitte")


def test_a_lowercase_app_before_its_number_is_part_of_the_address(pz: Pseudonymizer) -> None:
    check(pz, "our flat is at Seeblick 8, app. 23, for the summer", ("Seeblick", "app. 23"),
          ("summer",))  # fmt: skip
    # "app" without a number is a word of the sentence
    check(pz, "Die Zählerstände schicke ich per app morgen.", (), ("per app",))


def test_a_home_name_after_new_address_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Meine Tante zieht um. Neue Anschrift: Pflegeheim Am Teich 4, App. 9, 24211 Preetz.",
          ("Pflegeheim", "Am Teich", "App. 9"), ("Tante",))  # fmt: skip


def test_the_town_where_the_writer_is_now_is_hidden(pz: Pseudonymizer) -> None:
    check(pz, "Please write by e-mail, I'm in Galway until March.", ("Galway",), ("March",))
    check(pz, "Ich bin zurzeit in Zürich, Post bitte per Mail.", ("Zürich",), ("Post",))
    # a stay for care is hidden since session 29 (round 28; test_privacy_round32): the sets
    # label its town both ways, so "when in doubt, hide"; a holiday stays a stay away
    check(pz, "Ich bin in der Reha in Bad Segeberg.", ("Bad Segeberg",), ("Reha",))
    check(pz, "Ich bin im Urlaub in Bad Segeberg.", (), ("Bad Segeberg",))
