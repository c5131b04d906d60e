"""A template draft of a made-up mail on made-up articles (the first line of each article is
its `# title`), for the template-draft tests of drafts29."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.config import Settings
from drafter.drafting.extractive import extractive_reply
from drafter.models import Address, InboundEmail, Passage

SETTINGS = Settings(mail_from="Beispiel Werke <service@beispiel-werke.de>")


def draft_body(
    subject: str, body: str, texts: list[str], language: str, scores: Sequence[float]
) -> str:
    """The body of the template draft for a mail from Erika Schulz, the articles retrieved
    with `scores` (one per article, best first)."""
    mail = InboundEmail(
        from_=Address(name="Erika Schulz", email="erika@example.org"),
        subject=subject,
        body=body,
        language=language,
    )
    passages = [
        Passage(kb_id=str(n), title=t.splitlines()[0][2:], text=t, score=s, language=language)
        for n, (t, s) in enumerate(zip(texts, scores, strict=True))
    ]
    reply = extractive_reply(
        mail, f"{subject} {body}", passages, settings=SETTINGS, language=language,
        formality="sie", kb_gap=False, texts=texts,
    )  # fmt: skip
    return reply.body
