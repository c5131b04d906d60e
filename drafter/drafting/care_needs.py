"""The knowledge base's line for a household that depends on medical equipment.

Articles about a power cut or a disconnection carry one line for a customer whose household
depends on medical equipment or care: "Sind Sie auf medizinische Geräte angewiesen, sagen Sie
das bei Ihrem Anruf." / "If you depend on medical equipment, tell us when you call." /
"Härtefall: Wohnen in Ihrem Haushalt … pflegebedürftige Personen oder Menschen, die auf
medizinische Geräte angewiesen sind, teilen Sie uns das bitte mit." A mail that names such a
need ("braucht nachts ein Sauerstoffgerät", "I use a CPAP machine at night", "my wife uses an
oxygen concentrator", "Pflegegrad 4") makes that line the decisive one of the reply; word
scores alone leave it out or put it last in a list (blind reviews: session 13 mail 19,
session 14 mail 16: "the decisive fact of his mail"). `needs_care` reads the mail,
`care_line` finds the line among an article's units; drafter.drafting.extractive puts it
right under the emergency numbers of an urgent draft, or into the draft with its article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.article_units import Unit, parse_article
from drafter.life_support import names_care_need

# the article's line for that household
_LINE = re.compile(
    r"medizinische\w*\s+Geräte|pflegebedürftige\s+Personen|medical equipment|"
    r"medical devices|people in need of care",
    re.IGNORECASE,
)


def needs_care(mail_text: str) -> bool:
    """Whether the mail says someone in the household depends on medical equipment or care."""
    return names_care_need(mail_text)


def care_line(units: Sequence[Unit]) -> Unit | None:
    """The first unit of `units` that is the article's line for a household depending on
    medical equipment or care, None when there is none."""
    return next((u for u in units if _LINE.search(u.text)), None)


def care_unit(chosen: Sequence[Unit], texts: Sequence[str], mail_text: str) -> Unit | None:
    """The care line of the first article the draft uses (`chosen` units, `texts` the usable
    articles numbered from 1), when the mail names such a need; None otherwise."""
    if not needs_care(mail_text):
        return None
    for n in dict.fromkeys(u.passage for u in chosen):
        line = care_line(parse_article(texts[n - 1], n))
        if line is not None:
            return line
    return None
