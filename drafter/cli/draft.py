"""`drafter draft` commands."""

from __future__ import annotations

import click


@click.group()
def draft() -> None:
    """(not implemented yet)"""
