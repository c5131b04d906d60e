"""The pseudonymizer: runs every recognizer, resolves overlaps and replaces personal data
with typed, numbered placeholders recorded in a `Vault`.

Overlaps are resolved by priority (structured identifiers before addresses before names),
then by length. `redact_email` pseudonymizes subject, body, quoted text, signature, the
From/To/Cc addresses and attachment names of an `InboundEmail`: exactly what a model sees.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from drafter.config import Settings
from drafter.models import Address, Entity, InboundEmail
from drafter.privacy import names as nm
from drafter.privacy.places import find_postcode_cities, find_streets
from drafter.privacy.recognizers import (
    Span,
    compile_customer_patterns,
    find_cards,
    find_customer_numbers,
    find_dobs,
    find_emails,
    find_ibans,
    find_phones,
    find_tax_ids,
)
from drafter.privacy.vault import Vault

PRIORITY = {
    "EMAIL": 10,
    "IBAN": 9,
    "CARD": 9,
    "VAT_ID": 8,
    "TAX_ID": 8,
    "CUSTOMER_NO": 7,
    "DOB": 6,
    "PHONE": 5,
    "ADDRESS": 4,
    "POSTCODE_CITY": 4,
    "NAME": 1,
}
_DOMAIN = re.compile(r"@([\w.-]+)")


@lru_cache(maxsize=256)
def _matcher(found: frozenset[str]) -> re.Pattern[str] | None:
    return nm.build_matcher(found)


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    ordered = sorted(spans, key=lambda s: (-PRIORITY.get(s.type, 0), s.start - s.end, s.start))
    accepted: list[Span] = []  # kept sorted by start
    for span in ordered:
        if span.end <= span.start:
            continue
        i = bisect.bisect_left(accepted, span.start, key=lambda a: a.start)
        if i > 0 and accepted[i - 1].end > span.start:
            continue
        if i < len(accepted) and accepted[i].start < span.end:
            continue
        accepted.insert(i, span)
    return accepted


class Pseudonymizer:
    """Finds personal data in German and English text and swaps it for placeholders."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings if settings is not None else Settings()
        self._customer_patterns = compile_customer_patterns(settings.customer_number_patterns)
        domains = list(settings.link_allowlist)
        domains += _DOMAIN.findall(settings.mail_from)
        self._own_domains = tuple(d.lower() for d in domains)
        company = f"{settings.brand_name} {settings.agent_name}"
        extra = {w.strip(",.-") for w in company.split() if w[:1].isupper()}
        self._stop = nm.STOP_WORDS | frozenset(extra)

    # --- finding ---------------------------------------------------------------------

    def _structured(self, text: str) -> list[Span]:
        spans: list[Span] = [
            *find_emails(text, self._own_domains),
            *find_ibans(text),
            *find_cards(text),
            *find_tax_ids(text),
            *find_customer_numbers(text, self._customer_patterns),
            *find_dobs(text),
            *find_phones(text),
        ]
        streets = list(find_streets(text))
        spans += streets
        spans += find_postcode_cities(text, streets)
        return spans

    def discover_names(self, text: str, *, signature: bool = False) -> list[str]:
        """Names a cue in `text` points at (without searching for later occurrences)."""
        return nm.discover(text, self._stop, signature=signature)

    def find(
        self, text: str, known_names: Iterable[str] = (), *, signature: bool = False
    ) -> list[Span]:
        """All personal-data spans of `text`, overlaps resolved."""
        found = self.discover_names(text, signature=signature)
        matcher = _matcher(frozenset(nm.variants(found, self._stop, trusted=known_names)))
        return resolve([*self._structured(text), *nm.find_names(text, matcher)])

    # --- replacing -------------------------------------------------------------------

    def redact(
        self,
        text: str,
        vault: Vault,
        known_names: Iterable[str] = (),
        *,
        signature: bool = False,
    ) -> str:
        """`text` with personal data replaced by placeholders; new values join `vault`."""
        if not text:
            return text
        known = [*known_names, *vault.values("NAME")]
        spans = self.find(text, known, signature=signature)
        placeholders = vault.placeholders_for((s.type, text[s.start : s.end]) for s in spans)
        pieces: list[str] = []
        last = 0
        for span, placeholder in zip(spans, placeholders, strict=True):
            pieces.append(text[last : span.start])
            pieces.append(placeholder)
            last = span.end
        pieces.append(text[last:])
        return "".join(pieces)

    def entities(self, text: str, known_names: Iterable[str] = ()) -> list[Entity]:
        """The spans of `text` as Entities with offsets (no placeholders)."""
        return [
            Entity(type=s.type, value=text[s.start : s.end], start=s.start, end=s.end)
            for s in self.find(text, known_names)
        ]

    def _own(self, address: str) -> bool:
        domain = address.rsplit("@", 1)[-1].lower()
        return any(domain == d or domain.endswith("." + d) for d in self._own_domains)

    def _address(self, address: Address, vault: Vault, known: list[str]) -> Address:
        if address.email and self._own(address.email):
            return address
        name = nm.parse_display_name(address.name)
        return Address(
            name=self.redact(name, vault, [*known, name]) if name else "",
            email=vault.placeholder_for("EMAIL", address.email) if address.email else "",
        )

    def redact_email(
        self, email: InboundEmail, vault: Vault | None = None
    ) -> tuple[InboundEmail, Vault]:
        """A copy of `email` as a model may see it, and the vault (new or grown)."""
        vault = vault if vault is not None else Vault()
        display = nm.parse_display_name(email.from_.name)
        if display.islower():
            display = display.title()
        known: list[str] = []
        if display and nm.variants([display], self._stop):
            known.append(display)
            vault.placeholder_for("NAME", display)
        if email.from_.email and not self._own(email.from_.email):
            vault.placeholder_for("EMAIL", email.from_.email)
        texts = {
            "subject": email.subject,
            "body": email.body,
            "quoted": email.quoted,
            "signature": email.signature,
        }
        for field, text in texts.items():
            known += self.discover_names(text, signature=field == "signature")
        redacted = {
            field: self.redact(text, vault, known, signature=field == "signature")
            for field, text in texts.items()
        }
        attachments = [
            a.model_copy(update={"filename": self.redact(a.filename, vault, known)})
            for a in email.attachments
        ]
        update: dict[str, object] = {
            **redacted,
            "from_": self._address(email.from_, vault, known),
            "to": [self._address(a, vault, known) for a in email.to],
            "cc": [self._address(a, vault, known) for a in email.cc],
            "attachments": attachments,
        }
        return email.model_copy(update=update), vault
