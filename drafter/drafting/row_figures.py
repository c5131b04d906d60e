"""A figure the cited article gives for another row of its list or table (`unsupported_claim`).

Articles list a rule per product: "- **Basic supply**: 2 weeks, at any time", "- **Nordlicht
Fix 24, Gas Fix 24**: 1 month to the end of the 24-month initial term", "| Nordlicht Öko |
33.90 ct/kWh | ...". A reply clause that names exactly one row's product ("With Nordlicht Fix
24 a notice period of 2 weeks applies") and gives a figure of a kind that row states (a
period, an amount, a price per kWh), where that row gives other figures of the kind and another
row of the same list gives the reply's, has taken the other product's rule: the figure is in
the article, so "figure in no source" cannot see it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.drafting.check_base import sentences, strip_markup, unsupported
from drafter.drafting.figure_conflicts import _Figure, _figures, _same
from drafter.models import DraftWarning, Passage

# a labelled row: "- **Label**: text", "| Label | cell | cell |"
_ITEM = re.compile(r"^\s*[-*]\s+\*\*(?P<label>[^*]{2,80})\*\*\s*:?\s*(?P<text>.+)$", re.M)
_ROW = re.compile(r"^\s*\|(?P<label>[^|]{2,80})\|(?P<text>.+)\|\s*$", re.M)
# a second product in the clause: "compared with ... in basic supply", "günstiger als ..."
_CONTRAST = re.compile(
    r"[;]|\b(?:while|whereas|während|but|aber|compared (?:with|to)|verglichen mit|gegenüber|"
    r"than|als|instead of|statt|anstelle)\b",
    re.I,
)
_NAME = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß-]*(?:\s+[\wÄÖÜäöüß-]+)*")


def _rows(text: str) -> list[list[tuple[set[str], list[_Figure], str]]]:
    """The article's lists and tables: per block of consecutive rows, each row's names (the
    label's parts, "Nordlicht Fix 24", "Gas Fix 24"), its figures and its label."""
    blocks: list[list[tuple[set[str], list[_Figure], str]]] = []
    for block in re.split(r"\n\s*\n", text):
        rows = []
        for match in [*_ITEM.finditer(block), *_ROW.finditer(block)]:
            label = match.group("label").strip()
            label = re.sub(r"\s*\([^)]*\)", "", label)  # "Basic supply (Nordlicht Basis, ...)"
            names = {n.strip() for n in re.split(r",|/|\bund\b|\band\b", label)}
            names = {n for n in names if len(n) >= 4 and _NAME.fullmatch(n)}
            figures = [fig for fig, _ in _figures(match.group("text"))]
            if names and figures:
                rows.append((names, figures, label))
        if len(rows) >= 2:
            blocks.append(rows)
    return blocks


def _named(clause: str, names: set[str]) -> bool:
    """A name of the row stands in the clause, in full or by its product number with the word
    before it ("Glasfaser 1000" for "Nordlicht Glasfaser 1000")."""
    short = {" ".join(n.split()[-2:]) for n in names if re.search(r"\s\d+$", n)}
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", clause) for n in names | short)


def check_row_figures(body: str, passages: Sequence[Passage]) -> list[DraftWarning]:
    """`unsupported_claim` for a figure the cited article gives for another row than the one
    the reply's clause names (see the module docstring)."""
    blocks = [b for p in passages for b in _rows(p.text)]
    if not blocks:
        return []
    text = strip_markup(body)
    for a, b in sentences(text):
        for clause in re.split(_CONTRAST, text[a:b]):
            for rows in blocks:
                named = [row for row in rows if _named(clause, row[0])]
                if len(named) != 1:
                    continue
                _names, own, label = named[0]
                for fig, _ in _figures(clause, claims=True):
                    kind = [o for o in own if o.kind == fig.kind]
                    if not kind or any(_same(fig, o) for o in kind):
                        continue
                    other = next(
                        (
                            r[2]
                            for r in rows
                            if r is not named[0] and any(_same(fig, o) for o in r[1])
                        ),
                        None,
                    )
                    if other is not None:
                        return [
                            unsupported(
                                f"the reply gives {fig.text!r} for {label}; the cited article "
                                f"gives that for {other}, for {label} {kind[0].text!r}; check it",
                                text[a:b].strip(),
                            )
                        ]
    return []
