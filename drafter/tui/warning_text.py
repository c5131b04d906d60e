"""Moved to drafter.warning_text (the command line shows warnings in German too).

This name is the same module object as drafter.warning_text (not a copy of its names), so
that patching it (tests set `warning_text.language`) reaches the code that reads it."""

from __future__ import annotations

import sys

from drafter import warning_text as _core
from drafter.warning_text import describe, german, label, message

__all__ = ["describe", "german", "label", "message"]

sys.modules[__name__] = _core
