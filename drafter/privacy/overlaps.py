"""Which span wins where recognizers overlap: the priority of each entity type and `resolve`.

Owns the priority table (vault values, then structured identifiers, addresses, names; the
fail-closed long-number catch-all last) and the overlap resolution drafter.privacy.pseudonymize
applies after every recognizer ran: higher priority first, then longer, then earlier.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache

from drafter.privacy.address_blocks import ABOVE_STREET
from drafter.privacy.spans import Span

PRIORITY = {
    "VAULT": 20,
    "EMAIL": 10,
    "URL_SECRET": 10,
    "SECRET": 10,
    "SOCIAL_SECURITY": 9,
    "HEALTH_INSURANCE": 9,
    "ID_DOCUMENT": 8,
    "VIN": 8,
    "IP_ADDRESS": 8,
    "LICENSE_PLATE": 6,
    "ORDER_NO": 7,
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


def _priority(span: Span) -> int:
    return _priority_of(span.type, span.why)


@lru_cache(maxsize=4096)
def _priority_of(entity_type: str, why: str) -> int:
    """The priority of a span by its type and reason (a pure function: cached)."""
    if why.startswith("vault"):
        return PRIORITY["VAULT"]
    if why.startswith("long number"):
        return 2  # the catch-all yields to every recognizer that knows the shape
    if why == "country letter + postcode + town (town list)":
        return PRIORITY["CUSTOMER_NO"] + 1  # "HR-10000 Zagreb" is no number of the company's
    if why == "Brazilian CEP, town, state":
        return PRIORITY["PHONE"] + 1  # "01310-100 São Paulo - SP": no phone number
    if why == ABOVE_STREET:
        return 0  # "Anna Berg" above her street is a name, found after the address lines
    if why in ("town after a place word", "town-district"):
        return PRIORITY["NAME"]  # "Karl-Heinz von Bergen" is a name, the longer span wins
    return PRIORITY.get(entity_type, 3)


def _order(span: Span) -> tuple[int, int, int]:
    return -_priority_of(span.type, span.why), span.start - span.end, span.start


def resolve(spans: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans: higher priority first, then longer, then earlier."""
    accepted: list[Span] = []  # kept sorted by start
    starts: list[int] = []  # the start of each accepted span (the bisect key)
    for span in sorted(spans, key=_order):
        if span.end <= span.start:
            continue
        i = bisect.bisect_left(starts, span.start)
        if i > 0 and accepted[i - 1].end > span.start:
            continue
        if i < len(accepted) and accepted[i].start < span.end:
            continue
        accepted.insert(i, span)
        starts.insert(i, span.start)
    return accepted
