"""Urgency triage: spots safety emergencies (gas smell, CO, fire at meters, live cables, water
near electrics, the supply or line out for a home emergency call or a medical device) in a
customer's newest message so the queue can put them first.

`urgency(email)` reads the subject and the newest message only (never quoted history or the
signature) and returns "" or a short English reason such as "gas smell". Patterns are cheap
regular expressions in German and English; compounds like "Gastarif", "Gaspreis" or
"Gasrechnung" and negated mentions ("kein Gasgeruch", "no smell of gas") do not trigger.
"""

from __future__ import annotations

import re

from drafter.life_support import names_life_device
from drafter.models import InboundEmail

_F = re.IGNORECASE | re.UNICODE

# (reason, pattern) in priority order; the first match wins
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "gas smell",
        re.compile(
            r"\bgas-?geruch\b|\bgeruch\s+(?:\w+\s+){0,3}nach\s+gas\b"
            r"|\briech\w*\s+(?:\w+\s+){0,6}nach\s+gas\b|\bgas\s+riech\w*"
            r"|\bsmell\w*\s+(?:\w+\s+){0,3}(?:of\s+)?gas\b|\bgas\s+smell\w*"
            r"|\bgas\s+(?:leak\w*|escap\w*)|\bgas-?leck\w*|\bleaking\s+gas\b"
            r"|\bgas\s+(?:strömt|tritt)\s+aus\b|\bausströmend\w*\s+gas\b"
            # the odorant added to gas smells of rotten eggs (the KB's own words)
            r"|\bfaul\w*\s+eier\w*|\brotten\s+eggs?\b",
            _F,
        ),
    ),
    (
        "carbon monoxide",
        re.compile(r"\bkohlenmonoxid\w*|\bcarbon\s+monoxide\b|\bCO[- ](?:melder|alarm)\w*", _F),
    ),
    (
        "fire or smoke at meter or cables",
        re.compile(
            r"\bschmorgeruch\b|\bschmort\b|\bkokelt\b|\bverschmort\w*"
            r"|\b(?:brand|feuer|rauch|funken|flammen)\b(?:\W+\w+){0,6}?\W+"
            r"(?:zähler\w*|sicherung\w*|kabel\w*|steckdose\w*|leitung\w*|verteiler\w*|"
            r"stromkasten|hausanschluss\w*)"
            r"|\b(?:zähler\w*|sicherung\w*|kabel\w*|steckdose\w*|leitung\w*|verteiler\w*|"
            r"stromkasten|hausanschluss\w*)\b(?:\W+\w+){0,6}?\W+"
            r"(?:brennt|raucht|qualmt|funkt|sprüht\s+funken|brand|rauch|funken|feuer)\b"
            r"|\b(?:fire|smoke|smoking|sparks?|sparking|burning\s+smell|flames?)\b"
            r"(?:\W+\w+){0,6}?\W+(?:meter|fuse\w*|cables?|wires?|wiring|sockets?|outlets?|"
            r"fuse\s*box|breaker\w*)\b"
            r"|\b(?:meter|fuse\s*box|cables?|wires?|wiring|sockets?|outlets?)\b"
            r"(?:\W+\w+){0,6}?\W+(?:is\s+|are\s+)?(?:on\s+fire|smok\w+|spark\w*|burning)\b",
            _F,
        ),
    ),
    (
        "exposed live cables or electric shock",
        re.compile(
            r"\bkabel\w*\s+(?:\w+\s+){0,3}(?:liegt|liegen|hängt|hängen)\s+(?:\w+\s+){0,2}frei"
            r"|\bfreiliegend\w*\s+(?:\w+\s+){0,2}(?:kabel|leitung|draht|drähte)\w*"
            r"|\bstromschlag\w*|\bstrom\s+bekommen\b|\bgewischt\s+bekommen\b"
            r"|\belectric(?:al)?\s+shock\w*|\bexposed\s+(?:live\s+)?(?:cables?|wires?|wiring)"
            r"|\blive\s+(?:cables?|wires?)\b|\b(?:cables?|wires?)\s+(?:are\s+|is\s+)?exposed\b",
            _F,
        ),
    ),
    (
        "flooding near electrics",
        re.compile(
            r"(?:\b(?:überschwemm\w*|hochwasser|wasserschaden|unter\s+wasser|nass\w*)"
            r"|\bwasser\s+(?:steht|stand|läuft|lief|tropft|dringt|drang|kommt|rinnt)\b)"
            r"(?:\W+\w+){0,8}?\W+"
            r"(?:zähler\w*|sicherung\w*|stromkasten|verteiler\w*|steckdose\w*|"
            r"hausanschluss\w*|elektrik)"
            r"|\b(?:flood\w*|under\s+water|soaked|wet|water\s+(?:is\s+|was\s+)?"
            r"(?:leak|drip|pour|run|com|pool|stand)\w*)"
            r"(?:\W+\w+){0,8}?\W+"
            r"(?:meter|fuse\s*box|electrics|electrical|sockets?|breaker\w*|consumer\s+unit)\b",
            _F,
        ),
    ),
)

# a negation right before the match ("kein Gasgeruch", "no smell of gas", "nicht nach Gas")
_NEGATION = re.compile(
    r"\b(?:kein\w*|nicht|nie|niemals|ohne|no|not|never|without|nothing)\W+(?:\w+\W+){0,2}$",
    _F,
)


LIFE_DEVICE = "supply out for a life-safety device"
#: every reason `urgency` can return (the German desk translates each: drafter.tui.warning_text)
REASONS: tuple[str, ...] = (*(reason for reason, _ in _RULES), LIFE_DEVICE)


def _hit(text: str) -> str:
    for reason, pattern in _RULES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            sentence_start = max(before.rfind("."), before.rfind("!"), before.rfind("?"))
            if _NEGATION.search(before[sentence_start + 1 :]):
                continue
            if _negated_inside(match.group(0)):
                continue
            return reason
    return ""


def _negated_inside(matched: str) -> bool:
    """'riecht es nicht nach Gas' / 'does not smell of gas': the negation sits in the match."""
    return re.search(r"\b(?:nicht|nie|kein\w*|not|never|no)\b", matched, _F) is not None


# a device someone's safety hangs on (drafter.life_support). Named alone it is no emergency
# ("Bieten Sie Hausnotruf an?"); with the supply or line out in the same message it is
# ("Hausnotruf meiner Mutter, Telefon tot").
_SUPPLY_OUT = re.compile(
    r"\b(?:stromausfall|ausgefallen|ausfall|störung|tot|abgeschaltet|gesperrt)\b"
    r"|\b(?:kein|keinen)\s+(?:strom|internet|telefon|netz|signal)\b|\bgeht\s+(?:\w+\s+){0,3}"
    r"(?:nicht|weder)\b|\bfunktioniert\s+(?:\w+\s+){0,2}nicht\b"
    r"|\b(?:power\s+(?:cut|outage|is\s+off|went\s+off|is\s+out)|outage|no\s+(?:power|"
    r"electricity|internet|phone|line|signal)|(?:line|phone|internet)\s+(?:is\s+)?"
    r"(?:dead|down)|cut\s+off|not\s+working)\b",
    _F,
)


def urgency(email: InboundEmail) -> str:
    """ "" for an ordinary email, else a short reason ("gas smell", "carbon monoxide", ...)."""
    text = f"{email.subject}\n{email.body}"
    found = _hit(text)
    if not found and names_life_device(text) and _SUPPLY_OUT.search(text):
        found = LIFE_DEVICE
    return found
