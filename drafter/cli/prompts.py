"""`drafter prompts` commands."""

from __future__ import annotations

import click


@click.group()
def prompts() -> None:
    """(not implemented yet)"""
