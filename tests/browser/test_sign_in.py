"""Signing in the ways public organisations require, in Chromium: through the organisation's
OpenID Connect provider (a real one on loopback), and enrolling two-factor sign-in."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import expect

from partnerships.accounts.models import User
from partnerships.extensions import db
from tests.accounts.oidc_provider import Provider, Running
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser

DOMAIN = "voorbeeldstad.example"


def test_an_admin_sets_up_single_sign_on_and_a_colleague_signs_in_with_it(page, axe_check, make):
    org = make.org(name="Gemeente Voorbeeldstad")
    admin = make.user(org, email=f"beheer@{DOMAIN}", name="Bea Beheer", org_role="admin")
    petra = make.user(org, email=f"petra@{DOMAIN}", name="Petra Jansen")
    db.session.commit()
    with Running(Provider()) as provider:
        provider.user = {"sub": "petra", "email": f"petra@{DOMAIN}", "email_verified": True}
        log_in(page, axe_check, admin.email)
        page.goto(f"/organisations/{org.id}/users")
        axe_check(page)
        page.get_by_role("link", name=re.compile("Inloginstellingen")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Inloginstellingen")
        axe_check(page)
        page.get_by_label("Via de inlogdienst van de organisatie, of met wachtwoord").check()
        page.get_by_label("Issuer-URL").fill(provider.issuer)
        page.get_by_label("Client-ID").fill(provider.client_id)
        page.get_by_label("Clientgeheim").fill(provider.client_secret)
        page.get_by_label("Toegestane e-maildomeinen").fill(DOMAIN)
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Inloginstellingen opgeslagen.")).to_be_visible()
        axe_check(page)
        page.get_by_role("button", name="Uitloggen").click()
        axe_check(page)

        page.get_by_role("link", name="Log in via je organisatie (single sign-on)").click()
        expect(page.get_by_label("Je e-mailadres op het werk")).to_be_visible()
        axe_check(page)
        page.get_by_label("Je e-mailadres op het werk").fill(f"petra@{DOMAIN}")
        page.get_by_role("button", name="Verder").click()
        expect(page.get_by_text("Je bent ingelogd via Gemeente Voorbeeldstad.")).to_be_visible()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
        axe_check(page)
        # The first sign-in linked her account to her account at the provider.
        db.session.expire_all()
        assert db.session.get(User, petra.id).sso_subject == "petra"

        # Someone whose provider account is outside the allowed domains is refused.
        page.get_by_role("button", name="Uitloggen").click()
        axe_check(page)
        provider.user = {"sub": "kees", "email": "kees@elders.example", "email_verified": True}
        page.goto("/login/organisation")
        axe_check(page)
        page.get_by_label("Je e-mailadres op het werk").fill(f"kees@{DOMAIN}")
        page.get_by_role("button", name="Verder").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Je bent niet ingelogd")
        expect(page.get_by_text("niet in een domein")).to_be_visible()
        expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
        axe_check(page)
        assert User.by_email("kees@elders.example") is None


def test_a_member_enrols_an_authenticator_app(page, axe_check, make):
    user = make.user(name="Sanne de Vries")
    db.session.commit()
    log_in(page, axe_check, user.email)
    page.get_by_role("link", name="Instellingen").click()
    axe_check(page)
    page.get_by_role("link", name="Tweestapsverificatie instellen").click()
    axe_check(page)
    expect(page.locator("figure.qr svg")).to_be_visible()
    secret = page.locator("code.secret").inner_text().replace(" ", "")
    page.get_by_label("Code uit de app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je herstelcodes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    axe_check(page)
