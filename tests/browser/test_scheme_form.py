"""An organisation admin defines its own valuation scheme in the browser: starts from the
regional example, removes an element, adds one, makes a mistake, sees it summarised and
focused, corrects it and saves version 1. Every page passes axe; at 320 px nothing scrolls
sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def admin(make):
    buyer = make.org("Gemeente Voorbeeldstad")
    user = make.user(buyer, email="beheer@voorbeeldstad.example", name="Noor", org_role="admin")
    db.session.commit()
    return user


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_an_admin_defines_a_scheme_from_the_regional_example(page, axe_check, admin):
    log_in(page, axe_check, admin.email)
    page.goto("/organisation/social-return")
    axe_check(page)
    page.get_by_role("link", name="Eigen schema opstellen").click()
    expect(page.get_by_role("heading", name="Jullie eigen waarderingsschema")).to_be_visible()
    axe_check(page)

    permanent = page.get_by_role("group", name="Element 2", exact=True)
    expect(permanent.get_by_label("Waarde", exact=True)).to_have_value("40000")
    expect(permanent.get_by_label("Dienstverband, onbepaalde tijd")).to_be_checked()
    expect(
        permanent.get_by_label("Duurzaam werk: bonus als iemand nog werkt na (maanden)")
    ).to_have_value("12")

    page.get_by_role("button", name="Element 6 verwijderen").click()
    axe_check(page)
    expect(page.get_by_role("group", name="Element 6", exact=True)).to_have_count(0)
    page.get_by_label("Naam van het schema").fill("Bouwblokken Voorbeeldstad 2027")
    page.get_by_role("button", name="Element toevoegen").click()
    axe_check(page)
    added = page.get_by_role("group", name="Element 6", exact=True)
    added.get_by_label("Soort inzet en eenheid").select_option(
        label="Maatschappelijk project: EUR per uur"
    )
    added.get_by_label("Waarde", exact=True).fill("veel")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Element 6, Waarde: Vul een getal in")
    expect(page.get_by_label("Naam van het schema")).to_have_value("Bouwblokken Voorbeeldstad 2027")
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert _no_sideways_scroll(page)
    page.set_viewport_size({"width": 1366, "height": 900})

    summary.get_by_role("link").click()
    expect(added.get_by_label("Waarde", exact=True)).to_be_focused()
    added.get_by_label("Waarde", exact=True).fill("150")
    # Enter in a box saves (the form's first button), never "remove element 1".
    added.get_by_label("Waarde", exact=True).press("Enter")
    expect(page.get_by_text("Versie 1 van jullie eigen waardering opgeslagen.")).to_be_visible()
    elements = page.get_by_role("table", name="Elementen van jullie eigen schema")
    expect(elements.get_by_role("row")).to_have_count(7)  # the heading and six elements
    expect(elements).to_contain_text("EUR 150,00")
    expect(elements).to_contain_text("bonus van EUR 10.000 als iemand na 12 maanden nog werkt")
    axe_check(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert _no_sideways_scroll(page)
