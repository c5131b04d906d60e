"""Citation markers for the customer: `[1]` helps the agent, not the reader of an email.

The approved text keeps its markers (that is what the agent reviewed and what the approval
hash covers). When the reply is composed, markers that point at a cited article are removed
and, with `DRAFTER_REPLY_SOURCE_LINKS` on, the cited articles' links are listed under the
text before the signature, so the customer can read more. Deterministic: the same approved
text always gives the same email.
"""

from __future__ import annotations

import re

from drafter.closings import SIGN_OFF
from drafter.models import Citation

_MARKERS = re.compile(r"[ \t]*((?:\[\d{1,2}(?:\s*,\s*\d{1,2})*\])+)")
_HEADING = {"de": "Weitere Informationen:", "en": "More information:"}


def _numbers(group: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d{1,2}", group)]


def customer_text(body: str, citations: list[Citation], language: str, links: bool) -> str:
    """`body` without citation markers, plus the cited articles' links when `links` is set."""
    known = {c.n: c for c in citations}
    used: list[int] = []

    def strip(match: re.Match[str]) -> str:
        numbers = _numbers(match.group(1))
        if not numbers or any(n not in known for n in numbers):
            return match.group(0)  # not ours (or a warning the agent saw): leave it visible
        used.extend(n for n in numbers if n not in used)
        return ""

    text = _MARKERS.sub(strip, body)
    listed = [known[n] for n in sorted(used) if known[n].url]
    if not links or not listed:
        return text
    block = "\n".join(
        [_HEADING.get(language, _HEADING["en"])] + [f"- {c.title}: {c.url}" for c in listed]
    )
    lines = text.rstrip("\n").split("\n")
    closing = next(
        (i for i in range(len(lines) - 1, -1, -1) if SIGN_OFF.match(lines[i].strip())), None
    )
    if closing is None:
        return text.rstrip("\n") + "\n\n" + block + "\n"
    head = "\n".join(lines[:closing]).rstrip("\n")
    tail = "\n".join(lines[closing:])
    return f"{head}\n\n{block}\n\n{tail}\n"
