"""`drafter report` commands."""

from __future__ import annotations

import click


@click.group()
def report() -> None:
    """(not implemented yet)"""
