"""The desk's string catalogue now lives in the core (drafter.i18n, drafter.i18n_de) so that
the command line speaks the same language; this module keeps the desk's imports as they were."""

from __future__ import annotations

from drafter.i18n import (
    CATALOGUE,
    EN,
    Language,
    language,
    local_time,
    reason_label,
    set_language,
    short_time,
    status_label,
    t,
)
from drafter.i18n_de import DE

__all__ = [
    "CATALOGUE",
    "DE",
    "EN",
    "Language",
    "language",
    "local_time",
    "reason_label",
    "set_language",
    "short_time",
    "status_label",
    "t",
]
