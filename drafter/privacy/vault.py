"""The vault: the per-thread mapping between typed placeholders and the real values.

A `Vault` is a pydantic model (JSON-serialisable, stored with the thread). The same value
always gets the same placeholder in one vault; values are compared after a per-type
normalisation (phone and IBAN spacing, e-mail case, name case and whitespace), so
"DE89 3704 0044 ..." and "DE8937040044..." share `[IBAN_1]`.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, PrivateAttr

from drafter.models import Entity

_SPACE = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")
PLACEHOLDER_RE = re.compile(r"\[([A-Z]+(?:_[A-Z]+)*)_(\d+)\]")


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


class Vault(BaseModel):
    """Placeholders and their real values for one thread; grows as texts are redacted."""

    entities: list[Entity] = Field(default_factory=list)
    _index: dict[tuple[str, str], str] = PrivateAttr(default_factory=dict)
    _by_placeholder: dict[str, Entity] = PrivateAttr(default_factory=dict)

    def _sync(self) -> None:
        if len(self._by_placeholder) != len(self.entities):
            self._index = {
                (e.type, normalise(e.type, e.value)): e.placeholder for e in self.entities
            }
            self._by_placeholder = {e.placeholder: e for e in self.entities}

    def placeholder_for(self, entity_type: str, value: str) -> str:
        """The placeholder of `value`, allocating the next number of its type if new."""
        self._sync()
        key = (entity_type, normalise(entity_type, value))
        found = self._index.get(key)
        if found is not None:
            return found
        number = 1 + sum(1 for e in self.entities if e.type == entity_type)
        placeholder = f"[{entity_type}_{number}]"
        while placeholder in self._by_placeholder:  # a hand-edited vault; never reuse
            number += 1
            placeholder = f"[{entity_type}_{number}]"
        entity = Entity(type=entity_type, value=value, placeholder=placeholder)
        self.entities.append(entity)
        self._index[key] = placeholder
        self._by_placeholder[placeholder] = entity
        return placeholder

    def value_of(self, placeholder: str) -> str | None:
        """The real value behind a placeholder such as `[NAME_1]`, or None if unknown."""
        self._sync()
        entity = self._by_placeholder.get(placeholder)
        return entity.value if entity else None

    def values(self, entity_type: str) -> list[str]:
        """All real values of one type, in the order they were found."""
        return [e.value for e in self.entities if e.type == entity_type]

    @property
    def placeholders(self) -> list[str]:
        return [e.placeholder for e in self.entities]
