"""Which warnings of a draft the agent must acknowledge one by one before it can be sent.

A warning whose code is in `Settings.ack_required_warnings` (injection, link, payment,
commitment, credentials, unsupported_claim, placeholder, kb_gap by default) is risky. It needs
an acknowledgement unless the agent already removed the offending text (`span`) from the
reply. Pure functions over models and settings: the desk enforces them (drafter.store.acks),
the TUI shows them as a checklist.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.models import DraftWarning


def needs_ack(
    required: Iterable[str], warnings: Iterable[DraftWarning], body: str
) -> list[DraftWarning]:
    """The warnings of a kind in `required` (Settings.ack_required_warnings) still present
    in `body`, each once, in the draft's order."""
    required = set(required)
    pending: list[DraftWarning] = []
    for warning in warnings:
        if warning.code not in required:
            continue
        if warning.span and warning.span not in body:
            continue  # the agent took the offending text out
        if all(key(w) != key(warning) for w in pending):
            pending.append(warning)
    return pending


def key(warning: DraftWarning) -> tuple[str, str]:
    """What identifies a warning for its acknowledgement: its kind and its text."""
    return (warning.code, warning.message)


def describe(warning: DraftWarning) -> str:
    """One line for a checklist or an error: kind, message and the offending text."""
    span = f"  «{warning.span}»" if warning.span and warning.span not in warning.message else ""
    return f"{warning.code}: {warning.message}{span}"
