"""The first journey: log in, switch language, log out; with the mouse and with the keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def coordinator(make):
    org = make.org(name="Gemeente Voorbeeldstad")
    user = make.user(
        org, email="coordinator@voorbeeldstad.example", name="Sanne de Vries", org_role="admin"
    )
    db.session.commit()
    return user


def test_log_in_switch_to_english_and_log_out(page, axe_check, coordinator):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    axe_check(page)

    page.get_by_label("E-mailadres").fill(coordinator.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Settings")
    axe_check(page)

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe_check(page)


def test_a_wrong_password_shows_the_message_in_dutch(page, axe_check, coordinator):
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(coordinator.email)
    page.get_by_label("Wachtwoord").fill("wrong password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Het e-mailadres of het wachtwoord klopt niet.")).to_be_visible()
    axe_check(page)


def test_keyboard_only_login(page, axe_check, coordinator):
    page.goto("/login")
    axe_check(page)
    # The first Tab reaches the skip link, which jumps to the main content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de hoofdinhoud")).to_be_focused()
    page.keyboard.press("Enter")
    email = page.get_by_label("E-mailadres")
    for _ in range(10):
        page.keyboard.press("Tab")
        if email.evaluate("el => el === document.activeElement"):
            break
    expect(email).to_be_focused()
    page.keyboard.type(coordinator.email)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Wachtwoord")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)

    logout = page.get_by_role("button", name="Uitloggen")
    logout.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je bent uitgelogd.")).to_be_visible()
    axe_check(page)


def test_an_error_page_is_accessible_too(page, axe_check):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    axe_check(page)


def test_admin_pages_are_accessible(page, axe_check, make):
    org = make.org(name="Gemeente Voorbeeldstad")
    admin = make.user(
        org, email="admin@voorbeeldstad.example", org_role="admin", is_site_admin=True
    )
    make.user(org, name="Petra Jansen")
    make.org(
        name="Groen Dichtbij",
        kind="supplier",
        is_social_enterprise=True,
        social_enterprise_basis="Aanbestedingswet art. 2.82",
    )
    db.session.commit()
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(admin.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Organisatie", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente Voorbeeldstad")
    axe_check(page)
    # Invite without a mail server: the link is shown to pass on.
    page.get_by_label("Naam", exact=True).fill("Jan Bos")
    page.get_by_label("E-mailadres").fill("jan.bos@voorbeeldstad.example")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.locator(".invite-link code")).to_contain_text("/invitation/")
    axe_check(page)

    page.get_by_role("link", name="Alle organisaties").click()
    expect(page.get_by_role("cell", name="Groen Dichtbij", exact=True)).to_be_visible()
    axe_check(page)
    # A buyer without a type: the error summary and the field's message.
    page.get_by_label("Naam", exact=True).fill("Provincie Zonder Soort")
    page.get_by_role("button", name="Organisatie aanmaken").click()
    expect(page.get_by_text("Kies het soort overheidsorganisatie.").first).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Instellingen").click()
    axe_check(page)
