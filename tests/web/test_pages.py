"""Every page type renders from the archive's rows; unknown ids give the (accessible) 404 page."""

from __future__ import annotations

import re

import pytest

from protokoll.archive import models as m
from tests.web.helpers import load_demo, text_of, url

pytestmark = pytest.mark.django_db


def page_urls(meeting: m.Meeting) -> dict[str, str]:
    item = m.Item.objects.filter(meeting=meeting, confidential=False).exclude(case=None).first()
    ballot = m.Ballot.objects.filter(vote__item__meeting=meeting).exclude(person=None).first()
    muni = meeting.body.municipality.slug
    return {
        "start": "/",
        "municipality": f"/kommun/{muni}/",
        "body": f"/kommun/{muni}/{meeting.body.slug}/",
        "protocol": url(meeting),
        "case": f"/kommun/{muni}/arende/{item.case.key}/",
        "uppdrag": f"/kommun/{muni}/uppdrag/",
        "persons": f"/kommun/{muni}/personer/",
        "person": f"/kommun/{muni}/person/{ballot.person_id}/",
        "party": f"/kommun/{muni}/parti/{ballot.party}/",
        "search": "/sok/?q=hemtjänst",
        "accessibility": "/tillganglighet/",
    }


def _one_h1_in_swedish(html: str) -> None:
    assert '<html lang="sv">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'href="#innehall"' in html and 'id="innehall"' in html
    assert "<main" in html and "<nav" in html and "<footer" in html


def test_every_page_type_renders(client, full):
    for name, address in page_urls(full).items():
        response = client.get(address)
        assert response.status_code == 200, (name, address)
        _one_h1_in_swedish(text_of(response))


def test_protocol_page_shows_the_records(client, full):
    html = text_of(client.get(url(full)))
    assert "Socialnämnden – sammanträde 18 mars 2025" in html
    assert "Sammanträdesrum Ekan, Stadshuset" in html
    assert "Riktlinjer för hemtjänst 2025" in html
    assert "Hur ledamöterna röstade, § 22" in html
    assert '<th scope="col">Ledamot</th>' in html
    assert "Reservationer" in html and "Uppdrag" in html
    assert "Socialchefen får i uppdrag att återrapportera införandet till nämnden" in html
    assert "Beslutande ledamöter" in html and "Frånvarande" in html
    assert 'href="/kommun/exempelstad/arende/SN-2024-231/"' in html
    assert "Sammanfattning" in html


def test_case_page_lists_history_in_time_order(client):
    meetings = load_demo()
    case = next(
        c
        for c in m.Case.objects.all()
        if c.items.filter(confidential=False, meeting__published=True).values("meeting").distinct().count()
        > 1
    )
    html = text_of(client.get(f"/kommun/exempelstad/arende/{case.key}/"))
    dates = [i.meeting.date for i in case.items.select_related("meeting").order_by("meeting__date")]
    positions = [html.index(f"§ {i.paragraph}</a>") for i in case.items.order_by("meeting__date")]
    assert positions == sorted(positions)
    assert len(dates) > 1 and meetings


@pytest.mark.parametrize(
    "address",
    [
        "/kommun/ingenstans/",
        "/kommun/exempelstad/ingen-namnd/",
        "/kommun/exempelstad/socialnamnden/2025-03-19/",
        "/kommun/exempelstad/socialnamnden/2025-02-30/",
        "/kommun/exempelstad/socialnamnden/2025-03-19.json",
        "/kommun/exempelstad/arende/XX-1999-1/",
        "/kommun/exempelstad/person/999999/",
        "/kommun/exempelstad/parti/XYZ/",
        "/kommun/exempelstad/parti/<b>/",
        "/finns-inte/",
    ],
)
def test_unknown_ids_give_the_404_page(client, full, address):
    response = client.get(address)
    assert response.status_code == 404
    html = text_of(response)
    assert "Sidan finns inte" in html
    _one_h1_in_swedish(html)


def test_unpublished_meeting_is_nowhere(client, full):
    address = url(full)
    m.Meeting.objects.filter(pk=full.pk).update(published=False)
    assert client.get(address).status_code == 404
    assert client.get(address[:-1] + ".json").status_code == 404
    assert client.get("/kommun/exempelstad/").status_code == 404
    assert "Socialnämnden" not in text_of(client.get("/"))
    assert "hemtjänst" not in text_of(client.get("/sok/?q=hemtjänst")).split("träff")[-1]


def test_body_page_calendar_and_dissent_table(client):
    load_demo()
    html = text_of(client.get("/kommun/exempelstad/kommunstyrelsen/"))
    assert "Sammanträden 2025" in html
    for month in ("januari 2025", "december 2025"):
        assert month in html
    assert "Röster mot majoriteten per parti i Kommunstyrelsen" in html
    assert 'aria-hidden="true"' in html  # the bars; the numbers are in the same table
    assert text_of(client.get("/kommun/exempelstad/kommunstyrelsen/?ar=abc")).count("<h1") == 1


def test_every_page_type_renders_with_the_demo(client):
    meetings = load_demo()
    voted = next(mt for mt in meetings if m.Vote.objects.filter(item__meeting=mt).exists())
    for name, address in page_urls(voted).items():
        assert client.get(address).status_code == 200, (name, address)
