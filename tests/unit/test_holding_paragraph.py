"""The holding paragraph of a template draft that answers nothing yet (replies25, issue 12):
no customer number asked of a mail whose contract is known by another number, no request to
describe again what the mail describes. Own example values."""

from __future__ import annotations

from drafter.drafting.holding import IDENTIFYING, holding_text


def test_the_holding_paragraph_asks_for_no_customer_number_the_contract_is_known_by() -> None:
    """The holding paragraph (a draft that answers nothing yet) asked for the customer number
    of a mail that gives its contract or meter number, and asked every customer to describe
    again what their mail describes; the gap paragraph already knew both."""
    for given in ({"contract_number"}, {"meter_number"}, {"customer_number"}, set(IDENTIFYING)):
        assert "Kundennummer" not in holding_text("de", "sie", given)
        assert "Kundennummer" not in holding_text("de", "du", given)
        assert "customer number" not in holding_text("en", "sie", given)
    assert "Ihre Kundennummer" in holding_text("de", "sie", set())
    assert "deine Kundennummer" in holding_text("de", "du", set())
    assert "customer number" in holding_text("en", "sie", set())
    for language, register in (("de", "sie"), ("de", "du"), ("en", "sie")):
        text = holding_text(language, register, set())
        assert "beschreib" not in text and "description" not in text
