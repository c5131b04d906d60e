"""`drafter prompts list | show NAME | check`: the prompt templates team leads edit."""

from __future__ import annotations

import click

from drafter.cli.main import settings_of
from drafter.error_text import german_message
from drafter.errors import TemplateError
from drafter.i18n import language, t


@click.group()
def prompts() -> None:
    """List, show and validate the prompt templates (DRAFTER_PROMPTS_DIR)."""


@prompts.command("list")
@click.pass_context
def list_prompts(ctx: click.Context) -> None:
    """Every template with its version and description."""
    from drafter.drafting.prompts import load_template, template_paths

    settings = settings_of(ctx)
    for path in template_paths(settings):
        try:
            template = load_template(path)
        except TemplateError as exc:
            click.secho(f"{path.stem:<16} {t('prompts.invalid', message=_said(exc.message))}",
                        fg="red")  # fmt: skip
            continue
        marker = "*" if template.name == settings.prompt else " "
        click.echo(f"{marker} {template.name:<14} {template.version:<8} {template.description}")


@prompts.command("show")
@click.argument("name")
@click.option("--render", "render_lang", type=click.Choice(["de", "en"]), default=None,
              help="Render the messages against the built-in sample instead.")  # fmt: skip
@click.pass_context
def show(ctx: click.Context, name: str, render_lang: str | None) -> None:
    """Print the template NAME (its file), or the rendered messages with --render."""
    from drafter.drafting.prompt_check import sample_variables
    from drafter.drafting.prompts import find_template, render_prompt

    template = find_template(settings_of(ctx), name)
    if render_lang is None:
        click.echo(template.path.read_text(encoding="utf-8"), nl=False)
        return
    rendered = render_prompt(template, sample_variables(render_lang))
    for role, text in (("system", rendered.system), ("user (customer, untrusted)",
                       rendered.customer), ("user", rendered.user)):  # fmt: skip
        click.secho(f"--- {role} ---", bold=True)
        click.echo(text)


@prompts.command("check")
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate every template and render it against a sample; exit 2 on errors."""
    from drafter.drafting.prompt_check import check_all

    good, errors = check_all(settings_of(ctx))
    for template in good:
        click.echo(f"ok    {template.path.name} ({template.name} {template.version})")
    for error in errors:
        click.secho(t("prompts.error", message=_said(error.message)), fg="red", err=True)
    if errors:
        raise TemplateError(
            t("prompts.errors", n=len(errors)), hint=t("prompts.errors.hint"), localized=True
        )


def _said(message: str) -> str:
    """A core message (English) in the interface language where drafter.error_text knows it."""
    return german_message(message) if language() == "de" else message
