"""dump → restore gives back the archive record by record (issue 5, "Integrity")."""

from __future__ import annotations

import gzip
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protokoll.archive import models as m
from protokoll.archive.backup import BackupError, dump, other_models, restore
from protokoll.archive.loading import get_body, load_document
from protokoll.document import example
from protokoll.domain.vocab import BodyKind, Visibility
from tests.archive.helpers import rolled_back
from tests.archive.snapshot import counts, snapshot
from tests.strategies import documents

pytestmark = pytest.mark.django_db


def _empty_archive() -> None:
    m.Meeting.objects.all().delete()  # items PROTECT their cases, so meetings go first
    m.Municipality.objects.all().delete()


def _empty_database() -> None:
    """What restore expects: an archive with no rows and no users (migrate's rows may stay)."""
    _empty_archive()
    for model in reversed(other_models()):
        if model._meta.label_lower == "audit.auditevent":
            continue  # append-only, enforced by database triggers: cannot be emptied in a test
        model._default_manager.all().delete()


def _keys() -> dict[str, list[int]]:
    """The primary keys other tables and links refer to, which restore must keep."""
    main = (m.Municipality, m.Body, m.Person, m.Case, m.Meeting, m.Item, m.Membership)
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in main}


def _populate() -> None:
    full = load_document(example("full")).meeting
    load_document(example("minimal"))
    m.Item.objects.filter(meeting=full, paragraph=22).update(visibility=Visibility.MASKED, version=3)
    m.Meeting.objects.filter(pk=full.pk).update(published=False)
    muni = full.body.municipality
    # a body no document names yet, with a kind the name would not give
    get_body(muni, "Valnämnden", kind=BodyKind.SUBCOMMITTEE)
    karin = m.Person.objects.get(name="Karin Almgren")
    m.Membership.objects.create(
        person=karin, body=full.body, role="ordförande", party="S", start="2023-01-01"
    )
    nils = m.Person.objects.create(municipality=muni, name="Nils Hedberg-Öst")
    m.Membership.objects.create(
        person=nils, body=full.body, group="substitute", party="S", substitute_order=2
    )
    # rows of other apps: a user in a group (auth is always installed)
    group = Group.objects.create(name="sekreterare")
    user = get_user_model().objects.create_user("lena.berg", password="ett långt lösenord 123")
    user.groups.add(group)


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_dump_then_restore_gives_back_every_record(tmp_path, suffix):
    _populate()
    before, keys = snapshot(whole_database=True), _keys()
    path = tmp_path / f"archive{suffix}"
    written = dump(path)
    assert written["meeting"] == 2 and written["membership"] == 2 and written["body"] == 3
    assert written["row"] >= 2  # the user and the group
    _empty_database()
    assert sum(counts().values()) == 0
    restored = restore(path)
    assert restored == written
    assert snapshot(whole_database=True) == before
    assert _keys() == keys
    assert get_user_model().objects.get(username="lena.berg").check_password("ett långt lösenord 123")


def test_new_rows_after_a_restore_get_fresh_keys(tmp_path):
    _populate()
    dump(tmp_path / "a.jsonl")
    highest = m.Meeting.objects.order_by("-pk").first().pk
    _empty_database()
    restore(tmp_path / "a.jsonl")
    doc = example("minimal")
    later = doc.model_copy(
        update={"meeting": doc.meeting.model_copy(update={"date": doc.meeting.date.replace(year=2030)})}
    )
    assert load_document(later).meeting.pk > highest  # the sequence moved past the restored keys


def test_gzip_dump_is_gzip_and_plain_dump_is_json_lines(tmp_path):
    _populate()
    dump(tmp_path / "a.jsonl.gz")
    dump(tmp_path / "a.jsonl")
    with gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf-8") as f:
        zipped = f.read()
    plain = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    assert zipped == plain
    records = [json.loads(line) for line in plain.splitlines()]
    assert records[0] == {"type": "header", "format": "protokoll-dump", "version": 1}
    assert {r["type"] for r in records} == {
        "header",
        "municipality",
        "body",
        "person",
        "case",
        "membership",
        "meeting",
        "row",
    }


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(docs=st.lists(documents(max_items=4), min_size=1, max_size=4))
def test_generated_archives_survive_dump_and_restore(tmp_path_factory, docs):
    path = tmp_path_factory.mktemp("dump") / "a.jsonl"
    with rolled_back():
        for doc in docs:
            load_document(doc)
        before = snapshot()
        dump(path)
        _empty_archive()
        restore(path)
        assert snapshot() == before


def test_restore_refuses_a_database_that_holds_data(tmp_path):
    _populate()
    dump(tmp_path / "a.jsonl")
    with pytest.raises(BackupError, match="empty archive"):
        restore(tmp_path / "a.jsonl")


def test_a_broken_dump_restores_nothing(tmp_path):
    _populate()
    dump(tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    number = max(i for i, line in enumerate(lines) if json.loads(line)["type"] == "meeting")
    broken = json.loads(lines[number])
    broken["document"]["items"] = "not a list"
    lines[number] = json.dumps(broken)
    (tmp_path / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    _empty_database()
    with pytest.raises(BackupError, match=rf"line {number + 1} \(meeting\): .*items"):
        restore(tmp_path / "b.jsonl")
    assert sum(counts().values()) == 0
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "empty dump"), ('{"type": "meeting"}\n', "no header"), ("{oops\n", "line 1: not valid JSON")],
)
def test_unreadable_dumps_are_refused_with_a_reason(tmp_path, content, message):
    (tmp_path / "x.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(BackupError, match=message):
        restore(tmp_path / "x.jsonl")


def test_restore_refuses_a_database_with_users_already(tmp_path):
    _populate()
    dump(tmp_path / "a.jsonl")
    _empty_archive()  # the user and the group are still there
    with pytest.raises(BackupError, match=r"empty database; it already holds auth\.Group, auth\.User rows"):
        restore(tmp_path / "a.jsonl")
