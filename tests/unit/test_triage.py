"""Urgency triage: emergencies in DE/EN trigger, ordinary and negated mentions do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.mail.parse import parse_email
from drafter.models import InboundEmail
from drafter.triage import urgency

INBOX = Path(__file__).resolve().parents[2] / "examples" / "inbox"
LIFE = "supply out for a life-safety device"


def _email(body: str, subject: str = "Anfrage", quoted: str = "") -> InboundEmail:
    return InboundEmail(subject=subject, body=body, quoted=quoted)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Es riecht nach Gas im Treppenhaus", "gas smell"),
        ("bei uns riecht es seit heute Morgen nach Gas", "gas smell"),
        ("Starker Gasgeruch im Keller!", "gas smell"),
        ("Das Gas riecht komisch in der Küche", "gas smell"),
        ("I can smell gas in the kitchen", "gas smell"),
        ("It smells of gas in the hallway", "gas smell"),
        ("I think there is a gas leak", "gas smell"),
        ("im Keller riecht es seit heute früh wie faule Eier", "gas smell"),
        ("there's a smell like rotten eggs near the meters", "gas smell"),
        ("Der Kohlenmonoxid-Melder piept", "carbon monoxide"),
        ("our carbon monoxide alarm went off", "carbon monoxide"),
        ("Rauch kommt aus dem Zähler", "fire or smoke at meter or cables"),
        ("Am Zähler sprühen Funken", "fire or smoke at meter or cables"),
        ("Schmorgeruch im Flur", "fire or smoke at meter or cables"),
        ("sparks are coming from the meter", "fire or smoke at meter or cables"),
        ("Das Kabel liegt im Keller frei", "exposed live cables or electric shock"),
        ("Ich habe am Herd einen Stromschlag bekommen", "exposed live cables or electric shock"),
        ("my son got an electric shock", "exposed live cables or electric shock"),
        ("there are exposed wires in the hallway", "exposed live cables or electric shock"),
        ("Wasser steht im Keller bis zum Zählerschrank", "flooding near electrics"),
        ("water is dripping onto the fuse box", "flooding near electrics"),
        ("Internet und Telefon tot, der Hausnotruf meiner Mutter läuft darüber", LIFE),
        ("Stromausfall seit 7 Uhr, mein Mann braucht sein Beatmungsgerät", LIFE),
        ("Seit heute geht das Telefon nicht, ihr Notrufknopf hängt daran", LIFE),
        ("power cut since 6am and my father is on an oxygen concentrator", LIFE),
        ("Our phone line is dead and my mum's personal alarm runs over it", LIFE),
    ],
)
def test_emergencies_trigger(text: str, reason: str) -> None:
    assert urgency(_email(text)) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Ich möchte meinen Gastarif wechseln",
        "Der Gaspreis steigt zum 1. Januar",
        "Meine Gasrechnung ist falsch",
        "Strom und Gas sollen mit umziehen",
        "Im Keller riecht es nicht nach Gas, nur der Zähler ist weg",
        "Es gibt keinen Gasgeruch mehr, danke",
        "there is no smell of gas anymore",
        "Zählerstand Strom 12345, Wasser 55 m3",
        "Here is my water meter reading",
        "Stromausfall seit 7 Uhr in der Wohnung",
        "the power in our street is off",
        "Mit freundlichen Grüßen, Heike Brandt",
        "Bitte den Zählerstand für Gas korrigieren",
        "Bieten Sie auch einen Hausnotruf an?",
        "Does the fibre line support a personal alarm?",
        "Kein Internet seit gestern Abend, bitte um Rückruf",
    ],
)
def test_ordinary_mentions_do_not_trigger(text: str) -> None:
    assert urgency(_email(text)) == ""


def test_subject_counts_but_quoted_history_does_not() -> None:
    assert urgency(_email("Bitte melden Sie sich.", subject="Gasgeruch!")) == "gas smell"
    quoted = "> Es riecht nach Gas im Treppenhaus"
    assert urgency(_email("Danke, alles erledigt.", subject="Re: Frage", quoted=quoted)) == ""


def test_example_inbox_only_the_gas_smell_mail_is_urgent() -> None:
    found = {
        path.name: urgency(parse_email(path.read_bytes())) for path in sorted(INBOX.glob("*.eml"))
    }
    assert len(found) == 45
    assert {name: reason for name, reason in found.items() if reason} == {
        "27-gasgeruch.eml": "gas smell"
    }


@pytest.mark.parametrize(
    "text",
    [
        # devices only the draft's care-need list knew before the two lists became one
        "Stromausfall seit 22 Uhr, mein Vater schläft mit einem CPAP-Gerät",
        "power cut in our street, my son's insulin pump needs charging",
        "Stromausfall, meine Frau hängt an lebenserhaltenden Geräten",
    ],
)
def test_every_life_support_device_the_drafts_know_also_triggers(text: str) -> None:
    assert urgency(_email(text)) == LIFE


def test_the_public_emergency_number_is_no_device() -> None:
    # "Notruf" alone (112) is not a home emergency call device
    assert urgency(_email("Stromausfall, soll ich den Notruf 112 wählen?")) == ""
