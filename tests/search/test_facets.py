"""The index keys and facet tokens (protokoll.search.facets), and migration 0003's SQL for them."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.db import connection

from protokoll.document.model import Motion, Person, Reservation, Vote
from protokoll.search.api import reindex_all
from protokoll.search.facets import facet_terms, item_id_of, key_range, sort_key
from protokoll.search.models import Entry
from tests.search.helpers import item, meeting

migration = importlib.import_module("protokoll.search.migrations.0003_sort_key_facets")


def test_sort_key_orders_by_date_then_item():
    days = [
        dt.date(1, 1, 1),
        dt.date(1862, 3, 4),
        dt.date(1970, 1, 1),
        dt.date(2025, 3, 12),
        dt.date(9999, 12, 31),
    ]
    keys = [sort_key(d, i) for d in days for i in (1, 7, 2**40 - 1)]
    assert keys == sorted(keys)
    assert all(0 < k < 2**63 for k in keys)
    assert item_id_of(sort_key(dt.date(2025, 3, 12), 123456)) == 123456
    with pytest.raises(ValueError):
        sort_key(dt.date(2025, 1, 1), 2**40)


def test_key_range_is_inclusive_on_both_ends():
    lo, hi = key_range(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert lo <= sort_key(dt.date(2025, 3, 1), 1) <= hi
    assert lo <= sort_key(dt.date(2025, 3, 31), 2**40 - 1) <= hi
    assert sort_key(dt.date(2025, 2, 28), 2**40 - 1) < lo
    assert sort_key(dt.date(2025, 4, 1), 0) > hi
    assert key_range(None, None) is None
    lo, hi = key_range(None, dt.date(2025, 1, 1))
    assert lo <= sort_key(dt.date(1, 1, 1), 0)


def test_facet_terms():
    assert (
        facet_terms(12, 3, "decision", True, False, ["S", None, "M", "S"])
        == "_b12 _m3 _odecision _v1 _r0 _pM _pS"
    )
    assert facet_terms(1, 2, None, False, True, []) == "_b1 _m2 _v0 _r1"


@pytest.mark.django_db
def test_migration_sql_gives_what_python_gives():
    """Existing archives are migrated by SQL; it must compute the same key and facets."""
    meeting(
        [
            item(
                1,
                "Budget",
                "Nämnden beslutar.",
                outcome="decision",
                votes=[Vote(yes=5, no=4)],
                motions=[Motion(by=[Person(name="Ola Lind", party="M")], text="Avslag.")],
                reservations=[Reservation(by=[Person(name="Eva Ek", party="KD")])],
            ),
            item(2, "Information", "Noteras."),
        ],
        date="1999-12-31",
    )
    meeting([item(3, "Val", "Väljs.", outcome="referral")], body="Kommunstyrelsen", date="2025-02-28")
    reindex_all()
    expected = sorted(Entry.objects.values_list("item_id", "sort_key", "facet_index"))
    assert len(expected) == 3
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT item_id, {migration.SORT_KEY_SQL[connection.vendor]}, {migration.FACETS_SQL} FROM search_entry"
        )
        assert sorted(cur.fetchall()) == expected
