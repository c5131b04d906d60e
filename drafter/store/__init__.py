"""drafter.store."""
