"""drafter.tui."""
