"""How the queue's rows look: the columns for a terminal width, and each cell (age coloured
by the response-time goal, sender, subject with the emergency marker, status with warnings
and who holds the email). Pure functions of the item and the width; no Textual widgets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from rich.text import Text

from drafter.models import QueueItem
from drafter.tui.i18n import reason_label, t
from drafter.tui.widgets.queue_table import Column

# Fixed widths (measuring every cell of a long queue would stall the first render);
# the subject takes the rest of the terminal width. Below WIDE columns the sender and
# status columns are narrower; below NARROW the language column is left out (the email's
# header names the language), the sender gets 15 and the status the longest label of the
# interface language (at least 14), so at 80 columns the subject shows 24 characters in
# English and 26 in German (it had 16 and 17).
WIDE = 120
NARROW = 100
AGE_WIDTH = 7
STATUSES = ("new", "drafting", "ready", "in_review", "needs_attention", "sent", "rejected")


def columns(width: int, reasons: Sequence[str] = ()) -> tuple[Column, ...]:
    """The queue's columns in a terminal `width` wide; the contact-reason column fits the
    longest label of `reasons` (the configured ones) up to 14 ("zaehlerstand" was cut at 80)."""
    wide, narrow = width >= WIDE, width < NARROW
    reason = min(14, max([10, *(len(reason_label(r)) for r in reasons)]))
    status = max(14, *(len(t("status." + s)) for s in STATUSES))  # "@maria-lena ⚠2"
    return (
        Column("age", t("col.age"), AGE_WIDTH),
        Column("sender", t("col.sender"), 30 if wide else 15 if narrow else 18),
        Column("subject", t("col.subject"), 20, flex=True),
        *(() if narrow else (Column("lang", t("col.lang"), 4),)),
        Column("reason", t("col.reason"), 14 if wide else reason),
        Column("status", t("col.status"), 22 if wide else status if narrow else 15),
    )


def width_of(width: int, key: str) -> int:
    """The width of column `key` in a terminal `width` wide (0 for an unknown key)."""
    found = [c.width for c in columns(width) if c.key == key]
    return found[0] if found else 0


def format_age(age: timedelta) -> str:
    """ "5m", "3h 07m", "2d 01h"; in German days are "T" (Tage): "2 T 01h", and from 10 days
    on the hours are left out so it fits the column ("18 T")."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {minutes:02d}m"
    days, hours = divmod(hours, 24)
    full = t("age.days", d=days, h=f"{hours:02d}")
    return full if len(full) <= AGE_WIDTH else t("age.days.short", d=days)


def due_style(age: timedelta, goal_hours: float) -> str:
    """green while under half the goal, yellow until the goal, red when overdue."""
    fraction = age.total_seconds() / 3600 / max(goal_hours, 1e-9)
    if fraction < 0.5:
        return "green"
    if fraction < 1.0:
        return "yellow"
    return "bold red"


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def subject_text(item: QueueItem) -> Text:
    """The subject cell; an emergency (drafter.triage) gets a red "‼ " marker and bold text."""
    subject = item.subject or t("queue.no_subject")
    if not item.urgency:
        return Text(subject)
    return Text.assemble(("‼ ", "bold red"), (subject, "bold"))


def status_text(item: QueueItem, width: int, status: str | None = None) -> Text:
    """Status, warnings and who holds the email; when that does not fit the column (80
    columns, German), an email in review shows who reviews it instead of the word (for
    the terminal `width` of the last load: a resized desk catches up at the next reload)."""
    status = status or item.status
    warned = item.warnings and status in ("ready", "in_review")
    text = Text(t("status." + status))
    if warned:
        text.append(f" ⚠{item.warnings}", style="yellow")
    if item.claimed_by:
        text.append(f" @{item.claimed_by}", style="cyan")
    if item.claimed_by and status == "in_review" and len(text) > width_of(width, "status"):
        text = Text(f"@{item.claimed_by}", style="cyan")
        if warned:
            text.append(f" ⚠{item.warnings}", style="yellow")
    return text


TITLES = frozenset({"dr", "prof", "dipl", "ing", "med", "rer", "nat", "phil", "jur", "mag"})


def sender_text(sender: str, width: int) -> str:
    """The sender as "Name <address>" when that fits the column, else the name alone
    (80 columns: "Anna Schmidt" reads better than "Anna Schmidt <anna@…"); a name too long
    for the column keeps its surname whole: academic titles go first ("Dr. Cornelia Haack"
    -> "Cornelia Haack"), then the first names shrink to initials ("Rainer Stoltenberg" ->
    "R. Stoltenberg"). For the width of the last load, like the status."""
    room = width_of(width, "sender")
    name, _, address = sender.rpartition(" <")
    if len(sender) <= room or not name or not address.endswith(">"):
        return sender
    return short_name(name, room)  # as models.Address.formatted wrote it: "Name <address>"


def _title(word: str) -> bool:
    """An academic title ("Dr.", "Prof.", "Dipl.-Ing.", "med."; English "Dr" too)."""
    if word.lower() in ("dr", "prof"):
        return True
    parts = [p for p in re.split(r"[.\-]", word.lower()) if p]
    return bool(parts) and word.endswith(".") and all(p in TITLES for p in parts)


def short_name(name: str, room: int) -> str:
    """`name` in at most `room` characters where it can be done without cutting the surname
    (the last word); else `name` without titles (the table cuts it with "…")."""
    if len(name) <= room:
        return name
    words = name.split()
    plain = [w for w in words if not _title(w)]
    if len(plain) < 2 or "," in name:  # one word, or "Surname, First": left as written
        return name
    if len(" ".join(plain)) <= room:
        return " ".join(plain)
    initials = [w[0] + "." for w in plain[:-1] if w[:1].isalpha()]
    return " ".join([*initials, plain[-1]])


def row_cells(item: QueueItem, now: datetime, goal_hours: float, width: int) -> dict[str, Text]:
    """One row's cells by column key, every column's (a narrow terminal shows fewer of them;
    Text cells: customer text is never parsed as markup)."""
    age = now - aware(item.received_at)
    return {
        "age": Text(format_age(age), style=due_style(age, goal_hours)),
        "sender": Text(sender_text(item.sender, width)),
        "subject": subject_text(item),
        "lang": Text(item.language),
        "reason": Text(reason_label(item.contact_reason)),
        "status": status_text(item, width),
    }
