"""Loading by natural keys: re-load is a no-op, a change replaces, failures roll back."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protokoll.archive import loading
from protokoll.archive import models as m
from protokoll.archive.exporting import export_meeting
from protokoll.archive.loading import LoadError, body_kind_from_name, load_document
from protokoll.document import example
from protokoll.domain.vocab import BodyKind, DocumentKind, Visibility
from tests.archive.helpers import writes
from tests.archive.snapshot import counts, snapshot

pytestmark = pytest.mark.django_db


def _changed(doc, **update):
    return doc.model_copy(update=update)


def test_reload_of_the_same_document_writes_nothing():
    doc = example("full")
    first = load_document(doc)
    before = snapshot()
    with CaptureQueriesContext(connection) as captured:
        again = load_document(example("full"))
    assert again.status == "unchanged"
    assert again.meeting.pk == first.meeting.pk
    assert writes(captured) == []
    assert snapshot() == before  # includes updated_at and version


def test_changed_document_updates_the_same_meeting():
    doc = example("full")
    first = load_document(doc)
    items = list(doc.items)
    items[1] = items[1].model_copy(update={"title": "Riktlinjer för hemtjänst 2026", "votes": []})
    changed = _changed(doc, items=items[:-1])
    result = load_document(changed)
    assert result.status == "updated"
    assert result.meeting.pk == first.meeting.pk
    assert m.Meeting.objects.count() == 1
    assert m.Item.objects.count() == len(doc.items) - 1
    assert m.Ballot.objects.count() == 0
    assert result.meeting.version == 2
    assert export_meeting(result.meeting) == changed


def test_natural_keys_are_municipality_body_and_date():
    doc = example("full")
    load_document(doc)
    load_document(_changed(doc, body="Kommunstyrelsen"))
    load_document(_changed(doc, municipality="Annanstad"))
    load_document(
        _changed(doc, meeting=doc.meeting.model_copy(update={"date": doc.meeting.date.replace(day=19)}))
    )
    assert m.Meeting.objects.count() == 4
    assert m.Body.objects.get(name="Kommunstyrelsen").kind == BodyKind.BOARD
    assert m.Municipality.objects.count() == 2


def test_the_same_case_is_one_row_across_meetings():
    doc = example("full")
    load_document(doc)
    later = _changed(doc, meeting=doc.meeting.model_copy(update={"date": doc.meeting.date.replace(month=4)}))
    load_document(later)
    case = m.Case.objects.get(key="SN-2024-231")
    assert case.items.count() == 2
    assert case.raw_forms == ["SN 2024/00231-3.7.2"]
    assert m.Case.objects.filter(municipality__name="Exempelstad").count() == 5


def test_cases_no_item_refers_to_any_more_are_removed():
    doc = example("full")
    load_document(doc)
    load_document(_changed(doc, items=doc.items[:1]))
    assert list(m.Case.objects.values_list("key", flat=True)) == ["SN-2025-12"]


def test_persons_are_linked_and_keep_the_name_as_written():
    result = load_document(example("full"))
    olof = m.Person.objects.get(name="Olof Dahlström")
    assert olof.municipality.name == "Exempelstad"
    assert olof.ballot_set.get().choice == "no"
    assert olof.reservationauthor_set.count() == 1
    assert olof.motionauthor_set.get().motion.kind == "referral"
    entry = olof.attendanceentry_set.get()
    assert (entry.party, entry.role, entry.meeting_id) == ("M", "1:e vice ordförande", result.meeting.pk)
    assert result.meeting.chair.name == "Karin Almgren"
    maja = m.AttendanceEntry.objects.get(name="Maja Grönlund")
    assert maja.replaces.name == "Björn Falk"


@pytest.mark.parametrize(
    ("update", "field"),
    [
        ({"municipality": None}, "municipality"),
        ({"municipality": "  "}, "municipality"),
        ({"body": None}, "body"),
        ({"meeting": example("minimal").meeting.model_copy(update={"date": None})}, "meeting.date"),
    ],
)
def test_a_document_without_its_keys_is_refused_naming_the_field(update, field):
    with pytest.raises(LoadError, match=rf"^{field}: missing"):
        load_document(_changed(example("minimal"), **update))
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_municipality_argument_fills_in_and_overrides():
    doc = _changed(example("minimal"), municipality=None)
    result = load_document(doc, municipality="Exempelstad")
    assert result.meeting.body.municipality.name == "Exempelstad"
    assert export_meeting(result.meeting).municipality == "Exempelstad"


def test_nul_characters_are_refused_on_every_engine():
    doc = example("minimal")
    items = [doc.items[0].model_copy(update={"title": "a\x00b"})]
    with pytest.raises(LoadError, match=r"^items\[0\]\.title: contains a NUL"):
        load_document(_changed(doc, items=items))
    assert m.Meeting.objects.count() == 0


class Boom(RuntimeError):
    pass


def _explode(*args, **kwargs):
    raise Boom("injected failure after the items were written")


def test_a_failure_half_way_through_a_new_meeting_leaves_nothing(monkeypatch):
    monkeypatch.setattr(loading, "_write_item_children", _explode)
    with pytest.raises(Boom):
        load_document(example("full"))
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_failure_half_way_through_an_update_keeps_the_old_meeting(monkeypatch):
    load_document(example("full"))
    before = snapshot()
    monkeypatch.setattr(loading, "_write_item_children", _explode)
    doc = example("full")
    with pytest.raises(Boom):
        load_document(_changed(doc, items=doc.items[:2]))
    assert snapshot() == before


def test_archive_visibility_and_publication_survive_a_changed_document():
    doc = example("full")
    result = load_document(doc)
    m.Item.objects.filter(meeting=result.meeting, paragraph=22).update(visibility=Visibility.MASKED)
    m.Meeting.objects.filter(pk=result.meeting.pk).update(published=False)
    load_document(_changed(doc, warnings=[]))
    rows = dict(m.Item.objects.values_list("paragraph", "visibility"))
    assert rows[22] == Visibility.MASKED
    assert rows[24] == Visibility.SECRET  # the confidential §
    assert rows[21] == Visibility.PUBLIC
    assert m.Meeting.objects.get().published is False


def test_a_listing_does_not_overwrite_the_protocol_of_the_same_meeting():
    doc = example("full")
    load_document(doc)
    listing = _changed(doc, kind=DocumentKind.LISTING, items=doc.items[:2], attendance=[])
    assert load_document(listing).status == "superseded"
    assert export_meeting(m.Meeting.objects.get()) == doc
    # the other way round, the protocol replaces the listing
    m.Meeting.objects.all().delete()
    assert load_document(listing).status == "created"
    assert load_document(doc).status == "updated"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kommunfullmäktige", BodyKind.COUNCIL),
        ("Kommunstyrelsen", BodyKind.BOARD),
        ("Kommunstyrelsens arbetsutskott", BodyKind.SUBCOMMITTEE),
        ("Socialnämndens individutskott", BodyKind.SUBCOMMITTEE),
        ("Individ- och familjenämnden", BodyKind.COMMITTEE),
        ("Gemensamma nämnden för hjälpmedel", BodyKind.COMMITTEE),
        ("Kommunfullmäktiges valberedning", BodyKind.SUBCOMMITTEE),
    ],
)
def test_body_kind_from_name(name, kind):
    assert body_kind_from_name(name) == kind


def test_a_recorded_meeting_is_never_replaced_by_an_import():
    doc = example("full")
    meeting = load_document(doc).meeting
    m.Meeting.objects.filter(pk=meeting.pk).update(content_hash="")  # as protokoll.recording creates it
    before = snapshot()
    with pytest.raises(
        LoadError, match=r"^meeting: Socialnämnden 2025-03-18 is kept by the recording workflow"
    ):
        load_document(doc)
    assert snapshot() == before
