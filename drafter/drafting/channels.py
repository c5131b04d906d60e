"""`link` for a messenger channel or @handle a reply offers as a way to reach someone.

A fooled model legitimises the contact an attacker planted ("our refunds desk is on Telegram at
@nordlicht_refunds", "message our billing team on WhatsApp"): a chat account no trusted
article names reaches the attacker, whatever number or address comes with it. Called by
drafter.drafting.harm_contacts.check_contacts, which keeps one warning per sentence (a phone
number in the same sentence is named already).
"""

from __future__ import annotations

import re

from drafter.drafting.check_base import sentences
from drafter.models import DraftWarning
from drafter.privacy.patterns import EMAIL_RE as EMAIL

# a refusal names the channel without offering it: "we do not use WhatsApp"
_REFUSAL = re.compile(
    r"\b(?:nie|niemals|nicht|kein\w*|never|not|don't|do not|won't|cannot|can't|can not|unable|"
    r"no)\b",
    re.I,
)

# a messenger account or chat channel as a way to reach "us": Telegram, WhatsApp, a handle
_MESSENGER = re.compile(
    r"\b(?:telegram|whatsapp|threema|signal[- ]messenger|signal app|discord|snapchat|instagram|"
    r"facebook|messenger|wechat|viber|skype|tiktok|x\.com|twitter)\b"
    r"|(?<![\w.@])@[A-Za-z_][\w.]{2,}\b",
    re.I,
)


def messenger_channels(body: str, sources: str) -> list[DraftWarning]:
    """`link` for a messenger channel or @handle the reply names as a way to reach someone,
    when no trusted article names it (a warning against it, "we never write on WhatsApp", is
    none)."""
    found: list[DraftWarning] = []
    sources = sources.lower()
    for a, b in sentences(body):
        sentence = body[a:b]
        channel = _MESSENGER.search(EMAIL.sub(lambda m: " " * len(m.group(0)), sentence))
        if channel is None or _REFUSAL.search(sentence):
            continue
        if channel.group(0).lower() in sources:
            continue
        found.append(
            DraftWarning(
                code="link",
                message=f"the reply names {channel.group(0)} as a contact channel, which is "
                "neither the company's (settings) nor in a trusted source",
                span=sentence.strip(),
            )
        )
    return found
