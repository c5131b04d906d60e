"""The email screen's draft pane around the editor: the header, the warnings panel (f6
selects the next warning's text in the editor) and the list of cited articles (enter opens
one). The EmailScreen calls these functions with itself; `final_note` is the header of a sent or
rejected email."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from drafter.tui import warning_text
from drafter.tui.i18n import short_time, t
from drafter.tui.screens.modals import ArticleScreen

if TYPE_CHECKING:
    from datetime import datetime

    from drafter.models import Draft, DraftWarning, EmailRecord
    from drafter.tui.screens.email_view import EmailView


def final_note(record: EmailRecord, now: datetime) -> str:
    """The draft header of a sent or rejected email: read only, when it was sent and who
    approved it, or who rejected it, when and why (f4 reopens it)."""
    if record.status == "sent" and record.sent_at is not None:
        who = record.approved_by or "?"
        return t("draft.sent_by", agent=who, when=short_time(record.sent_at, now))
    if record.status != "rejected":
        return t("draft.read_only", status=t("status." + record.status))
    if not record.rejected_by:
        return t("draft.read_only.rejected")
    when = short_time(record.rejected_at, now) if record.rejected_at else "?"
    reason = " ".join(record.rejection_reason.split()) or "-"
    return t("draft.rejected_by", agent=record.rejected_by, when=when, reason=reason)


def _location(text: str, index: int) -> tuple[int, int]:
    """(row, column) of a character index, as the editor counts them."""
    return text.count("\n", 0, index), index - (text.rfind("\n", 0, index) + 1)


def warning_lines(draft: Draft, one_line: bool = False) -> Text:
    """The warnings panel: kind and message, then the offending text highlighted (f6 selects
    it in the editor). `one_line` (below 30 rows, where the editor needs the room): each
    warning on one line, kind, offending text, then message, cut with `…` at the edge."""
    if one_line:
        return _one_line_each(draft)
    lines = Text()
    for n, warning in enumerate(draft.warnings):
        if n:
            lines.append("\n")
        text = warning_text.message(warning)
        lines.append(f"⚠ {warning_text.label(warning.code)}: {text}")
        if warning.span and warning.span not in text:
            span = warning.span if len(warning.span) <= 90 else warning.span[:87] + "…"
            lines.append("\n   ")
            lines.append(span, style="reverse yellow")
    return lines


def _one_line_each(draft: Draft) -> Text:
    lines = Text(no_wrap=True, overflow="ellipsis")
    for n, warning in enumerate(draft.warnings):
        if n:
            lines.append("\n")
        text = warning_text.message(warning)
        lines.append(f"⚠ {warning_text.label(warning.code)}: ")
        if warning.span and warning.span not in text:
            lines.append(" ".join(warning.span.split()), style="reverse yellow")
            lines.append(" · ")
        lines.append(text)
    return lines


def show_warnings(screen: EmailView) -> None:
    """The warnings panel of the shown draft, for the screen's height: whole, or one line
    each below 30 rows (the whole text is then the panel's tooltip)."""
    warnings = screen.query_one("#warnings", Static)
    draft = screen.draft
    shown = open_warnings(screen, draft)
    one_line = screen.has_class("short")
    if draft is None or not shown:
        warnings.update(Text())
    else:
        warnings.update(warning_lines(draft, one_line))
    warnings.tooltip = warning_lines(draft) if draft is not None and shown and one_line else None
    warnings.set_class(not shown, "hidden")


def open_warnings(screen: EmailView, draft: Draft | None) -> list[DraftWarning]:
    """The warnings of `draft` still to act on: none once the email is sent or rejected (their
    "read and adapt before sending" is moot then; reopening shows them again)."""
    return [] if draft is None or screen.final else list(draft.warnings)


def show_draft(screen: EmailView, draft: Draft, status: str) -> None:
    """The header, warnings and cited articles of `draft` (the editor's text is set apart)."""
    screen.draft = draft
    kind = t("draft.kind.template" if draft.mode == "extractive" else "draft.kind.model")
    label = t("draft.header", status=status, kind=kind)
    if draft.model:
        label += f" {draft.model}"
    screen.query_one("#draft-status", Label).update(Text(label))  # a model name: no markup
    show_warnings(screen)
    screen._warning_at = -1
    citations = screen.query_one("#citations", OptionList)
    citations.clear_options()
    options: dict[str, Option] = {}  # one entry per article, even if a draft repeats it
    for c in draft.citations:
        options.setdefault(c.kb_id, Option(f"[{c.n}] {c.title}", id=c.kb_id))
    if not options:
        for p in draft.passages:
            options.setdefault(p.kb_id, Option(p.title, id=p.kb_id))
    citations.add_options(list(options.values()))
    if citations.option_count:
        citations.highlighted = 0


def open_source(screen: EmailView) -> None:
    """Open the highlighted cited article."""
    citations = screen.query_one("#citations", OptionList)
    if not citations.option_count:
        screen.notify(t("notify.no_sources"))
        return
    option = citations.get_option_at_index(citations.highlighted or 0)
    if option.id is not None:
        screen.app.push_screen(ArticleScreen(option.id, str(option.prompt)))


def next_warning(screen: EmailView) -> None:
    """Select, in the editor, the text of the next warning that names one (f6)."""
    spans = [w.span for w in open_warnings(screen, screen.draft) if w.span]
    text = screen.editor.text
    found = [s for s in spans if s in text]
    if not found:
        screen.notify(t("notify.no_warning_text"))
        return
    screen._warning_at = (screen._warning_at + 1) % len(found)
    start = text.index(found[screen._warning_at])
    end = start + len(found[screen._warning_at])
    screen.editor.selection = Selection(_location(text, start), _location(text, end))
    screen.editor.scroll_cursor_visible()
    screen.editor.focus()
