"""`drafter mail` commands: show what drafter understood of an email.

`email_view` builds the output dict from an InboundEmail (one place to add redaction);
`parse` reads the file, prints the dict as JSON (English keys, codes) or as a rich layout
(labels in the interface language, drafter.i18n).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from drafter.cli.draft import TEXT_HELP
from drafter.cli.main import settings_of
from drafter.i18n import t
from drafter.models import InboundEmail

#: why the sender's own values are hidden (the From header), as `--json` gives it
SENDER_WHY = "sender (From header)"
VIEW_KEYS = (
    "status",
    "reason",
    "language",
    "subject",
    "from",
    "to",
    "date",
    "message_id",
    "body",
    "quoted",
    "signature",
    "attachments",
    "defects",
)


@click.group()
def mail() -> None:
    """Read customer emails: see how drafter splits them."""


def email_view(email: InboundEmail) -> dict[str, Any]:
    """The JSON-ready view of a parsed email shown by `drafter mail parse`."""
    return {
        "status": email.status,
        "reason": email.reason,
        "language": email.language,
        "subject": email.subject,
        "from": email.from_.formatted(),
        "to": [a.formatted() for a in email.to],
        "date": email.date.isoformat() if email.date else None,
        "message_id": email.message_id,
        "body": email.body,
        "quoted": email.quoted,
        "signature": email.signature,
        "attachments": [a.model_dump() for a in email.attachments],
        "defects": list(email.defects),
    }


@mail.command("parse")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead.")
@click.option(
    "--redact",
    is_flag=True,
    help="Pseudonymize personal data exactly as a model would see it, and list the "
    "placeholders with their real values and why each was hidden (recognizer and cue; "
    "`entities`, for your eyes only).",
)
@click.option("--text", "text_ok", is_flag=True, help=TEXT_HELP)
@click.pass_context
def parse(
    ctx: click.Context, file: Path, as_json: bool, redact: bool = False, text_ok: bool = False
) -> None:
    """Parse FILE (.eml) and show status, language, subject, sender, body, quotes, signature.

    A file without mail headers is refused unless --text says it is plain text."""
    from drafter.mail.parse import parse_email, parse_limits

    settings = settings_of(ctx)
    from drafter.mail.sources import read_mail_file

    email = parse_email(read_mail_file(file, text_ok=text_ok), **parse_limits(settings))
    entities: list[dict[str, str]] | None = None
    if redact:
        from drafter.privacy import PrivacySession

        email, vault = PrivacySession(settings).redact_email(email)
        entities = [
            {
                **e.model_dump(include={"type", "placeholder", "value"}),
                "why": vault.reasons.get(e.placeholder, SENDER_WHY),
            }
            for e in vault.entities
        ]
    view = email_view(email)
    if entities is not None:
        view["entities"] = entities
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
    else:
        render_view(view)
        if entities:
            render_entities(entities)


def render_entities(entities: list[dict[str, str]]) -> None:
    """The placeholders of `--redact` with their values and why each was hidden, in columns
    that wrap inside the terminal (fixed-width lines ran past 80 columns)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, padding=(0, 1), pad_edge=False)
    for name in ("placeholder", "type", "value", "why"):
        style = "bold" if name == "placeholder" else ""
        table.add_column(t(f"mail.col.{name}"), style=style, overflow="fold")
    for item in entities:
        why = t("mail.why.sender") if item["why"] == SENDER_WHY else item["why"]
        table.add_row(*(Text(item[k]) for k in ("placeholder", "type")),
                      Text(repr(item["value"])), Text(why))  # fmt: skip
    Console().print(table)


def render_view(view: dict[str, Any]) -> None:
    """Print a view as a readable rich layout."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from drafter.mail.unwrap import unwrap

    console = Console()
    colour = {"ok": "green", "no_text_body": "yellow", "quarantined": "red"}.get(
        view["status"], "white"
    )
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    known = view["status"] in ("ok", "no_text_body", "quarantined")
    status = Text(t(f"mail.status.{view['status']}") if known else view["status"])
    status.stylize(f"bold {colour}")
    if view["reason"]:
        status.append(f"  ({view['reason']})", style=colour)
    meta.add_row(t("mail.status"), status)
    meta.add_row(t("mail.language"), view["language"])
    meta.add_row(t("mail.subject"), Text(view["subject"]))
    meta.add_row(t("mail.from"), Text(view["from"]))
    if view["to"]:
        meta.add_row(t("mail.to"), Text(", ".join(view["to"])))
    if view["date"]:
        meta.add_row(t("mail.date"), view["date"])
    console.print(meta)
    for key, style in (("body", "bold"), ("signature", "cyan"), ("quoted", "dim")):
        if view[key]:  # the mailer's line breaks joined, so the panel wraps at its own width
            shown = view[key] if key == "signature" else unwrap(view[key])
            title = t(f"mail.{key}")
            console.print(Panel(Text(shown, style=style), title=title, title_align="left"))
    extras: list[Text] = []
    for item in view["attachments"]:
        size = f"{item['size']:,}".replace(",", "." if t("number.decimal") == "," else ",")
        name = item["filename"] or t("mail.unnamed")
        extras.append(Text(t("mail.attachment", name=name, type=item["content_type"], size=size)))
    if view["defects"]:
        defects = ", ".join(view["defects"])
        extras.append(Text(t("mail.defects", defects=defects), style="yellow"))
    if extras:
        console.print(Group(*extras))
