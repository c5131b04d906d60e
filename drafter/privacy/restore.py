"""Putting real values back into a model's text, and flagging what went wrong on the way.

`restore(text, vault)` replaces every `[TYPE_n]` the vault knows. A placeholder the model
mangled ("[NAME 1]", "[name_1]", "NAME_1", "[NAME_1") is repaired when it is unambiguous
and always reported in `problems`; one the vault does not know ("[IBAN_7]") is left visible,
reported in `problems` and listed in `unresolved`, so it can never slip into a reply
silently. Placeholders that were expected but are missing are information only (`dropped`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

from drafter.privacy.vault import Vault

KNOWN_TYPES = (
    "NAME",
    "EMAIL",
    "PHONE",
    "IBAN",
    "CARD",
    "TAX_ID",
    "VAT_ID",
    "DOB",
    "ADDRESS",
    "POSTCODE_CITY",
    "CUSTOMER_NO",
    "SOCIAL_SECURITY",
    "HEALTH_INSURANCE",
    "ID_DOCUMENT",
    "LICENSE_PLATE",
    "VIN",
    "IP_ADDRESS",
    "URL_SECRET",
    "SECRET",
    "ORDER_NO",
    "NUMBER",
)


def _loose_type(name: str) -> str:
    return r"[\s_-]?".join(re.escape(part) for part in name.split("_"))


def _pattern(types: Iterable[str]) -> re.Pattern[str]:
    alternation = "|".join(_loose_type(t) for t in sorted(set(types), key=len, reverse=True))
    return re.compile(
        rf"(?P<open>[\[{{<(]\s*)?(?<![\w-])(?P<type>{alternation})"
        rf"(?P<sep>[\s_-]{{0,2}})(?P<num>\d{{1,3}})(?![\w-])(?P<close>\s*[\]}}>)])?",
        re.I,
    )


_DEFAULT = _pattern(KNOWN_TYPES)


class RestoreResult(BaseModel):
    """The restored text; `problems` must be shown to the agent before anything is sent."""

    text: str
    problems: list[str] = Field(default_factory=list)
    unresolved: list[str] = Field(default_factory=list)  # placeholders left in `text`
    dropped: list[str] = Field(default_factory=list)  # expected, not used (information)
    repaired: list[str] = Field(default_factory=list)  # mangled forms that were fixed

    @property
    def ok(self) -> bool:
        return not self.problems


def restore(text: str, vault: Vault, expected: Iterable[str] | None = None) -> RestoreResult:
    """Real values back in; mangled placeholders repaired and flagged; invented ones flagged.

    `expected` lists the placeholders the model was shown (default: all in the vault); the
    ones it did not use are reported in `dropped`, which is not a problem by itself.
    """
    extra = {e.type for e in vault.entities} - set(KNOWN_TYPES)
    regex = _pattern([*KNOWN_TYPES, *extra]) if extra else _DEFAULT
    problems: list[str] = []
    unresolved: list[str] = []
    repaired: list[str] = []
    used: set[str] = set()

    def replace(m: re.Match[str]) -> str:
        raw = m.group()
        type_ = re.sub(r"[\s_-]+", "_", m.group("type")).upper()
        canonical = f"[{type_}_{int(m.group('num'))}]"
        exact = raw == canonical
        bracketed = bool(m.group("open") or m.group("close"))
        if not exact and not bracketed and "_" not in raw:
            return raw  # ordinary prose such as "Name 2" or "DOB 12.03.1985"
        value = vault.value_of(canonical)
        if value is None:
            unresolved.append(raw)
            kind = "unknown placeholder" if exact else "unknown, mangled placeholder"
            problems.append(f"{kind} {raw!r}: not in this thread's vault, left visible")
            return raw
        used.add(canonical)
        if not exact:
            repaired.append(raw)
            problems.append(f"mangled placeholder {raw!r} repaired as {canonical}")
        return value

    restored = regex.sub(replace, text)
    wanted = list(expected) if expected is not None else vault.placeholders
    dropped = [p for p in dict.fromkeys(wanted) if p not in used]
    return RestoreResult(
        text=restored, problems=problems, unresolved=unresolved, dropped=dropped, repaired=repaired
    )
