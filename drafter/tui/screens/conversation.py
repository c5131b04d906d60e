"""The conversation section of the email screen: the earlier emails of the thread and the
replies sent to them (drafter.store.conversation), oldest first, with local times."""

from __future__ import annotations

from rich.text import Text

from drafter.store.conversation import Turn
from drafter.tui.i18n import local_time, t


def title(turns: list[Turn]) -> str:
    return t("email.conversation", n=len(turns)) if turns else t("email.conversation.none")


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
