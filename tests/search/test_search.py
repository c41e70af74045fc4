"""search() on whichever database PROTOKOLL_DATABASE_URL selects."""

from __future__ import annotations

import datetime as dt

import pytest

from protokoll.archive.models import Item, Meeting
from protokoll.document.model import Motion, Person, Reservation, Vote
from protokoll.domain.vocab import Visibility
from protokoll.search.api import reindex_all, reindex_meeting, remove_meeting, search
from protokoll.search.models import Entry
from tests.search.helpers import item, meeting

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    '"budget',
    'budget"',
    '"förskola" "',
    "title:budget",
    "text_index:budget",
    "budget:",
    "budget*",
    "*",
    "bud* förskol*",
    "(budget",
    "budget)",
    "((budget",
    "(budget OR förskola",
    "AND",
    "NOT",
    "OR",
    "NEAR",
    "budget AND NOT",
    "NEAR(budget förskola, 2)",
    "budget NOT",
    "'; DROP TABLE search_entry; --",
    "1' OR '1'='1",
    "\\",
    "%",
    "_",
    "^budget",
    "-budget",
    "+budget",
    "budget & förskola | !x",
    "budget <-> förskola",
    "{title_index}: budget",
    "\x00budget",
    "",
    "   ",
    "a" * 3000,
    "budget " * 500,
]


@pytest.fixture
def archive():
    sn = meeting(
        [
            item(1, "Val av justerare", "Socialnämnden beslutar att utse Ada Berg att justera."),
            item(
                2,
                "Budget för förskolor 2026",
                "Nämnden beslutade att anta budgeten för förskolor.",
                case_number="SN 2025/00012-1.2.4",
                outcome="decision",
                votes=[Vote(yes=5, no=4)],
                motions=[Motion(by=[Person(name="Ola Lind", party="M")], text="Avslag på förslaget.")],
                reservations=[Reservation(by=[Person(name="Ola Lind", party="M")])],
            ),
            item(3, "Fullmakter", "Socialnämnden får anta nya fullmakter.", outcome="decision"),
            item(4, "Skrivelse om far och son", "Nämnden noterar skrivelsen.", outcome="information"),
            item(
                5,
                "Individärende Hemligordet",
                "Beslutet gäller Hemligordet Svensson.",
                confidential=True,
            ),
        ],
        date="2025-03-12",
    )
    bun = meeting(
        [
            item(
                10,
                "Lokalförsörjning för förskolan Granen",
                "Barn- och utbildningsnämnden ska besluta om lokaler. <script>alert(1)</script> förskola",
                outcome="referral",
                motions=[Motion(by=[Person(name="Eva Ek", party="V")], text="Återremiss.")],
            )
        ],
        body="Barn- och utbildningsnämnden",
        date="2025-05-20",
    )
    hidden = meeting(
        [item(7, "Opublicerad förskola Doldisord", "Doldisord budget.")],
        body="Kulturnämnden",
        date="2025-06-01",
        published=False,
    )
    other = meeting(
        [item(3, "Budget för äldreomsorgen", "Kommunstyrelsen beslutar om budget.", outcome="decision")],
        body="Kommunstyrelsen",
        municipality="Annanby",
        date="2024-11-05",
    )
    for m in (sn, bun, hidden, other):
        reindex_meeting(m)
    return {"sn": sn, "bun": bun, "hidden": hidden, "other": other}


def _titles(page):
    return [h.title for h in page.hits]


def test_stemmed_word_finds_other_forms(archive):
    assert "Budget för förskolor 2026" in _titles(search("besluta"))
    assert "Budget för förskolor 2026" in _titles(search("beslutade"))
    assert "Lokalförsörjning för förskolan Granen" in _titles(search("beslutade"))  # "ska besluta"
    page = search("förskolorna")
    assert set(_titles(page)) == {"Budget för förskolor 2026", "Lokalförsörjning för förskolan Granen"}


def test_plural_definite_finds_the_base_form_and_back(archive):
    meeting(
        [
            item(1, "Samverkan", "Nämnderna ska samverka."),
            item(2, "Ny nämnd", "En nämnd för kultur inrättas."),
        ],
        body="Kommunfullmäktige",
        date="2025-04-04",
    )
    reindex_all()
    found = set(_titles(search("nämnd")))
    assert {"Samverkan", "Ny nämnd", "Skrivelse om far och son"} <= found  # "Nämnden noterar …"
    assert set(_titles(search("nämnderna"))) == found


