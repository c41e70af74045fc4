import pytest

from tests.web.helpers import load


@pytest.fixture
def full(db):
    """The full example protocol (Socialnämnden, Exempelstad, 2025-03-18) in the archive."""
    return load()


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Rendered protocol pages are cached per process; each test starts from an empty cache
    (row ids repeat across rolled-back tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
