"""`drafter tui`: open the review desk on the real Desk built from the settings.

Textual (and the Desk) are imported inside the command so other commands stay fast.
"""

from __future__ import annotations

import gc

import click

from drafter.cli.main import settings_of


@click.command()
@click.option(
    "--no-predraft", is_flag=True, help="Do not generate drafts for the queue in the background."
)
@click.pass_context
def tui(ctx: click.Context, no_predraft: bool) -> None:
    """Work the queue: read emails, edit drafts, approve and send (press ? for keys)."""
    gc.disable()  # no full collections while Textual and the Desk load; resumed once shown
    try:
        from drafter.tui.app import make_app

        settings = settings_of(ctx)
        app = make_app(settings, predraft=not no_predraft)
        app.run()
    finally:
        gc.enable()
