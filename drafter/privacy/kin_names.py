"""First names right after a relation word that the free-name finder (drafter.privacy.freenames)
drops because the word is also something else (session 28, privacy31):

- a listed first name that the knowledge base also writes capitalised, only because a sentence
  or a bold item of an article starts with it ("Can I …", "**Per E-Mail**"), after a relation
  word: "mein Bruder Can ist ausgezogen", "my husband Per has asked";
- a double first name whose first part is such a word: "my husband Per-Olof";
- a first name after the southern German article glued to it ("Mei Frau, d'Resi, hat …",
  "d'Vroni hat angerufen"): the article "d'" is no part of the name.

After a relation word a listed first name is a person (when in doubt, hide); a stop word
(articles, pronouns, months written as words of a date) and the company's own words stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from drafter.privacy.freewords import _RELATION_ADJ, _RELATIONS
from drafter.privacy.spans import Span

# a possessive (also the Bavarian "mei"), an optional adjective ("late", "verstorbener") and a
# relation word right before the name, after a space or a comma ("mein Bruder Can", "Mei
# Frau, Resi"); tried only before the few words the free-name finder drops (searching the
# whole text for the relation words cost about a tenth of a redaction)
_KIN_BEFORE = re.compile(
    r"(?i:\b(?:mein|meine|meinem|meinen|meiner|mei|unser|unsere|unserem|unseren|unserer|"
    r"my|our|his|her|their)[ ]"
    rf"{_RELATION_ADJ}(?:{_RELATIONS}))"
    r",?[ ]$"
)
# "d'Resi", "d’Vroni": the article glued to a first name (not "Côte d'Azur": a listed first
# name only, checked by the caller)
_ARTICLE_NAME = re.compile(r"(?<![\w'’])[dD]['’](?P<name>[A-ZÄÖÜ][a-zäöüß]{2,})(?![\w'’-])")


def kin_candidates(stop: Iterable[str], listed: Callable[[str], bool]) -> re.Pattern[str] | None:
    """The words of the free-name finder's stop list (stop words, the knowledge base's and the
    company's capitalised words, which it never reads as a name) that are listed first names
    (`listed`), alone or as the first part of a double name ("Can", "Per", "Per-Olof"): the
    only names this module looks for after a relation word. Built once per word list."""
    found = sorted(w for w in stop if w[:1].isupper() and w[1:].islower() and listed(w))
    if not found:
        return None
    alternatives = "|".join(re.escape(w) for w in found)
    # the words first (`re` skips to their first letters), the boundary before in Python
    return re.compile(rf"(?:{alternatives})(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?![\w'’-])")


def find_kin_names(
    text: str,
    candidates: re.Pattern[str] | None,
    listed: Callable[[str], bool],
) -> Iterator[Span]:
    """NAME spans of a listed first name after the article "d'", and of one of `candidates`
    (`kin_candidates`) after a relation word. `listed(word)`: a first name of any list that is
    no stop word or the company's own. The other first names after a relation word are the
    free-name finder's and keep their cue's reason."""

    def names(name: str) -> bool:
        return all(listed(p) for p in name.split("-"))

    if "d'" in text or "d’" in text or "D'" in text:
        for m in _ARTICLE_NAME.finditer(text):
            if names(m.group("name")):
                yield Span(m.start("name"), m.end("name"), "NAME", "first name after 'd''")
    if candidates is None:
        return
    for m in candidates.finditer(text):
        before = text[m.start() - 1 : m.start()]
        if before.isalnum() or before in ("'", "’", "-", "_"):
            continue  # inside a word: "Kandidat", "Sophie-Can"
        if names(m.group()) and _KIN_BEFORE.search(text, max(0, m.start() - 48), m.start()):
            yield Span(m.start(), m.end(), "NAME", "first name after a relation")
