"""Each demo person, signed in through the login page in Chromium, lands on "Voor jou" with
their own work, and follows one item from it to the place where it is done, end to end:
the coordinator opens the next sub-step, the procurement expert an action, the contract
manager accepts a report, the board opens its pilot (without the buyer's stepper), the
organisation admin names a missing backup, the site admin reaches the organisations, and
each supplier contact submits a due report. Every page on the way passes axe-core and has a
link onward."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerships import demo
from partnerships.extensions import db

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_world(app):
    demo.seed()
    db.session.commit()


def _sign_in(page, axe_check, email):
    """Sign in through the Dutch login form and arrive on the first page."""
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Voor jou")
    _arrived(page, axe_check)


def _arrived(page, axe_check):
    """The page is accessible and offers a way onward: no dead end."""
    page.wait_for_load_state()
    axe_check(page)
    assert page.locator("main a[href], nav a[href]").count() > 1, f"dead end at {page.url}"


def _follow(page, axe_check, link):
    link.click()
    _arrived(page, axe_check)


def _sign_out(page, axe_check):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    axe_check(page)


def test_each_buyer_person_follows_their_own_work_from_the_first_page(page, axe_check, demo_world):
    # The coordinator: the next sub-step of the pilot opens with its checklist first.
    _sign_in(page, axe_check, "coordinator@voorbeeldstad.example")
    steps = page.locator("#for-you-steps")
    _follow(page, axe_check, steps.get_by_role("link", name="Volgende: 1d Maak een actieplan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("1d Maak een actieplan")
    expect(page.locator("#substep-checks")).to_be_visible()
    _sign_out(page, axe_check)

    # The procurement expert: an action of their role opens.
    _sign_in(page, axe_check, "inkoop@voorbeeldstad.example")
    task = page.locator("#for-you-tasks").get_by_role("link").first
    title = task.inner_text()
    _follow(page, axe_check, task)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    _sign_out(page, axe_check)

    # The contract manager accepts the report that waits for them, and it leaves the list.
    _sign_in(page, axe_check, "contract@voorbeeldstad.example")
    waiting = page.locator("#for-you-reports-accept").get_by_role("link")
    expect(waiting).to_have_count(1)
    _follow(page, axe_check, waiting.first)
    page.get_by_role("button", name="Rapportage goedkeuren").click()
    expect(page.locator("main")).to_contain_text("Rapportage goedgekeurd")
    _arrived(page, axe_check)
    _follow(page, axe_check, page.get_by_role("navigation").get_by_role("link", name="Voor jou"))
    expect(page.locator("#for-you-reports-accept")).to_have_count(0)
    _sign_out(page, axe_check)

    # The board: its pilot shows progress, notes and decisions, never the buyer's controls.
    _sign_in(page, axe_check, "bestuur@voorbeeldstad.example")
    expect(page.locator("#for-you-steps")).to_have_count(0)
    progress = page.locator("#for-you-progress")
    _follow(page, axe_check, progress.get_by_role("link", name=demo.PILOT_TITLE))
    expect(page.get_by_role("heading", name="Voor jou in deze proeftuin")).to_be_visible()
    expect(page.get_by_text("Ga verder met")).to_have_count(0)
    _sign_out(page, axe_check)

    # The site admin: the organisations it sets up.
    _sign_in(page, axe_check, demo.SITE_ADMIN[0])
    _follow(page, axe_check, page.locator("main").get_by_role("link", name="Alle organisaties"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_organisation_admin_names_a_missing_backup_from_the_first_page(
    page, axe_check, demo_world
):
    from partnerships.pilots.models import Membership

    db.session.query(Membership).filter(Membership.role == "coordinator_backup").delete()
    db.session.commit()
    # The demo's coordinator is also the buyer's organisation admin.
    _sign_in(page, axe_check, "coordinator@voorbeeldstad.example")
    unstaffed = page.locator("#for-you-unstaffed")
    _follow(page, axe_check, unstaffed.get_by_role("link", name="Geen back-up coördinator"))
    add = page.locator("form", has=page.get_by_role("button", name="Toevoegen aan de werkgroep"))
    expect(add.get_by_label("Rol")).to_have_value("coordinator_backup")
    add.get_by_label("Persoon").select_option(label="Ahmed El Amrani")
    add.get_by_role("button", name="Toevoegen aan de werkgroep").click()
    _arrived(page, axe_check)
    _follow(page, axe_check, page.get_by_role("navigation").get_by_role("link", name="Voor jou"))
    expect(page.locator("#for-you-unstaffed")).to_have_count(0)


@pytest.mark.parametrize("email", ["schoon@schoonco.example", "groen@groendichtbij.example"])
def test_a_supplier_contact_submits_a_due_report_from_the_first_page(
    page, axe_check, demo_world, email
):
    _sign_in(page, axe_check, email)
    # A supplier never sees the buyer's next sub-step.
    expect(page.locator("#for-you-steps")).to_have_count(0)
    due = page.locator("#for-you-reports-send").get_by_role("link")
    before = due.count()
    assert before >= 1
    text = due.first.inner_text()
    _follow(page, axe_check, due.first)
    page.get_by_label("Korte toelichting").fill("Rustig kwartaal, geen bijzonderheden.")
    page.get_by_role("button", name="Rapportage indienen").click()
    expect(page.locator("main")).to_contain_text("Rapportage ingediend")
    _arrived(page, axe_check)
    _follow(page, axe_check, page.get_by_role("navigation").get_by_role("link", name="Voor jou"))
    remaining = page.locator("#for-you-reports-send").get_by_role("link")
    expect(remaining).to_have_count(before - 1)
    expect(remaining.filter(has_text=text)).to_have_count(0)
