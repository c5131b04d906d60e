"""What the desk analytics know of one email (drafter.evaluation.analytics collects them; the
knowledge-gap topics in drafter.evaluation.analytics_gaps group them): its own module so that
neither of the two imports the other."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field


@dataclass
class EmailFacts:
    email_id: int
    reason: str
    prompt: str
    language: str
    subject: str
    body: str
    status: str
    imported_at: dt.datetime
    received_at: dt.datetime | None = None  # the mail's own date (the queue ages it from there)
    first_draft_at: dt.datetime | None = None
    first_body: str = ""
    kb_gap: bool = False
    gap_signals: list[str] = field(default_factory=list)  # "retrieval", "model"
    # requests of an answered mail the KB left open (pseudonymised; question_verdict)
    gap_questions: list[str] = field(default_factory=list)
    sent_at: dt.datetime | None = None
    sent_body: str | None = None
    rejected_at: dt.datetime | None = None
    rejection: str = ""
    email_json: str = field(default="", repr=False)  # the stored email, for masking

    @property
    def time_to_first_draft(self) -> float | None:
        if self.first_draft_at is None:
            return None
        return max(0.0, (self.first_draft_at - self.imported_at).total_seconds())

    @property
    def time_in_review(self) -> float | None:
        decided = self.sent_at or self.rejected_at
        if self.first_draft_at is None or decided is None:
            return None
        return max(0.0, (decided - self.first_draft_at).total_seconds())

    @property
    def response_time(self) -> float | None:
        """Seconds from when the customer wrote to the reply being sent (None: not sent), as
        the queue ages a mail; a date after the import (a wrong clock) counts from the import."""
        if self.sent_at is None:
            return None
        start = min(self.received_at or self.imported_at, self.imported_at)
        return max(0.0, (self.sent_at - start).total_seconds())

    @property
    def edit_ratio(self) -> float | None:
        if self.sent_body is None or self.first_draft_at is None:
            return None
        matcher = difflib.SequenceMatcher(None, self.first_body, self.sent_body, autojunk=False)
        return 1.0 - matcher.ratio()

    @property
    def unchanged(self) -> bool | None:
        if self.sent_body is None or self.first_draft_at is None:
            return None
        return self.sent_body.strip() == self.first_body.strip()
