"""A customer who does not use the customer portal (no-LLM drafts): `without_portal` tells
such a mail, `portal_units` the article steps a reply to it leaves out, `portal_step` a
sentence that sends the customer into the portal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.article_units import Unit, parse_article

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")

# the customer does not use the customer portal ("Ins Portal komme ich nicht, da habe ich mich
# nie registriert", "mit dem Portal komme ich nicht zurecht", "I don't use the portal"): a
# sentence naming the portal and saying they never registered, have no access or account,
# do not use or cope with it, or want it done without it. A login problem ("locked out of
# the portal", "Passwort vergessen") is no such statement: that customer has an account.
_PORTAL = re.compile(r"portal", re.I)
_WITHOUT_PORTAL = re.compile(
    r"\bnie\b|\bnicht\s+(?:registriert|angemeldet|zurecht|nutzen|benutzen)|"
    r"\b(?:nutze|benutze)\w*\b[^.!?]*\bnicht\b|\bkein\w*\s+(?:\w+\s+)?(?:zugang|konto|account)|"
    r"\bohne\b|\b(?:don't|do not|never|rather not)\s+(?:use|have|want)\b|"
    r"\b(?:not|never)\s+registered\b|\bno\s+(?:portal\s+)?(?:account|access)\b|\bwithout\b",
    re.I,
)
_LOGIN = re.compile(r"gesperrt|passwor|locked|password|log\s?in|anmelden", re.I)


def without_portal(text: str) -> bool:
    """True when the mail says the customer does not use the customer portal (see above): a
    template draft then gives no portal steps, only the way without it."""
    joined = re.sub(r"\s*\n\s*", " ", text)
    return any(
        _PORTAL.search(s) and _WITHOUT_PORTAL.search(s) and not _LOGIN.search(s)
        for s in _SENTENCE.split(joined)
    )


_PORTAL_WAY = re.compile(r"\b(?:ohne|without)\b[^.!?]{0,30}portal", re.I)


def portal_step(sentence: str) -> bool:
    """True for a sentence that tells the customer to do something in the portal (not the
    way without it: "Ohne Portal erreichen Sie uns …", "Without the portal, email …")."""
    return bool(_PORTAL.search(sentence)) and not _PORTAL_WAY.search(sentence)


# a list item naming another way than the portal: the list gives alternatives, not steps
_OTHER_WAY = re.compile(
    r"@|\d{3,}[\s/-]\d{3,}|\b(?:ohne|without|per post|by post|brief|letter|telefon\w*|phone|"
    r"e-?mail)\b",
    re.I,
)


def portal_units(texts: Sequence[str], body: str) -> set[tuple[int, int]]:
    """(passage number, position) of the articles' portal steps when the mail `body` says the
    customer does not use the portal (`without_portal`), else none: each portal sentence, and
    every step of a list one of whose steps names the portal ("Wählen Sie Zahlungsdaten > …"
    under "Melden Sie sich im Kundenportal an"); in a list of alternatives ("Kundenportal: …",
    "Per E-Mail: …", "Telefonisch: …") only the portal item."""
    if not without_portal(body):
        return set()
    units = [u for n, text in enumerate(texts, 1) for u in parse_article(text, n)]
    portal = {(u.passage, u.position) for u in units if portal_step(f"{u.lead} {u.text}")}
    blocks: dict[tuple[int, int], list[Unit]] = {}
    for unit in units:
        blocks.setdefault((unit.passage, unit.block), []).append(unit)
    out = set()
    for members in blocks.values():
        items = [u for u in members if u.kind == "item"]
        steps = [u for u in items if (u.passage, u.position) in portal]
        alternatives = any(
            _OTHER_WAY.search(u.text) for u in items if (u.passage, u.position) not in portal
        )
        whole = steps and not alternatives
        out |= {
            (u.passage, u.position)
            for u in members
            if (u.passage, u.position) in portal or (whole and u.kind == "item")
        }
    return out
