"""The vault: the per-thread mapping between typed placeholders and the real values.

A `Vault` is a pydantic model (JSON-serialisable, stored with the thread). The same value
always gets the same placeholder in one vault; values are compared after a per-type
normalisation (phone and IBAN spacing, e-mail case, name case and whitespace), so
"DE89 3704 0044 ..." and "DE8937040044..." share `[IBAN_1]`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel, Field, PrivateAttr

from drafter.models import Entity
from drafter.privacy import patterns

_SPACE = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
PLACEHOLDER_RE = patterns.PLACEHOLDER_RE  # the one placeholder pattern


def _phone_key(value: str) -> str:
    digits = _NOT_DIGIT.sub("", value.replace("(0)", ""))
    stripped = value.lstrip()
    if stripped.startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+49" + digits[1:]  # national German form; +49 is the home region
    return digits


def normalise(entity_type: str, value: str) -> str:
    """The equality key of a value of one type (spacing and case do not matter)."""
    if entity_type == "PHONE":
        return _phone_key(value)
    if entity_type in ("IBAN", "VAT_ID", "CUSTOMER_NO"):
        return _NOT_ALNUM.sub("", value).upper()
    if entity_type in ("CARD", "TAX_ID"):
        return _NOT_DIGIT.sub("", value)
    return _SPACE.sub(" ", value).strip().casefold()


@dataclass
class _Index:
    keys: dict[tuple[str, str], str] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)
    size: int = 0


class Vault(BaseModel):
    """Placeholders and their real values for one thread; grows as texts are redacted."""

    entities: list[Entity] = Field(default_factory=list)
    _index: _Index = PrivateAttr(default_factory=_Index)
    # why each placeholder was given (recognizer and cue; for `mail parse --redact`, not saved)
    _reasons: dict[str, str] = PrivateAttr(default_factory=dict)

    @property
    def reasons(self) -> dict[str, str]:
        return self._reasons

    def _synced(self) -> _Index:
        index = self._index
        if index.size != len(self.entities):  # built lazily, e.g. after loading from JSON
            index = _Index()
            for e in self.entities:
                index.keys[(e.type, normalise(e.type, e.value))] = e.placeholder
                index.entities[e.placeholder] = e
                index.counts[e.type] += 1
            index.size = len(self.entities)
            self._index = index
        return index

    def placeholder_for(self, entity_type: str, value: str) -> str:
        """The placeholder of `value`, allocating the next number of its type if new."""
        return self.placeholders_for([(entity_type, value)])[0]

    def placeholders_for(self, items: Iterable[tuple[str, str]]) -> list[str]:
        """`placeholder_for` of many (type, value) pairs at once (faster)."""
        index = self._synced()
        out: list[str] = []
        for entity_type, value in items:
            key = (entity_type, normalise(entity_type, value))
            found = index.keys.get(key)
            if found is None:
                number = index.counts[entity_type] + 1
                found = f"[{entity_type}_{number}]"
                while found in index.entities:  # a hand-edited vault; never reuse a number
                    number += 1
                    found = f"[{entity_type}_{number}]"
                entity = Entity(type=entity_type, value=value, placeholder=found)
                self.entities.append(entity)
                index.keys[key] = found
                index.entities[found] = entity
                index.counts[entity_type] += 1
                index.size += 1
            out.append(found)
        return out

    def value_of(self, placeholder: str) -> str | None:
        """The real value behind a placeholder such as `[NAME_1]`, or None if unknown."""
        entity = self._synced().entities.get(placeholder)
        return entity.value if entity else None

    def values(self, entity_type: str) -> list[str]:
        """All real values of one type, in the order they were found."""
        return [e.value for e in self.entities if e.type == entity_type]

    @property
    def placeholders(self) -> list[str]:
        return [e.placeholder for e in self.entities]
