"""`drafter inbox` commands."""

from __future__ import annotations

import click


@click.group()
def inbox() -> None:
    """(not implemented yet)"""
