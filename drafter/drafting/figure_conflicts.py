"""A figure of the reply stated against the cited article's own figure (`unsupported_claim`).

The reply names a quantity the cited article names too (a period, an amount, a percentage, a
number of instalments), in the same frame: the same bound or preposition before the figure
("within", "at least", "bis zu", "innerhalb von") or the same word it counts ("Monatsraten",
"working days"), in a passage about the same thing (content words shared with the article's
sentence or its neighbours). When the reply's figure differs from the article's and no cited
article, the customer's mail or a computation from them gives the reply's figure at all, the
reply contradicts its own source: "within 7 days" where the article says "We reply within
1 month", "at least 2 working days before" against "at least 5 working days before", "bis
zu 12 Monatsraten" against "bis zu 6 Monatsraten". A period is compared in days, so "4
weeks" and "1 month", "5 Werktage" and "1 Woche" are the same figure in other units.

A sentence of an article that sets a figure against a figure the same article states
elsewhere ("First-year customers: ... 12 monthly instalments instead of 6", where the rule is
"up to 6 monthly instalments") is an exception to the article's own rule, as a planted passage
in a tampered article reads: its figures back no reply, and the reply is held to the rule.

A result written out and rounded in the same sentence ("= 83.13 EUR, so about 83 EUR") is
no figure of its own. Single-digit figures count here ("7 days"), unlike the "figure in no
source" check of drafter.drafting.checks, which lets them pass as too small to be a claim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from drafter.drafting.arithmetic import period_left
from drafter.drafting.check_base import (
    NEGATION,
    content_stems,
    sentences,
    strip_markup,
    unsupported,
)
from drafter.models import DraftWarning, Passage

# a figure and its unit; counted nouns before periods ("Monatsraten" is no month)
_FIGURE = re.compile(
    r"(?<![\w.,])(?P<value>\d+(?:[.,]\d+)?)\s?(?:-\s?)?(?P<unit>%|prozent\b|per ?cent\b|"
    r"€|eur\b|euro\b|ct\b|cent\b|"
    r"monatsrat\w*|rat(?:e|en)\b|(?:monthly )?instal?l?ments?\b|"
    r"(?:calendar |working |business )?(?:days?|weeks?|months?|years?|hours?)\b|"
    r"(?:kalender|werk|arbeits)tag\w*|tag(?:e|en)?\b|woche[n]?\b|monat(?:e|en|s)?\b|"
    r"jahr(?:e|en|es)?\b|stunde[n]?\b)",
    re.I,
)
_DAYS = (
    (re.compile(r"hour|stunde", re.I), 1 / 24),
    (re.compile(r"working|business|werk|arbeits", re.I), 7 / 5),
    (re.compile(r"day|tag", re.I), 1.0),
    (re.compile(r"week|woche", re.I), 7.0),
    (re.compile(r"month|monat", re.I), 30.4),
    (re.compile(r"year|jahr", re.I), 365.0),
)
# words of no frame: articles, pronouns, auxiliaries ("der 5 Werktage", "your 12 months")
_FILLER = frozenset(
    re.findall(
        r"\w+",
        "der die das den dem des ein eine einen einem einer eines the a an of for your our their "
        "ihr ihre ihren ihrem ihrer unsere unser und and or oder is are ist sind was were wird "
        "will be sie you we wir es it in im am um zum zur on to zu mit with je pro per also so "
        "dann then nur only noch still rund etwa about around ca",
    )
)
# bounds and prepositions: a frame of a period or a count, but no name of an amount
_BOUNDS = frozenset(
    re.findall(
        r"\w+",
        "ab von bis from up least most within innerhalb mindestens höchstens maximal spätestens "
        "über unter over under than als für by auf at nach after before vor insgesamt total je "
        "each also zusammen together",
    )
)
_UPPER = frozenset({"bis", "up", "most", "within", "innerhalb", "höchstens", "maximal", "max"})
_LOWER = frozenset({"ab", "from", "least", "mindestens", "min"})
_UNIT_WORDS = re.compile(r"[^\W\d_]+")
_SUM = re.compile(r"[=×÷+·*/]|\s[x-]\s")
_WORDS = re.compile(r"[^\W\d_]+", re.U)
_CLAUSE_END = re.compile(r"[,;:()\[\]]")


# words in common that make two figures one quantity: the frame's (bound, counted noun) and
# the content words the reply's sentence shares with the article's paragraph
MIN_EVIDENCE = 3


@dataclass(frozen=True)
class _Figure:
    kind: str  # "period" (value in days), "money", "cent", "percent", "count"
    value: float
    text: str
    frame: frozenset[str]  # the words just before it, and the counted noun


def _figures(text: str, claims: bool = False) -> list[tuple[_Figure, int]]:
    """The figures of `text` with a unit; `claims`: only those the text states (not in a
    negated clause, not a term of a computation written out: "12 × 13.90 EUR = 166.80 EUR")."""
    found: list[tuple[_Figure, int]] = []
    for match in _FIGURE.finditer(text):
        unit = match.group("unit").lower()
        value = float(match.group("value").replace(",", "."))
        before = _CLAUSE_END.split(text[max(0, match.start() - 60) : match.start()])[-1]
        after = text[match.end() : match.end() + 4]
        if claims and (NEGATION.search(before) or _SUM.search(before[-4:] + " " + after)):
            continue  # "müssen Sie nicht innerhalb von 24 Stunden bestätigen": no claim of it
        if unit in {"%", "prozent", "percent", "per cent"}:
            kind = "percent"
        elif unit in {"€", "eur", "euro"}:
            kind = "money"
        elif unit in {"ct", "cent"}:
            kind = "cent"
        elif re.match(r"monatsrat|rat|(?:monthly )?instal", unit):
            kind = "count"
        else:
            kind = "period"
            value *= next(scale for pattern, scale in _DAYS if pattern.search(unit))
        words = [w.lower() for w in _WORDS.findall(before)][-3:]
        frame = {w for w in words if w not in _FILLER}
        if kind == "count":  # "Monatsraten", "instalments": what is counted
            frame.add(re.sub(r"s$|e$|en$|n$", "", unit.split()[-1]) + ":unit")
        found.append((_Figure(kind, value, match.group(0), frozenset(frame)), match.start()))
    return found


def _same(a: _Figure, b: _Figure) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "period":
        return abs(a.value - b.value) <= 0.15 * max(a.value, b.value)
    return abs(a.value - b.value) < 0.005


def _windows(text: str) -> list[tuple[str, str]]:
    """Each sentence of `text` with its paragraph and the heading above it (the passage a
    figure is read in)."""
    found: list[tuple[str, str]] = []
    heading = ""
    for block in re.split(r"\n\s*\n", text):
        if block.lstrip().startswith("#"):
            heading = block.strip()
            continue
        window = f"{heading}\n{block}"
        found += [(block[a:b], window) for a, b in sentences(block)]
    return found


def _within(mine: _Figure, theirs: _Figure) -> bool:
    """The reply's figure is a case inside the article's bound, not the bound restated: "in 4
    Monatsraten" under "bis zu 6 Monatsraten", "14 days ahead" under "at least 7 days"."""
    if theirs.frame & _UPPER and not mine.frame & _UPPER:
        return mine.value < theirs.value
    if theirs.frame & _LOWER and not mine.frame & _LOWER:
        return mine.value > theirs.value
    return False


