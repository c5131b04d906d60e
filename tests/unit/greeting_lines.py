"""A made-up customer mail and the greeting line and register drafter answers it with, for the
greeting tests of greet29 to greet33."""

from __future__ import annotations

from drafter.drafting.salutation import detect_register, greeting
from drafter.models import Address, InboundEmail


def mail(display: str, body: str, address: str, language: str) -> InboundEmail:
    """The customer's mail: display name, address, body, language."""
    return InboundEmail(from_=Address(name=display, email=address), body=body, language=language)


def greeting_line(display: str, body: str, address: str, language: str) -> tuple[str, str]:
    """The reply's first line and register for that mail (the house default register)."""
    email = mail(display, body, address, language)
    register = detect_register(email, language, "sie" if language == "de" else "you")
    return greeting(email, language, register).first_line, register
