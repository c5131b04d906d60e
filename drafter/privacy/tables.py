"""Names in a table pasted into a mail: the cells under a column headed "Mieter", "Name",
"Tenant" ... ("Whg    Mieter    Zähler" copied from a spreadsheet, then one row per flat).

A row is a line of three or more cells split by tabs or by runs of two or more spaces. Under
a header row whose cell names people, the cell of that column in every following row of the
same width is hidden as a NAME, unless it is an everyday word or a compound of everyday words
("Treppenhaus", "Leerstand": `common`) or holds a digit. The table ends at the first line of
another width.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.privacy.spans import Span

_CELL_SPLIT = re.compile(r"\t+[ ]*|[ ]{2,}")
_PEOPLE = re.compile(
    r"(?i)(?:mieter(?:in|innen)?|name[n]?|nachname|bewohner(?:in)?|tenants?|residents?|"
    r"occupants?|inhaber(?:in)?|eigentümer(?:in)?|kunde|kundin|customer|surname)\Z"
)
_NAME_CELL = re.compile(r"[^\W\d_][^\W\d_'.-]*(?:[ '.-]+[^\W\d_][^\W\d_'.-]*){0,3}\Z")


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of the cells of `line` (offsets into the text)."""
    out = []
    at = 0
    for sep in _CELL_SPLIT.finditer(line):
        if sep.start() > at:
            out.append((offset + at, offset + sep.start()))
        at = sep.end()
    if at < len(line.rstrip()):
        out.append((offset + at, offset + len(line.rstrip())))
    return out


def table_names(text: str, common: Callable[[str], bool]) -> list[Span]:
    """NAME spans of the cells under a people column (see the module's docstring)."""
    if "\t" not in text and "   " not in text:
        return []
    out: list[Span] = []
    column = width = -1
    offset = 0
    for line in text.split("\n"):
        cells = _cells(line, offset) if line.strip() else []
        if column >= 0 and len(cells) == width:
            start, end = cells[column]
            value = text[start:end]
            if _NAME_CELL.match(value) and not all(common(w) for w in re.split(r"[ -]", value)):
                out.append(Span(start, end, "NAME", "name in a table's name column"))
        else:
            column = width = -1
            if len(cells) >= 3:
                heads = [text[a:b].strip(" :") for a, b in cells]
                found = [i for i, h in enumerate(heads) if _PEOPLE.match(h)]
                if found:
                    column, width = found[0], len(cells)
        offset += len(line) + 1
    return out
