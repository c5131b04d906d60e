"""drafter.knowledge."""
