"""The demo year loads into the archive, comes back out unchanged, and re-loading is a no-op."""

from __future__ import annotations

import pytest

from protokoll.demo import generate
from protokoll.demo.files import load_documents

pytestmark = pytest.mark.django_db


def test_demo_documents_load_export_identically_and_reload_changes_nothing():
    from protokoll.archive.exporting import export_meeting
    from protokoll.archive.models import Meeting

    docs = generate(3)[:8]
    assert load_documents(docs) == {"created": len(docs)}
    assert load_documents(docs) == {"unchanged": len(docs)}
    for doc in docs:
        row = Meeting.objects.get(body__name=doc.body, date=doc.meeting.date)
        assert export_meeting(row).to_json_dict() == doc.to_json_dict()
