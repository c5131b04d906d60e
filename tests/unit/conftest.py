"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from drafter.config import Settings
from drafter.privacy import Pseudonymizer


@pytest.fixture(scope="module")
def pz() -> Pseudonymizer:
    """The pseudonymizer with the default settings and no company customer-number pattern (a
    test file that needs other settings defines its own `pz`)."""
    return Pseudonymizer(Settings(customer_number_patterns=[]))
