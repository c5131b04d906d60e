"""Desk analytics from the state database: what happens to drafts, per contact reason and prompt.

For every email: its contact reason, the prompt (name@version) of its first generated draft,
the time from import to that first draft, the time in review (first draft to the reply being
sent or the email rejected), whether the sent text equals the first draft ("sent unchanged"),
and the edit ratio, 1 - difflib ratio between the first generated draft and the sent text.
Groups report volume, drafted/sent/rejected counts, the share sent unchanged, medians and the
rejection reasons; an email counts as rejected only while it is (a reopened one does not).
The knowledge-gap topics (drafter.evaluation.analytics_gaps) group the emails whose first
draft carried a `kb_gap` warning, so KB authors see what to write next.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, distinct, func, select

from drafter.config import Settings
from drafter.evaluation.analytics_gaps import GapTopic as GapTopic
from drafter.evaluation.analytics_gaps import gap_of, gap_topics, mask_gap_texts, open_questions_of
from drafter.evaluation.analytics_gaps import question_of as question_of
from drafter.evaluation.email_facts import EmailFacts as EmailFacts
from drafter.store.clock import as_utc
from drafter.store.db import Database
from drafter.store.schema import (
    approvals,
    audit_log,
    draft_versions,
    emails,
    outbox,
    rejections,
)

AGENT_ACTIONS = ("claimed", "drafted", "edited", "approved", "sent", "rejected")


@dataclass
class Group:
    """The figures for one contact reason or one prompt version."""

    key: str
    volume: int = 0
    drafted: int = 0
    sent: int = 0
    rejected: int = 0
    sent_unchanged: float | None = None  # share of the sent replies
    median_edit_ratio: float | None = None
    median_time_to_first_draft_s: float | None = None
    median_time_in_review_s: float | None = None
    rejection_reasons: dict[str, int] = field(default_factory=dict)
    within_goal: float | None = None  # share of sent replies sent within the response-time goal


@dataclass
class Analytics:
    emails: int
    overall: Group
    by_reason: list[Group]
    by_prompt: list[Group]
    knowledge_gaps: list[GapTopic]
    # per agent (audit log actor): the emails claimed, drafted, edited, approved, sent, rejected
    by_agent: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# --- loading -----------------------------------------------------------------------------


def _email_text(email_json: str) -> tuple[str, str]:
    try:
        data = json.loads(email_json)
    except ValueError:
        return "", ""
    return str(data.get("subject") or ""), str(data.get("body") or "")


def load_facts(conn: Connection) -> list[EmailFacts]:
    """One EmailFacts per email in the database, oldest first."""
    facts: dict[int, EmailFacts] = {}
    for row in conn.execute(select(emails).order_by(emails.c.imported_at, emails.c.id)):
        subject, body = _email_text(row.email_json)
        facts[row.id] = EmailFacts(
            email_id=row.id,
            reason=row.contact_reason or "(none)",
            prompt="",
            language=row.language,
            subject=subject or row.subject,
            body=body,
            status=row.status,
            imported_at=as_utc(row.imported_at),
            received_at=as_utc(row.received_at) if row.received_at else None,
            email_json=row.email_json,
        )
    generated = (
        select(draft_versions)
        .where(draft_versions.c.source == "generated")
        .order_by(draft_versions.c.email_id, draft_versions.c.number)
    )
    for row in conn.execute(generated):
        item = facts.get(row.email_id)
        if item is None or item.first_draft_at is not None:
            continue
        item.first_draft_at = as_utc(row.created_at)
        item.first_body = row.body
        item.prompt = f"{row.prompt_name}@{row.prompt_version}" if row.prompt_name else "(none)"
        item.kb_gap, item.gap_signals = gap_of(row.draft_json)
        item.gap_questions = open_questions_of(row.draft_json) if item.kb_gap else []
        if item.reason == "(none)":
            item.reason = json.loads(row.draft_json).get("contact_reason") or "(none)"
    sent = (
        select(outbox.c.email_id, outbox.c.sent_at, outbox.c.updated_at, draft_versions.c.body)
        .join(approvals, approvals.c.id == outbox.c.approval_id)
        .join(draft_versions, draft_versions.c.id == approvals.c.version_id)
        .where(outbox.c.state == "sent")
        .order_by(outbox.c.id)
    )
    for row in conn.execute(sent):
        item = facts.get(row.email_id)
        if item is not None and item.sent_at is None:
            item.sent_at = as_utc(row.sent_at or row.updated_at)
            item.sent_body = row.body
    for row in conn.execute(select(rejections).order_by(rejections.c.id)):
        item = facts.get(row.email_id)
        if item is not None and item.status == "rejected":  # not once reopened
            item.rejected_at = as_utc(row.rejected_at)
            item.rejection = row.reason.strip() or "(no reason)"
    return list(facts.values())


# --- aggregation -------------------------------------------------------------------------


def _median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 4) if present else None


def summarise(key: str, items: list[EmailFacts], goal_hours: float = 24.0) -> Group:
    sent = [i for i in items if i.sent_body is not None]
    times = [i.response_time for i in sent if i.response_time is not None]
    in_time = sum(t <= goal_hours * 3600 for t in times)
    unchanged = [i.unchanged for i in sent if i.unchanged is not None]
    rejected = [i.rejection for i in items if i.rejected_at is not None]
    reasons = Counter(r.casefold() for r in rejected)  # "Doppelt" and "doppelt" are one
    spelt: dict[str, Counter[str]] = {}
    for reason in rejected:
        spelt.setdefault(reason.casefold(), Counter())[reason] += 1
    return Group(
        key=key,
        volume=len(items),
        drafted=sum(i.first_draft_at is not None for i in items),
        sent=len(sent),
        rejected=sum(i.rejected_at is not None for i in items),
        sent_unchanged=round(sum(unchanged) / len(unchanged), 4) if unchanged else None,
        median_edit_ratio=_median(i.edit_ratio for i in sent),
        median_time_to_first_draft_s=_median(i.time_to_first_draft for i in items),
        median_time_in_review_s=_median(i.time_in_review for i in items),
        rejection_reasons={  # shown as the agents wrote it most often ("per Telefon")
            spelt[r].most_common(1)[0][0]: n for r, n in reasons.most_common()
        },
        within_goal=round(in_time / len(times), 4) if times else None,
    )


def _grouped(
    items: list[EmailFacts], key: Callable[[EmailFacts], str], goal_hours: float = 24.0
) -> list[Group]:
    groups: dict[str, list[EmailFacts]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    found = [summarise(name, members, goal_hours) for name, members in groups.items()]
    return sorted(found, key=lambda g: (-g.volume, g.key))


def per_agent(
    conn: Connection, *, since: dt.datetime | None = None, until: dt.datetime | None = None
) -> dict[str, dict[str, int]]:
    """How many emails each agent claimed, drafted, edited, approved, sent and rejected (from
    the audit log; one row per agent, every action present), counting the actions done from
    `since` (inclusive) to `until` (exclusive). Each figure counts emails, not audit rows:
    an email opened five times (every open is a claim), saved in ten autosaves or approved
    again after a change counts once, so "claimed 5, sent 2" reads as work taken on."""
    query = (
        select(audit_log.c.actor, audit_log.c.action, func.count(distinct(audit_log.c.email_id)))
        .where(audit_log.c.action.in_(AGENT_ACTIONS))
        .group_by(audit_log.c.actor, audit_log.c.action)
    )
    if since is not None:  # in UTC: SQLite compares the stored (UTC) text
        query = query.where(audit_log.c.at >= since.astimezone(dt.UTC))
    if until is not None:
        query = query.where(audit_log.c.at < until.astimezone(dt.UTC))
    out: dict[str, dict[str, int]] = {}
    for actor, action, n in conn.execute(query):
        out.setdefault(str(actor), dict.fromkeys(AGENT_ACTIONS, 0))[str(action)] = int(n)
    return dict(sorted(out.items()))


def collect(
    db: Database,
    *,
    goal_hours: float = 24.0,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    settings: Settings | None = None,
) -> Analytics:
    """Everything `drafter report` shows, from one read transaction: the emails imported
    from `since` (inclusive) to `until` (exclusive); `goal_hours` is the response-time goal.
    With `settings`, the knowledge-gap topics show no personal data (`mask_gap_texts`)."""
    with db.read() as conn:
        items = load_facts(conn)
        agents = per_agent(conn, since=since, until=until)
    items = [
        i
        for i in items
        if (since is None or i.imported_at >= since) and (until is None or i.imported_at < until)
    ]
    if settings is not None:
        mask_gap_texts(items, settings)
    return Analytics(
        by_agent=agents,
        emails=len(items),
        overall=summarise("all", items, goal_hours),
        by_reason=_grouped(items, lambda i: i.reason, goal_hours),
        by_prompt=_grouped([i for i in items if i.prompt], lambda i: i.prompt, goal_hours),
        knowledge_gaps=gap_topics(items),
    )
