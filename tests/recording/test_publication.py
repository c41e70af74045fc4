"""Outputs, public version, masking and the sekretess canary (issue 6 "Utdrag and public
version", "Must show: a sekretess canary test")."""

from __future__ import annotations

import gzip
import io
import re
import zlib

import pypdfium2
import pytest

from protokoll.archive import models as m
from protokoll.audit.models import AuditEvent
from protokoll.recording import justering, prepare, publication, record
from protokoll.recording.errors import Refused
from protokoll.recording.outputs import extract_html, html_to_pdf, protocol_html, protocol_text, public_html
from protokoll.recording.publication import PNR_MASK, mask_text
from protokoll.web.api.openapi import spec
from tests.recording.conftest import DATE, PASSWORD, fresh, item

CANARY = "Kanariefågel6R"


@pytest.mark.parametrize(
    "text",
    ["640823-3234", "19640823-3234", "640823+3234", "19640823 3234", "6408233234", "196408233234"],
)
def test_personnummer_in_every_common_shape_is_masked(text):
    assert mask_text(f"Sökande {text}, se bilaga", []) == f"Sökande {PNR_MASK}, se bilaga"


def test_other_numbers_are_not_masked():
    assert (
        mask_text("Dnr MN 2026/1234 och 2026-03-11 samt 12 345 kr", [])
        == "Dnr MN 2026/1234 och 2026-03-11 samt 12 345 kr"
    )


