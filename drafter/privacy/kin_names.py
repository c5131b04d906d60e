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
from collections.abc import Callable, Iterator

from drafter.privacy.freewords import _RELATION_ADJ, _RELATIONS
from drafter.privacy.spans import Span

_NAME = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"
# a possessive (also the Bavarian "mei"), an optional adjective ("late", "verstorbener"), a
# relation word, then the name: after a space or a comma, with or without the article "d'"
_KIN_NAME = re.compile(
    r"(?i:\b(?:mein|meine|meinem|meinen|meiner|mei|unser|unsere|unserem|unseren|unserer|"
    r"my|our|his|her|their)[ ]"
    rf"{_RELATION_ADJ}(?:{_RELATIONS}))"
    rf",?[ ](?:[dD]['’])?(?P<name>{_NAME})(?![\w'’-])"
)
# "d'Resi", "d’Vroni": the article glued to a first name (not "Côte d'Azur": a listed first
# name only, checked by the caller)
_ARTICLE_NAME = re.compile(r"(?<![\w'’])[dD]['’](?P<name>[A-ZÄÖÜ][a-zäöüß]{2,})(?![\w'’-])")


def find_kin_names(
    text: str,
    is_first_name: Callable[[str], bool],
    not_a_name: Callable[[str], bool],
    dropped: Callable[[str], bool],
) -> Iterator[Span]:
    """NAME spans of a listed first name after a relation word or the article "d'", where
    the free-name finder drops it. `is_first_name(word)`: a first name of any list;
    `not_a_name(word)`: a stop word or the company's own; `dropped(word)`: the free-name
    finder never reads the word as a name (the knowledge base's, a stop word): after a
    relation word only such a name is this module's, the others keep their cue's reason."""

    def listed(name: str) -> bool:
        parts = name.split("-")
        return all(is_first_name(p) and not not_a_name(p) for p in parts)

    if "d'" in text or "d’" in text or "D'" in text:
        for m in _ARTICLE_NAME.finditer(text):
            if listed(m.group("name")):
                yield Span(m.start("name"), m.end("name"), "NAME", "first name after 'd''")
    for m in _KIN_NAME.finditer(text):
        name = m.group("name")
        if "'" in m.group() or "’" in m.group():
            continue  # "Frau, d'Resi": the article's loop above
        if listed(name) and any(dropped(w) for w in (name, *name.split("-"))):
            yield Span(m.start("name"), m.end("name"), "NAME", "first name after a relation")
