"""Atom feeds: the elements RFC 4287 requires, plain-text summaries, public content only."""

from __future__ import annotations

import pytest
from lxml import etree

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_atom(response) -> etree._Element:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    # RFC 4287 4.1.1: id, title, updated exactly once; an author unless every entry has one.
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None or all(
        e.find(f"{ATOM}author") is not None for e in entries
    )
    selves = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert len(selves) == 1 and selves[0].get("href").startswith("http://testserver/api/")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        # 4.1.1.1: without content, an entry needs an alternate link.
        assert any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link"))
        for summary in entry.findall(f"{ATOM}summary"):
            assert summary.get("type") == "text"
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    return root


def titles(root) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]


def test_body_meetings_feed(client, archive):
    root = parse_atom(client.get(f"/api/bodies/{archive['full'].body_id}/meetings.atom"))
    assert titles(root) == ["Socialnämnden 2025-04-15", "Socialnämnden 2025-03-18"]
    summary = root.find(f"{ATOM}entry/{ATOM}summary").text
    assert "§ 44 sekretess" in summary and "kontaktfamilj" not in summary


def test_body_decisions_feed(client, archive):
    root = parse_atom(client.get(f"/api/bodies/{archive['full'].body_id}/decisions.atom"))
    entries = titles(root)
    assert len(entries) == 10
    assert entries[0].startswith("Socialnämnden 2025-04-15 § 41")
    assert not any("kontaktfamilj" in t for t in entries)


def test_case_feed(client, archive):
    root = parse_atom(client.get("/api/cases/exempelstad/SN-2024-231/feed.atom"))
    assert root.findtext(f"{ATOM}title") == "Ärende SN-2024-231: Riktlinjer för hemtjänst 2025"
    assert titles(root) == [
        "Socialnämnden 2025-04-15 § 42: Återrapport av uppdrag om riktlinjer för hemtjänst",
        "Socialnämnden 2025-03-18 § 22: Riktlinjer för hemtjänst 2025",
    ]
    assert client.get("/api/cases/exempelstad/NOPE-1/feed.atom").status_code == 404


def test_markup_in_protocol_text_stays_text(client, db):
    from protokoll.archive.loading import load_document
    from protokoll.document import example

    doc = example("full")
    items = [doc.items[0].model_copy(update={"decision": "<script>alert(1)</script> & <b>"})]
    meeting = load_document(doc.model_copy(update={"items": items})).meeting
    root = parse_atom(client.get(f"/api/bodies/{meeting.body_id}/decisions.atom"))
    assert root.find(f"{ATOM}entry/{ATOM}summary").text.endswith("<script>alert(1)</script> & <b>")
