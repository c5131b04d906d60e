"""drafter: drafts replies to customer-service email, grounded in a knowledge base."""

__version__ = "0.1.0"
