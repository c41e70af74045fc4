"""The secretary's forms, the JSON API, the justering page, the anslagstavla and the CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from protokoll.archive import models as m
from protokoll.recording import justering
from protokoll.recording.cli import verify_cmd
from tests.recording.conftest import DATE, PASSWORD, fresh, item


def test_meeting_page_shows_quorum_and_forms(client, world, meeting):
    client.force_login(world.secretary)
    page = client.get(f"/intern/mote/{meeting.pk}/").content.decode()
    assert "§ 1 Detaljplan för Ekbacken" in page and "4 av 5" in page and "beslutför" in page
    assert client.get(f"/intern/mote/{meeting.pk}/kallelse/").status_code == 200


def test_outsiders_get_403(client, world, meeting):
    client.force_login(world.outsider)
    assert client.get(f"/intern/mote/{meeting.pk}/").status_code == 403
    assert (
        client.post(
            f"/intern/api/mote/{meeting.pk}/decision", "{}", content_type="application/json"
        ).status_code
        == 403
    )


def test_form_post_records_and_a_refusal_keeps_the_input(client, world, meeting):
    client.force_login(world.secretary)
    i = item(meeting, 3)
    url = f"/intern/mote/{meeting.pk}/gor/"
    read = i.version  # both writers read this version
    r = client.post(
        url + "decision", {"item": i.pk, "version": read, "outcome": "decision", "text": "Godkänt"}
    )
    assert r.status_code == 302 and fresh(i).decision == "Godkänt"
    r = client.post(
        url + "decision", {"item": i.pk, "version": read, "outcome": "decision", "text": "Min text"}
    )
    assert r.status_code == 409
    body = r.content.decode()
    assert "ändrats av någon annan" in body and "Min text" in body
    r = client.post(url + "reservation", {"item": i.pk, "version": fresh(i).version, "by": "Per Ers"})
    assert r.status_code == 400 and "deltog inte i beslutet" in r.content.decode()


def test_vote_form_all_yes_with_exceptions(client, world, meeting):
    client.force_login(world.secretary)
    i = item(meeting, 3)
    r = client.post(
        f"/intern/mote/{meeting.pk}/gor/vote",
        {
            "item": i.pk,
            "version": i.version,
            "question": "q",
            "default": "yes",
            "ballot:Bo Berg": "no",
            "ballot:Eva Fors": "",
        },
    )
    assert r.status_code == 302
    vote = fresh(i).votes.get()
    assert (vote.yes, vote.no) == (3, 1)


def test_json_api(client, world, meeting):
    client.force_login(world.secretary)
    state = client.get(f"/intern/api/mote/{meeting.pk}").json()
    third = state["items"][2]
    assert third["serving"] == ["Anna Ståhl", "Bo Berg", "Cia Dal", "Eva Fors"] and third["quorum"]

    def post(name, data):
        return client.post(
            f"/intern/api/mote/{meeting.pk}/{name}", json.dumps(data), content_type="application/json"
        )

    r = post(
        "vote",
        {
            "item": third["id"],
            "version": third["version"],
            "question": "q",
            "exceptions": {"Bo Berg": "no", "Eva Fors": "no"},
        },
    )
    assert r.status_code == 200 and r.json()["result"] == {
        "result": "yes",
        "casting_vote": True,
        "lottery": False,
    }
    r = post("vote", {"item": third["id"], "version": third["version"], "question": "q"})
    assert r.status_code == 409
    r = post(
        "vote",
        {
            "item": third["id"],
            "version": third["version"] + 1,
            "question": "q",
            "exceptions": {"Per Ers": "yes"},
        },
    )
    assert r.status_code == 400 and r.json()["problems"][0]["code"] == "voter_not_serving"
    r = post(
        "jav", {"item": state["items"][0]["id"], "version": state["items"][0]["version"], "name": "Cia Dal"}
    )
    assert r.status_code == 200 and "Sara Ers" in r.json()["meeting"]["items"][0]["serving"]


def test_justering_in_the_ui_and_the_anslagstavla(client, world, meeting):
    client.force_login(world.chair)
    r = client.post(f"/intern/mote/{meeting.pk}/justera/", {"password": "fel"})
    assert r.status_code == 400 and "Fel lösenord" in r.content.decode()
    r = client.post(f"/intern/mote/{meeting.pk}/justera/", {"password": PASSWORD})
    assert "signatur är registrerad" in r.content.decode()
    client.force_login(world.adjuster)
    r = client.post(f"/intern/mote/{meeting.pk}/justera/", {"password": PASSWORD})
    assert "Justerat" in r.content.decode()
    client.logout()
    board = client.get("/intern/anslagstavla/").content.decode()
    assert "Miljönämnden" in board and "Sista dag för överklagande" in board and "13 kap." in board
    assert "Tillsyn enskild" not in board


def test_verify_cli_reports_ok_and_a_changed_byte(world, meeting):
    justering.sign(world.chair, meeting.pk, PASSWORD, today=DATE)
    justering.sign(world.adjuster, meeting.pk, PASSWORD, today=DATE)
    runner = CliRunner()
    ok = runner.invoke(verify_cmd, [str(meeting.pk)])
    assert ok.exit_code == 0 and "2 signaturer, 0 fel" in ok.output
    m.Item.objects.filter(meeting=meeting, paragraph=1).update(title="Detaljplan för Ekbacka")
    bad = runner.invoke(verify_cmd, ["--all"])
    assert bad.exit_code == 1 and "första ändrade byte" in bad.output and "/items/0/title" in bad.output