def _shared_frame(mine: _Figure, theirs: _Figure) -> set[str]:
    """The same bound or counted word before both figures; for an amount or a rate a word
    that names it ("Mahngebühr von", "fee of"), not only a bound ("ab 100 EUR")."""
    shared = set(mine.frame & theirs.frame)
    if mine.kind in {"money", "cent", "percent"} and not shared - _BOUNDS:
        return set()
    return shared


def _read(texts: Sequence[str]) -> list[tuple[_Figure, str]]:
    """Every figure of `texts` (articles) with the paragraph it stands in."""
    return [
        (fig, window)
        for text in texts
        for sentence, window in _windows(text)
        for fig, _ in _figures(sentence)
    ]


def _alike(fig: _Figure, stems: set[str], theirs: _Figure, window: str, language: str) -> int:
    """How surely `theirs` (an article's figure in `window`) states the quantity `fig` (the
    reply's, in a sentence of content `stems`) states: 0 without the same kind and a shared
    frame, else the words in common with frame and paragraph."""
    frame = _shared_frame(fig, theirs) if theirs.kind == fig.kind else set()
    if not frame or _within(fig, theirs):
        return 0
    shared = stems & content_stems(window, language)
    shared -= content_stems(" ".join(_UNIT_WORDS.findall(fig.text)), language)
    shared -= content_stems(" ".join(w.split(":")[0] for w in frame), language)
    return len(frame) + len(shared)


