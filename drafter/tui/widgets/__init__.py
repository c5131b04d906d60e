"""Widgets of the review desk that Textual does not provide."""
