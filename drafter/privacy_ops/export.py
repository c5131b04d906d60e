"""Art. 15 access: everything stored about one person, as JSON and a readable Markdown summary.

The document holds, per email found (by address or by a value from the person's vaults):
the parsed email (headers, body, quote, signature), the raw MIME, every draft version,
approvals, rejections, send records with the outbox `.eml` file, and the audit rows; then
the vault entries of their threads and the evaluation-cache files that mention them.
Nothing of other people: only rows of the emails found are read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from drafter import __version__
from drafter.config import Settings
from drafter.mail import send as mailsend
from drafter.store import emails as queue
from drafter.store.clock import as_utc, utcnow
from drafter.store.db import Database
from drafter.store.personal import Footprint
from drafter.store.schema import approvals, audit_log, draft_versions, emails, outbox, rejections

from .physical import scan_files
from .requests import EVAL_CACHE, locate


def _iso(value: Any) -> str | None:
    return as_utc(value).isoformat() if value is not None else None


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _file(path: Path) -> dict[str, Any]:
    return {"path": str(path), "content": _text(path.read_bytes())}


def collect(db: Database, settings: Settings, person: Footprint) -> dict[str, Any]:
    """The export document for a person found by `locate`."""
    ids = person.email_ids
    doc: dict[str, Any] = {
        "format": "drafter-privacy-export/1",
        "generated_at": utcnow().isoformat(),
        "generated_by": settings.agent_id,
        "drafter_version": __version__,
        "subject": {"email": person.address, "names": sorted(person.names)},
        "emails": [],
        "vaults": [],
        "audit": [],
        "files": {"outbox": [], "evaluation_cache": []},
    }
    with db.read() as conn:
        rows = conn.execute(select(emails).where(emails.c.id.in_(ids)).order_by(emails.c.id))
        for row in rows.all():
            doc["emails"].append(
                {
                    "email_id": row.id,
                    "found_by": person.matched_by.get(row.id, ""),
                    "status": row.status,
                    "received_at": _iso(row.received_at),
                    "imported_at": _iso(row.imported_at),
                    "contact_reason": row.contact_reason,
                    "language": row.language,
                    "sender": row.sender,
                    "subject": row.subject,
                    "source": row.source,
                    "parsed": json.loads(row.email_json),
                    "raw_mime": _text(bytes(row.raw)),
                    "drafts": [],
                    "approvals": [],
                    "rejections": [],
                    "sent": [],
                }
            )
        by_id = {e["email_id"]: e for e in doc["emails"]}
        versions = select(draft_versions).where(draft_versions.c.email_id.in_(ids))
        for v in conn.execute(versions.order_by(draft_versions.c.id)).all():
            by_id[v.email_id]["drafts"].append(
                {
                    "version": v.number, "source": v.source, "author": v.author,
                    "created_at": _iso(v.created_at), "body": v.body,
                    "instruction": v.instruction, "model": v.model,
                    "prompt": f"{v.prompt_name}@{v.prompt_version}",
                    "draft": json.loads(v.draft_json),
                }
            )  # fmt: skip
        for a in conn.execute(select(approvals).where(approvals.c.email_id.in_(ids))).all():
            by_id[a.email_id]["approvals"].append(
                {"version_id": a.version_id, "approved_by": a.approved_by,
                 "approved_at": _iso(a.approved_at), "sha256": a.sha256}
            )  # fmt: skip
        for r in conn.execute(select(rejections).where(rejections.c.email_id.in_(ids))).all():
            by_id[r.email_id]["rejections"].append(
                {"reason": r.reason, "rejected_by": r.rejected_by, "at": _iso(r.rejected_at)}
            )
        for o in conn.execute(select(outbox).where(outbox.c.email_id.in_(ids))).all():
            path = Path(o.location) if o.location else mailsend.outbox_file(settings, o.message_id)
            eml = _file(path) if path.is_file() else None
            by_id[o.email_id]["sent"].append(
                {"message_id": o.message_id, "transport": o.transport, "state": o.state,
                 "sent_at": _iso(o.sent_at), "error": o.error, "outbox_file": eml}
            )  # fmt: skip
            if eml is not None:
                doc["files"]["outbox"].append(eml["path"])
        for thread in sorted(person.threads):
            stored = queue.load_vault(conn, thread)
            if stored:
                entities = json.loads(stored).get("entities") or []
                doc["vaults"].append(
                    {"thread": thread,
                     "entries": [{k: e.get(k) for k in ("type", "placeholder", "value")}
                                 for e in entities]}
                )  # fmt: skip
        audit_rows = select(audit_log).where(audit_log.c.email_id.in_(ids))
        for a in conn.execute(audit_rows.order_by(audit_log.c.id)).all():
            doc["audit"].append(
                {"id": a.id, "at": _iso(a.at), "actor": a.actor, "action": a.action,
                 "email_id": a.email_id, "detail": json.loads(a.detail or "{}")}
            )  # fmt: skip
    for path in scan_files(settings.data_dir / EVAL_CACHE, person.identifiers()):
        doc["files"]["evaluation_cache"].append(_file(path))
    return doc


def export(db: Database, settings: Settings, address: str) -> dict[str, Any]:
    return collect(db, settings, locate(db, settings, address))


def markdown(doc: dict[str, Any]) -> str:
    """A readable summary of an export document (the JSON holds the full content)."""
    subject = doc["subject"]
    lines = [
        f"# Data stored about {subject['email']}",
        "",
        f"Generated {doc['generated_at']} by {doc['generated_by']} "
        f"(drafter {doc['drafter_version']}).",
        "",
        f"- Names seen: {', '.join(subject['names']) or '(none)'}",
        f"- Emails: {len(doc['emails'])}",
        f"- Draft versions: {sum(len(e['drafts']) for e in doc['emails'])}",
        f"- Sent replies: {sum(len(e['sent']) for e in doc['emails'])}",
        f"- Vault entries: {sum(len(v['entries']) for v in doc['vaults'])}",
        f"- Audit rows: {len(doc['audit'])}",
        f"- Evaluation-cache files: {len(doc['files']['evaluation_cache'])}",
        "",
    ]
    for item in doc["emails"]:
        parsed = item["parsed"]
        lines += [
            f"## Email {item['email_id']}: {item['subject'] or '(no subject)'}",
            "",
            f"- From: {item['sender']}",
            f"- Received: {item['received_at']}; status: {item['status']}; "
            f"contact reason: {item['contact_reason'] or '(none)'}",
            f"- Found by: {item['found_by']}",
            "",
            "```text",
            str(parsed.get("body", "")).strip(),
            "```",
            "",
        ]
        for draft in item["drafts"]:
            lines += [
                f"### Draft version {draft['version']} ({draft['source']}, {draft['created_at']})",
                "",
                "```text",
                str(draft["body"]).strip(),
                "```",
                "",
            ]
        for sent in item["sent"]:
            lines.append(f"- Reply {sent['message_id']}: {sent['state']} at {sent['sent_at']}")
        for rejection in item["rejections"]:
            lines.append(f"- Rejected by {rejection['rejected_by']}: {rejection['reason']}")
        lines.append("")
    if doc["vaults"]:
        lines += ["## Vault entries (values behind the placeholders the model saw)", ""]
        lines += ["| thread | type | placeholder | value |", "|---|---|---|---|"]
        for vault in doc["vaults"]:
            for entry in vault["entries"]:
                lines.append(
                    f"| {vault['thread']} | {entry['type']} | {entry['placeholder']} | "
                    f"{entry['value']} |"
                )
        lines.append("")
    return "\n".join(lines)
