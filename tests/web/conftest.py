import pytest

from tests.web.helpers import load


@pytest.fixture
def full(db):
    """The full example protocol (Socialnämnden, Exempelstad, 2025-03-18) in the archive."""
    return load()
