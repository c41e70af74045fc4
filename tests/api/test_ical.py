"""iCalendar of a body's meetings: RFC 5545 folding, required properties, Stockholm time."""

from __future__ import annotations

import pytest

from protokoll.archive import models as m
from protokoll.web.api.ical import escape_text, fold

pytestmark = pytest.mark.django_db


def unfold(text: str) -> list[str]:
    assert "\n" not in text.replace("\r\n", ""), "bare LF"
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def components(lines: list[str], name: str) -> list[dict[str, str]]:
    out, current = [], None
    for line in lines:
        if line == f"BEGIN:{name}":
            current = {}
        elif line == f"END:{name}":
            out.append(current)
            current = None
        elif current is not None:
            key, _, value = line.partition(":")
            current[key] = value
    return out


def test_fold_limits_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "åäö" * 60
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line
    assert fold("SHORT:x") == "SHORT:x"


def test_escape_text():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_body_calendar(client, archive):
    body = archive["full"].body
    response = client.get(f"/api/bodies/{body.pk}/meetings.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.endswith("\r\n")
    for physical in text.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    assert components(lines, "VTIMEZONE")[0]["TZID"] == "Europe/Stockholm"
    events = components(lines, "VEVENT")
    assert len(events) == 2  # the unpublished meeting belongs to another body and is not public
    first = events[0]
    assert first["UID"] == f"meeting-{archive['full'].pk}@testserver"
    assert first["DTSTART;TZID=Europe/Stockholm"] == "20250318T130000"
    assert first["DTEND;TZID=Europe/Stockholm"] == "20250318T164000"
    assert first["DTSTAMP"].endswith("Z") and len(first["DTSTAMP"]) == 16
    assert first["LOCATION"] == "Sammanträdesrum Ekan\\, Stadshuset"
    assert "§ 24 (sekretess)" in first["DESCRIPTION"]
    assert "kontaktfamilj" not in text
    assert len({e["UID"] for e in events}) == 2


def test_meeting_without_start_time_is_an_all_day_event(client, full_meeting):
    m.Meeting.objects.filter(pk=full_meeting.pk).update(start=None, end=None)
    lines = unfold(client.get(f"/api/bodies/{full_meeting.body_id}/meetings.ics").content.decode())
    [event] = components(lines, "VEVENT")
    assert event["DTSTART;VALUE=DATE"] == "20250318" and event["DTEND;VALUE=DATE"] == "20250319"
