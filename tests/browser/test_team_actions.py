"""The coordinator fills the working group, sees the RACI gaps and assigns an action by role;
the assignee, logged in separately, finds it under My tasks and completes it; the action plan
prints without navigation and downloads as Word. Every page passes axe-core."""

from __future__ import annotations

from datetime import timedelta

import pytest
from docx import Document
from playwright.sync_api import expect

from partnerships import clock
from partnerships.extensions import db
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def story(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne de Vries")
    petra = make.user(buyer, email="petra@voorbeeldstad.example", name="Petra Jansen")
    pilot = make.pilot(buyer, coordinator)
    pilot.goals_text = "Zes banen in schoonmaak en groen."
    db.session.commit()
    return dict(pilot=pilot, coordinator=coordinator, petra=petra)


def test_coordinator_assigns_by_role_and_the_assignee_completes_it(
    page, browser, live_server, axe_check, story
):
    pilot_id = story["pilot"].id
    log_in(page, axe_check, story["coordinator"].email)

    # Working group: no backup yet, so a warning; add Petra as HR expert.
    page.goto(f"/pilots/{pilot_id}/working-group")
    axe_check(page)
    expect(page.locator(".coordinator-warning")).to_be_visible()
    page.locator("#add-user_id").select_option(label="Petra Jansen")
    page.locator("#add-role").select_option("hr_expert")
    page.get_by_role("button", name="Toevoegen aan de werkgroep").click()
    expect(page.locator("#members")).to_contain_text("Petra Jansen")
    axe_check(page)

    # RACI: gaps of the current step are named in words.
    page.goto(f"/pilots/{pilot_id}/raci")
    axe_check(page)
    expect(page.locator("#raci-gaps")).to_contain_text("Inkoopexpert")
    expect(page.locator("#cell-1-procurement_expert")).to_contain_text("Niemand heeft deze rol")
    expect(page.locator("#cell-1-hr_expert")).not_to_contain_text("Gat")

    # Actions: assign to everyone in the HR expert role.
    page.goto(f"/pilots/{pilot_id}/actions")
    axe_check(page)
    page.locator("#title").fill("Doelgroep en aantal banen vastleggen")
    page.locator("#step_code").select_option("1c")
    page.locator("#role").select_option("hr_expert")
    page.locator("#deadline").fill((clock.today() + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Actie toevoegen").click()
    expect(page.locator("#actions")).to_contain_text("Doelgroep en aantal banen vastleggen")
    expect(page.locator("#actions")).to_contain_text("Petra Jansen")
    axe_check(page)

    # Petra, in her own browser context, completes it inline from My tasks.
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        petra = context.new_page()
        log_in(petra, axe_check, story["petra"].email)
        petra.goto("/tasks")
        axe_check(petra)
        row = petra.locator("#group-soon tr", has_text="Doelgroep en aantal banen vastleggen")
        expect(row).to_be_visible()
        row.get_by_label("Status van Doelgroep en aantal banen vastleggen").select_option("done")
        row.get_by_role("button", name="Bijwerken").click()
        expect(row.locator(".badge-done")).to_have_text("Klaar")
        axe_check(petra)
    finally:
        context.close()

    # The coordinator sees it done; the action plan prints without navigation.
    page.goto(f"/pilots/{pilot_id}/action-plan")
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Zes banen in schoonmaak en groen.")
    expect(page.locator("main")).to_contain_text("Petra Jansen")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    for tabs in page.locator("nav.tabs").all():  # the places and the pages under one
        expect(tabs).to_be_hidden()
    expect(page.get_by_role("heading", name="Externe organisaties")).to_be_visible()
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Word (.docx)").click()
    path = download_info.value.path()
    document = Document(str(path))
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Doelgroep en aantal banen vastleggen" in cells
    assert "Klaar" in cells and "Petra Jansen" in cells
