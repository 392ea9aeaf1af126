"""One board, two browsers: the buyer's coordinator and a supplier contact see each other's
cards appear without reloading; another supplier is kept out; closing turns two cards into
an action and a potential job; every page passes axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from partnerships.actions.models import Action
from partnerships.brainstorms import services
from partnerships.contracts.models import PotentialJob
from partnerships.extensions import db
from tests.browser.fixtures import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

LIVE_WITHIN_MS = 3000


@pytest.fixture
def board(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne")
    pilot = make.pilot(buyer, coordinator)
    schoon = make.org("Schoon & Co", kind="supplier")
    groen = make.org("Groen Dichtbij", kind="supplier")
    ruud = make.member(
        pilot, make.user(schoon, email="ruud@schoonco.example", name="Ruud"), role="supplier"
    )
    make.member(
        pilot, make.user(groen, email="esther@groen.example", name="Esther"), role="supplier"
    )
    shared = services.start_brainstorm(
        pilot, coordinator, title="Schoonmaak stadhuis", supplier_org_ids=[schoon.id]
    )
    private = services.start_brainstorm(
        pilot, coordinator, title="Groen en terreinen", supplier_org_ids=[groen.id]
    )
    db.session.commit()
    base = f"/pilots/{pilot.id}/brainstorms"
    return dict(
        coordinator=coordinator,
        ruud=ruud,
        shared=f"{base}/{shared.id}",
        private=f"{base}/{private.id}",
    )


def test_two_people_see_each_others_cards_live(page, browser, live_server, axe_check, board):
    log_in(page, axe_check, board["coordinator"].email)
    page.goto(board["shared"])
    axe_check(page)

    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        supplier = context.new_page()
        log_in(supplier, axe_check, board["ruud"].email)
        supplier.goto(board["shared"])
        axe_check(supplier)

        page.locator("#text-what").fill("Budget voor een jobcoach")
        page.locator("#add-what").get_by_role("button").click()
        expect(page.locator("#cards-what")).to_contain_text("Budget voor een jobcoach")
        expect(page.locator("#text-what")).to_have_value("")
        expect(supplier.locator("#cards-what")).to_contain_text(
            "Budget voor een jobcoach", timeout=LIVE_WITHIN_MS
        )
        expect(supplier.locator("#cards-what")).to_contain_text("Gemeente Voorbeeldstad")

        supplier.locator("#text-potential").fill("Stapelbaan: afval en koffiepunten")
        supplier.locator("#add-potential").get_by_role("button").click()
        expect(page.locator("#cards-potential")).to_contain_text(
            "Stapelbaan: afval en koffiepunten", timeout=LIVE_WITHIN_MS
        )
        expect(page.locator("#cards-potential")).to_contain_text("Schoon & Co")

        # An empty card is refused in place, and the board keeps polling.
        supplier.locator("#add-how").get_by_role("button").click()
        expect(supplier.locator("#add-how")).to_contain_text("Schrijf iets op het kaartje.")
        axe_check(supplier)
        assert supplier.url.endswith(board["shared"])  # no page load happened

        response = supplier.goto(board["private"])
        assert response.status == 403
        axe_check(supplier)
    finally:
        context.close()

    # Closing turns two cards into work: an action and a potential job.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Brainstorm afsluiten").click()
    expect(page).to_have_url(re.compile(r"/work$"))
    axe_check(page)
    page.locator("tr", has_text="Budget voor een jobcoach").locator('a[href$="/to/action"]').click()
    axe_check(page)
    page.get_by_label("Actie").fill("Jobcoach regelen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Van het kaartje is een actie gemaakt.")).to_be_visible()
    axe_check(page)
    page.locator("tr", has_text="Stapelbaan: afval en koffiepunten").locator(
        'a[href$="/to/potential_job"]'
    ).click()
    axe_check(page)
    expect(page.get_by_label("Potentiële baan", exact=True)).to_have_value(
        "Stapelbaan: afval en koffiepunten"
    )
    page.get_by_label("Schoon & Co").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Van het kaartje is een potentiële baan gemaakt.")).to_be_visible()
    became = page.locator("tr", has_text="Stapelbaan: afval en koffiepunten")
    expect(became).to_contain_text("Potentiële baan: Stapelbaan: afval en koffiepunten")
    expect(page.locator("tr", has_text="Budget voor een jobcoach")).to_contain_text(
        "Actie: Jobcoach regelen"
    )
    axe_check(page)
    page.get_by_label("Plek (1 tot en met 3)").fill("1")
    page.get_by_label("Opdrachtnemer in deze proeftuin").select_option(label="Schoon & Co")
    page.get_by_label("Reden").fill("Groot contract met jaarlijks verloop")
    page.get_by_role("button", name="In de top 3 zetten").click()
    expect(page.locator("#shortlist")).to_contain_text("Schoon & Co")
    axe_check(page)
    page.goto(board["shared"])
    expect(page.locator("#board-poll")).to_have_count(0)
    axe_check(page)

    job = db.session.scalar(select(PotentialJob))
    assert (job.title, job.source) == ("Stapelbaan: afval en koffiepunten", "brainstorm")
    assert [s.name for s in job.suppliers] == ["Schoon & Co"]
    assert db.session.scalar(select(Action)).title == "Jobcoach regelen"


def test_the_board_works_without_javascript(browser, live_server, board, app):
    """Plain forms and reloads; axe-core needs JavaScript, so the pages were checked above."""
    context = browser.new_context(locale="nl-NL", base_url=live_server, java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto("/login")
        page.get_by_label("E-mailadres").fill(board["ruud"].email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        page.goto(board["shared"])
        page.locator("#text-who").fill("Onze teamleider wil meedenken")
        page.locator("#add-who").get_by_role("button").click()
        expect(page).to_have_url(re.compile(r"#cards-who$"))
        expect(page.locator("#cards-who")).to_contain_text("Onze teamleider wil meedenken")
    finally:
        context.close()
