"""`drafter tui` commands."""

from __future__ import annotations

import click


@click.group()
def tui() -> None:
    """(not implemented yet)"""
