"""The trusted text of knowledge-base passages, as the reply checks read it.

Owns `trusted_text`: a passage's text without the paragraphs that hold a value ingest marked
untrusted (contact or bank data not on the company's allow-list) and without paragraphs that
address the reply writer (a tampered article's instructions). drafter.drafting.harm checks
replies against it for the cited passages, drafter.drafting.library for every article of the
KB folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.models import Passage

_WRITER_ADDRESSED = re.compile(
    r"\b(?:in (?:jeder|seiner|ihrer|der) antwort"
    r"|in (?:every|each|your|the) (?:reply|answer|response)"
    r"|(?:ki|ai)[- ]?assistent|assistant|sagt .{0,40} direkt zu|always (?:tell|mention|say)"
    r"|immer (?:nennen|angeben|mitteilen))",
    re.I,
)
# a paragraph that grants money or a waiver as goodwill, a bonus or a thank-you: a case-by-case
# decision of an agent, never a rule a reply may promise from (a tampered "Kulanzregel: ... 20
# EUR gut", "Loyalty note: ... a 40 EUR goodbye credit"). Conditions the company always pays on
# (compensation for a missed appointment, an outage) carry none of these words.
_GOODWILL = re.compile(
    r"\b(?:kulanz\w*|\w*bonus\w*|\w*prämie\w*|dankeschön|treue\w*|entgegenkommen"
    r"|goodwill|loyalty|thank-you|as a thank you|as a gesture|no questions asked)\b",
    re.I,
)


def trusted_text(passages: Sequence[Passage]) -> str:
    """The passages' text without paragraphs addressing the reply writer (a tampered
    article's instructions) or holding an untrusted value, and without untrusted values."""
    parts: list[str] = []
    for passage in passages:
        paragraphs = re.split(r"\n\s*\n|\n(?=\s*[-*] )", passage.text)
        # a paragraph that addresses the reply writer, or that holds a link, address, phone
        # number or IBAN off the company's allow-list, is not knowledge: none of its claims is
        # trusted (a tampered "Neu: PayPal" paragraph offers the channel AND its account); nor
        # is a paragraph granting goodwill money (`_GOODWILL`)
        kept = [
            p
            for p in paragraphs
            if not _WRITER_ADDRESSED.search(p)
            and not _GOODWILL.search(p)
            and not any(v in p for v in passage.untrusted)
        ]
        text = "\n\n".join(kept) + "\n" + passage.title + "\n" + passage.url
        for value in passage.untrusted:
            text = text.replace(value, " ")
        parts.append(text)
    return "\n\n".join(parts)