def test_swedish_letters_stay_distinct(archive):
    assert _titles(search("får")) == ["Fullmakter"]
    assert _titles(search("far")) == ["Skrivelse om far och son"]


def test_words_are_anded(archive):
    assert _titles(search("budget förskolor")) == ["Budget för förskolor 2026"]


def test_phrase(archive):
    assert _titles(search('"anta budgeten"')) == ["Budget för förskolor 2026"]
    assert _titles(search('"budgeten anta"')) == []


def test_case_number_is_searchable(archive):
    assert _titles(search("SN 2025/00012")) == ["Budget för förskolor 2026"]


def test_filters_narrow(archive):
    assert search("budget").total == 2
    assert _titles(search("budget", municipality="Annanby")) == ["Budget för äldreomsorgen"]
    assert _titles(search("budget", municipality=archive["sn"].body.municipality.slug)) == [
        "Budget för förskolor 2026"
    ]
    assert search("förskola", body=archive["bun"].body).total == 1
    assert search("förskola", body=archive["bun"].body.pk).total == 1
    assert search("förskola", body="kulturnamnden").total == 0
    assert _titles(search("budget", date_from="2025-01-01")) == ["Budget för förskolor 2026"]
    assert _titles(search("budget", date_to=dt.date(2024, 12, 31))) == ["Budget för äldreomsorgen"]
    assert _titles(search("förskola", party="V")) == ["Lokalförsörjning för förskolan Granen"]
    assert _titles(search("förskola", party="m")) == ["Budget för förskolor 2026"]
    assert _titles(search("förskola", outcome="referral")) == ["Lokalförsörjning för förskolan Granen"]
    assert _titles(search("förskola", has_vote=True)) == ["Budget för förskolor 2026"]
    assert _titles(search("förskola", has_vote=False)) == ["Lokalförsörjning för förskolan Granen"]
    assert _titles(search("förskola", has_reservation="1")) == ["Budget för förskolor 2026"]
    assert search("budget", municipality="Ingenstans").total == 0


def test_order_by_date_is_newest_first(archive):
    page = search("förskola", order="date")
    assert [h.date for h in page.hits] == sorted((h.date for h in page.hits), reverse=True)
    assert page.hits[0].title == "Lokalförsörjning för förskolan Granen"


def test_relevance_prefers_the_title(archive):
    meeting(
        [
            item(1, "Övrigt", "Vi talade om trafik, parkering och mycket annat som inte gäller trädgårdar."),
            item(2, "Trädgårdar i parken", "Nämnden beslutar om parken."),
        ],
        body="Parknämnden",
        date="2025-02-02",
    )
    reindex_all()
    assert _titles(search("trädgårdar"))[0] == "Trädgårdar i parken"


def test_hit_fields(archive):
    (hit,) = search("äldreomsorgen").hits
    assert hit.paragraph == 3
    assert hit.date == dt.date(2024, 11, 5)
    assert hit.body_name == "Kommunstyrelsen"
    assert hit.municipality_name == "Annanby"
    assert hit.meeting_id == archive["other"].pk
    assert hit.score > 0
    assert Item.objects.get(pk=hit.item_id).title == "Budget för äldreomsorgen"


def test_snippet_escapes_then_marks(archive):
    (hit,) = search("lokaler").hits
    assert "<script" not in hit.snippet_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hit.snippet_html
    assert "<mark>lokaler</mark>" in hit.snippet_html
    assert hit.snippet_html.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippet_marks_inflected_forms(archive):
    (hit,) = search("budget förskolor").hits
    assert "<mark>budgeten</mark>" in hit.snippet_html
    assert "<mark>förskolor</mark>" in hit.snippet_html


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_return_normally(archive, q):
    for order in ("relevance", "date"):
        page = search(q, order=order)
        assert page.total >= len(page.hits) >= 0
    assert Entry.objects.count() > 0  # nothing was dropped


def test_operator_words_are_searched_as_words(archive):
    meeting([item(1, "Rapport NOT", "Det gäller near och not.")], body="Testnämnden", date="2025-01-01")
    reindex_all()
    assert _titles(search("NOT")) == ["Rapport NOT"]
    assert _titles(search("near")) == ["Rapport NOT"]
    assert _titles(search("budget*")) == _titles(search("budget"))


