"""drafter.privacy."""
