"""Names on the lines of a sign-off, read by privacy itself (not by the greeting's reader).

The greeting modules (drafter.drafting.signoff) read ONE signed name, and only in the forms
they know; what they skip ("Liebe Grüße und Küsse\\nxx Anna xx", "Grüße\\n~ Jonas ~ (Kassenwart)",
a second line under the name) must still be hidden, so privacy does not depend on that
reader. `signoff_words` takes, after every closing line of a text (drafter.closings: the
formula, then at most three words), the rest of that line and the line below it, and returns
their words that may be a person's: a listed first name or German surname, or a word
rare in German and English that is no compound of two everyday words ("Kassenwartin").
The line below is skipped when it holds a digit, an address or link, a firm's legal form or
a mail program's footer (the address, the phone, the firm under a name), or is another
closing; on it, only what comes before a role or firm ("Anna Berg, Physiotherapeutin") counts,
and a rare word only on a short name-shaped line (three words at most, all capitalised or all
lowercase). The caller
(drafter.privacy.mail_redaction) hides them as known names in every field of the mail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from drafter.closings import CUSTOMER_CLOSING, MOBILE_FOOTER

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_KISSES = re.compile(r"(?i)(?:x|o|xo|ox)+")
#: a line under the name that is no name: the firm, the address, a link
_NOT_NAME_LINE = re.compile(
    r"(?i)\d|@|://|www\.|\b(?:gmbh|mbh|ag|kg|ug|gbr|ohg|e\.\s?v|ltd|llp|inc|plc)\b|[?:]\s*$"
)
#: what follows a name on its line: a role, a firm, a note in brackets
_AFTER_NAME = re.compile(r"\s*[,(|/·]\s*|\s+[-–—]\s+")
_MARKS = " \t>*_~=+|•·-–—"  # quoting, bullets and dashes around a sign-off line


def signoff_words(
    texts: Iterable[str],
    may_be_name: Callable[[str], bool],
    listed: Callable[[str], bool],
    blocked: Callable[[str], bool],
) -> list[str]:
    """The words after the closing lines of `texts` that may be a person's name."""
    found: list[str] = []
    for text in texts:
        lines = [ln.strip(_MARKS) for ln in text.splitlines()]
        lines = [ln for ln in lines if ln]
        for i, line in enumerate(lines):
            closing = CUSTOMER_CLOSING.match(line)
            rest = line[closing.end() :].strip(_MARKS + ",.!") if closing else ""
            if not closing or len(_WORD.findall(rest)) > 3:
                continue  # no closing, or a sentence that starts with "Danke"
            # on the closing line only a listed first name ("Gruß Ralf", not "God bless")
            found += [
                w for w in _name_words(rest, blocked) if _listed(w, listed) and w not in found
            ]
            below = lines[i + 1] if i + 1 < len(lines) else ""
            if not below or _NOT_NAME_LINE.search(below) or MOBILE_FOOTER.match(below):
                continue
            if CUSTOMER_CLOSING.match(below):
                continue  # "Danke!\nLove,": the next closing line is read on its own
            head = _AFTER_NAME.split(below)[0]  # "Anna Berg, Physiotherapeutin"
            words = _name_words(head, blocked)
            shaped = len(head.split()) <= 3 and (
                head.islower() or all(w[:1].isupper() for w in _WORD.findall(head))
            )
            found += [
                w
                for w in words
                if (may_be_name(w.title()) if shaped else _listed(w, listed)) and w not in found
            ]
    return found


def _name_words(text: str, blocked: Callable[[str], bool]) -> list[str]:
    return [
        w
        for w in _WORD.findall(text)
        if len(w) > 1 and not _KISSES.fullmatch(w) and not (blocked(w) or blocked(w.title()))
    ]


def _listed(word: str, listed: Callable[[str], bool]) -> bool:
    """A capitalised common first name ("Gruß Ralf"; not "God bless", "a mil")."""
    return word[:1].isupper() and listed(word)
