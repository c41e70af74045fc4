"""What the public must never see: withheld §§, unpublished meetings, unescaped imported text."""

from __future__ import annotations

import json

import pytest

from protokoll.archive import models as m
from protokoll.document import example
from protokoll.domain.vocab import Visibility
from protokoll.web.public import SECRET_MARKER
from tests.web.helpers import load, text_of, url

pytestmark = pytest.mark.django_db


def test_withheld_paragraph_shows_number_and_marker_only(client, full):
    html = text_of(client.get(url(full)))
    assert "§ 24" in html and SECRET_MARKER in html
    assert "Ansökan om kontaktfamilj" not in html


def test_archive_secret_visibility_hides_a_paragraph_not_marked_confidential(client, full):
    item = m.Item.objects.get(meeting=full, paragraph=22)
    assert "Riktlinjer för hemtjänst" in text_of(client.get(url(full)))  # now in the page cache
    m.Item.objects.filter(pk=item.pk).update(visibility=Visibility.SECRET)
    html = text_of(client.get(url(full)))
    for leaked in (
        "Riktlinjer för hemtjänst",
        "SN 2024/00231",
        "Hur ledamöterna röstade, § 22",
        "Socialchefen får",
    ):
        assert leaked not in html
    assert client.get(f"/kommun/exempelstad/arende/{item.case.key}/").status_code == 404
    document = json.loads(client.get(url(full)[:-1] + ".json").content)
    reduced = next(i for i in document["items"] if i["paragraph"] == 22)
    assert reduced["confidential"] is True and reduced["title"] is None and reduced["votes"] == []
    uppdrag = text_of(client.get("/kommun/exempelstad/uppdrag/"))
    assert "återrapportera införandet" not in uppdrag
    search = text_of(client.get("/sok/?q=hemtjänst"))
    assert "Riktlinjer för hemtjänst" not in search


def test_imported_script_in_a_title_is_escaped(client, db):
    doc = example("full")
    items = list(doc.items)
    items[1] = items[1].model_copy(update={"title": "<script>alert('x')</script> Riktlinjer"})
    meeting = load(doc.model_copy(update={"items": items}))
    for address in (
        url(meeting),
        f"/kommun/exempelstad/arende/{items[1].case.normalized}/",
        "/sok/?q=riktlinjer",
    ):
        html = text_of(client.get(address))
        assert "<script>alert" not in html, address
        assert "&lt;script&gt;alert" in html, address


def test_search_snippet_keeps_only_mark_tags(client, db):
    doc = example("full")
    items = list(doc.items)
    items[1] = items[1].model_copy(
        update={"decision": "Nämnden beslutar <img src=x onerror=alert(1)> om hemtjänst."}
    )
    load(doc.model_copy(update={"items": items}))
    html = text_of(client.get("/sok/?q=hemtjänst"))
    assert "<img src=x" not in html
    assert "<mark>" in html
