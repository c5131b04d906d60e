"""`drafter kb` commands."""

from __future__ import annotations

import click


@click.group()
def kb() -> None:
    """(not implemented yet)"""
