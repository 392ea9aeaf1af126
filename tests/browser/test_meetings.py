"""The coordinator plans the first exploratory meeting with a supplier from its template; the
supplier contact, logged in separately, sees only the shared agenda; the coordinator records
minutes with a decision and two new actions, which the decision register and the assignee's
My tasks then show. Every page passes axe-core."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from partnerships import clock
from partnerships.extensions import db
from tests.browser.fixtures import log_in

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


def test_first_supplier_meeting_from_agenda_to_register_and_tasks(
    page, browser, live_server, axe_check, story
):
    pilot_id = story["pilot"].id
    day = clock.today() + timedelta(days=7)
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
    # Moving and removing live on the item's own page: one button per item on the meeting.
    page.get_by_role(
        "link", name="Wijzigen, verplaatsen of schrappen: Onze onderhandelingsruimte"
    ).click()
    axe_check(page)
    page.get_by_role("button", name="Omhoog").click()
    expect(page.locator("#agenda li.agenda-item").nth(5)).to_contain_text(
        "Onze onderhandelingsruimte"
    )
    expect(page.get_by_role("button", name="Overleg afzeggen")).to_have_count(0)
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

    # Minutes on one page: every item has its text area; a decision and two actions are
    # added in place (htmx) without losing what was typed elsewhere.
    page.get_by_role("link", name="Verslag maken").click()
    axe_check(page)
    items = page.locator("li.agenda-item")
    expect(items).to_have_count(7)  # the template's six and the internal point
    expect(page.get_by_label("Verslag van dit agendapunt")).to_have_count(7)
    explore = items.filter(has_text="Mogelijkheden voor een partnership verkennen")
    explore.get_by_label("Verslag van dit agendapunt").fill(
        "Schoon & Co ziet kansen bij **natuurlijk verloop**."
    )
    items.first.get_by_label("Verslag van dit agendapunt").fill("Iedereen is op tijd.")
    explore.get_by_text("Besluit toevoegen").click()
    explore.get_by_label("Besluit", exact=True).fill("Proeftuin starten met Schoon & Co")
    explore.get_by_label("Soort besluit").select_option("supplier_choice")
    explore.get_by_label("Besloten door").select_option("working_group")
    explore.get_by_role("button", name="Besluit opnemen").click()
    expect(explore.locator(".minutes-rows")).to_contain_text("Proeftuin starten met Schoon & Co")
    expect(explore.locator(".minutes-rows")).to_contain_text("zodra het verslag is vastgesteld")
    deadline = (clock.today() + timedelta(days=14)).isoformat()
    for title, person in (
        ("Contract nalopen op ruimte voor extra taken", "Linda Visser"),
        ("Werkplekken inventariseren", None),
    ):
        explore.get_by_text("Een actie toevoegen").click()
        explore.get_by_label("Actie", exact=True).fill(title)
        explore.get_by_label("Verantwoordelijke rol").select_option(
            "contract_manager" if person else "supplier"
        )
        if person:
            explore.get_by_label("Persoon (optioneel)").select_option(str(story["linda"].id))
        explore.get_by_label("Deadline").fill(deadline)
        explore.get_by_role("button", name="Actie toevoegen").click()
        expect(explore.locator(".minutes-rows")).to_contain_text(title)
    # What was typed is still there after the rows came in, and one button saves it all.
    expect(items.first.get_by_label("Verslag van dit agendapunt")).to_have_value(
        "Iedereen is op tijd."
    )
    axe_check(page)
    page.get_by_role("button", name="Verslag opslaan").click()
    expect(explore.get_by_label("Verslag van dit agendapunt")).to_have_value(
        "Schoon & Co ziet kansen bij **natuurlijk verloop**."
    )

    # Sent round for comment; Ruud, who was there, comments on a shared item.
    page.get_by_label("Opmerkingen mogelijk tot en met").fill(deadline)
    page.get_by_role("button", name="Ter inzage sturen aan de deelnemers").click()
    expect(page.locator("main")).to_contain_text("Ter inzage")
    axe_check(page)
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    try:
        ruud = context.new_page()
        log_in(ruud, axe_check, story["ruud"].email)
        ruud.goto(page.url)
        axe_check(ruud)
        shared = ruud.locator("li.agenda-item").filter(
            has_text="Mogelijkheden voor een partnership"
        )
        shared.get_by_label("Je opmerking bij dit agendapunt").fill("Ook de planning noemen.")
        shared.get_by_role("button", name="Opmerking plaatsen").click()
        expect(ruud.locator("main")).to_contain_text("Ook de planning noemen.")
        axe_check(ruud)
    finally:
        context.close()

    # The coordinator fixes them: the decision enters the register, the minutes lock. A
    # second tab, opened before, still shows the boxes; saving from it is refused (409) and
    # gives the text back instead of losing it.
    page.reload()
    expect(page.locator("main")).to_contain_text("Ook de planning noemen.")
    stale = page.context.new_page()
    stale.goto(page.url)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Verslag vaststellen").click()
    expect(page.locator("main")).to_contain_text("vastgesteld en op slot")
    expect(page.get_by_label("Verslag van dit agendapunt")).to_have_count(0)
    axe_check(page)
    minutes_url = page.url
    stale.get_by_label("Verslag van dit agendapunt").first.fill("Iedereen was op tijd.")
    with stale.expect_response(lambda r: r.request.method == "POST") as refused:
        stale.get_by_role("button", name="Verslag opslaan").click()
    assert refused.value.status == 409
    expect(stale.locator("main")).to_contain_text("vastgesteld terwijl jij typte")
    expect(stale.locator("main")).to_contain_text("Iedereen was op tijd.")
    expect(stale.get_by_label("Verslag van dit agendapunt")).to_have_count(0)
    axe_check(stale)
    stale.close()
    # A correction is version 2 with its reason.
    page.get_by_label("Reden van de correctie").fill("Naam van de opdrachtnemer verbeterd")
    page.get_by_role("button", name="Verslag corrigeren").click()
    expect(page.locator(".versions")).to_contain_text("Versie 2")
    expect(page.locator(".versions")).to_contain_text("Naam van de opdrachtnemer verbeterd")
    axe_check(page)

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
    expect(page.locator(".decision-list")).to_contain_text("Verslag versie 1, vastgesteld op")
    assert minutes_url.endswith("/minutes")

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
