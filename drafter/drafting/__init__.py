"""drafter.drafting."""
