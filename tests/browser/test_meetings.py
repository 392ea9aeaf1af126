"""The coordinator plans the first exploratory meeting with a supplier from its template; the
supplier contact, logged in separately, sees only the shared agenda; the coordinator records
minutes with a decision and two new actions, which the decision register and the assignee's
My tasks then show. Every page passes axe-core."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def story(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne de Vries")
    pilot = make.pilot(buyer, coordinator)
    henk = make.member(
        pilot,
        make.user(buyer, email="contract@voorbeeldstad.example", name="Linda Visser"),
        role="contract_manager",
    )
    schoon = make.org("Schoon & Co Facilitair", kind="supplier")
    ruud = make.member(
        pilot,
        make.user(schoon, email="schoon@schoonco.example", name="Ruud Hendriks"),
        role="supplier",
    )
    db.session.commit()
    return dict(pilot=pilot, coordinator=coordinator, linda=henk, ruud=ruud)


def log_in(page, axe_check, email):
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)


def test_first_supplier_meeting_from_agenda_to_register_and_tasks(
    page, browser, live_server, axe_check, story
):
    pilot_id = story["pilot"].id
    day = date.today() + timedelta(days=7)
    log_in(page, axe_check, story["coordinator"].email)

    # Plan the first exploratory meeting from the method's template.
    page.goto(f"/pilots/{pilot_id}/meetings")
    axe_check(page)
    page.get_by_role("link", name="Eerste verkennend gesprek met de opdrachtnemer").click()
    axe_check(page)
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("11:30")
    page.get_by_label("Plaats").fill("Stadskantoor, kamer 3.12")
    # The only supplier of the pilot is chosen, and its contact invited, already.
    expect(page.get_by_label("Ruud Hendriks")).to_be_checked()
    page.get_by_label("Ruud Hendriks").check()
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.locator("h1")).to_have_text("Eerste verkenning met Schoon & Co Facilitair")
    expect(page.locator("#agenda")).to_contain_text("Opening en waar wij staan")
    axe_check(page)
    meeting_url = page.url

    # An internal preparation point, moved up with htmx (no page load).
    page.get_by_label("Agendapunt", exact=True).fill("Onze onderhandelingsruimte")
    page.get_by_role("button", name="Agendapunt toevoegen").click()
    expect(page.locator("#agenda li.agenda-item").last).to_contain_text(
        "Onze onderhandelingsruimte"
    )
    axe_check(page)
    page.get_by_role("button", name="Omhoog: Onze onderhandelingsruimte").click()
    expect(page.locator("#agenda li.agenda-item").nth(5)).to_contain_text(
        "Onze onderhandelingsruimte"
    )
    axe_check(page)

    # The supplier contact, in a separate browser context, sees only the shared agenda.
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        ruud = context.new_page()
        log_in(ruud, axe_check, story["ruud"].email)
        ruud.goto(meeting_url)
        axe_check(ruud)
        expect(ruud.locator("#agenda")).to_contain_text("Opening en waar wij staan")
        expect(ruud.locator("#agenda")).to_contain_text("Rondvraag")
        expect(ruud.locator("#agenda")).not_to_contain_text("Onze onderhandelingsruimte")
        expect(ruud.get_by_role("button", name="Markeren als gehouden")).to_have_count(0)
    finally:
        context.close()

    # Minutes on "explore options and agree actions": notes, a decision, two actions.
    page.get_by_role(
        "link",
        name="Verslag, besluiten en acties: Mogelijkheden voor een partnership "
        "verkennen en acties afspreken",
    ).click()
    axe_check(page)
    page.get_by_label("Verslag").fill("Schoon & Co ziet kansen bij **natuurlijk verloop**.")
    page.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_label("Verslag")).to_have_value(
        "Schoon & Co ziet kansen bij **natuurlijk verloop**."
    )
    axe_check(page)
    page.get_by_text("Een besluit vastleggen").click()
    page.get_by_label("Besluit", exact=True).fill("Proeftuin starten met Schoon & Co")
    page.get_by_label("Soort besluit").select_option("supplier_choice")
    page.get_by_label("Besloten door").select_option("working_group")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.locator("#decisions-heading + ul")).to_contain_text(
        "Proeftuin starten met Schoon & Co"
    )
    axe_check(page)
    deadline = (date.today() + timedelta(days=14)).isoformat()
    for title, person in (
        ("Contract nalopen op ruimte voor extra taken", "Linda Visser"),
        ("Werkplekken inventariseren", None),
    ):
        page.get_by_text("Een actie toevoegen").click()
        page.get_by_label("Actie", exact=True).fill(title)
        page.get_by_label("Verantwoordelijke rol").select_option(
            "contract_manager" if person else "supplier"
        )
        if person:
            page.locator("#action-assignee").select_option(str(story["linda"].id))
        page.get_by_label("Deadline").fill(deadline)
        page.get_by_role("button", name="Actie toevoegen").click()
        expect(page.locator("#actions-heading + ul")).to_contain_text(title)
        axe_check(page)
    expect(page.locator("#actions-heading + ul")).to_contain_text("Werkplekken inventariseren")

    # The meeting shows the minutes; the register shows the decision with its source.
    page.goto(meeting_url)
    axe_check(page)
    expect(page.locator("#agenda")).to_contain_text("natuurlijk verloop")
    expect(page.locator("#agenda")).to_contain_text("Proeftuin starten met Schoon & Co")
    page.get_by_role("link", name="Besluiten", exact=True).click()
    axe_check(page)
    expect(page.locator(".decision-list")).to_contain_text("Proeftuin starten met Schoon & Co")
    expect(page.locator(".decision-list")).to_contain_text(
        "Eerste verkenning met Schoon & Co Facilitair"
    )

    # Linda finds her action under My tasks.
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        linda = context.new_page()
        log_in(linda, axe_check, story["linda"].email)
        linda.goto("/tasks")
        axe_check(linda)
        expect(linda.locator("main")).to_contain_text("Contract nalopen op ruimte voor extra taken")
    finally:
        context.close()
