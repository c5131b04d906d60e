"""A casual German opening and a first name, with no Sie or Du anywhere (greet21).

"Hey, … Gruß Finn" has no pronoun to read the register from, but nobody who opens so and signs
with a first name alone expects "Sehr geehrter Herr …": the reply is in Du. Any "Sie" (in the
mail or the thread), a formal opening, a full name or no name keeps Sie; "Hallo", "Hi" and
"Moin" open formal German mail too and decide nothing by themselves. Own examples.
"""

from __future__ import annotations

import pytest

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail

_ASK = "\n\nkann man den Zählerstand auch online melden? Die Karte ist nicht gekommen.\n\n"


def _reply(display: str, body: str, quoted: str = "") -> tuple[str, str]:
    email = InboundEmail(
        from_=Address(name=display, email="kunde@example.de"),
        body=body,
        quoted=quoted,
        language="de",
    )
    register = detect_register(email, "de", "sie")
    return register, greeting(email, "de", register).first_line


@pytest.mark.parametrize(
    ("display", "body", "line"),
    [
        ("Finn Lüders", "Hey," + _ASK + "Gruß\nFinn", "Hallo Finn,"),
        ("Finn Lüders", "Heyy!" + _ASK + "Finn", "Hallo Finn,"),
        ("Jule Brandt", "Huhu," + _ASK + "LG Jule", "Hallo Jule,"),
        ("Jule Brandt", "Hallöchen," + _ASK + "Danke!\nJule B.", "Hallo Jule,"),
        ("", "hey," + _ASK.lower() + "mia & ben", "Hallo Mia, hallo Ben,"),
        # a single word signed, whatever the first-name data say of it
        ("Okko Bruns", "Hey," + _ASK + "Okko", "Hallo Okko,"),
    ],
)
def test_a_casual_opening_and_a_first_name_get_du(display: str, body: str, line: str) -> None:
    assert _reply(display, body) == ("du", line)


@pytest.mark.parametrize(
    ("display", "body", "quoted"),
    [
        # a Sie in the mail
        ("Finn Lüders", "Hey,\n\nkönnen Sie mir sagen, wie ich den Zählerstand melde?\n\nFinn", ""),
        # a Sie earlier in the thread (our own reply)
        ("Finn Lüders", "Hey," + _ASK + "Finn",
         "> Sehr geehrter Herr Lüders,\n> vielen Dank für Ihre Nachricht."),
        # a full name, an initial and the family name, or no name under the casual opening
        ("Finn Lüders", "Hey," + _ASK + "Gruß\nFinn Lüders", ""),
        ("Finn Lüders", "Hey," + _ASK + "Gruß\nF. Lüders", ""),
        ("Finn Lüders", "Hey," + _ASK.rstrip(), ""),
        # formal words in the opening line
        ("Finn Lüders", "Hey, guten Tag," + _ASK + "Finn", ""),
        # "Hallo", "Hi" and "Moin" open Sie mail too (house rule, session 17)
        ("Finn Lüders", "Hallo," + _ASK + "Gruß\nFinn", ""),
        ("Finn Lüders", "Hi," + _ASK + "Cheers\nFinn", ""),
        ("Finn Lüders", "Moin," + _ASK + "Gruß\nFinn", ""),
    ],
)  # fmt: skip
def test_sie_stays_without_both(display: str, body: str, quoted: str) -> None:
    assert _reply(display, body, quoted) == ("sie", "Sehr geehrter Herr Lüders,")
