"""`drafter draft FILE.eml`: draft one reply from the command line, streaming it as it is written.

Parses the email, opens the knowledge-base index and runs the drafting engine; the text is
printed as it arrives, then the sources and warnings. `--json` prints one JSON object instead.
A template draft (no language model) is announced on stderr before the text. Headings,
warnings and messages are in the interface language (drafter.i18n); `--json` keeps codes.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import click

from drafter import error_text, warning_text
from drafter.cli.main import settings_of
from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.i18n import code_or_name, language, t
from drafter.models import Delta, Done, Draft, Failed, InboundEmail, Retrieved

TEXT_HELP = "FILE is the customer's message as plain text, without mail headers."


def _read_email(path: Path, settings: Settings, text_ok: bool = False) -> InboundEmail:
    from drafter.mail.parse import parse_email, parse_limits
    from drafter.mail.sources import read_mail_file

    return parse_email(read_mail_file(path, text_ok=text_ok), **parse_limits(settings))


def draft_json(draft: Draft) -> dict[str, Any]:
    """The `--json` object (a stable, documented subset of the Draft)."""
    return {
        "body": draft.body,
        "citations": [c.model_dump() for c in draft.citations],
        "language": draft.language,
        "contact_reason": draft.contact_reason,
        "mode": draft.mode,
        "prompt": draft.prompt.model_dump(),
        "model": draft.model,
        "warnings": [w.model_dump() for w in draft.warnings],
    }


class ModelFailed(DrafterError):
    """Drafting failed once the model was asked (after retrieval): --no-llm would not."""


async def _run(
    settings: Settings, email: InboundEmail, prompt: str | None, no_llm: bool, as_json: bool
) -> Draft:
    from drafter.drafting.engine import DraftingEngine
    from drafter.knowledge.retrieve import open_retriever

    retriever = await asyncio.to_thread(open_retriever, settings)
    engine = DraftingEngine(settings, retriever)
    announced = retrieved = False
    async for event in engine.draft(email, prompt=prompt, no_llm=no_llm):
        if isinstance(event, Retrieved):
            retrieved = True
            if not as_json and (no_llm or not settings.llm_configured) and not announced:
                announced = True
                click.secho(
                    t("draft.cli.template"),
                    fg="yellow",
                    bold=True,
                    err=True,
                )
        elif isinstance(event, Delta):
            if not as_json:
                sys.stdout.write(event.text)
                sys.stdout.flush()
        elif isinstance(event, Failed):
            if not as_json:
                sys.stdout.write("\n")
            model_path = retrieved and settings.llm_configured and not no_llm
            raise (ModelFailed if model_path else DrafterError)(event.message, hint=event.hint)
        elif isinstance(event, Done):
            return event.draft
    raise DrafterError(t("draft.cli.stopped"), hint=t("draft.cli.try_again"), localized=True)


def _summary(draft: Draft) -> None:
    if not draft.body.endswith("\n"):
        click.echo()
    click.echo()
    click.secho(t("draft.cli.sources"), bold=True)
    if not draft.citations:
        click.echo(t("draft.cli.none_cited"))
    for citation in draft.citations:
        url = f"  {citation.url}" if citation.url else ""
        click.echo(f"  [{citation.n}] {citation.title} ({citation.kb_id}){url}")
    click.secho(t("draft.cli.warnings"), bold=True)
    if not draft.warnings:
        click.echo(t("draft.cli.none"))
    german = language() == "de"  # the warning's name and German text, as the desk shows it
    for warning in draft.warnings:
        name = warning_text.label(warning.code) if german else warning.code
        message = warning_text.message(warning) if german else warning.message
        click.secho(f"  {name}: {message}", fg="yellow")
    prompt = f"{draft.prompt.name} {draft.prompt.version}"
    model = t("draft.cli.model", model=draft.model) if draft.model else ""
    reason = code_or_name("contact", draft.contact_reason or "") or "-"
    click.echo(
        t("draft.cli.summary", mode=draft.mode, prompt=prompt, model=model,
          language=draft.language, reason=reason)
    )  # fmt: skip


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--prompt", "prompt", default=None, help="Prompt template name (default DRAFTER_PROMPT)."
)
@click.option("--no-llm", is_flag=True, help="Template draft from the knowledge base, no model.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--text", "text_ok", is_flag=True, help=TEXT_HELP)
@click.pass_context
def draft(
    ctx: click.Context, file: Path, prompt: str | None, no_llm: bool, as_json: bool, text_ok: bool
) -> None:
    """Draft a reply to the email in FILE (.eml), streaming it as the model writes.

    A file without mail headers (no From, To, Subject or Date line) is refused unless
    --text says it holds the customer's message as plain text."""
    settings = settings_of(ctx)
    email = _read_email(file, settings, text_ok)
    try:
        result = asyncio.run(_run(settings, email, prompt, no_llm, as_json))
    except ModelFailed as failed:  # the model path failed: the template path needs no model
        again = " ".join(["drafter draft", str(file), *(["--text"] if text_ok else []),
                          *(["--json"] if as_json else []), "--no-llm"])  # fmt: skip
        hint = f"{error_text.hint(failed)}; {t('draft.cli.without_model', command=again)}"
        said = error_text.message(failed)
        raise DrafterError(said, hint=hint.lstrip("; "), localized=True) from None
    if as_json:
        click.echo(json.dumps(draft_json(result), ensure_ascii=False, indent=2))
    else:
        _summary(result)
