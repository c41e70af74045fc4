"""iCalendar (RFC 5545) of a body's published meetings, in Europe/Stockholm time.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (3.1);
text values escape backslash, semicolon, comma and newline (3.3.11). A meeting without a
start time is an all-day event. The calendar carries its own VTIMEZONE for the TZID it uses
(3.2.19), with the EU summer-time rules Sweden follows.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse

from protokoll.archive import models as m
from protokoll.web.api import queries
from protokoll.web.api.links import Links
from protokoll.web.api.respond import api_view
from protokoll.web.masking import mask_personnummer
from protokoll.web.public import is_withheld, public_meetings

TZID = "Europe/Stockholm"
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value: str) -> str:
    """A TEXT value escaped; every text goes through here, and before folding, which could
    split a personnummer across lines, so it is masked here (DOMAIN 1.10, checklist 37)."""
    return (
        mask_personnummer(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str, limit: int = 75) -> str:
    """Fold one content line into CRLF + space continuations of at most ``limit`` octets."""
    parts, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        room = limit if not parts else limit - 1
        if size + width > room:
            parts.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(date: dt.date, time: dt.time) -> str:
    return dt.datetime.combine(date, time).strftime("%Y%m%dT%H%M%S")


def event(meeting: m.Meeting, links: Links, host: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{_stamp(meeting.updated_at)}",
        f"LAST-MODIFIED:{_stamp(meeting.updated_at)}",
    ]
    if meeting.start is not None:
        lines.append(f"DTSTART;TZID={TZID}:{_local(meeting.date, meeting.start)}")
        if meeting.end is not None and meeting.end > meeting.start:
            lines.append(f"DTEND;TZID={TZID}:{_local(meeting.date, meeting.end)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{meeting.date.strftime('%Y%m%d')}")
        lines.append(f"DTEND;VALUE=DATE:{(meeting.date + dt.timedelta(days=1)).strftime('%Y%m%d')}")
    lines.append("SUMMARY:" + escape_text(f"{meeting.body.name}, sammanträde"))
    if meeting.place:
        lines.append("LOCATION:" + escape_text(meeting.place))
    agenda = [
        f"§ {i.paragraph} " + ("(sekretess)" if is_withheld(i) else (i.title or ""))
        for i in meeting.items.all()
        if i.paragraph is not None
    ]
    if agenda:
        lines.append("DESCRIPTION:" + escape_text("\n".join(agenda)))
    lines.append("URL:" + links.url("meeting-detail", meeting.pk))
    lines.append("END:VEVENT")
    return lines


def calendar(body: m.Body, meetings, links: Links, host: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//protokoll//sammanträden//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text(f"{body.name} ({body.municipality.name})"),
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE,
    ]
    for meeting in meetings:
        lines += event(meeting, links, host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


@api_view
def body_calendar(request: HttpRequest, pk: int):
    body = queries.bodies().get(pk=pk)
    meetings = public_meetings().filter(body=body).prefetch_related("items").order_by("date", "pk")
    text = calendar(body, meetings, Links(request), request.get_host().split(":")[0])
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{body.slug}.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
