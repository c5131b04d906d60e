"""drafter.mail: email intake (parse, sources), reply composition; sending lives in send.py.

Public entry points: `parse_email(raw) -> InboundEmail`, `split_reply(text)`,
`iter_source(path)` / `import_key(email)` and `compose_reply(...)` / `make_message_id(...)`.
"""

from __future__ import annotations

from drafter.mail.compose import compose_reply, make_message_id
from drafter.mail.parse import parse_email
from drafter.mail.quotes import Split, split_reply
from drafter.mail.sources import import_key, iter_source

__all__ = [
    "Split",
    "compose_reply",
    "import_key",
    "iter_source",
    "make_message_id",
    "parse_email",
    "split_reply",
]
