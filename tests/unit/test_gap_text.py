"""The knowledge-gap paragraph of a template draft asks only for what identifies the contract
and is not in the mail yet."""

from __future__ import annotations

import pytest

from drafter.drafting.holding import gap_text


@pytest.mark.parametrize("formality", ["sie", "du"])
def test_german_gap_text_asks_for_the_customer_number_when_nothing_identifies_the_contract(
    formality: str,
) -> None:
    """Only the customer number: a meter number is irrelevant to most questions a holding
    reply goes to (portal, referral, fibre; session-7 review, mails 27, 29, 32, 38-40)."""
    text = gap_text("de", formality, set(), "Abschlag")
    assert "Kundennummer" in text
    assert "Zählernummer" not in text


@pytest.mark.parametrize("given", ["customer_number", "contract_number", "meter_number"])
@pytest.mark.parametrize("formality", ["sie", "du"])
def test_german_gap_text_asks_for_nothing_once_the_mail_identifies_the_contract(
    given: str, formality: str
) -> None:
    text = gap_text("de", formality, {given}, "Abschlag")
    assert "Kundennummer" not in text
    assert "Adresse" not in text and "Zählernummer" not in text
    assert text.rstrip().endswith(".")
    assert "Fachabteilung" in text


def test_english_gap_text_asks_for_nothing_once_the_mail_identifies_the_contract() -> None:
    assert "customer number" in gap_text("en", "you", set())
    assert "meter number" not in gap_text("en", "you", set())
    text = gap_text("en", "you", {"customer_number"})
    assert "customer number" not in text and "meter number" not in text
    assert "get back to you" in text
