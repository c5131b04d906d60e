from __future__ import annotations

import pytest

from drafter.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hallo, ich möchte meinen Abschlag ändern.", "de"),
        ("Kündigung", "de"),
        ("Rechnung falsch", "de"),
        ("Hello, I would like to change my monthly payment.", "en"),
        ("invoice wrong please", "en"),
        ("cancel contract", "en"),
    ],
)
def test_detects_german_and_english(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_empty_text_uses_default() -> None:
    assert detect_language("", default="en") == "en"
    assert detect_language("1234 !!", default="de") == "de"
