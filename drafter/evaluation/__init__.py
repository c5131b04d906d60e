"""drafter.evaluation."""
