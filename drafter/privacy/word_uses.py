"""Where a word that is somebody's name is used as a common word, and kept.

- An everyday noun that is also a surname, after an article or a preposition joined with one
  that never stands before a person's name: "Im Sommer", "jetzt im Winter", "Ein Vogel hat
  mir gezwitschert" in a mail from Karin Sommer, Rose Winter or Tanja Vogel. Only the
  indefinite article and the joined prepositions count ("im", "am", "vom", "zum", "beim",
  "ein", "kein" ...): "der Meier hat angerufen" is how people speak of Herr Meier.
- The other language of a bilingual thank-you line: "Asante / thanks", "Cảm ơn / Danke".
- An everyday noun after a definite article that cannot stand before its bearer: "Ich hab die
  Hoffnung, dass ..." in a mail from Lukas Hoffnung ("die" before a man's surname is not him),
  "Seit dem Sommer" from Britta Sommer, "der Fuchs der bei uns im Garten wohnt" at a sentence's
  start from Jutta Fuchs (a woman is "die Fuchs" there), "das Wetter" before anyone. The
  bearers' sexes come from the full names known in the thread (`bearers`); a surname with
  a bearer of unknown sex, or bearers of both sexes, is never kept this way ("die Sonne
  scheint" from Hildegard Sonne stays hidden: "die" fits her).

`kept_use` answers for one place of a text; the pseudonymizer drops a NAME span there, and the
guard on the outgoing request (drafter.privacy.guard) does not count a vault name there, so both
agree on what may be sent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from drafter.firstnames import gender

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


# a definite article before the word: which sexes of a person it can stand before
_DEFINITE = re.compile(r"(?:^|(?<=[^\w]))(?P<art>[Dd](?:as|em|en|es|ie|er))[ ]$")
_FITS = {"das": "", "dem": "male", "den": "male", "des": "male", "die": "female"}
_SENTENCE_START = re.compile(r"(?:^|[.!?:]|\n)[ \t>]*$")


def bearers(names: Iterable[str]) -> Mapping[str, frozenset[str]]:
    """Surname -> the sexes of the people known to bear it ("Britta Sommer" -> Sommer: female);
    '' for a bearer whose first name tells no sex."""
    return _bearers(tuple(names))


@lru_cache(maxsize=64)
def _bearers(names: tuple[str, ...]) -> Mapping[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for name in names:
        words = [w for w in name.replace(",", " ").split() if w[:1].isupper()]
        if len(words) < 2 or words[0].rstrip(".").isupper():
            continue
        sex = gender(words[0])
        for word in words[1:]:
            out.setdefault(word, set()).add(sex)
    return {word: frozenset(sexes) for word, sexes in out.items()}


def _article_misfits(text: str, start: int, sexes: frozenset[str]) -> bool:
    """The definite article before text[start:] cannot stand before any of the bearers."""
    before = text[max(0, start - 4) : start]
    m = _DEFINITE.search(before)
    if m is None:
        return False
    article = m.group("art").lower()
    at = start - len(before) + m.start("art")
    if article == "der":  # a man's nominative at a sentence's start only ("mit der Frau X")
        if not _SENTENCE_START.search(text[max(0, at - 40) : at]):
            return False
        fits = "male"
    else:
        fits = _FITS[article]
    return not fits or fits not in sexes


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


def kept_use(
    text: str,
    start: int,
    end: int,
    zipf: Callable[[str], float],
    sexes: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """True when the word at text[start:end] is used as a common word there (see above);
    `sexes` is `bearers` of the thread's full names (without it no article rule applies)."""
    if any(a <= start and end <= b for a, b in _thanks_ranges(text)):
        return True
    word = text[start:end]
    if not (word.isalpha() and word[:1].isupper()) or zipf(word) < 4.0:
        return False
    if text[end : end + 1] in ("-", "–"):  # "vom Müller-Konto": Herr Müller's account
        return False
    if _NEXT_CAPITAL.match(text, end) is not None:
        return False
    known = (sexes or {}).get(word)
    if known and "" not in known and _article_misfits(text, start, known):
        return True
    before = text[max(0, start - 7) : start]
    m = _ARTICLE.search(before)
    if m is None:
        return False
    at = start - len(before) + m.start()
    if at > 0 and text[at - 1].isalnum():  # "Heim Sommer": "im" ends another word
        return False
    return _NEXT_CAPITAL.match(text, end) is None
