"""`drafter mail` commands."""

from __future__ import annotations

import click


@click.group()
def mail() -> None:
    """(not implemented yet)"""
