"""Command-line interface. `main` is the console-script entry point."""

from drafter.cli.main import main

__all__ = ["main"]
