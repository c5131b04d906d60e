"""Time as the store keeps it: everything drafter stores is UTC.

Its own module so that modules below drafter.store.db (audit, migrations) can use it without
importing db, which imports them (no import circle).
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite returns naive datetimes; everything drafter stores is UTC."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value
