"""A brand-new organisation admin, on an empty database, starts a pilot from the first page
and completes sub-steps 1a to 1e by following only links and buttons on the pages (no typed
addresses): the principebesluit, a coordinator and a backup, goals and target group, three
actions, a kick-off meeting held, and the board's part of 1e. Every page on the way has a
link onward, passes axe-core, and the clicks are counted. A failed submit of a long form
lands the focus on its error summary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from partnerships import clock
from partnerships.extensions import db
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

# The clicks this journey takes (a form's submit counts as one click; typing does not).
MAX_CLICKS = 75


class Walk:
    """Clicks through the pages, checking each one loaded without a dead end."""

    def __init__(self, page, axe_check):
        self.page, self.axe_check, self.clicks = page, axe_check, 0

    def click(self, locator):
        self.clicks += 1
        locator.click()
        self.page.wait_for_load_state()
        self.arrived()

    def arrived(self):
        """The page is whole, accessible and offers a way onward."""
        self.axe_check(self.page)
        onward = self.page.locator("main a[href], nav a[href]").count()
        assert onward > 1, f"dead end at {self.page.url}"

    def checklist_link(self, text):
        """The link of an unmet check on the sub-step page."""
        return self.page.locator("#substep-checks").get_by_role("link", name=text)

    def mark_done(self):
        status = self.page.locator("#substep-status")
        status.get_by_label("Done", exact=True).check()
        self.clicks += 1
        status.get_by_role("button", name="Save status").click()
        expect(status).to_contain_text("Status saved.")
        self.axe_check(self.page)

    def to_steps(self):
        nav = self.page.get_by_role("navigation", name="Pilot sections")
        self.click(nav.get_by_role("link", name="Steps"))

    def next_substep(self, code):
        self.click(self.page.get_by_role("link", name=f"Next: {code}").first)
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(code)


@pytest.fixture
def newcomer(make):
    org = make.org("Gemeente Nieuwstad")
    admin = make.user(
        org, email="admin@nieuwstad.example", name="Noor Admin", org_role="admin", locale="en"
    )
    db.session.commit()
    return admin


def test_a_new_organisation_admin_completes_step_1_by_following_the_pages(
    page, axe_check, newcomer
):
    walk = Walk(page, axe_check)
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(newcomer.email)  # the login page speaks Dutch
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    walk.click(page.get_by_role("button", name="Inloggen"))

    # The first page says what to do first.
    expect(page.get_by_role("heading", level=1)).to_have_text("For you")
    walk.click(page.locator("#for-you-start").get_by_role("link", name="Start your first pilot"))
    page.get_by_label("Title").fill("Proeftuin schoonmaak")
    page.get_by_label("Start date").fill(clock.today().isoformat())
    page.get_by_label("Goal in banenafspraak jobs").fill("4")
    walk.click(page.get_by_role("button", name="Start the pilot"))
    walk.click(page.get_by_role("link", name="Continue with 1a"))

    # 1a: the principebesluit, from the checklist, recorded with kind and step filled in.
    walk.click(walk.checklist_link("Decision recorded: in-principle decision"))
    form = page.locator("form", has=page.get_by_label("Decision", exact=True))
    form.get_by_label("Decision", exact=True).fill("Principebesluit proeftuin")
    form.get_by_label("Date of the decision").fill(clock.today().isoformat())
    walk.click(form.get_by_role("button", name="Add to the register"))
    walk.to_steps()
    walk.click(page.get_by_role("link", name="Continue with 1a"))
    expect(page.locator("#substep-checks li:not(.check-done)")).to_have_count(0)
    walk.mark_done()
    walk.next_substep("1b")

    # 1b: the coordinator is there (the admin started the pilot); invite a backup and a
    # procurement expert, then plan the kick-off and mark it held.
    for role, name, email in (
        ("Backup coordinator", "Bas Backup", "bas@nieuwstad.example"),
        ("Procurement expert", "Ilse Inkoop", "ilse@nieuwstad.example"),
    ):
        walk.click(walk.checklist_link(f"Role filled: {role}"))
        invite = page.locator("form", has=page.get_by_role("button", name="Send invitation"))
        invite.get_by_label("Name").fill(name)
        invite.get_by_label("E-mail address").fill(email)
        invite.get_by_label("Role").select_option(label=role)
        walk.click(invite.get_by_role("button", name="Send invitation"))
        walk.to_steps()
        walk.click(page.get_by_role("link", name="Continue with 1b"))
    walk.click(walk.checklist_link("Meeting held: Working group kick-off"))
    _plan_and_hold(walk, page)
    walk.to_steps()
    walk.click(page.get_by_role("link", name="Continue with 1b"))
    expect(page.locator("#substep-checks li:not(.check-done)")).to_have_count(0)
    walk.mark_done()
    walk.next_substep("1c")

    # 1c: goals and target group in the pilot settings.
    walk.click(walk.checklist_link("Goals and target group recorded"))
    page.get_by_label("Goals", exact=True).fill("Vier banen in de schoonmaak.")
    page.get_by_label("Target group", exact=True).fill("Mensen uit het doelgroepregister.")
    walk.click(page.get_by_role("button", name="Save settings"))
    walk.click(page.get_by_role("link", name="Continue with 1c"))
    walk.mark_done()
    walk.next_substep("1d")

    # 1d: three actions for the step, then the route.
    walk.click(walk.checklist_link("At least 3 actions"))
    for number in (1, 2, 3):
        if number > 1:
            walk.click(page.get_by_role("link", name="New action"))
            page.get_by_label("Step").select_option("1d")
        page.get_by_label("Title").fill(f"Actie {number} van het actieplan")
        page.get_by_label("Responsible role").select_option(label="Project coordinator")
        page.get_by_label("Deadline").fill(
            (clock.today() + timedelta(days=30 * number)).isoformat()
        )
        walk.click(page.get_by_role("button", name="Add action"))
    walk.to_steps()
    walk.click(page.get_by_role("link", name="Continue with 1d"))
    route = page.locator("#route-choice")
    route.get_by_label("Existing contract (2B)").check()
    route.get_by_label("Reason").fill("Het schoonmaakcontract loopt nog drie jaar.")
    walk.clicks += 1
    route.get_by_role("button", name="Record the route").click()
    expect(page.locator("#route-choice")).to_contain_text("Route recorded")
    axe_check(page)
    page.reload()
    walk.arrived()
    expect(page.locator("#substep-checks li:not(.check-done)")).to_have_count(0)
    walk.mark_done()
    walk.next_substep("1e")

    # 1e: the ambassador, and the board meeting held.
    walk.click(walk.checklist_link("Ambassador on the board named"))
    page.get_by_label("Ambassador on the board").fill("Wethouder Karin Mulder")
    walk.click(page.get_by_role("button", name="Save settings"))
    walk.click(page.get_by_role("link", name="Continue with 1e"))
    walk.click(walk.checklist_link("Meeting held:"))
    _plan_and_hold(walk, page)
    walk.to_steps()
    walk.click(page.get_by_role("link", name="Continue with 1e"))
    expect(page.locator("#substep-checks li:not(.check-done)")).to_have_count(0)
    walk.mark_done()

    # Step 1 is done; the pilot page shows it and offers 2Ba next.
    walk.to_steps()
    expect(page.locator("#pilot-progress")).to_contain_text("5 of 5 done")
    expect(page.get_by_role("link", name="Continue with 2Ba")).to_be_visible()
    assert walk.clicks <= MAX_CLICKS, f"{walk.clicks} clicks"
    print(f"step 1 in {walk.clicks} clicks")


def _plan_and_hold(walk, page):
    """Plan the meeting the checklist opened (template chosen) an hour ago, and hold it."""
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan a meeting")
    earlier = clock.today() - timedelta(days=1)
    page.get_by_label("Date").fill(earlier.isoformat())
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("11:00")
    walk.click(page.get_by_role("button", name="Plan meeting"))
    walk.click(page.get_by_role("button", name="Mark as held"))
    expect(page.locator("main")).to_contain_text("held")


def test_a_failed_submit_of_a_long_form_focuses_the_error_summary(page, axe_check, make):
    org = make.org()
    coordinator = make.user(org, email="c@voorbeeld.example", locale="en")
    pilot = make.pilot(org=org, coordinator=coordinator)
    db.session.commit()
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(coordinator.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    axe_check(page)
    page.locator("#for-you-steps").get_by_role("link").first.click()
    axe_check(page)
    page.get_by_role("navigation", name="Pilot sections").get_by_role(
        "link", name="Meetings"
    ).click()
    axe_check(page)
    page.get_by_role("link", name="Decisions").first.click()
    axe_check(page)
    # The decision form sits at the end of the register; send it empty.
    page.get_by_role("button", name="Add to the register").click()
    page.wait_for_load_state()
    axe_check(page)
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    first = summary.get_by_role("link").first
    expect(first).to_contain_text("Decision")
    first.click()
    expect(page.locator("#title")).to_be_focused()
    assert pilot.id
