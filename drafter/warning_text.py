"""The draft warnings as the agent reads them in the desk, in the interface language.

The checks (drafter.drafting.checks, harm, letter_checks, support, ...) write their messages
in English; this module shows them in German, by warning code, when
`DRAFTER_UI_LANGUAGE=de`, so the core needs no edit:

- `label(code)`: a short name for the kind ("Knowledge gap", "Wissenslücke" for `kb_gap`);
  the code itself stays visible in the help (f1), for DRAFTER_ACK_REQUIRED_WARNINGS;
- `message(warning)`: the message. Each code has patterns for the English messages the core
  writes today; the values they carry (a host, an amount, a number) are formatted into the
  German text. A message no pattern knows (a check changed or added later) gets the code's
  general German description, with any quoted value of the English message appended, so
  the German desk never shows the English sentence;
- `describe(warning)`: one line for the send dialog's checklist (kind, message, offending
  text), like drafter.acknowledge.describe.

The German texts are in drafter.warning_text_de (data only). In English the messages are
the core's own text; the labels come from `EN_LABELS`.
tests/tui/test_warning_text.py checks that every code the core can emit has an English and a
German entry (drafter.warning_codes).
"""

from __future__ import annotations

import re

from drafter.i18n import language
from drafter.models import DraftWarning
from drafter.warning_codes import DE_CODES
from drafter.warning_codes import label as label  # the screens call warning_text.label
from drafter.warning_text_de import DE_MESSAGES, LANGUAGES, REASONS, URGENCY

_COMPILED = [(code, re.compile(pattern, re.S), text) for code, pattern, text in DE_MESSAGES]
_QUOTED = re.compile(r"(?<!\w)'([^']{1,80})'(?!\w)|\"([^\"]{1,80})\"|«([^»]{1,80})»")


def german(warning: DraftWarning) -> str:
    """The German text of a warning (see the module docstring)."""
    for code, pattern, text in _COMPILED:
        if code not in (warning.code, "*"):
            continue
        found = pattern.match(warning.message)
        if found:
            values = {k: _values(k, v) for k, v in found.groupdict().items()}
            return text.format(**values)
    general = DE_CODES.get(warning.code, ("", "Hinweis der Prüfung"))[1]
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(warning.message)]
    return general + (f" ({', '.join(quoted)})" if quoted else "")


def _values(name: str, value: str) -> str:
    if name == "reason":
        return REASONS[value]
    if name == "urgency":
        return URGENCY.get(value, value)
    if name in ("found", "wanted"):
        return {**LANGUAGES, "sie": "Sie"}.get(value, value)
    if name == "error":  # why the model failed: "Keine Verbindung zum Modell-Endpunkt …"
        from drafter.error_text import german_message

        return german_message(value)
    return value


def message(warning: DraftWarning) -> str:
    """The warning's message in the interface language."""
    if language() != "de" or warning.message == "(erased)":
        return warning.message
    return german(warning)


def describe(warning: DraftWarning) -> str:
    """One line for the send dialog's checklist: kind, message and the offending text."""
    text = message(warning)
    span = f"  «{warning.span}»" if warning.span and warning.span not in text else ""
    return f"{label(warning.code)}: {text}{span}"
