"""The JSON resources: OParl shapes, absolute ids, filters, pagination and 404s."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protokoll.archive import models as m
from protokoll.archive.loading import load_document
from protokoll.document import example
from protokoll.web.public import SECRET_MARKER

pytestmark = pytest.mark.django_db

OPARL = "https://schema.oparl.org/1.1/"


def get(client, url, status=200, **kw):
    response = client.get(url, **kw)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_index_links_every_list(client, archive):
    data = get(client, "/api/")
    assert data["type"] == OPARL + "System"
    for url in data["lists"].values():
        assert url.startswith("http://testserver/api/")
        assert client.get(url).status_code == 200


def test_bodies_are_organizations_of_municipalities_with_public_meetings(client, archive):
    bodies = get(client, "/api/bodies/")["data"]
    assert [b["name"] for b in bodies] == ["Socialnämnden"]  # Byggnadsnämnden met only unpublished
    body = bodies[0]
    assert body["type"] == OPARL + "Organization"
    assert body["id"] == f"http://testserver/api/bodies/{archive['full'].body_id}"
    assert get(client, body["id"]) == body
    municipality = get(client, body["body"])
    assert municipality["type"] == OPARL + "Body" and municipality["name"] == "Exempelstad"
    hidden_body = archive["hidden"].body_id
    assert get(client, f"/api/bodies/{hidden_body}", status=404)["error"]["status"] == 404


def test_meeting_shape_and_agenda_items(client, archive):
    meeting = get(client, f"/api/meetings/{archive['full'].pk}")
    assert meeting["type"] == OPARL + "Meeting"
    assert meeting["start"] == "2025-03-18T13:00:00+01:00"
    assert meeting["end"] == "2025-03-18T16:40:00+01:00"
    assert meeting["location"]["description"] == "Sammanträdesrum Ekan, Stadshuset"
    assert meeting["justering"]["date"] == "2025-03-25"
    assert [p["name"] for p in meeting["justering"]["signedBy"]] == ["Karin Almgren", "Olof Dahlström"]
    assert meeting["anslag"]["appealDeadline"] == "2025-04-16"
    numbers = [i["number"] for i in meeting["agendaItem"]]
    assert numbers == ["21", "22", "23", "24", "25", "26"]
    by_number = {i["number"]: i for i in meeting["agendaItem"]}
    secret = by_number["24"]
    assert secret == {
        "id": secret["id"],
        "type": OPARL + "AgendaItem",
        "meeting": meeting["id"],
        "number": "24",
        "order": 3,
        "date": "2025-03-18",
        "public": False,
        "confidential": True,
        "marker": SECRET_MARKER,
    }
    item = by_number["22"]
    assert item["name"] == "Riktlinjer för hemtjänst 2025"
    assert item["result"] == "beslut" and item["outcome"] == "decision"
    assert item["resolutionText"].startswith("Socialnämnden antar riktlinjer")
    assert item["case"].endswith("/api/cases/exempelstad/SN-2024-231")
    assert by_number["23"]["conflicts"][0]["person"]["name"] == "Amir Haddad"
    assert by_number["23"]["immediatelyAdjusted"] is True
    # Persons present link to Person objects; the absent member does not take part.
    names = {get(client, url)["name"] for url in meeting["participant"]}
    assert "Karin Almgren" in names and "Björn Falk" not in names


def test_vote_event_is_popolo_shaped(client, archive):
    votes = get(client, f"/api/votes/?meeting={archive['full'].pk}")["data"]
    assert len(votes) == 1
    vote = votes[0]
    assert {c["option"]: c["value"] for c in vote["counts"]} == {"yes": 3, "no": 2, "abstain": 0, "absent": 0}
    assert [(v["voter"]["name"], v["option"], v["group"]) for v in vote["votes"]][:2] == [
        ("Karin Almgren", "yes", "S"),
        ("Olof Dahlström", "no", "M"),
    ]
    assert vote["castingVote"] is False and vote["lottery"] is False
    assert vote["number"] == "22"
    assert get(client, vote["id"]) == vote
    assert get(client, vote["agendaItem"])["number"] == "22"


def test_filters_by_person(client, archive):
    olof = m.Person.objects.get(name="Olof Dahlström")
    votes = get(client, f"/api/votes/?person={olof.pk}")["data"]
    assert len(votes) == 1  # the later meeting's § 42 has no vote
    reservations = get(client, f"/api/reservations/?person={olof.pk}")["data"]
    assert [r["text"] for r in reservations] == ["Vi reserverar oss till förmån för eget yrkande."]
    karin = m.Person.objects.get(name="Karin Almgren")
    assert get(client, f"/api/reservations/?person={karin.pk}")["data"] == []
    assert get(client, "/api/assignments/?person=1", status=400)["error"]["message"].startswith("person")


def test_extension_lists(client, archive):
    conflicts = get(client, "/api/conflicts/")["data"]
    assert {c["person"]["name"] for c in conflicts} == {"Amir Haddad"}
    assert len(conflicts) == 2  # one per published meeting
    uppdrag = get(client, "/api/assignments/")["data"]
    assert {(u["assignee"], u["due"]) for u in uppdrag} == {("Socialchefen", "2025-09-30")}
    assert all(u["type"] == "urn:protokoll:1:Uppdrag" for u in uppdrag)


def test_person_and_memberships(client, archive):
    karin = m.Person.objects.get(name="Karin Almgren")
    person = get(client, f"/api/persons/{karin.pk}")
    assert person["type"] == OPARL + "Person" and person["party"] == "S"
    [seat] = person["membership"]
    assert seat["role"] == "ordförande" and seat["votingRight"] is True
    assert (seat["startDate"], seat["endDate"]) == ("2025-03-18", "2025-04-15")
    assert seat["onBehalfOf"].endswith("/api/parties/S")
    assert get(client, seat["id"]) == seat
    assert get(client, seat["onBehalfOf"])["organizationType"] == "Partei"
    maja = m.Person.objects.get(name="Maja Grönlund")
    [sub] = get(client, f"/api/memberships/?person={maja.pk}")["data"]
    assert sub["group"] == "substitute" and sub["votingRight"] is False
    assert get(client, "/api/memberships/a1-1-chair", status=404)["error"]["message"] == "not found"


def test_the_roster_speaks_for_its_rows_and_the_lists_fill_in_the_rest(client, archive):
    """Meetings on 2025-03-18 and 2025-04-15. Karin's roster row starts 2025-04-01: it covers
    the later meeting; the earlier list still shows her seat. Sofia has no roster row, but the
    protocols list her as ledamot: she holds a seat although the body has a roster."""
    body = archive["full"].body
    karin = m.Person.objects.get(name="Karin Almgren")
    row = m.Membership.objects.create(
        person=karin, body=body, role="ordförande", party="S", group="member", start=dt.date(2025, 4, 1)
    )
    data = get(client, f"/api/memberships/?body={body.pk}")["data"]
    seats = {(d["person"].rsplit("/", 1)[1], d["source"]): d for d in data}
    assert [
        (d["source"], d["startDate"], d["endDate"]) for d in data if d["person"].endswith(f"/{karin.pk}")
    ] == [
        ("roster", "2025-04-01", None),
        ("attendance", "2025-03-18", "2025-03-18"),
    ]
    assert seats[str(karin.pk), "roster"]["id"].endswith(f"/api/memberships/r{row.pk}")
    sofia = m.Person.objects.get(name="Sofia Ekholm")
    assert seats[str(sofia.pk), "attendance"]["startDate"] == "2025-03-18"
    assert seats[str(sofia.pk), "attendance"]["endDate"] == "2025-04-15"
    # A roster row without dates covers every meeting: no seat from the lists beside it.
    m.Membership.objects.filter(pk=row.pk).update(start=None)
    assert [d["source"] for d in get(client, f"/api/memberships/?person={karin.pk}")["data"]] == ["roster"]


def test_a_seat_from_the_lists_takes_the_latest_party_and_is_filtered_by_it(client, archive):
    karin = m.Person.objects.get(name="Karin Almgren")
    m.AttendanceEntry.objects.filter(meeting=archive["later"], person=karin).update(party=None)
    m.AttendanceEntry.objects.filter(meeting=archive["full"], person=karin).update(party="MP")
    [seat] = get(client, f"/api/memberships/?person={karin.pk}")["data"]
    # The latest list leaves the party out; the latest that names one says MP.
    assert (seat["party"], seat["startDate"], seat["endDate"]) == ("MP", "2025-03-18", "2025-04-15")
    assert get(client, "/api/memberships/?party=MP")["data"] == [seat]
    assert karin.pk not in {d["person"] for d in get(client, "/api/memberships/?party=S")["data"]}


def test_membership_queries_do_not_grow_with_persons_and_meetings(client, archive):
    def count(address: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            get(client, address)
        return len(captured.captured_queries)

    body = archive["full"].body
    karin = m.Person.objects.get(name="Karin Almgren")
    m.Membership.objects.create(person=karin, body=body, group="member", start=dt.date(2025, 4, 1))
    few = (count("/api/memberships/"), count("/api/persons/"))
    more = example("full")
    for day in (dt.date(2025, 6, 1), dt.date(2025, 7, 1)):
        load_document(more.model_copy(update={"meeting": more.meeting.model_copy(update={"date": day})}))
    for person in m.Person.objects.all():
        m.Membership.objects.create(person=person, body=body, group="substitute", start=dt.date(2025, 6, 1))
    assert (count("/api/memberships/"), count("/api/persons/")) == few


def test_persons_named_only_in_unpublished_meetings_are_not_listed(client, archive):
    from protokoll.archive.loading import load_document
    from tests.api.conftest import unpublished_meeting

    doc = unpublished_meeting()
    attendance = [doc.attendance[0].model_copy(update={"name": "Gömd Person"}), *doc.attendance[1:]]
    meeting = load_document(
        doc.model_copy(update={"attendance": attendance, "body": "Kulturnämnden"})
    ).meeting
    m.Meeting.objects.filter(pk=meeting.pk).update(published=False)
    hidden = m.Person.objects.get(name="Gömd Person")
    names = [p["name"] for p in get(client, "/api/persons/?per_page=200")["data"]]
    assert "Karin Almgren" in names and "Gömd Person" not in names
    get(client, f"/api/persons/{hidden.pk}", status=404)


def test_pagination_links_and_totals(client, archive):
    first = get(client, "/api/agenda-items/?per_page=5")
    assert first["pagination"] == {
        "totalElements": 12,
        "elementsPerPage": 5,
        "currentPage": 1,
        "totalPages": 3,
    }
    assert "prev" not in first["links"]
    seen = [i["id"] for i in first["data"]]
    page = first
    while "next" in page["links"]:
        page = get(client, page["links"]["next"])
        seen += [i["id"] for i in page["data"]]
    assert len(seen) == len(set(seen)) == 12
    assert page["pagination"]["currentPage"] == 3 and "prev" in page["links"]
    capped = get(client, "/api/agenda-items/?per_page=100000")
    assert capped["pagination"]["elementsPerPage"] == 200
    assert get(client, "/api/agenda-items/?page=9")["data"] == []
    assert get(client, "/api/agenda-items/?page=x", status=400)["error"]["message"].startswith("page")
    assert client.get("/api/agenda-items/?per_page=0").status_code == 400


def test_meeting_filters_and_modified_since(client, archive):
    assert len(get(client, "/api/meetings/")["data"]) == 2
    assert [x["date"] for x in get(client, "/api/meetings/?from=2025-04-01")["data"]] == ["2025-04-15"]
    assert [x["date"] for x in get(client, "/api/meetings/?to=2025-04-01")["data"]] == ["2025-03-18"]
    m.Meeting.objects.filter(pk=archive["full"].pk).update(
        updated_at=archive["later"].updated_at.replace(year=2020)
    )
    since = archive["later"].updated_at.replace(year=2024).isoformat()
    recent = get(client, "/api/meetings/", data={"modified_since": since})["data"]
    assert [x["date"] for x in recent] == ["2025-04-15"]
    items = get(client, "/api/agenda-items/", data={"modified_since": since})["data"]
    assert {i["date"] for i in items} == {"2025-04-15"}
    assert client.get("/api/meetings/?modified_since=yesterday").status_code == 400


def test_case_lists_its_history_without_withheld_items(client, archive):
    case = get(client, "/api/cases/exempelstad/SN-2024-231")
    assert [(i["date"], i["number"]) for i in case["agendaItem"]] == [
        ("2025-03-18", "22"),
        ("2025-04-15", "42"),
    ]
    assert case["name"] == "Riktlinjer för hemtjänst 2025"
    assert case["rawForms"] == ["SN 2024/00231-3.7.2"]
    keys = {c["reference"] for c in get(client, "/api/cases/")["data"]}
    assert "SN-2024-231" in keys
    get(client, "/api/cases/exempelstad/NO-SUCH-1", status=404)
    get(client, "/api/cases/annanstad/SN-2024-231", status=404)


def test_a_case_whose_items_are_all_withheld_is_not_public(client, archive):
    m.Item.objects.filter(case__key="SN-2025-40").update(visibility="secret")
    get(client, "/api/cases/exempelstad/SN-2025-40", status=404)
    assert "SN-2025-40" not in {c["reference"] for c in get(client, "/api/cases/")["data"]}


def test_unpublished_meeting_404s_everywhere(client, archive):
    hidden = archive["hidden"]
    item = hidden.items.exclude(votes=None).first()
    for url in (
        f"/api/meetings/{hidden.pk}",
        f"/api/meetings/{hidden.pk}/protokoll.json",
        f"/api/agenda-items/{item.pk}",
        f"/api/votes/{item.votes.first().pk}",
        f"/api/reservations/{item.reservations.first().pk}",
        f"/api/bodies/{hidden.body_id}",
        f"/api/bodies/{hidden.body_id}/meetings.ics",
        f"/api/bodies/{hidden.body_id}/meetings.atom",
        f"/api/bodies/{hidden.body_id}/decisions.atom",
    ):
        assert client.get(url).status_code == 404, url
    assert all(
        x["id"] != f"http://testserver/api/meetings/{hidden.pk}"
        for x in get(client, "/api/meetings/")["data"]
    )
    assert get(client, f"/api/votes/?meeting={hidden.pk}")["data"] == []


def test_only_get_and_head(client, archive):
    assert client.post("/api/meetings/").status_code == 405
    assert client.head("/api/meetings/").status_code == 200


def test_uppdrag_ledger_links_the_report_back(client, archive):
    data = get(client, "/api/uppdrag/?today=2025-05-01")
    assert data["today"] == "2025-05-01"
    given = [e for e in data["data"] if e["givenIn"]["date"] == "2025-03-18"]
    assert given, data["data"]
    entry = given[0]
    assert entry["assignee"] == "Socialchefen" and entry["due"] == "2025-09-30"
    assert entry["status"] == "reported"
    assert entry["reportedIn"]["number"] == "42"
    assert get(client, entry["givenIn"]["agendaItem"])["number"] == "22"
    overdue = get(client, "/api/uppdrag/?today=2025-10-01&status=overdue")["data"]
    assert all(e["status"] == "overdue" for e in overdue)
    assert client.get("/api/uppdrag/?status=lost").status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "/api/meetings/99999999999999999999999",
        "/api/meetings/?meeting=99999999999999999999999",
        "/api/votes/?person=-1",
        "/api/memberships/a99999999999999999999999-1-member",
        "/api/memberships/r99999999999999999999999",
        "/api/agenda-items/?from=2025-02-30",
        "/api/agenda-items/?modified_since=0000-00-00T00:00",
        "/api/cases/exempelstad/%00",
        "/api/export/decisions.csv?body=99999999999999999999999",
        "/api/uppdrag/?today=x",
    ],
)
def test_hostile_parameters_are_400_or_404_never_500(client, archive, url):
    response = client.get(url)
    assert response.status_code in (400, 404), (url, response.status_code)
    if response["Content-Type"].startswith("application/json"):  # else no URL pattern matched
        assert response.json()["error"]["status"] == response.status_code


@pytest.mark.parametrize(
    "url",
    ["/api/memberships/?party=S%00", "/api/search?q=x&municipality=a%00", "/api/search/feed.atom?kommun=%00"],
)
def test_nul_in_a_parameter_is_a_400(client, archive, url):
    assert client.get(url).status_code == 400


def test_nul_in_the_query_is_just_a_space(client, archive):
    assert client.get("/api/search?q=hemtj%00änst").status_code in (200, 503)
