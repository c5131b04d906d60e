"""The queue table: a light, line-rendered table of emails that re-renders only what changed.

Textual's DataTable invalidates every cached cell on any update (one status change re-renders
the whole visible page, ~100 ms on a busy machine) and measures rows as they are added. This
widget keeps one rendered line per row, cached by email id and width: setting 1,000 rows costs
nothing until they are scrolled into view, a status change re-renders one line, and moving the
cursor repaints two lines. Column widths are fixed; the `flex` column takes the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

FLEX_MIN = 10  # the flex column never gets narrower than this


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    flex: bool = False  # takes the width the other columns leave (`width` is ignored)


class QueueTable(ScrollView, can_focus=True):
    """Rows of cells keyed by email id, one line each, with a row cursor and a fixed header.

    Enter is left to the screen (its `open` binding shows in the footer and can be remapped);
    a click on the cursor row posts `Selected`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue-table--header",
        "queue-table--cursor",
        "queue-table--even",
    }
    DEFAULT_CSS = """
    QueueTable {
        background: $surface;
        overflow-x: hidden;
        & > .queue-table--header { text-style: bold; background: $panel; }
        & > .queue-table--even { background: $surface-lighten-1 50%; }
        & > .queue-table--cursor {
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .queue-table--cursor {
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    class NearEnd(Message):
        """The last loaded rows came into view (the screen may load the next page)."""

        def __init__(self, table: QueueTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> QueueTable:
            return self.table

    class Selected(Message):
        """Enter (or a click on the cursor row) chose a row."""

        def __init__(self, table: QueueTable, email_id: int) -> None:
            super().__init__()
            self.table = table
            self.email_id = email_id

        @property
        def control(self) -> QueueTable:
            return self.table

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = list(columns)
        self._ids: list[int] = []
        self._cells: dict[int, dict[str, Text]] = {}
        self._index: dict[int, int] = {}
        self._lines: dict[tuple[int, int], Strip] = {}  # (email id, width) -> unstyled line
        self.cursor = 0
        self._near_end_for = -1  # the row count NearEnd was posted for (once per count)

    # --- data ------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._ids)

    @property
    def row_ids(self) -> list[int]:
        return list(self._ids)

    def set_rows(
        self, rows: Sequence[tuple[int, Mapping[str, Text]]], keep: int | None = None
    ) -> None:
        """Replace every row (cells by column key: keys of columns not shown are kept for a
        wider terminal); the cursor stays on email `keep` when it is still there."""
        self._ids = [email_id for email_id, _ in rows]
        self._cells = {email_id: dict(cells) for email_id, cells in rows}
        self._index = {email_id: n for n, email_id in enumerate(self._ids)}
        self._lines.clear()
        self.virtual_size = Size(0, len(self._ids) + 1)  # never wider: no horizontal scrollbar
        row = self._index.get(keep, self.cursor) if keep is not None else self.cursor
        self.move_cursor(max(0, min(row, len(self._ids) - 1)))
        self.refresh()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """New widths, labels or a subset of the column keys (e.g. after a resize)."""
        self.columns = list(columns)
        self._lines.clear()
        self.refresh()

    def get_cell(self, email_id: int, key: str) -> Text:
        return self._cells[email_id][key]

    def update_cell(self, email_id: int, key: str, value: Text) -> bool:
        """Change one cell; only its line is re-rendered. False when the row is not shown."""
        cells = self._cells.get(email_id)
        if cells is None or key not in cells:
            return False
        cells[key] = value
        for cache_key in [k for k in self._lines if k[0] == email_id]:
            del self._lines[cache_key]
        self.refresh_line(self._index[email_id] + 1)
        return True

    @property
    def selected_id(self) -> int | None:
        return self._ids[self.cursor] if self._ids else None

    def select_id(self, email_id: int) -> None:
        if email_id in self._index:
            self.move_cursor(self._index[email_id])

    # --- cursor --------------------------------------------------------------------------
    @property
    def _page(self) -> int:
        """Rows visible below the header (the content region: without any scrollbar)."""
        return max(1, self.scrollable_content_region.height - 1)

    def move_cursor(self, row: int) -> None:
        if not self._ids:
            self.cursor = 0
            return
        row = max(0, min(row, len(self._ids) - 1))
        old, self.cursor = self.cursor, row
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self._page:
            self.scroll_to(y=row - self._page + 1, animate=False, immediate=True)
        if old != row:
            self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        if row >= len(self._ids) - self._page:  # the last screenful
            self._near_end()

    def _near_end(self) -> None:
        if self._near_end_for != len(self._ids):
            self._near_end_for = len(self._ids)
            self.post_message(self.NearEnd(self))

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._page)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._ids) - 1)

    def action_select(self) -> None:
        if self._ids:
            self.post_message(self.Selected(self, self._ids[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_offset.y) + event.y - 1
        if event.y < 1 or not 0 <= row < len(self._ids):
            return
        if row == self.cursor:
            self.action_select()
        else:
            self.move_cursor(row)

    # --- rendering -------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.virtual_size = Size(0, len(self._ids) + 1)

    def _widths(self, width: int) -> list[int]:
        """The fixed columns keep their widths; the flex column takes the rest, down to
        FLEX_MIN (at 80 columns with a scrollbar it gave the status column's last characters
        away: "in review ⚠" for "in review ⚠2")."""
        fixed = sum(c.width for c in self.columns if not c.flex) + len(self.columns)
        return [max(FLEX_MIN, width - fixed) if c.flex else c.width for c in self.columns]

    def _line(self, cells: Sequence[Text], width: int) -> Strip:
        line = Text(no_wrap=True, end="")
        for cell, cell_width in zip(cells, self._widths(width), strict=True):
            part = cell.copy()
            part.plain = part.plain.replace("\n", " ")
            part.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(part)
        line.truncate(width, pad=True)
        segments = [s for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments, width)

    def _row_strip(self, email_id: int, width: int) -> Strip:
        key = (email_id, width)
        strip = self._lines.get(key)
        if strip is None:
            cells = self._cells[email_id]
            strip = self._line([cells[c.key] for c in self.columns], width)
            self._lines[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            header = self._line([Text(c.label) for c in self.columns], width)
            return header.apply_style(self.get_component_rich_style("queue-table--header"))
        row = round(self.scroll_offset.y) + y - 1
        base = self.rich_style
        if not 0 <= row < len(self._ids):
            return Strip([Segment(" " * width, base)], width)
        strip = self._row_strip(self._ids[row], width)
        if row == len(self._ids) - 1:  # scrolled (mouse) to the last loaded row
            self._near_end()
        if row == self.cursor:
            style = self.get_component_rich_style("queue-table--cursor")
        elif row % 2:
            style = self.get_component_rich_style("queue-table--even")
        else:
            style = Style()
        return strip.apply_style(base + style)

    def refresh_line(self, y: int) -> None:
        """Repaint table line `y` (0 is the header, row n is line n + 1)."""
        top = round(self.scroll_offset.y)
        if y == 0:
            self.refresh(Region(0, 0, self.size.width, 1))
        elif top < y <= top + self._page:
            self.refresh(Region(0, y - top, self.size.width, 1))
