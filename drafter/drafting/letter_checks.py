"""The letter form of a draft: greeting, sign-off and register (checks for model drafts).

Owns `greeting_line`/`has_sign_off` (also used by drafter.evaluation.defects) and
`check_letter`, which drafter.drafting.checks runs on every draft:

- `greeting`: the reply does not open with a salutation ("Sehr geehrte ...", "Hallo ...",
  "Dear ...", "Hi ...");
- `sign_off`: no closing formula ("Mit freundlichen Grüßen", "Viele Grüße", "Kind regards",
  ...) near the end;
- `register`: a German reply whose salutation or text does not match the customer's Du/Sie
  (the customer writes "du" and the reply says "Sehr geehrter Herr ..." or "Sie", or the
  other way round), or that mixes both.
"""

from __future__ import annotations

import re

from drafter.closings import SIGN_OFF
from drafter.drafting.check_base import sentences
from drafter.drafting.du_signals import plural_only
from drafter.drafting.salutation import german_register, register_signals
from drafter.models import DraftWarning

_GREETING = re.compile(
    r"^(?:sehr geehrte[rn]?|guten (?:tag|morgen|abend)|hallo|hi|hey|moin|servus|liebe[rs]?|"
    r"dear|hello|good (?:morning|afternoon|evening)|greetings)\b",
    re.I,
)
_FORMAL_SALUTATION = re.compile(r"^(?:sehr geehrte[rn]?|guten tag)\b", re.I)
# "Hallo Finn" is Du; "Hallo Herr Behrendsen", "Moin Frau Dr. Fehrs" greet by title and surname,
# which goes with Sie (German service mail writes it every day)
_INFORMAL_SALUTATION = re.compile(
    r"^(?:hallo|hi|hey|moin|servus|liebe[rs]?)\b"
    r"(?!,?\s+(?:herrn?|frau|hr\.|fr\.|dr\.|prof\.?|familie|damen und herren)\b)",
    re.I,
)


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.strip().splitlines() if line.strip()]


def is_greeting(line: str) -> bool:
    """True when `line` is a salutation ("Sehr geehrte Frau …", "Hallo Anna", "Dear …")."""
    return bool(_GREETING.match(line.strip()))


def greeting_line(body: str) -> str:
    """The salutation the reply opens with ('' when it has none)."""
    lines = _lines(body)
    return lines[0] if lines and is_greeting(lines[0]) else ""


def has_sign_off(body: str) -> bool:
    """True when one of the last lines is a closing formula."""
    return any(SIGN_OFF.match(line) for line in _lines(body)[-6:])


def reply_register(body: str) -> str:
    """'du', 'sie', 'mixed' or '' for a German reply (greeting and sign-off left out)."""
    lines = _lines(body)
    if lines and greeting_line(body):
        lines = lines[1:]
    end = next((i for i, line in enumerate(lines) if SIGN_OFF.match(line)), len(lines))
    du, sie = register_signals("\n".join(lines[:end]))
    if du and sie:
        return "mixed"
    return "du" if du else "sie" if sie else ""


def check_letter(body: str, customer_text: str, language: str) -> list[DraftWarning]:
    """Warnings for a missing greeting or sign-off and a register that does not fit."""
    warnings: list[DraftWarning] = []
    salutation = greeting_line(body)
    if not salutation:
        warnings.append(
            DraftWarning(
                code="greeting",
                message="the draft does not open with a greeting; add one "
                "(e.g. 'Sehr geehrte Frau ...,' / 'Dear Ms ...,')",
            )
        )
    if not has_sign_off(body):
        warnings.append(
            DraftWarning(
                code="sign_off",
                message="the draft has no closing formula (e.g. 'Mit freundlichen Grüßen' / "
                "'Kind regards'); add one before the signature",
            )
        )
    if language != "de":
        return warnings
    wanted = german_register(customer_text)
    found = reply_register(body)
    if salutation and found != "mixed":
        if _FORMAL_SALUTATION.match(salutation):
            found = "mixed" if found == "du" else "sie"
        elif _INFORMAL_SALUTATION.match(salutation):
            found = "mixed" if found == "sie" else "du"
    if found == "mixed":
        message = "the draft mixes 'du' and 'Sie'; use one register throughout"
        span = _first_in(body, "du") if _sie_leads(body, salutation) else _first_in(body, "sie")
    elif wanted == "du" and found == "sie" and plural_only(customer_text):
        return warnings  # "Ihr habt … Henrike Sollmann": only "ihr" to the firm, Sie fits
    elif wanted and found and wanted != found:
        message = (
            f"the customer writes '{wanted}', the draft uses '{found}' "
            "(greeting or text); adapt the register"
        )
        span = _first_in(body, found)
    else:
        return warnings
    warnings.append(DraftWarning(code="register", message=message, span=span))
    return warnings


def _sie_leads(body: str, salutation: str) -> bool:
    """Whether Sie is the draft's main register (its greeting, or more Sie than Du words)."""
    if salutation and _FORMAL_SALUTATION.match(salutation):
        return True
    if salutation and _INFORMAL_SALUTATION.match(salutation):
        return False
    du, sie = register_signals(body)
    return sie >= du


def _first_in(body: str, register: str) -> str:
    """The first sentence (the greeting line included) that addresses the reader with
    `register`: the offending text the desk highlights."""
    for line in (body[a:b].strip() for a, b in sentences(body)):
        if register == "sie" and _FORMAL_SALUTATION.match(line):
            return line
        if register == "du" and _INFORMAL_SALUTATION.match(line):
            return line
        du, sie = register_signals(line)
        if (du if register == "du" else sie) and not SIGN_OFF.match(line):
            return line
    return ""
