"""The conversation section of the email screen: the other emails of the thread and the
replies sent to them (drafter.store.conversation), oldest first, with local times. The title
counts the messages after the open email apart ("1 later"): the customer wrote again."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.text import Text

from drafter.store.conversation import Turn
from drafter.tui.i18n import local_time, t


def title(turns: list[Turn], received: datetime | None = None) -> str:
    """How many messages of the thread came before the email received at `received`, and how
    many after it."""
    if not turns:
        return t("email.conversation.none")
    at = _aware(received) if received else None
    later = sum(1 for turn in turns if at is not None and _aware(turn.at) > at)
    if not later:
        return t("email.conversation", n=len(turns))
    return t("email.conversation.later", n=len(turns) - later, later=later)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def text(turns: list[Turn]) -> Text:
    """Each message as a bold header line (when, who) and its text."""
    parts = []
    for turn in turns:
        when = local_time(turn.at)
        head = (
            t("email.turn.customer", when=when, sender=turn.sender)
            if turn.kind == "customer"
            else t("email.turn.reply", when=when)
        )
        parts.append(Text.assemble((head, "bold"), "\n", turn.body.strip(), "\n"))
    return Text("\n").join(parts)
