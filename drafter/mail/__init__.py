"""drafter.mail."""
