"""Moved to drafter.warning_codes (the command line names warnings too); the desk's name."""

from __future__ import annotations

from drafter.warning_codes import DE_CODES, EN_LABELS, label

__all__ = ["DE_CODES", "EN_LABELS", "label"]
