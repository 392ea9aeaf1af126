"""WCAG 2.1 AA in practice: axe-core finds nothing on any page a user can reach, the page
language is right, and the main journey works with the keyboard alone."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.quality.harness import act_as, app_rules, url_for_rule
from tests.quality.world import UnknownUrlVariable, build

pytestmark = pytest.mark.browser

# Whose view of every page is checked: each page once as the first of these that may see it,
# and the pages where their view differs most also as board member and supplier.
# QUALITY_AXE_ALL=1 checks every role's view of every page (slow: minutes).
MAIN_VIEWERS = ("coordinator", "org_admin", "site_admin", "member")
OUTSIDE_VIEWERS = ("board", "supplier_same_pilot")
OUTSIDE_PAGES = {
    "pilots.show",
    "pilots.substep",
    "brainstorms.board",
    "reports.board",
    "reports.notes",
    "figures.supplier_view",
    "actions.my_tasks",
    "actions.index",
}


def _html_pages(app, world, actor):
    """Paths of the GET pages that answer this actor with an HTML page."""
    client = app.test_client()
    act_as(client, world.user(actor))
    for rule in app_rules(app, {"GET"}):
        if rule.endpoint.startswith("api.v1"):
            continue
        try:
            path = url_for_rule(app, rule, world)
        except UnknownUrlVariable:
            if world.rows.get("action"):  # only the empty world lacks rows
                raise
            continue
        response = client.get(path)
        if "text/html" not in response.content_type:
            continue
        # Whole documents only: a fragment (the brainstorm poll) is checked inside its page.
        if response.status_code == 200 and "<html" in response.text[:500]:
            yield rule.endpoint, path


def _views(app, world):
    """[(actor, path)]: every page once for the working group or admins, pilot pages also for
    the board and a supplier."""
    views, covered = [], set()
    every = bool(os.environ.get("QUALITY_AXE_ALL"))
    for actor in MAIN_VIEWERS + OUTSIDE_VIEWERS:
        for endpoint, path in _html_pages(app, world, actor):
            again = actor in OUTSIDE_VIEWERS and (every or endpoint in OUTSIDE_PAGES)
            if endpoint not in covered or again:
                covered.add(endpoint)
                views.append((actor, path))
    return views


def _logged_in_page(browser, live_server, user):
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    if user is not None:
        page.fill("input[name=email]", user.email)
        page.fill("input[name=password]", PASSWORD)
        with page.expect_navigation():
            page.press("input[name=password]", "Enter")
    return context, page


def _check_all(browser, live_server, world, views, axe_check):
    failures = []
    by_actor: dict[str, list[str]] = {}
    for actor, path in views:
        by_actor.setdefault(actor, []).append(path)
    for actor, paths in by_actor.items():
        context, page = _logged_in_page(browser, live_server, world.user(actor))
        try:
            for path in paths:
                page.goto(path)
                try:
                    axe_check(page)
                except pytest.fail.Exception as failure:
                    failures.append(f"as {actor}: {failure}")
        finally:
            context.close()
    return failures


def test_every_page_of_every_role_passes_axe_in_the_full_world(
    app, world, browser, live_server, axe_check
):
    views = _views(app, world)
    assert len(views) > 20
    failures = _check_all(browser, live_server, world, views, axe_check)
    assert failures == [], "\n".join(failures)


def test_every_page_passes_axe_in_an_empty_pilot(app, make, browser, live_server, axe_check):
    empty = build(make, full=False)
    views = [("coordinator", path) for _, path in _html_pages(app, empty, "coordinator")]
    failures = _check_all(browser, live_server, empty, views, axe_check)
    assert failures == [], "\n".join(failures)


def test_public_and_error_pages_pass_axe(app, world, browser, live_server, axe_check):
    public = [
        "/login",
        "/password/forgotten",
        "/no/such/page",
        f"/password/reset/{world.tokens['reset']}",
        f"/invitation/{world.tokens['invite']}",
    ]
    if "reports.accessibility" in app.view_functions:
        public.append("/accessibility")
    failures = _check_all(
        browser,
        live_server,
        world,
        [("anonymous", p) for p in public]
        + [("supplier_other", f"/pilots/{world.other_pilot_id}")],
        axe_check,
    )
    assert failures == [], "\n".join(failures)


def test_the_page_language_follows_the_chosen_language(app, world, browser, live_server):
    context, page = _logged_in_page(browser, live_server, None)
    try:
        assert page.get_attribute("html", "lang") == "nl"
        switch = page.locator(
            "form[action$='/language'] button[value=en], form[action$='/language'] [type=submit]"
        ).first
        switch.click()
        page.wait_for_load_state()
        assert page.get_attribute("html", "lang") == "en"
    finally:
        context.close()


# --- the main journey with the keyboard alone ---


def _tab_to(page, selector: str, limit: int = 250) -> None:
    """Press Tab until the element matching the selector has the focus."""
    for _ in range(limit):
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def _go(page, path: str) -> None:
    """Open a page; an htmx redirect still under way may abort the first attempt."""
    try:
        page.goto(path)
    except Exception:  # playwright Error: net::ERR_ABORTED
        page.wait_for_load_state()
        page.goto(path)


def _open_brainstorm(world):
    from partnerships.extensions import db

    table = db.metadata.tables.get("brainstorm")
    if table is None:
        return None
    return db.session.scalar(
        select(table.c.id)
        .where(table.c.pilot_id == world.pilot_id, table.c.status == "open")
        .order_by(table.c.id)
    )


def test_the_main_journey_works_with_the_keyboard_alone(app, world, browser, live_server):
    coordinator = world.user("coordinator")
    context = browser.new_context(locale="nl-NL", base_url=live_server)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        page.goto("/login")
        _tab_to(page, "input[name=email]")
        page.keyboard.type(coordinator.email)
        _tab_to(page, "input[name=password]")
        page.keyboard.type(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/login" not in page.url

        pilot = f"/pilots/{world.pilot_id}"
        _go(page, "/pilots")
        _tab_to(page, f"a[href='{pilot}']")
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{pilot}")

        _go(page, f"{pilot}/steps/1b")
        _tab_to(page, "input[name=status]")
        for _ in range(6):  # arrow keys move through the radio group
            if page.evaluate("() => document.activeElement.value") == "done":
                break
            page.keyboard.press("ArrowDown")
        _tab_to(page, "form[action$='/status'] button[type=submit]")
        page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")

        _go(page, f"{pilot}/actions")
        # "New action" is near the top of the list, not 70 tab stops down.
        _tab_to(page, f"a[href='{pilot}/actions/new']", limit=40)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        _tab_to(page, "form[action$='/actions'] input[name=title]")
        page.keyboard.type("Toetsenbordactie")
        _tab_to(page, "form[action$='/actions'] button[type=submit]")
        page.keyboard.press("Enter")
        page.get_by_text("Toetsenbordactie").first.wait_for()

        brainstorm_id = _open_brainstorm(world)
        assert brainstorm_id, "the world has an open brainstorm"
        _go(page, f"{pilot}/brainstorms/{brainstorm_id}")
        _tab_to(page, "form.add-card textarea[name=text]")
        page.keyboard.type("Kaart van het toetsenbord")
        _tab_to(page, "form.add-card button[type=submit]")
        page.keyboard.press("Enter")
        # The card is posted by htmx (no navigation) while the board polls: wait for the
        # card itself rather than for a quiet network, which may come before the POST.
        page.get_by_text("Kaart van het toetsenbord").first.wait_for()
    finally:
        context.close()

    from partnerships.extensions import db

    db.session.rollback()
    tables = db.metadata.tables
    state = tables["step_state"]
    assert (
        db.session.scalar(
            select(state.c.status).where(state.c.pilot_id == world.pilot_id, state.c.code == "1b")
        )
        == "done"
    )
    action = tables["action"]
    assert (
        db.session.scalar(select(action.c.id).where(action.c.title == "Toetsenbordactie"))
        is not None
    )
    card = tables["brainstorm_card"]
    assert (
        db.session.scalar(select(card.c.id).where(card.c.text == "Kaart van het toetsenbord"))
        is not None
    )
