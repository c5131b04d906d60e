"""Issue 9, fifteenth round: fewer keep strings lost (over-redaction). Examples written here,
not taken from any evaluation set."""

from __future__ import annotations

import pytest

from drafter.privacy import Pseudonymizer
from tests.unit.privacy_cases import check


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        # the site and the key stay: the company's words; the token is hidden
        (
            "Der Link https://kundenportal.example.de/bestaetigen?code=Zq81xTfw27Lk geht nicht.",
            ("Zq81xTfw27Lk",),
            ("https://kundenportal.example.de/bestaetigen?code=",),
        ),
        (
            "the reset link https://www.example.com/account/reset?t=8fKq2LmZx0Pw expired",
            ("8fKq2LmZx0Pw",),
            ("https://www.example.com/account/reset?t=",),
        ),
        # a digit or a key in the path can be somebody's: the whole link goes
        ("see https://example.com/user/48213/reset?t=8fKq2LmZx0Pw", ("48213", "example.com"), ()),
        (
            "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQ/edit?usp=Qx81Lk0Zr2",
            ("1AbCdEfGhIjKlMnOpQ", "Qx81Lk0Zr2"),
            (),
        ),
    ],
)
def test_a_link_is_hidden_from_its_first_secret_on(
    pz: Pseudonymizer, text: str, hidden: tuple[str, ...], kept: tuple[str, ...]
) -> None:
    check(pz, text, hidden, kept)
