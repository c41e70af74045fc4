"""/api/meetings/<id>/protokoll.json is export_meeting with withheld §§ reduced, nothing else."""

from __future__ import annotations

import pytest

from protokoll.archive import models as m
from protokoll.archive.exporting import export_meeting
from protokoll.document.model import Document
from protokoll.web.api.redact import public_document, redact_document

pytestmark = pytest.mark.django_db


def test_equals_export_except_the_withheld_item(client, full_meeting):
    exported = export_meeting(full_meeting).to_json_dict()
    served = client.get(f"/api/meetings/{full_meeting.pk}/protokoll.json").json()
    Document.model_validate(served)  # still a valid protokoll/1 document
    assert [i["paragraph"] for i in served["items"]] == [i["paragraph"] for i in exported["items"]]
    for mine, theirs in zip(served["items"], exported["items"], strict=True):
        if theirs["paragraph"] == 24:
            assert theirs["title"] == "Ansökan om kontaktfamilj"
            assert mine["confidential"] is True
            assert mine["title"] is None and mine["outcome"] is None and mine["provenance"] is None
            assert mine == {
                **Document.model_validate({"items": [{"paragraph": 24}]}).to_json_dict()["items"][0],
                "confidential": True,
            }
        else:
            assert mine == theirs
    rest = {k: v for k, v in served.items() if k != "items"}
    assert rest == {k: v for k, v in exported.items() if k != "items"}


def test_visibility_set_in_the_archive_also_withholds(client, full_meeting):
    m.Item.objects.filter(meeting=full_meeting, paragraph=25).update(visibility="secret")
    served = client.get(f"/api/meetings/{full_meeting.pk}/protokoll.json").json()
    item = next(i for i in served["items"] if i["paragraph"] == 25)
    assert item["confidential"] is True and item["title"] is None and item["decision"] is None
    assert item["case"] is None and item["case_number"] is None


def test_warnings_about_a_withheld_paragraph_are_dropped():
    data = {
        "items": [{"paragraph": 1, "title": "a"}, {"paragraph": 2, "title": "hemligt"}],
        "warnings": [
            {"code": "x", "message": "§ 2 hemligt", "paragraph": 2},
            {"code": "y", "message": "ok", "paragraph": None},
        ],
    }
    out = redact_document(data, {1})
    assert [w["code"] for w in out["warnings"]] == ["y"]
    assert out["items"][0] == {"paragraph": 1, "title": "a"}
    assert out["items"][1]["title"] is None and out["items"][1]["confidential"] is True
    assert data["items"][1]["title"] == "hemligt"  # the input is not changed


def test_unpublished_meeting_is_not_found(client, full_meeting):
    m.Meeting.objects.filter(pk=full_meeting.pk).update(published=False)
    assert client.get(f"/api/meetings/{full_meeting.pk}/protokoll.json").status_code == 404
    with pytest.raises(m.Meeting.DoesNotExist):
        public_document(full_meeting.pk)
