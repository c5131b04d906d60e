"""What the mail says about the sex of the person greeted, beyond the name itself.

Owns `gender_cue` (used by drafter.drafting.salutation when the name alone leaves the
greeting neutral or may be wrong): pronouns under the name ("(she/her)", "(they/them)"),
"Ihre Andrea" / "Ihr Sascha" in the sign-off, "Frau Alex Jankowski" or "Mr Morgan Tremayne"
in the text, our earlier greeting in the thread, and the writer's spouse ("das Konto meines
Mannes" is written by a woman). The name parsing itself is drafter.drafting.sender.
"""

from __future__ import annotations

import re

from drafter.drafting.name_words import PRONOUN_SEX, PRONOUNS
from drafter.drafting.sender import SALUTATION, Name

__all__ = ["gender_cue"]

_SPOKEN = re.compile(r"[„“”\"»«][^„“”\"»«\n]{1,200}[“”\"«»]|^[ \t]*>.*$", re.M)
_WIFE = re.compile(r"(?i)\bmein(?:es|em|en)?\s+(?:ehe)?mann(?:e?s)?\b|\bmy husband\b")
#: not "meine Frau Berg" (a name after it, in capitals: case-sensitive under the (?i), or
#: "meine Frau und ich" would count as a name too and the cue never be read)
_HUSBAND = re.compile(r"(?i)\bmeine[rn]?\s+(?:ehe)?frau\b(?!\s+(?-i:[A-ZÄÖÜ]))|\bmy wife\b")


#: a German closing ending on the line before a possessive and the name
_CLOSING_ON_LINE = r"[^\n]*?\b(?:grüßen?|grüssen?|gruß|gruss|mfg|lg|vg|dank)\b[,!.]?"


def gender_cue(body: str, name: Name, quoted: str = "") -> tuple[str, bool]:
    """(gender, sure) the mail says about the person greeted, ("", False) when nothing.

    Sure: "Frau Alex Jankowski" in the text (first and last name after Frau/Herr/Mr/Ms) or
    "Ihre Andrea" / "Ihr Sascha" in the sign-off. Not sure: "Frau Jankowski" (last name only),
    an earlier message of the thread (`quoted`) that greeted the person by this last name
    ("> Sehr geehrte Frau Clausen,", "> Dear Mr Hale,": our own reply, so the next one stays
    consistent), or the writer's spouse ("das Konto meines Mannes" is written by a woman).
    Otherwise quoted text and words in quotation marks are someone else's, and are skipped.
    """
    if not name.last and not name.first:
        return "", False
    text = _SPOKEN.sub(" ", body)
    pronouns = PRONOUNS.search("\n".join(text.strip().splitlines()[-6:]))
    if pronouns:  # "(she/her)" under the name, "Pronouns: they/them"
        return PRONOUN_SEX[pronouns.group(1).lower()], True
    found: set[str] = set()
    for who in (n for n in (name.first, name.last) if n):
        tail = "\n".join(text.strip().splitlines()[-6:])
        # also after a closing on the same line ("Mit freundlichen Grüßen Ihr Sascha Brandl")
        for word in re.findall(
            rf"(?im)^(?:{_CLOSING_ON_LINE})?\s*(ihre?|deine?)\s+{re.escape(who)}\b", tail
        ):
            found.add("female" if word.lower().endswith("e") else "male")
    if name.first and name.last:
        full = rf"{re.escape(name.first)}\s+{re.escape(name.last)}"
        for word in re.findall(rf"(?i)\b(frau|herrn?|mrs|ms|miss|mr)\.?\s+{full}\b", text):
            found.add(SALUTATION[word.lower()])
    if len(found) == 1:
        return found.pop(), True
    if found:
        return "", False
    if name.last:
        last = re.findall(
            rf"(?i)\b(frau|herrn?|mrs|ms|miss|mr)\.?\s+{re.escape(name.last)}\b", text
        )
        sexes = {SALUTATION[w.lower()] for w in last}
        if len(sexes) == 1:
            return sexes.pop(), False
    if name.last and quoted:
        sexes = {SALUTATION[w.lower()] for w in _greeted(quoted, name.last)}
        if len(sexes) == 1:
            return sexes.pop(), False
    wife, husband = bool(_WIFE.search(text)), bool(_HUSBAND.search(text))
    if wife != husband:
        return ("female" if wife else "male"), False
    return "", False


def _greeted(quoted: str, last: str) -> list[str]:
    """The Frau/Herr/Mr/Ms words of the salutation lines in `quoted` that greet `last`."""
    text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)+", "", quoted)
    return re.findall(
        r"(?im)^\s*(?:sehr\s+geehrte[rn]?|guten\s+tag|liebe[rn]?|hallo|dear|hello|good\s+"
        rf"(?:morning|afternoon))\s+(frau|herrn?|mrs|ms|miss|mr)\.?\s+(?:(?:prof|dr)\.?\s+)*"
        rf"{re.escape(last)}\s*[,!]",
        text,
    )
