"""Forwarded messages of third parties in a customer's quoted thread.

Owns `own_thread`: the quoted history without messages that someone else wrote to the customer
and the customer forwarded to us ("---------- Weitergeleitete Nachricht ----------", "Begin
forwarded message:" from the landlord, a tenant, a neighbour). Such a message speaks to the
customer, not to us: its "Hallo Hans, kannst du …" or "Hi Mary, … Tom" says nothing about the
register the customer chose with us (drafter.drafting.salutation reads the thread only through
this). A forwarded message of the customer's own (the same address or display name: a
reminder of an earlier mail) stays, as do ordinary reply quotes ("-----Ursprüngliche
Nachricht-----", "Am … schrieb …").
"""

from __future__ import annotations

import re

from drafter.models import Address

#: the line that opens a forwarded message (Gmail, Thunderbird, Apple Mail, Outlook web)
_FORWARD = re.compile(
    r"(?im)^[\s>]*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|"
    r"messaggio inoltrato|mensaje reenviado|doorgestuurd bericht)\s*-{2,}|"
    r"(?:begin forwarded message|anfang der weitergeleiteten nachricht)\s*:)\s*$"
)
#: the header line naming who wrote the forwarded message
_FROM = re.compile(r"(?im)^[\s>]*\**\s*(?:from|von)\s*\**\s*:\s*\**\s*(.*)$")
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def own_thread(quoted: str, sender: Address) -> str:
    """`quoted` without the forwarded messages that someone other than `sender` wrote."""
    marks = list(_FORWARD.finditer(quoted))
    if not marks:
        return quoted
    kept = [quoted[: marks[0].start()]]
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(quoted)
        block = quoted[mark.start() : end]
        if _from_sender(block, sender):
            kept.append(block)
    return "\n".join(kept)


def _from_sender(block: str, sender: Address) -> bool:
    """The forwarded message's "From:"/"Von:" line names the sender (address or display name)."""
    header = _FROM.search(block[:800])
    if not header:
        return False
    author = header.group(1)
    address = _ADDRESS.search(author)
    if address:
        return address.group().lower() == sender.email.lower()
    name = " ".join(sender.name.split()).lower()
    return bool(name) and " ".join(author.split()).lower().startswith(name)
