"""Browser test (issue 6 "Must show"): record a small meeting through the UI, justera it with
two users, and see the notice on the anslagstavla. Debian's Chromium via Playwright; the
``chromium`` fixture is the session-wide one in tests/conftest.py (skipped with a reason when
Chromium is missing)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from protokoll.accounts.models import BodyRole
from protokoll.accounts.roles import Role
from protokoll.archive import models as m
from protokoll.recording import prepare
from protokoll.recording.models import Posting
from tests.browser.conftest import axe_violations
from tests.recording.conftest import MEMBERS, PASSWORD, SUBSTITUTES

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(chromium):
    contexts = []

    def new():
        context = chromium.new_context(locale="sv-SE")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield new
    for context in contexts:
        context.close()


def _login(page, site: str, username: str, next_url: str) -> None:
    page.goto(f"{site}/konto/logga-in/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_record_justera_and_anslag_through_the_browser(live_server, transactional_db, tab, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.contrib.auth import get_user_model

    body = prepare.body("Webbkommun", "Kulturnämnden")
    for name, party, role in MEMBERS:
        prepare.add_membership(body, name, party=party, role=role)
    for name, party, order in SUBSTITUTES:
        prepare.add_membership(body, name, party=party, substitute=True, order=order)
    users = {}
    for username, role in (("sekr", Role.SECRETARY), ("ordf", Role.CHAIR), ("just", Role.ADJUSTER)):
        users[username] = get_user_model().objects.create_user(username, password=PASSWORD)
        BodyRole.objects.create(user=users[username], body=body, role=role)
    site = live_server.url
    today = timezone.localdate()

    page = tab()
    _login(page, site, "sekr", "/intern/")
    page.fill("input[name=date]", today.isoformat())
    page.fill("input[name=place]", "Kulturhuset")
    page.fill("input[name=adjusters]", "Bo Berg")
    page.click("text=Skapa")
    page.wait_for_url("**/intern/mote/*/")
    meeting = m.Meeting.objects.get(body=body)

    page.fill("input[name=title]", "Kulturstipendium")
    page.fill("textarea[name=proposed_decision]", "Stipendiet tilldelas sökanden.")
    page.click("text=Lägg till ärende")
    page.wait_for_selector("#p1")
    for name in ("Anna Ståhl", "Bo Berg", "Cia Dal", "Eva Fors"):
        page.check(f"input[name=names][value='{name}']")
    page.click("text=Spara närvaro")
    assert "4 av 5" in page.inner_text("#p1")
    assert "beslutför" in page.inner_text("#p1")

    page.select_option("#p1 select[name='ballot:Bo Berg']", "no")
    page.click("#p1 >> text=Registrera omröstning")
    assert "3 ja, 1 nej" in page.inner_text("#p1")
    page.fill("#p1 textarea[name=text]", "Stipendiet tilldelas sökanden.")
    page.click("#p1 >> text=Spara beslut")
    page.select_option("#p1 form:has-text('Reservera') select[name=by]", "Bo Berg")
    page.click("#p1 >> text=Reservera")
    assert "Reservation: Bo Berg" in page.inner_text("#p1")

    # edit one entered row and delete another (before justering)
    page.fill("#p1 input[name=assignee]", "Kulturförvaltningen")
    page.fill("#p1 input[name=task]", "Betala ut stipendiet")
    page.click("#p1 >> text=Lägg till uppdrag")
    page.click("#p1 >> text=Ändra eller ta bort: uppdrag 1")
    page.fill("#p1 details.row-edit[open] input[name=task]", "Betala ut stipendiet före juni")
    page.click("#p1 >> text=Spara uppdrag 1")
    assert "Uppdrag: Kulturförvaltningen – Betala ut stipendiet före juni" in page.inner_text("#p1")
    page.click("#p1 >> text=Ändra eller ta bort: reservation 1")
    page.click("#p1 >> text=Ta bort reservation 1")
    page.wait_for_selector("#p1")
    assert "Reservation: Bo Berg" not in page.inner_text("#p1")
    assert not m.Reservation.objects.filter(item__meeting=meeting).exists()
    violations = axe_violations(page)
    assert violations == [], violations

    for username in ("ordf", "just"):
        signer = tab()
        _login(signer, site, username, f"/intern/mote/{meeting.pk}/justera/")
        signer.fill("input[name=password]", PASSWORD)
        signer.click("text=Signera")
        signer.wait_for_selector(".ok")
    assert "Justerat" in signer.inner_text(".ok")
    assert Posting.objects.filter(justering__meeting=meeting).exists()

    public = tab()
    public.goto(f"{site}/intern/anslagstavla/")
    board = public.inner_text("main")
    assert "Kulturnämnden" in board and today.isoformat() in board
    assert "Sista dag för överklagande" in board
