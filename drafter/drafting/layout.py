"""How the chosen units of a template draft are laid out: blocks per article, list lead-ins,
and the order of the articles (the one answering the customer's request first).

Owns `render` (units -> one text block per article) and `lead_first` (the article order).
A list keeps its lead-in line ("So geht's:"), shown before its first chosen item. An article
heading is never shown below text that belongs under it: a question heading used as a lead-in
("Wann ist die Nachzahlung fällig?") is dropped when the text line right above it already
covers it, and a list without a lead-in is shown as plain lines, not as a bullet list hanging
from nothing. A step heading shown as a lead-in loses its number ("Schritt 2: Geräte prüfen"
-> "Geräte prüfen:"): the other steps are seldom shown. Deterministic, no model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from drafter.drafting.article_units import Unit, parse_article, terms
from drafter.toolkit import bm25_scores

LEAD_MARGIN = 1.2  # an article leads instead of the best-retrieved one only by this factor


def lead_article(texts: Sequence[str], weights: Sequence[float], asked: str, language: str) -> int:
    """Index of the article that best answers what the customer asks or requests (`asked`:
    drafter.drafting.situation.requests), among those with a weight; 0 (the best-retrieved
    one) unless another answers the request better. An article's answer is its best unit by
    BM25 against the asking sentences (text plus half its heading/lead-in)."""
    wanted = set(terms(asked, language))
    articles = [(i, parse_article(t, i + 1)) for i, t in enumerate(texts) if weights[i] > 0]
    units = [u for _, us in articles for u in us]
    if not wanted or not units or len(articles) < 2:
        return 0
    own = [terms(u.text, language) for u in units]
    ctx = [terms(f"{u.context} {u.lead}", language) for u in units]
    df: Counter[str] = Counter()
    for t in own:
        df.update(set(t))
    avg = sum(len(t) for t in own) / len(units) or 1.0
    text_scores = bm25_scores(wanted, own, df, len(units), avg)
    ctx_scores = bm25_scores(wanted, ctx, df, len(units), avg)
    best: dict[int, float] = {}
    for unit, a, b in zip(units, text_scores, ctx_scores, strict=True):
        best[unit.passage - 1] = max(best.get(unit.passage - 1, 0.0), a + 0.5 * b)
    top = max(best, key=lambda i: (best[i], -i))
    return top if best[top] > LEAD_MARGIN * best.get(0, 0.0) else 0


def covered(heading: str, above: str, language: str) -> bool:
    """True when `above` already says what the question `heading` asks (two thirds of its
    content words, at least two): the heading would stand below its own answer."""
    if not heading.endswith("?") or not above:
        return False
    wanted = set(terms(heading, language))
    shared = wanted & set(terms(above, language))
    return len(shared) >= 2 and 3 * len(shared) >= 2 * len(wanted)


_OPEN = re.compile(r"[^.!?)\"“”:;]$")
# a step heading's number ("Schritt 2: Geräte prüfen und neu starten"): a draft shows a few
# units of an article, so "Schritt 2" would stand without step 1 (blind reviews of sessions 9
# and 10: four drafts); the heading is shown without its number
_STEP = re.compile(r"^(?:Schritt|Step)\s+\d+\s*[:.–-]\s*(?=\S)", re.I)
_TAIL = re.compile(r"https?://\S+$|\S+@\S+$")


def as_line(item: str) -> str:
    """A list item shown without its list: a line of its own that ends like a sentence
    ("Gas meters: after 8 years" -> "Gas meters: after 8 years.")."""
    return f"{item}." if _OPEN.search(item) and not _TAIL.search(item) else item


def render(units: Sequence[Unit], language: str = "de") -> list[tuple[int, str]]:
    """(passage, text block) per article in first-chosen order; list items keep their lead-in,
    items without one are plain lines."""
    by_passage: dict[int, list[str]] = {}
    last: dict[int, int] = {}
    bare: set[tuple[int, int]] = set()  # (passage, block) of lists shown without a lead-in
    for unit in units:
        lines = by_passage.setdefault(unit.passage, [])
        previous = last.get(unit.passage)
        same_block = previous == unit.block
        if lines and not same_block:
            lines.append("")  # a new paragraph or list
        if unit.kind == "item":
            key = (unit.passage, unit.block)
            if not same_block:
                above = next((x for x in reversed(lines) if x and not x.startswith("- ")), "")
                lead = _STEP.sub("", unit.lead)
                if not lead or covered(lead, above, language):
                    bare.add(key)
                else:
                    lines.append(lead if lead.endswith((":", "?")) else f"{lead}:")
            lines.append(as_line(unit.text) if key in bare else f"- {unit.text}")
        elif same_block and lines and not lines[-1].startswith("- "):
            lines[-1] += " " + unit.text
        else:
            lines.append(unit.text)
        last[unit.passage] = unit.block
    return [(n, "\n".join(lines)) for n, lines in by_passage.items()]
