"""The public answer cache (protokoll.web.caching) and the archive version it is keyed on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

from protokoll.archive import models as m
from protokoll.archive import version
from protokoll.domain.vocab import Visibility
from protokoll.web import caching
from protokoll.web.caching import MARK
from tests.archive.helpers import rolled_back
from tests.web.helpers import text_of, url

# Committed, not rolled back: on PostgreSQL the version rises when a writing transaction commits
# (protokoll.archive.version), so each write here must commit as it does in the server.
pytestmark = pytest.mark.django_db(transaction=True)

SECRET_LATER = "Riktlinjer för hemtjänst 2025"  # § 22 of the full example, public when loaded


def _item(meeting, paragraph: int) -> m.Item:
    return m.Item.objects.get(meeting=meeting, paragraph=paragraph)


@pytest.mark.parametrize(
    "path",
    ["/", "/kommun/exempelstad/", "/api/meetings/", "/api/agenda-items/", "/api/export/decisions.csv"],
)
def test_second_answer_comes_from_the_cache_and_is_the_same(client, full, path):
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert (first[MARK], second[MARK]) == ("miss", "hit")
    assert _body(first) == _body(second)
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "path",
    [
        "{protocol}",
        "/api/meetings/",
        "/api/meetings/{pk}",
        "/api/agenda-items/",
        "/api/export/decisions.csv",
        "/api/bodies/{body}/decisions.atom",
    ],
)
@pytest.mark.parametrize("how", ["update", "save"])
def test_a_paragraph_withheld_later_is_never_served_from_the_cache(client, full, path, how):
    path = path.format(protocol=url(full), pk=full.pk, body=full.body_id)
    before = client.get(path)
    assert client.get(path)[MARK] == "hit"
    assert SECRET_LATER in _body(before)
    item = _item(full, 22)
    if how == "update":  # no model signal is sent: the database trigger still raises the version
        m.Item.objects.filter(pk=item.pk).update(visibility=Visibility.SECRET)
    else:  # as the admin does it
        item.visibility = Visibility.SECRET
        item.save()
    after = client.get(path)
    assert after.status_code == 200 and after[MARK] == "miss"
    assert SECRET_LATER not in _body(after)


def test_a_transaction_never_meets_an_answer_cached_before_its_own_writes(client, full):
    """On PostgreSQL the shared counter waits for the commit; the transaction's own writes still
    change its key at once, and a rollback leads back to the answer cached before them."""
    path = url(full)
    with rolled_back():
        assert SECRET_LATER in _body(client.get(path))
        assert client.get(path)[MARK] == "hit"
        m.Item.objects.filter(pk=_item(full, 22).pk).update(visibility=Visibility.SECRET)
        inside = client.get(path)
        assert inside[MARK] == "miss" and SECRET_LATER not in _body(inside)
        assert "Motion om fritidsaktiviteter" in _body(inside)
        m.Item.objects.filter(pk=_item(full, 25).pk).update(visibility=Visibility.SECRET)
        assert "Motion om fritidsaktiviteter" not in _body(client.get(path))
    after = client.get(path)
    assert after[MARK] == "hit" and SECRET_LATER in _body(after)


def test_an_unpublished_meeting_leaves_the_cache_at_once(client, full):
    path = url(full)
    assert client.get(path).status_code == 200 and client.get(path)[MARK] == "hit"
    m.Meeting.objects.filter(pk=full.pk).update(published=False)
    assert client.get(path).status_code == 404
    assert client.get(f"/api/meetings/{full.pk}").status_code == 404


def test_a_deleted_meeting_leaves_the_cache_at_once(client, full):
    assert client.get("/api/meetings/").json()["pagination"]["totalElements"] == 1
    m.Meeting.objects.filter(pk=full.pk).delete()
    assert client.get("/api/meetings/").json()["pagination"]["totalElements"] == 0


def test_the_version_rises_on_every_kind_of_write(full):
    seen = [version.current()]

    def rose():
        seen.append(version.current())
        return seen[-1] > seen[-2]

    item = _item(full, 23)
    item.title = "Ny rubrik"
    item.save()
    assert rose()
    m.Conflict.objects.filter(item=item).update(name="Någon annan")
    assert rose()
    m.Attachment.objects.bulk_create([m.Attachment(item=item, title="Bilaga", position=99)])
    assert rose()
    m.Attachment.objects.filter(item=item, title="Bilaga").delete()
    assert rose()
    m.Body.objects.filter(pk=full.body_id).update(name="Omsorgsnämnden")
    assert rose()
    # reading does not
    list(m.Meeting.objects.all())
    assert version.current() == seen[-1]


def _archive_tables() -> set[str]:
    models = apps.get_app_config("archive").get_models(include_auto_created=True)
    return {model._meta.db_table for model in models}


def test_every_archive_table_carries_the_version_trigger():
    assert _archive_tables() - version.watched_tables() == set()


def test_migrate_puts_back_a_trigger_a_table_lost(full):
    """A SQLite migration that rebuilds a table drops its triggers; migrate's post_migrate
    handler installs them again (and leaves the ones present alone)."""
    table = m.Item._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for suffix in ("", "_truncate", "_local"):
                cursor.execute(f'DROP TRIGGER protokoll_version_{table}{suffix} ON "{table}"')
        else:
            for op in ("insert", "update", "delete"):
                cursor.execute(f"DROP TRIGGER protokoll_version_{table}_{op}")
    assert table not in version.watched_tables()
    call_command("migrate", verbosity=0)
    assert _archive_tables() - version.watched_tables() == set()
    before = version.current()
    m.Item.objects.filter(meeting=full).update(title="Ny rubrik")
    assert version.current() > before


def test_a_database_counting_again_gives_new_keys(full):
    """A re-created database counts from 1 again; its random epoch keeps the keys apart."""
    first = version.key()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {version.TABLE}")
    assert version.current() == 0
    m.Body.objects.filter(pk=full.body_id).update(name="Omsorgsnämnden")
    assert version.current() == 1
    epoch, value = version.key().split(".")
    assert value == "1" and len(epoch) == 32 and epoch != first.split(".")[0]


def test_the_key_holds_the_day_in_stockholm(client, full, monkeypatch):
    import datetime as dt

    assert client.get("/api/meetings/")[MARK] == "miss"
    assert client.get("/api/meetings/")[MARK] == "hit"
    monkeypatch.setattr(caching.timezone, "localdate", lambda: dt.date(2099, 1, 1))
    assert client.get("/api/meetings/")[MARK] == "miss"


@pytest.mark.parametrize(
    "path", ["/sok/?q=hemtjänst", "/api/search?q=hemtjänst", "/api/export/dump.jsonl.gz"]
)
def test_search_and_the_dump_are_not_cached(client, full, path):
    client.get(path)
    assert MARK not in client.get(path)


def test_the_admin_is_not_cached(admin_client, full):
    admin_client.get("/admin/archive/meeting/")
    assert MARK not in admin_client.get("/admin/archive/meeting/")


def test_the_key_holds_the_negotiated_type(client, full):
    html = client.get(url(full))
    as_json = client.get(url(full), HTTP_ACCEPT="application/json")
    assert html["Content-Type"].startswith("text/html")
    assert as_json["Content-Type"].startswith("application/json")


def test_the_key_holds_the_negotiated_type_not_the_raw_accept_header(client, full):
    path = url(full)
    assert client.get(path, HTTP_ACCEPT="text/html")[MARK] == "miss"
    for n in range(5):  # a client varying the header meets the one HTML answer
        again = client.get(path, HTTP_ACCEPT=f"text/html, */*;q=0.{n + 1}, x/junk{n}")
        assert again[MARK] == "hit" and again["Content-Type"].startswith("text/html")
    assert client.get(path, HTTP_ACCEPT="application/json")[MARK] == "miss"
    assert client.get(path, HTTP_ACCEPT="application/ld+json, text/html;q=0.5")[MARK] == "hit"


@pytest.mark.parametrize(
    "path", ["/api/meetings/", "/api/bodies/{body}/decisions.atom", "/api/bodies/{body}/meetings.ics"]
)
def test_the_key_holds_host_and_scheme(client, full, path):
    path = path.format(body=full.body_id)
    first = _body(client.get(path, HTTP_HOST="localhost"))
    assert "http://localhost/" in first
    other = client.get(path, HTTP_HOST="127.0.0.1")
    assert "http://127.0.0.1/" in _body(other) and "localhost" not in _body(other)
    secure = client.get(path, HTTP_HOST="localhost", secure=True)
    assert "https://localhost/" in _body(secure) and "http://localhost/" not in _body(secure)


def test_unknown_query_parameters_are_answered_but_not_stored(client, full):
    before = len(caches[caching.CACHE]._cache)
    for n in range(5):
        response = client.get(f"/api/meetings/?junk={n}")
        assert response.status_code == 200 and MARK not in response
    assert len(caches[caching.CACHE]._cache) == before


def test_known_query_parameters_are_keyed_in_any_order(client, full):
    assert client.get("/api/meetings/?page=1&per_page=10")[MARK] == "miss"
    assert client.get("/api/meetings/?per_page=10&page=1")[MARK] == "hit"
    assert client.get("/api/meetings/?per_page=11&page=1")[MARK] == "miss"


@pytest.mark.parametrize("path", ["/kommun/exempelstad/", "/api/meetings/", "/api/export/decisions.csv"])
def test_an_answer_larger_than_the_limit_is_not_stored(client, full, monkeypatch, path):
    monkeypatch.setattr(caching, "MAX_BYTES", 500)
    first = client.get(path)
    body = _body(first)  # a streamed body can be read once
    assert first.status_code == 200 and len(body.encode()) > 500
    second = client.get(path)
    assert MARK not in second and _body(second) == body
    assert len(caches[caching.CACHE]._cache) == 0


def test_every_query_parameter_a_cached_view_reads_is_known():
    """The list in caching.py against the code: a new parameter read by a public view without
    being added there would never be cached (and one dropped from the key would be wrong)."""
    read = set()
    web = Path(caching.__file__).parent
    for source in web.rglob("*.py"):
        if source.name == "search.py":  # search is not cached
            continue
        text = source.read_text()
        read |= set(re.findall(r'GET\.get(?:list)?\("(\w+)"', text))
        read |= set(re.findall(r'_param\(request, "(\w+)"', text))
    assert read == caching.PARAMETERS


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return text_of(response)
