"""Where a word that is somebody's name is used as a common word, and kept.

- An everyday noun that is also a surname, after an article or a preposition joined with one
  that never stands before a person's name: "Im Sommer", "jetzt im Winter", "Ein Vogel hat
  mir gezwitschert" in a mail from Karin Sommer, Rose Winter or Tanja Vogel. Only the
  indefinite article and the joined prepositions count ("im", "am", "vom", "zum", "beim",
  "ein", "kein" ...): "der Meier hat angerufen" is how people speak of Herr Meier.
- The other language of a bilingual thank-you line: "Asante / thanks", "Cảm ơn / Danke".

`kept_use` answers for one place of a text; the pseudonymizer drops a NAME span there, and the
guard on the outgoing request (drafter.privacy.guard) does not count a vault name there, so both
agree on what may be sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_ARTICLE = re.compile(
    r"(?i:im|am|vom|zum|beim|ins|ans|ein|eine|einen|einem|einer|eines|kein|keine|keinen|"
    r"keinem|keiner|keines)[ ]$"
)
_NEXT_CAPITAL = re.compile(r"[ ]+[A-ZÄÖÜ]")  # "im Sommer Urlaub": maybe a second name part
_THANKS = (
    r"(?i:thanks?(?:[ ]you)?(?:[ ]very[ ]much)?|danke(?:schön|[ ]schön)?|vielen[ ]dank|merci|"
    r"gracias|grazie|obrigad[oa]|dank[ ]je(?:wel)?|bedankt|tack|takk|tak|kiitos|dziękuję|"
    r"děkuji|köszönöm|teşekkürler|spasibo|cheers)"
)
_BILINGUAL = re.compile(
    rf"^[ \t>]*(?:(?P<a>[^\W\d_][^\n/]{{0,24}}?)[ ]?/[ ]?{_THANKS}"
    rf"|{_THANKS}[ ]?/[ ]?(?P<b>[^\W\d_][^\n/]{{0,24}}?))[ \t!.,]*$",
    re.M,
)


@lru_cache(maxsize=64)
def _thanks_ranges(text: str) -> tuple[tuple[int, int], ...]:
    if "/" not in text:
        return ()
    out = []
    for m in _BILINGUAL.finditer(text):
        group = "a" if m.group("a") else "b"
        if len(m.group(group).split()) <= 3:
            out.append(m.span(group))
    return tuple(out)


def kept_use(text: str, start: int, end: int, zipf: Callable[[str], float]) -> bool:
    """True when the word at text[start:end] is used as a common word there (see above)."""
    if any(a <= start and end <= b for a, b in _thanks_ranges(text)):
        return True
    word = text[start:end]
    if not (word.isalpha() and word[:1].isupper()) or zipf(word) < 4.0:
        return False
    if text[end : end + 1] in ("-", "–"):  # "vom Müller-Konto": Herr Müller's account
        return False
    before = text[max(0, start - 7) : start]
    m = _ARTICLE.search(before)
    if m is None:
        return False
    at = start - len(before) + m.start()
    if at > 0 and text[at - 1].isalnum():  # "Heim Sommer": "im" ends another word
        return False
    return _NEXT_CAPITAL.match(text, end) is None
