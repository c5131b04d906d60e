"""An in-memory DeskService with scripted drafting (small delays) and fixed dates.

Used by the snapshot tests (deterministic output) and by benchmarks. It follows the
DeskService protocol exactly: versions are numbered per email, approve records the SHA-256
of the body, send refuses without a matching approval.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

from drafter.acknowledge import key as ack_key
from drafter.acknowledge import needs_ack
from drafter.config import DEFAULT_ACK_REQUIRED
from drafter.errors import DrafterError, StoreError
from drafter.evaluation.analytics import Analytics, GapTopic, Group
from drafter.models import (
    Address,
    Approval,
    Citation,
    Delta,
    Done,
    Draft,
    DraftEvent,
    DraftVersion,
    DraftWarning,
    EmailRecord,
    InboundEmail,
    Passage,
    QueueFilter,
    QueueItem,
    QueueStatus,
    Retrieved,
    SendResult,
)
from drafter.store.conversation import Turn
from drafter.store.drafts import may_amend
from drafter.store.queue_state import ALLOWED, check_open

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)

SAMPLES = [
    ("Anna Schmidt", "anna@example.org", "Abschlag anpassen", "de", "abschlag",
     "Guten Tag,\nich möchte meinen monatlichen Abschlag von 80 auf 65 Euro senken.\n"
     "Mein Zählerstand ist 12345.\n", 2),
    ("Ben Miller", "ben@example.com", "Moving out next month", "en", "umzug",
     "Hello,\nI am moving to Hamburg on 1 May. How do I cancel my contract?\n", 14),
    ("Carla Weber", "carla@example.de", "Rechnung unverständlich", "de", "rechnung",
     "Hallo,\nwarum ist meine Jahresabrechnung so hoch? Bitte um Erklärung.\n", 30),
]  # fmt: skip

ARTICLES = {
    "abschlag": "# Abschlag ändern\n\nSie können Ihren Abschlag im Kundenportal anpassen.",
    "umzug": "# Moving house\n\nTell us your move-out date and meter reading.",
    "rechnung": "# Ihre Jahresabrechnung\n\nDie Abrechnung enthält Verbrauch und Abschläge.",
}


def reply_for(item: QueueItem) -> str:
    if item.language == "en":
        return (
            f"Dear customer,\n\nthank you for your message about '{item.subject}'. "
            "Please send us your meter reading on the day you move [1].\n\n"
            "Kind regards\nStadtwerke Nordlicht"
        )
    return (
        f"Guten Tag,\n\nvielen Dank für Ihre Nachricht zu „{item.subject}“. "
        "Sie können das im Kundenportal erledigen [1].\n\n"
        "Mit freundlichen Grüßen\nStadtwerke Nordlicht"
    )


class FakeDesk:
    """In-memory review desk. `fail_draft`/`fail_calls` script errors; `delay` paces deltas."""

    def __init__(self, n: int = 3, *, delay: float = 0.0, chunk: int = 12) -> None:
        self.delay = delay
        self.chunk = chunk
        self.cpu_work: Callable[[], None] | None = None  # run per delta (benchmarks)
        self.fail_draft: DrafterError | None = None
        self.fail_calls: dict[str, DrafterError] = {}
        self.calls: list[tuple[str, object]] = []
        self.sent: list[SendResult] = []
        self._lock = threading.Lock()
        self.items: dict[int, QueueItem] = {}
        self.records: dict[int, EmailRecord] = {}
        self.drafts: dict[int, list[DraftVersion]] = {}
        self.approvals: dict[int, Approval] = {}
        self.rejections: dict[int, str] = {}
        self.acknowledged: dict[int, set[tuple[str, str]]] = {}  # cleared by a new draft
        self.stats_result: Analytics | None = None  # None: sample_stats()
        self.rewrite_off = ""  # can_rewrite(): empty, or why rewriting is off
        self.turns: dict[int, list[Turn]] = {}
        self._next_version = 1
        for i in range(n):
            name, addr, subject, lang, reason, body, hours = SAMPLES[i % len(SAMPLES)]
            email_id = i + 1
            received = NOW - timedelta(hours=hours, minutes=7 * i)
            subj = subject if i < len(SAMPLES) else f"{subject} #{email_id}"
            self.items[email_id] = QueueItem(
                email_id=email_id, received_at=received, sender=f"{name} <{addr}>",
                subject=subj, language=lang, contact_reason=reason,  # type: ignore[arg-type]
            )  # fmt: skip
            mail = InboundEmail.model_validate(
                {
                    "message_id": f"<{email_id}@example>",
                    "from": Address(name=name, email=addr),
                    "date": received,
                    "subject": subj,
                    "language": lang,
                    "body": body,
                    "quoted": "Am 1. März schrieb Stadtwerke Nordlicht:\n> Ihre Rechnung ...",
                    "signature": f"--\n{name}\nMusterstraße 1, 12345 Musterstadt",
                }
            )
            self.records[email_id] = EmailRecord(
                email_id=email_id, email=mail, status="new", received_at=received,
                contact_reason=reason,
            )  # fmt: skip

    def _check(self, name: str, arg: object) -> None:
        self.calls.append((name, arg))
        if name in self.fail_calls:
            raise self.fail_calls[name]

    def _set_status(self, email_id: int, status: QueueStatus) -> None:
        """Move like the real store (queue_state.ALLOWED); drafting passes through silently."""
        now = self.records[email_id].status
        allowed = ALLOWED[now] | (ALLOWED["drafting"] if "drafting" in ALLOWED[now] else set())
        if status != now and status not in allowed:
            raise StoreError(f"email {email_id} cannot go from {now} to {status}")
        self.items[email_id].status = status
        self.records[email_id].status = status

    # --- DeskService ---------------------------------------------------------------------
    def queue(
        self,
        *,
        status: QueueFilter | None = None,
        search: str = "",
        after: QueueItem | None = None,
        limit: int | None = None,
    ) -> list[QueueItem]:
        self._check("queue", status)
        needle = search.lower()
        rows = [
            item.model_copy()
            for item in self.items.values()
            if (
                status is None
                or item.status == status
                or (status == "open" and item.status not in ("sent", "rejected"))
            )
            and (needle in item.sender.lower() or needle in item.subject.lower())
        ]
        rows.sort(key=lambda item: (item.received_at, item.email_id))
        if after is not None:
            rows = [
                r for r in rows if (r.received_at, r.email_id) > (after.received_at, after.email_id)
            ]
        return rows if limit is None else rows[:limit]

    def email(self, email_id: int) -> EmailRecord:
        self._check("email", email_id)
        if email_id not in self.records:
            raise StoreError(f"no email {email_id}", hint="reload the queue")
        return self.records[email_id].model_copy()

    def redacted(self, email_id: int) -> str:
        self._check("redacted", email_id)
        mail = self.records[email_id].email
        return mail.body.replace(mail.from_.name.split()[0], "[NAME_1]")

    def versions(self, email_id: int) -> list[DraftVersion]:
        self._check("versions", email_id)
        return list(self.drafts.get(email_id, []))

    def _add_version(self, email_id: int, source: str, body: str, draft: Draft) -> DraftVersion:
        with self._lock:
            existing = self.drafts.setdefault(email_id, [])
            version = DraftVersion(
                version_id=self._next_version, email_id=email_id, number=len(existing) + 1,
                source=source, body=body, draft=draft,  # type: ignore[arg-type]
                created_at=NOW + timedelta(minutes=self._next_version), author="agent",
            )  # fmt: skip
            self._next_version += 1
            existing.append(version)
            return version

    async def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        self.calls.append(("draft", (email_id, instruction)))
        item = self.items[email_id]
        self._set_status(email_id, "drafting")
        passage = Passage(
            kb_id=f"kb-{item.contact_reason}", title=item.contact_reason.title(),
            text=ARTICLES.get(item.contact_reason, ""), score=0.8, language=item.language,
        )  # fmt: skip
        yield Retrieved(passages=[passage])
        if self.fail_draft is not None:
            await asyncio.sleep(self.delay)
            self._set_status(email_id, "needs_attention")
            raise self.fail_draft
        body = reply_for(item)
        if instruction:
            latest = self.drafts.get(email_id, [])
            base = latest[-1].body if latest else body
            body = f"[{instruction}]\n{base}"
        for start in range(0, len(body), self.chunk):
            if self.delay:
                await asyncio.sleep(self.delay)
            if self.cpu_work is not None:
                self.cpu_work()
            yield Delta(text=body[start : start + self.chunk])
        warnings = [] if item.language == "en" else [
            DraftWarning(code="kb_gap", message="no article covers the amount asked about")
        ]  # fmt: skip
        draft = Draft(
            body=body, language=item.language, contact_reason=item.contact_reason,
            citations=[Citation(n=1, kb_id=passage.kb_id, title=passage.title)],
            warnings=warnings, passages=[passage],
        )  # fmt: skip
        self._add_version(email_id, "rewrite" if instruction else "generated", body, draft)
        self.acknowledged.pop(email_id, None)
        self._set_status(email_id, "ready")
        self.items[email_id].warnings = len(warnings)
        yield Done(draft=draft)

    def _not_final(self, email_id: int, action: str) -> None:
        check_open(self.records[email_id].status, email_id, action)

    def save_edit(self, email_id: int, body: str, *, amend: int | None = None) -> DraftVersion:
        self._check("save_edit", email_id)
        versions = self.drafts.get(email_id, [])
        if versions and versions[-1].body == body:
            return versions[-1]
        self._not_final(email_id, "edit")
        approved = {a.version_id for a in self.approvals.values()}
        if versions and may_amend(versions[-1], amend, "agent") and amend not in approved:
            versions[-1] = versions[-1].model_copy(update={"body": body})
            return versions[-1]
        base = versions[-1].draft if versions else Draft(body=body)
        self._set_status(email_id, "in_review")
        return self._add_version(email_id, "edit", body, base)

    def approve(self, email_id: int, body: str) -> Approval:
        self._check("approve", email_id)
        if not body.strip():
            raise StoreError(f"the reply to email {email_id} is empty")
        version = self.save_edit(email_id, body)
        self._not_final(email_id, "approve")
        approval = Approval(
            email_id=email_id, version_id=version.version_id, approved_by="agent",
            approved_at=NOW, sha256=hashlib.sha256(body.encode()).hexdigest(),
        )  # fmt: skip
        self.approvals[email_id] = approval
        return approval

    def checked(self, email_id: int, body: str) -> list[DraftWarning]:
        self._check("checked", email_id)
        versions = self.drafts.get(email_id, [])
        return versions[-1].draft.warnings if versions else []  # judges no content

    def unacknowledged(self, email_id: int) -> list[DraftWarning]:
        self._check("unacknowledged", email_id)
        versions = self.drafts.get(email_id, [])
        if not versions:
            return []
        latest = versions[-1]
        done = self.acknowledged.get(email_id, set())
        risky = needs_ack(DEFAULT_ACK_REQUIRED, latest.draft.warnings, latest.body)
        return [w for w in risky if ack_key(w) not in done]

    def acknowledge(self, email_id: int, warning: DraftWarning) -> None:
        self._check("acknowledge", email_id)
        versions = self.drafts.get(email_id, [])
        risky = (
            needs_ack(DEFAULT_ACK_REQUIRED, versions[-1].draft.warnings, versions[-1].body)
            if versions
            else []
        )
        if ack_key(warning) not in {ack_key(w) for w in risky}:
            raise StoreError("no such warning to acknowledge", hint="reload the email")
        self.acknowledged.setdefault(email_id, set()).add(ack_key(warning))

    def send(self, email_id: int) -> SendResult:
        self._check("send", email_id)
        if email_id not in self.approvals:
            raise StoreError("not approved", hint="approve the draft first")
        done = [r for r in self.sent if r.email_id == email_id]
        if done:
            return done[0].model_copy(update={"already_sent": True})
        if self.unacknowledged(email_id):
            raise StoreError("risky warnings not acknowledged", hint="acknowledge each one")
        result = SendResult(
            email_id=email_id, message_id=f"<reply-{email_id}@example>",
            transport="outbox", location=f"/tmp/outbox/{email_id}.eml",
        )  # fmt: skip
        self.sent.append(result)
        self._set_status(email_id, "sent")
        record = self.records[email_id]
        record.approved_by, record.sent_at = self.approvals[email_id].approved_by, NOW
        return result

    def reject(self, email_id: int, reason: str) -> None:
        self._check("reject", email_id)
        self._not_final(email_id, "reject")
        self.rejections[email_id] = reason
        self._set_status(email_id, "rejected")
        record = self.records[email_id]
        record.rejected_by, record.rejected_at, record.rejection_reason = "agent", NOW, reason

    def reopen(self, email_id: int, reason: str) -> None:
        self._check("reopen", email_id)
        if not reason.strip():
            raise StoreError(f"reopening email {email_id} needs a reason")
        if self.records[email_id].status != "rejected":
            raise StoreError(f"email {email_id}: only a rejected email can be reopened")
        self._set_status(email_id, "in_review" if self.drafts.get(email_id) else "new")
        record = self.records[email_id]
        record.rejected_by, record.rejected_at, record.rejection_reason = "", None, ""

    def can_rewrite(self) -> str:
        return self.rewrite_off

    def conversation(self, email_id: int) -> list[Turn]:
        self._check("conversation", email_id)
        self.email(email_id)
        return list(self.turns.get(email_id, []))

    def claim(self, email_id: int) -> None:
        self._check("claim", email_id)
        self.items[email_id].claimed_by = "agent"
        self.records[email_id].claimed_by = "agent"

    def worker_running(self) -> bool:
        return False

    def changes(self) -> int:
        return 0

    def wait_changes(self, timeout: float) -> bool:
        time.sleep(min(timeout, 0.05))
        return False

    def renew(self, email_id: int) -> bool:
        self._check("renew", email_id)
        return self.records[email_id].claimed_by == "agent"

    def release(self, email_id: int) -> bool:
        self._check("release", email_id)
        held = self.records[email_id].claimed_by == "agent"
        self.items[email_id].claimed_by = ""
        self.records[email_id].claimed_by = ""
        return held

    def article(self, kb_id: str) -> str:
        self._check("article", kb_id)
        return ARTICLES.get(kb_id.removeprefix("kb-"), f"# {kb_id}\n\n(no text)")

    def pending_drafts(self) -> list[int]:
        self._check("pending_drafts", None)
        return [i for i, item in self.items.items() if item.status == "new"]

    def stats(self) -> Analytics:
        self._check("stats", None)
        return self.stats_result if self.stats_result is not None else sample_stats()


def sample_stats() -> Analytics:
    """Fixed desk analytics for the stats-screen snapshot (three reasons, two prompts)."""
    reasons = [
        Group("abschlag", 12, 12, 8, 2, 0.625, 0.0412, 48.0, 1260.0, {"falsche zuordnung": 2}),
        Group("umzug", 7, 7, 5, 1, 0.4, 0.1275, 61.0, 2400.0, {"doppelt": 1}),
        Group("rechnung", 4, 3, 1, 0, 0.0, 0.3318, 95.0, 5400.0, {}),
    ]
    overall = Group(
        "all", 23, 22, 14, 3, 0.5, 0.0731, 55.0, 1800.0, {"falsche zuordnung": 2, "doppelt": 1}
    )
    prompts = [
        Group("reply@3", 15, 15, 10, 2, 0.6, 0.05, 50.0, 1500.0, {"falsche zuordnung": 2}),
        Group("reply@2", 8, 7, 4, 1, 0.25, 0.2104, 70.0, 3000.0, {"doppelt": 1}),
    ]
    gaps = [
        GapTopic(
            "Förderung Wallbox",
            3,
            [4, 9, 17],
            ["wallbox", "förderung"],
            {"de": 3},
            signals={"retrieval": 2, "model": 2},
        ),
        GapTopic(
            "Balcony solar panel",
            1,
            [21],
            ["balcony", "solar", "panel"],
            {"en": 1},
            signals={"model": 1},
        ),
    ]
    return Analytics(23, overall, reasons, prompts, gaps)