def _inflated(data: bytes) -> bytes:
    """The PDF with every Flate stream decompressed (WeasyPrint packs metadata in streams)."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            out.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    return b"".join(out)


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(io.BytesIO(data))
    return "\n".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))


@pytest.fixture
def published(world, meeting):
    secret = item(meeting, 2)
    m.Item.objects.filter(pk=secret.pk).update(
        title=f"{CANARY} titel", background=f"{CANARY} bakgrund", proposed_decision=f"{CANARY} förslag"
    )
    secret = fresh(secret)
    record.add_motion(
        world.secretary, secret.pk, secret.version, ["Bo Berg"], "amendment", f"{CANARY} yrkande"
    )
    record.record_decision(world.secretary, secret.pk, fresh(secret).version, "decision", f"{CANARY} beslut")
    record.add_reservation(
        world.secretary, secret.pk, fresh(secret).version, ["Bo Berg"], f"{CANARY} reservation"
    )
    record.add_assignment(
        world.secretary, secret.pk, fresh(secret).version, "Socialchefen", f"{CANARY} uppdrag"
    )
    open_item = item(meeting, 1)
    m.Item.objects.filter(pk=open_item.pk).update(
        background="Sökanden Kalle Skyddad, 19640823-3234, har ansökt om tillstånd för Ekbacken."
    )
    from protokoll.recording.models import ItemPrivacy

    ItemPrivacy.objects.filter(item=open_item).update(protected_names=["Kalle Skyddad"])
    record.record_decision(
        world.secretary, open_item.pk, fresh(open_item).version, "decision", "Tillstånd ges för Ekbacken."
    )
    with pytest.raises(Refused, match="justerade"):
        publication.publish(world.secretary, meeting.pk)
    justering.sign(world.chair, meeting.pk, PASSWORD, today=DATE)
    justering.sign(world.adjuster, meeting.pk, PASSWORD, today=DATE)
    publication.publish(world.secretary, meeting.pk)
    from protokoll.search.api import reindex_all

    reindex_all()
    return fresh(meeting)


def test_publish_sets_published_and_audits(world, published):
    assert published.published
    assert AuditEvent.objects.filter(action="publish", object_id=str(published.pk)).exists()


def test_public_version_masks_and_original_is_kept(published):
    html = public_html(published)
    assert "Kalle Skyddad" not in html and "3234" not in html and PNR_MASK in html
    assert "Ekbacken" in html
    original = protocol_html(published)
    assert "Kalle Skyddad" in original and "19640823-3234" in original and CANARY in original
    assert all(f.ok for f in justering.verify_meeting(published.pk))


def test_protocol_text_and_archival_pdf(published):
    text = protocol_text(published)
    assert "§ 1" in text and "Detaljplan för Ekbacken" in text
    pdf = html_to_pdf(public_html(published))
    assert pdf.startswith(b"%PDF-")
    inflated = _inflated(pdf)
    assert b"pdfaid:part" in inflated and b"/StructTreeRoot" in inflated  # PDF/A id and tags
    assert "Ekbacken" in _pdf_text(pdf)


def test_extract_with_utdragsbestyrkande(published):
    html = extract_html(published, 1, "Siv Sekr", DATE)
    assert "Utdragsbestyrkande" in html and "§ 1" in html and "§ 3" not in html
    assert CANARY not in extract_html(published, 2, "Siv Sekr", DATE, public=True)


def test_the_sekretess_canary_never_leaks(client, published):
    assert m.Item.objects.filter(title__contains=CANARY).exists()  # it really is stored
    assert CANARY in protocol_html(published)  # and the internal protocol has it
    outputs = {
        "public html": public_html(published),
        "public pdf": _pdf_text(html_to_pdf(public_html(published))),
        "public extract": extract_html(published, 2, "Siv Sekr", DATE, public=True),
    }
    from protokoll.search.api import search

    assert search("Ekbacken").total > 0  # the published meeting is indexed
    assert search(CANARY).total == 0
    # Words that stand next to the canary in the secret §; the hits must not carry it.
    outputs["search"] = "".join(
        repr(search(word).hits) for word in ("bakgrund", "titel", "yrkande", "reservation")
    )
    urls = {t for t in spec()["paths"] if "{" not in t}
    urls |= {
        f"/api/meetings/{published.pk}",
        f"/api/meetings/{published.pk}/protokoll.json",
        "/api/export/dump.jsonl.gz",
        f"/api/export/decisions.csv?body={published.body_id}",
        f"/api/export/ballots.csv?body={published.body_id}",
        f"/api/bodies/{published.body_id}/decisions.atom",
        "/api/search?q=bakgrund",
        "/api/search?q=reservation",
        "/intern/anslagstavla/",
    }
    for pk in m.Item.objects.filter(meeting=published).values_list("pk", flat=True):
        urls.add(f"/api/agenda-items/{pk}")
    for url in sorted(urls):
        response = client.get(url if url.startswith("/") else "/api/" + url)
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        outputs[url] = raw.decode("utf-8", "replace")
    leaks = [name for name, text in outputs.items() if CANARY.lower() in text.lower()]
    assert leaks == []
    assert "Ekbacken" in outputs["/api/export/dump.jsonl.gz"]


def test_new_meetings_are_not_public_until_published(client, world, meeting):
    assert client.get(f"/api/meetings/{meeting.pk}").status_code == 404
    prepare.add_item(world.secretary, meeting.pk, fresh(meeting).version, title="Sent ärende")


def test_the_archival_pdf_imports_back_to_the_recorded_meeting(world, meeting, tmp_path):
    """The PDF/A a municipality keeps (WeasyPrint, from the protocol's HTML) gives the recorded
    meeting back through the importer: a ledamot jävig on every § is not listed as beslutande,
    and an uppdrag is in the document."""
    from protokoll.archive.exporting import export_meeting
    from protokoll.importing.api import parse_file
    from protokoll.recording.outputs import html_to_pdf, protocol_html
    from tests.rendering.roundtrip import differences

    for paragraph in (1, 2, 3):
        i = item(meeting, paragraph)
        record.declare_jav(world.secretary, i.pk, i.version, "Cia Dal")
    i = item(meeting, 1)
    record.add_assignment(
        world.secretary,
        i.pk,
        i.version,
        "Miljöchefen",
        "återrapportera tillsynen",
        due=DATE.replace(month=12),
    )
    doc = export_meeting(fresh(meeting))
    assert [e.serving for e in doc.attendance if e.name == "Cia Dal"] == [False]
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(html_to_pdf(protocol_html(fresh(meeting), doc)))
    assert differences(doc, parse_file(path), full=True) == []
