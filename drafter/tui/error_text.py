"""Moved to drafter.error_text (the command line shows errors in German too); the desk's name."""

from __future__ import annotations

from drafter.error_text import german_message, hint, message, text

__all__ = ["german_message", "hint", "message", "text"]
