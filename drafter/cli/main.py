"""The `drafter` command: builds Settings once, dispatches subcommands, maps errors to exit codes.

A DrafterError prints `error: <message>` and `hint: <hint>` to stderr and exits 2; it never
prints a traceback. The root command sets the interface language once from the settings
(DRAFTER_UI_LANGUAGE, default from the locale): messages, tables and errors come from the
catalogue drafter.i18n (German errors through drafter.error_text); `--json` keeps codes and
English keys, and `--help` stays English. Subcommand groups live in sibling modules and
import heavy libraries lazily.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from drafter import __version__, error_text
from drafter.config import Settings, load_settings, locale_language
from drafter.errors import DrafterError
from drafter.i18n import set_language, t


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used (keeps `drafter --help` fast)."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name]
            module = __import__(module_name, fromlist=[attr])
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, cmd_name)


COMMANDS = {
    "kb": ("drafter.cli.kb", "kb"),
    "mail": ("drafter.cli.mail", "mail"),
    "draft": ("drafter.cli.draft", "draft"),
    "prompts": ("drafter.cli.prompts", "prompts"),
    "inbox": ("drafter.cli.inbox", "inbox"),
    "eval": ("drafter.cli.evaluate", "eval_group"),
    "report": ("drafter.cli.report", "report"),
    "tui": ("drafter.cli.tui", "tui"),
    "worker": ("drafter.cli.worker", "worker"),
    "doctor": ("drafter.cli.doctor", "doctor"),
    "backup": ("drafter.cli.doctor", "backup"),
    "privacy": ("drafter.cli.privacy", "privacy"),
}


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Where the index, database and outbox live (overrides DRAFTER_DATA_DIR).",
)
@click.version_option(__version__, prog_name="drafter")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    """Draft replies to customer email from your knowledge base; review them in a terminal UI.

    With no command, opens the review desk (same as `drafter tui`).
    """
    overrides: dict[str, object] = {}
    if data_dir:
        overrides["data_dir"] = data_dir
    guess_language()  # for the settings' own errors
    settings = load_settings(**overrides)
    set_language(settings.ui_language, settings.timezone)
    ctx.obj = settings
    if ctx.invoked_subcommand is None:
        tui_cmd = cli.get_command(ctx, "tui")
        assert tui_cmd is not None
        ctx.invoke(tui_cmd)


def guess_language() -> None:
    """The interface language before the settings are read (a mistyped command, a setting
    that does not validate): DRAFTER_UI_LANGUAGE from the environment, else the locale."""
    wanted = os.environ.get("DRAFTER_UI_LANGUAGE", "").strip().lower()
    set_language(wanted if wanted in ("de", "en") else locale_language())


def settings_of(ctx: click.Context) -> Settings:
    """The Settings built by the root command."""
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return settings


def fail(error: DrafterError) -> None:
    """`error: …` and `hint: …` on stderr, in the interface language ("Fehler:", "Tipp:")."""
    click.echo(f"{t('error')}: {error_text.message(error)}", err=True)
    advice = error_text.hint(error)
    if advice:
        click.echo(f"{t('hint')}: {advice}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    guess_language()  # click resolves a mistyped command before the root command runs
    try:
        # without standalone mode click returns a command's `ctx.exit(code)` instead of
        # exiting: before, `privacy forget` that left a backup unerased said so and exited 0
        code = cli.main(args=argv, prog_name="drafter", standalone_mode=False)
    except DrafterError as error:
        fail(error)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo(t("cli.aborted"), err=True)
        sys.exit(130)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "drafter"
        click.echo(f"{t('error')}: {usage_message(error)}", err=True)
        click.echo(f"{t('hint')}: {t('cli.see_help', command=command)}", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        click.echo(t("cli.interrupted"), err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as error:  # read-only data dir, full disk, missing permissions
        if error.errno not in _STORAGE_ERRNOS:
            raise
        fail(storage_error(error))
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


_STORAGE_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def storage_error(error: OSError) -> DrafterError:
    """One line for a write the file system refused, naming the path."""
    where = error.filename or t("cli.data_folder")
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DrafterError(
            t("cli.disk_full", where=where), hint=t("cli.disk_full.hint"), localized=True
        )
    return DrafterError(
        t("cli.read_only", where=where, why=error.strerror or "read-only"),
        hint=t("cli.read_only.hint"),
        localized=True,
    )


#: click's own English phrases in a usage error (its messages go through gettext, which
#: drafter does not install) and the catalogue key of each; the rest of the text stays
_CLICK_PHRASES = (
    ("Invalid value for", "cli.click.invalid_value_for"),
    ("Invalid value", "cli.click.invalid_value"),
    ("Missing argument", "cli.click.missing_argument"),
    ("Missing option", "cli.click.missing_option"),
    ("Missing parameter", "cli.click.missing_parameter"),
    ("No such option", "cli.click.no_such_option"),
    ("No such command", "cli.click.no_such_command"),
    ("Did you mean", "cli.click.did_you_mean"),
    ("option requires an argument", "cli.click.requires_argument"),
    ("is not one of", "cli.click.not_one_of"),
    ("is not a valid integer", "cli.click.not_integer"),
    ("is not a valid float", "cli.click.not_float"),
    ("does not exist", "cli.click.not_exist"),
    ("Got unexpected extra argument", "cli.click.got_unexpected"),
)


def usage_message(error: click.UsageError) -> str:
    """click's message for a wrong command line, its own phrases ("Invalid value for",
    "Missing argument") in the interface language."""
    text = error.format_message()
    for english, key in _CLICK_PHRASES:
        text = text.replace(english, t(key))
    return text
