"""Closeness in meaning between what the customer asks and the units of the retrieved articles.

A template draft chooses its lead article and its sentences by words (BM25, drafter.drafting.
sentences). Words miss an answer phrased differently from the question ("Can I pay in
instalments?" is answered by "Additional payments ... can be split into up to 6 interest-free
monthly instalments", but so do many billing sentences). This module adds the embedding model
the knowledge base already uses: each unit's cosine to the asking sentences of the mail
(drafter.drafting.situation.requests).

Owns `Embed` (texts -> L2-normalised rows), `closeness` (unit -> cosine), `lead_by_meaning`
(the article whose best unit is closest to the question), `lead_by_title` (the article whose
title is clearly closest to it) and `keep_closer_title` (a unit-level choice does not move the
lead to an article whose title is farther from the question and the subject). Only a
local embedding model is used here: the mail's sentences never leave the machine for this (the
engine passes no `embed` when the embedding backend is remote).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from drafter.drafting.article_units import Unit, terms

Embed = Callable[[list[str]], np.ndarray]

#: another article leads instead of the lexical choice only when its best unit is this much
#: closer in meaning to the question (cosine difference)
LEAD_GAIN = 0.1
#: another usable article leads when its title is this much closer in meaning to the question
#: than the title of the article chosen so far (cosine difference)
TITLE_GAIN = 0.1


def closeness(
    embed: Embed | None, asked: str, units: Sequence[Unit]
) -> dict[tuple[int, int], float]:
    """(passage, position) -> cosine of the unit (with its heading) to `asked`; {} without a
    model or question."""
    if embed is None or not asked.strip() or not units:
        return {}
    texts = [asked, *(f"{u.context} {u.lead} {u.text}".strip() for u in units)]
    matrix = embed(texts)
    cosines = matrix[1:] @ matrix[0]
    return {(u.passage, u.position): float(c) for u, c in zip(units, cosines, strict=True)}


def lead_by_meaning(
    near: dict[tuple[int, int], float], weights: Sequence[float], lexical: int
) -> int:
    """The 0-based article to lead: the lexical choice `lexical`, unless another usable
    article's best unit is at least LEAD_GAIN closer in meaning to the question."""
    best: dict[int, float] = {}
    for (passage, _), value in near.items():
        i = passage - 1
        if i < len(weights) and weights[i] > 0:
            best[i] = max(best.get(i, -1.0), value)
    if not best:
        return lexical
    top = max(best, key=lambda i: (best[i], -i))
    return top if best[top] >= best.get(lexical, -1.0) + LEAD_GAIN else lexical


def lead_by_title(
    embed: Embed | None,
    asked: str,
    about: str,
    titles: Sequence[str],
    weights: Sequence[float],
    lead: int,
) -> int:
    """The 0-based article to lead: `lead`, unless another article with a weight has a title
    at least TITLE_GAIN closer in meaning both to the asking sentences `asked` and to the
    subject `about` (drafter.drafting.situation.topic; skipped when empty). A title names
    what an article answers ("Stromausfall: was tun?"); a sentence of another article may
    share more words with the mail ("In der Wohnung ist meistens Strom vorhanden" for "Kein
    Strom in der Wohnung") without answering it."""
    if embed is None or not asked.strip() or not 0 <= lead < len(titles):
        return lead
    queries = [asked, about] if about.strip() else [asked]
    matrix = embed([*queries, *titles])
    near = matrix[len(queries) :] @ matrix[: len(queries)].T  # titles x queries
    better = [
        i
        for i in range(len(titles))
        if i != lead
        and weights[i] > 0
        and titles[i].strip()
        and all(near[i, q] >= near[lead, q] + TITLE_GAIN for q in range(len(queries)))
    ]
    if not better:
        return lead
    return max(better, key=lambda i: (float(near[i].sum()), -i))


def title_closeness(
    embed: Embed | None, asked: str, about: str, titles: Sequence[str]
) -> list[list[float]] | None:
    """Per article title: its cosine to the asking sentences `asked` and to the subject `about`
    (left out when empty); None without a model or question (then `keep_closer_title` lets
    every choice stand)."""
    if embed is None or not asked.strip() or not titles:
        return None
    queries = [asked, about] if about.strip() else [asked]
    matrix = embed([*queries, *titles])
    near = matrix[len(queries) :] @ matrix[: len(queries)].T  # titles x queries
    return [[float(c) for c in row] for row in near]


def keep_closer_title(near: Sequence[Sequence[float]] | None, challenger: int, current: int) -> int:
    """`challenger` (0-based article), unless its title is farther in meaning than the title of
    `current` both from the question and from the subject: then `current`. Words and meaning
    choose a lead by its best single unit, and one stray unit of an unrelated article can win
    that: a question heading ("Do I still have to pay?" in the bill-correction article for
    "Can I pay in March instead?"), a sentence sharing the mail's words (refunds "to your
    credit card or PayPal account" for "Can I pay by PayPal?"). The title says what the whole
    article answers. Both the question and the subject must find the title farther, because a
    short title alone can be far from a long question ("Abschlag anpassen" for "Ich möchte den
    Abschlag von 96 auf 150 EUR erhöhen")."""
    if near is None or challenger == current or not 0 <= challenger < len(near):
        return challenger
    farther = all(c < k for c, k in zip(near[challenger], near[current], strict=True))
    return current if farther else challenger


def covers_topic(about: str, title: str, text: str, language: str) -> bool:
    """True when an article plainly answers the subject `about` (drafter.drafting.situation.
    topic): the subject has at least two content words, all of them in the article and one
    in its title ("Abschlag senken" and the article "Abschlag anpassen", which says "können
    Sie Ihren Abschlag erhöhen oder senken")."""
    wanted = set(terms(about, language))
    if len(wanted) < 2:
        return False
    return wanted <= set(terms(f"{title}\n{text}", language)) and bool(
        wanted & set(terms(title, language))
    )


def named_by_mail(
    titles: Sequence[str], weights: Sequence[float], mail: str, language: str, lead: int
) -> int:
    """The 0-based article to lead: `lead`, unless the mail names less than two thirds of
    its title's content words and names another article's title whole: every content word
    of it, at least two ("ich komme nicht ins Kundenportal, hab das Passwort vergessen" names
    "Passwort vergessen", only half of "Anmeldung im Kundenportal"). The first such article
    among those with a weight leads. "Termin verschieben oder absagen" (two of three named)
    keeps the lead for "Installationstermin Glasfaser-Hausanschluss verschieben"."""
    said = set(terms(mail, language))

    def named(title: str) -> bool:
        wanted = set(terms(title, language))
        return len(wanted) >= 2 and wanted <= said

    if not 0 <= lead < len(titles):
        return lead
    own = set(terms(titles[lead], language))
    if 3 * len(own & said) >= 2 * len(own):
        return lead
    return next(
        (i for i, t in enumerate(titles) if i < len(weights) and weights[i] > 0 and named(t)),
        lead,
    )
