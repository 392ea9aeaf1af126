"""An organisation admin gives the tool its organisation's look, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.accounts.test_look import _png
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser


def test_admin_chooses_a_theme_and_a_logo_and_the_page_stays_accessible(page, axe_check, make):
    org = make.org(name="Gemeente Voorbeeldstad")
    admin = make.user(org, email="beheer@voorbeeldstad.example", org_role="admin")
    db.session.commit()
    log_in(page, axe_check, admin.email)
    page.goto(f"/organisations/{org.id}/look")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitstraling: thema en logo")
    axe_check(page)

    # A wrong file: the error summary names it, and the page is still clean.
    page.get_by_label("Logo", exact=True).set_input_files(
        {"name": "logo.svg", "mimeType": "image/svg+xml", "buffer": b"<svg></svg>"}
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("PNG- of JPEG-afbeelding")
    axe_check(page)

    page.get_by_label("Groen").check()
    page.get_by_label("Logo", exact=True).set_input_files(
        {"name": "logo.png", "mimeType": "image/png", "buffer": _png()}
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("opgeslagen")
    expect(page.locator("body")).to_have_class(
        "voorbeeld-theme partnerships-theme-green utrecht-document utrecht-page-body"
    )
    logo = page.get_by_role("img", name="Logo van Gemeente Voorbeeldstad").first
    expect(logo).to_be_visible()
    assert logo.evaluate("img => img.naturalWidth") == 1
    axe_check(page)

    # At 320 CSS px nothing scrolls sideways, logo and all.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
