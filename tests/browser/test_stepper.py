"""The coordinator walks the stepper: reads a sub-step in Dutch and English, marks one done,
skips one with a reason, chooses the route, and sees the progress change without a reload;
with JavaScript off the same forms work with a normal reload. Every page passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.browser.fixtures import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def story(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne de Vries")
    pilot = make.pilot(buyer, coordinator, title="Proeftuin schoonmaak en groen")
    make.member(pilot, make.user(buyer, name="Wethouder Karin Mulder"), role="board")
    db.session.commit()
    return dict(pilot=pilot, coordinator=coordinator)


def mark_page(page):
    """Leave a marker in the window: it survives htmx swaps but not a reload."""
    page.evaluate("window.stepperMarker = 'still here'")


def not_reloaded(page) -> bool:
    return page.evaluate("window.stepperMarker") == "still here"


def test_coordinator_walks_the_stepper(page, browser, live_server, axe_check, story):
    pilot_id = story["pilot"].id
    log_in(page, axe_check, story["coordinator"].email)

    # Read a sub-step in Dutch, then in English, then back.
    page.goto(f"/pilots/{pilot_id}/steps/1a")
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "1a Betrek het bestuur bij het initiatief"
    )
    expect(page.get_by_role("heading", name="Wat je doet")).to_be_visible()
    expect(page.locator("#step-duties")).to_contain_text("Wethouder Karin Mulder")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "1a Involve the board in the initiative"
    )
    axe_check(page)
    expect(page.get_by_role("heading", name="What to do")).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Betrek het bestuur")
    axe_check(page)

    # Mark 1a done: saved without a reload, with a warning naming the missing decision.
    mark_page(page)
    page.locator("#substep-status").get_by_label("Klaar", exact=True).check()
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.locator("#substep-status")).to_contain_text("Status opgeslagen.")
    expect(page.locator("#substep-status .warning")).to_contain_text("principebesluit")
    expect(page.locator("#pilot-progress")).to_contain_text("1 van 20 tussenstappen klaar")
    expect(page.locator("#substep-history")).to_contain_text("zette de status op Klaar")
    assert not_reloaded(page)
    axe_check(page)

    # Skip 1b: first without a reason (refused in place), then with one.
    page.locator("#pilot-progress").get_by_role("link", name="1b Zet een werkgroep op").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("1b")
    axe_check(page)
    mark_page(page)
    page.locator("#substep-status").get_by_label("Overgeslagen", exact=True).check()
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.locator("#substep-status")).to_contain_text(
        "Geef een reden als je een tussenstap overslaat."
    )
    axe_check(page)
    page.locator("#substep-status").get_by_label("Reden om over te slaan").fill(
        "De werkgroep bestond al voor een eerder project."
    )
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.locator("#substep-status")).to_contain_text("Status opgeslagen.")
    expect(page.locator("#pilot-progress")).to_contain_text("2 van 20 tussenstappen klaar")
    assert not_reloaded(page)
    axe_check(page)

    # Choose route 2B at the end of step 1 (on 1d): 2A greys out, the totals follow the route.
    page.goto(f"/pilots/{pilot_id}/steps/1d")
    axe_check(page)
    mark_page(page)
    page.get_by_label("Bestaand contract (2B)").check()
    page.locator("#route-choice").get_by_label("Reden").fill(
        "De schoonmaak- en groencontracten lopen nog twee jaar."
    )
    page.get_by_role("button", name="Route vastleggen").click()
    expect(page.locator("#route-choice")).to_contain_text(
        "Route vastgelegd: Bestaand contract (2B)"
    )
    expect(page.locator("#pilot-progress")).to_contain_text("2 van 16 tussenstappen klaar")
    expect(page.locator("#pilot-progress .step-not_applicable")).to_contain_text(
        "niet op jullie route"
    )
    assert not_reloaded(page)
    axe_check(page)

    # The overview shows where the pilot stands.
    page.goto("/pilots")
    axe_check(page)
    expect(page.locator(".card")).to_contain_text("Nu bij stap 1")
    expect(page.locator(".card")).to_contain_text("2 van 16 tussenstappen klaar")


def test_without_javascript_the_status_form_saves_after_a_normal_reload(
    browser, live_server, story, app
):
    context = browser.new_context(locale="nl-NL", base_url=live_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/login")
        page.get_by_label("E-mailadres").fill(story["coordinator"].email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.goto(f"/pilots/{story['pilot'].id}/steps/1c")
        page.locator("#substep-status").get_by_label("Bezig", exact=True).check()
        page.get_by_role("button", name="Status opslaan").click()
        expect(page).to_have_url(f"{live_server}/pilots/{story['pilot'].id}/steps/1c")
        expect(page.locator(".flashes")).to_contain_text("Status opgeslagen.")
        expect(page.locator("#substep-status")).to_contain_text("Bezig")
        # The route form works the same way without JavaScript.
        page.goto(f"/pilots/{story['pilot'].id}/steps/1d")
        page.get_by_label("Beide routes naast elkaar").check()
        page.locator("#route-choice").get_by_label("Reden").fill("Er komt ook een aanbesteding.")
        page.get_by_role("button", name="Route vastleggen").click()
        expect(page.locator(".flashes")).to_contain_text("Route vastgelegd")
        expect(page.locator("#pilot-progress")).to_contain_text("0 van 20 tussenstappen klaar")
    finally:
        context.close()