def check_figure_conflicts(
    body: str,
    passages: Sequence[Passage],
    customer_text: str,
    language: str,
    library: Sequence[str] = (),
) -> list[DraftWarning]:
    """`unsupported_claim` for each figure of `body` that a cited article states otherwise
    (see the module docstring); `library`: every KB article's text, whose own statement of
    the reply's figure in the same frame backs it (a neighbouring article's rule)."""
    articles = "\n".join(p.text for p in passages)
    if not articles.strip():
        return []
    exceptions = _exception_figures(articles)
    known = [
        fig for fig, _ in [*_figures(_without(articles, exceptions)), *_figures(customer_text)]
    ]
    cited = _read([_without(articles, exceptions)])
    found: list[DraftWarning] = []
    text = strip_markup(body)
    for a, b in sentences(text):
        sentence = text[a:b]
        stems = content_stems(sentence, language)
        rounded = _rounded_results(sentence)
        for fig, _ in _figures(sentence, claims=True):
            if any(_same(fig, other) for other in known) or fig.value in rounded:
                continue  # a figure of the sources, or a result written out, rounded
            if fig.kind == "period" and period_left(
                fig.text, f"{articles}\n{customer_text}\n{sentence}"
            ):
                continue  # the rest of a period: "14 days" less "3 days old"
            evidence, theirs = max(
                ((_alike(fig, stems, t, w, language), t) for t, w in cited),
                key=lambda pair: pair[0],
                default=(0, fig),
            )
            if evidence < MIN_EVIDENCE or any(
                _same(fig, other) and _alike(fig, stems, other, w, language) > evidence
                for other, w in _library_figures(tuple(library))
            ):
                continue  # no article of the same; or one that gives it more surely
            if fig.kind == "money" and _worked_out(fig, customer_text, articles):
                continue  # a cost worked out from the mail's figures and a tariff row
            found.append(
                unsupported(
                    f"the reply gives {fig.text!r} where the cited article gives "
                    f"{theirs.text!r} for the same; check the figure",
                    sentence.strip(),
                )
            )
    return found


# an exception set against the article's own figure: "may be split into 12 monthly
# instalments instead of 6", "in 12 statt 6 Monatsraten"
_INSTEAD = re.compile(
    r"\b(?:instead of|rather than|in place of|statt|anstatt|anstelle von|anstelle)\s+"
    r"(?:(?:the|der|den|die|usual|üblichen|normal\w*|regulären)\s+)*(?:up to\s+|bis zu\s+)?"
    r"(?P<value>\d+(?:[.,]\d+)?)\b",
    re.I,
)


def _exception_figures(articles: str) -> list[str]:
    """The sentences of the cited articles that set a figure against a figure the same text
    states elsewhere ("First-year customers: ... 12 monthly instalments instead of 6" where the
    article's rule is "up to 6 monthly instalments"). Such a sentence makes an exception to
    the article's own rule; a planted passage in a tampered article reads exactly so. Its
    figures back no reply: applying the exception to this customer is the agent's call, and
    the article's rule is what the reply is held to."""
    found: list[str] = []
    for a, b in sentences(articles):
        sentence = articles[a:b]
        instead = _INSTEAD.search(sentence)
        if instead is None:
            continue
        rest = articles[:a] + " " + articles[b:]
        value = instead.group("value")
        if re.search(rf"(?<![\d.,]){re.escape(value)}(?![\d.,]|\d)", rest):
            found.append(sentence)
    return found


def _worked_out(fig: _Figure, customer_text: str, articles: str) -> bool:
    """A money figure to the cent the reply works out from the mail's figures and the cited
    articles' tariff rows ("1,800 kWh x 32.90 ct = 592.20 EUR", "12 x 12.50 EUR =
    150.00 EUR"; drafter.drafting.arithmetic, as the "figure in no source" check reads it): a
    result, not a figure set against the article's own."""
    from drafter.drafting.arithmetic import Derivations

    figure = re.sub(r"\s?(?:€|EUR|Euro)$", "", fig.text.strip())
    if not re.search(r"[.,]\d\d$", figure):
        return False  # a round figure is too easy to hit: only a result to the cent
    return Derivations(customer_text, articles).derivable(figure)


def _without(text: str, parts: list[str]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


_RESULT = re.compile(r"=\s*(\d+(?:[.,]\d+)?)")


def _rounded_results(sentence: str) -> set[float]:
    """The results of the computations `sentence` writes out ("997.50 EUR ÷ 12 = 83.13 EUR"),
    rounded down or up to whole units: "so about 83 EUR" restates one, no figure of its own."""
    results = [float(v.replace(",", ".")) for v in _RESULT.findall(sentence)]
    return {float(f(v)) for v in results for f in (math.floor, math.ceil)}


@lru_cache(maxsize=4)
def _library_figures(texts: tuple[str, ...]) -> list[tuple[_Figure, str]]:
    return _read(texts)