def test_secret_and_unpublished_content_is_never_found(archive):
    for q in ("Hemligordet", "individärende", "Doldisord", '"Hemligordet Svensson"'):
        assert search(q).total == 0
        assert search(q, order="date").hits == []
    assert not Entry.objects.filter(item__confidential=True).exists()
    assert not Entry.objects.filter(meeting_id=archive["hidden"].pk).exists()


def test_unpublishing_or_withholding_takes_effect(archive):
    secret = Item.objects.get(meeting=archive["bun"], paragraph=10)
    secret.visibility = Visibility.SECRET
    secret.save()
    # Even before the index is told, the stale row is not returned.
    assert search("lokaler").hits == []
    reindex_meeting(archive["bun"])
    assert search("lokaler").total == 0
    archive["other"].published = False
    archive["other"].save()
    reindex_meeting(archive["other"])
    assert search("äldreomsorgen").total == 0


def test_masked_items_are_not_indexed(archive):
    masked = Item.objects.get(meeting=archive["sn"], paragraph=3)
    masked.visibility = Visibility.MASKED
    masked.save()
    reindex_meeting(archive["sn"])
    assert search("fullmakter").total == 0


def test_remove_and_delete_keep_the_index_in_step(archive):
    assert remove_meeting(archive["other"].pk) == 1
    assert search("äldreomsorgen").total == 0
    reindex_meeting(archive["other"])
    assert search("äldreomsorgen").total == 1
    Meeting.objects.filter(pk=archive["other"].pk).delete()
    assert search("äldreomsorgen").total == 0
    assert search("budget").total == 1


def test_reindex_all_matches_per_meeting_indexing(archive):
    before = sorted(Entry.objects.values_list("item_id", "title_index", "text_index", "parties"))
    assert reindex_all() == len(before)
    assert sorted(Entry.objects.values_list("item_id", "title_index", "text_index", "parties")) == before


def test_pages(archive):
    for n in range(3):
        meeting(
            [item(p, f"Motion om cykelvägar {n}-{p}", "Cykelvägar ska byggas.") for p in range(1, 6)],
            body=f"Trafiknämnd {n}",
            date=f"2025-0{n + 1}-15",
        )
    reindex_all()
    first = search("cykelvägar", per_page=6)
    assert first.total == 15 and first.pages == 3 and len(first.hits) == 6
    last = search("cykelvägar", per_page=6, page=3)
    assert len(last.hits) == 3 and last.total == 15
    beyond = search("cykelvägar", per_page=6, page=9)
    assert beyond.hits == [] and beyond.total == 15
    seen = {h.item_id for p in (1, 2, 3) for h in search("cykelvägar", per_page=6, page=p).hits}
    assert len(seen) == 15
    assert search("cykelvägar", page="x", per_page="y").page == 1


def test_empty_query_with_filters_lists_newest_first(archive):
    page = search("", body=archive["sn"].body)
    assert [h.paragraph for h in page.hits] == [4, 3, 2, 1]
    everything = search("", per_page=100)
    assert everything.total == Entry.objects.count() == len(everything.hits)
    assert [h.date for h in everything.hits] == sorted((h.date for h in everything.hits), reverse=True)
    assert search("och att").total == 0  # stop words only


def test_cli_reindex(archive):
    from click.testing import CliRunner

    from protokoll.search.cli import reindex_cmd

    Entry.objects.all().delete()
    result = CliRunner().invoke(reindex_cmd, [])
    assert result.exit_code == 0, result.output
    assert search("äldreomsorgen").total == 1
    result = CliRunner().invoke(reindex_cmd, ["--meeting", "999999"])
    assert result.exit_code == 1


def test_signal_receivers_reindex_and_remove(archive):
    from protokoll.search import receivers

    Entry.objects.all().delete()
    receivers._saved(sender=None, meeting=archive["other"])
    assert search("äldreomsorgen").total == 1
    receivers._deleted(sender=None, meeting=archive["other"])
    assert search("äldreomsorgen").total == 0


def test_archive_signals_keep_the_index_in_step(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        stored = meeting([item(1, "Vindkraftsplan", "Nämnden beslutar om vindkraft.")], body="Miljönämnden")
    assert _titles(search("vindkraft")) == ["Vindkraftsplan"]
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(pk=stored.pk).delete()
    assert search("vindkraft").total == 0
    assert not Entry.objects.filter(meeting_id=stored.pk).exists()
