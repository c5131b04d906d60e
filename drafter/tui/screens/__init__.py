"""Screens of the review desk: queue, email + draft editor, and modals."""
