"""Logging in and out: one answer for every wrong guess, throttling, safe redirects."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from partnerships.accounts.models import LoginAttempt
from partnerships.extensions import db
from tests.conftest import PASSWORD

WRONG = "Het e-mailadres of het wachtwoord klopt niet."
THROTTLED = "Te veel mislukte pogingen"


def test_the_login_page_is_dutch_and_has_labelled_fields(client):
    page = client.get("/login")
    assert page.status_code == 200
    assert 'lang="nl"' in page.text
    assert '<label class="utrecht-form-label" for="email">E-mailadres</label>' in page.text
    assert '<label class="utrecht-form-label" for="password">Wachtwoord</label>' in page.text


def test_someone_who_is_not_logged_in_is_sent_to_the_login_page(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.location.endswith("/login")


def test_a_user_logs_in_with_the_right_password_and_lands_on_the_pilots(make, form_login):
    user = make.user()
    response = form_login(user)
    assert response.status_code == 302
    assert response.location == "/"


def test_after_login_the_start_page_shows_the_pilots(make, form_login, client):
    form_login(make.user(name="Sanne de Vries"))
    page = client.get("/", follow_redirects=True)
    assert page.status_code == 200
    assert "Sanne de Vries" in page.text or "Uitloggen" in page.text


def test_e_mail_address_is_matched_without_regard_to_case_or_spaces(make, form_login):
    make.user(email="petra@voorbeeldstad.example")
    assert form_login("  Petra@Voorbeeldstad.EXAMPLE ").status_code == 302


def test_wrong_password_and_unknown_address_get_the_same_answer(make, form_login):
    user = make.user()
    wrong = form_login(user, password="not the password")
    unknown = form_login("nobody@example.org", password="not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert WRONG in wrong.text
    assert WRONG in unknown.text

    # Nothing on the page tells the two apart, apart from the address typed back and the
    # CSRF token (signed with the time).
    def neutral(text, address):
        return re.sub(r"[\w.-]{40,}", "TOKEN", text.replace(address, "X"))

    assert neutral(wrong.text, user.email) == neutral(unknown.text, "nobody@example.org")


def test_a_deactivated_account_gets_the_same_answer_as_a_wrong_password(make, form_login):
    user = make.user(is_active_account=False)
    response = form_login(user)
    assert response.status_code == 401
    assert WRONG in response.text


def test_an_empty_form_is_422_with_messages_not_a_crash(client):
    response = client.post("/login", data={})
    assert response.status_code == 422
    assert "Controleer het formulier" in response.text


def test_five_failures_lock_the_account_even_for_the_right_password(make, form_login):
    user = make.user()
    for _ in range(5):
        assert form_login(user, password="guess").status_code == 401
    response = form_login(user)
    assert response.status_code == 429
    assert THROTTLED in response.text
    assert "15 minuten" in response.text


def test_the_lock_is_per_account_others_can_still_log_in(make, form_login):
    victim, other = make.user(), make.user()
    for _ in range(5):
        form_login(victim, password="guess")
    assert form_login(victim).status_code == 429
    assert form_login(other).status_code == 302


def test_the_lock_also_holds_for_addresses_without_an_account(make, form_login):
    for _ in range(5):
        assert form_login("ghost@example.org", password="guess").status_code == 401
    assert form_login("ghost@example.org", password="guess").status_code == 429


def test_failures_older_than_the_window_no_longer_count(app, make, form_login):
    user = make.user()
    app.config["LOGIN_WINDOW_SECONDS"] = 0
    for _ in range(6):
        form_login(user, password="guess")
    assert form_login(user).status_code == 302


def test_a_successful_login_clears_the_account_count(make, form_login):
    user = make.user()
    for _ in range(4):
        form_login(user, password="guess")
    assert form_login(user).status_code == 302
    count = db.session.scalar(
        select(func.count(LoginAttempt.id)).where(LoginAttempt.email == user.email)
    )
    assert count == 0


def _attempt(client, email, password, address):
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_twenty_failures_from_one_address_do_not_lock_the_other_accounts(make, client):
    # Behind a proxy without TRUSTED_PROXIES everyone shares one address: one person
    # guessing at several accounts must not lock out the colleague who types it right.
    guessed = [make.user() for _ in range(4)]
    colleague = make.user()
    db.session.commit()
    for user in guessed:
        for _ in range(5):
            assert _attempt(client, user.email, "guess", "192.0.2.1").status_code == 401
    assert _attempt(client, colleague.email, PASSWORD, "192.0.2.1").status_code == 302


def test_a_lock_from_one_address_leaves_the_account_open_from_another(make, client):
    user = make.user()
    db.session.commit()
    for _ in range(5):
        _attempt(client, user.email, "guess", "192.0.2.1")
    assert _attempt(client, user.email, PASSWORD, "192.0.2.1").status_code == 429
    assert _attempt(client, user.email, PASSWORD, "192.0.2.2").status_code == 302


def test_an_account_guessed_at_from_many_addresses_locks_everywhere(make, client):
    # 4 addresses x 5 failures = 20, the per-account limit; each address is at its own limit
    # of 5 but not over it, so only the account-wide count can refuse the 21st.
    user = make.user()
    db.session.commit()
    for n in range(4):
        for _ in range(5):
            assert _attempt(client, user.email, "guess", f"192.0.2.{n + 1}").status_code == 401
    assert _attempt(client, user.email, PASSWORD, "192.0.2.99").status_code == 429


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "//evil.example/login",
        "https://evil.example",
        "http://evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/\t/evil.example",
        "/\n/evil.example",
        "evil.example",
    ],
)
def test_next_never_leads_off_site(make, form_login, target):
    response = form_login(make.user(), next=target)
    if any(ord(character) < 32 for character in target):
        # A control character in the address is refused (400) before the login even runs.
        assert response.status_code == 400
        return
    assert response.status_code == 302
    assert response.location == "/"


def test_next_on_this_site_is_followed(make, form_login):
    response = form_login(make.user(), next="/settings?tab=2")
    assert response.location == "/settings?tab=2"


def test_a_protected_page_asks_to_log_in_and_returns_there(make, client):
    response = client.get("/settings")
    assert response.status_code == 302
    assert "/login?next=" in response.location
    login_page = client.get(response.location)
    assert "Log in om deze pagina te zien." in login_page.text


def test_remember_me_cookie_only_when_asked(make, client, form_login):
    user = make.user()
    form_login(user)
    assert client.get_cookie("remember_token") is None
    client.post("/logout")
    form_login(user, remember="y")
    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    assert cookie.http_only


def test_logout_is_post_only(make, form_login, client):
    form_login(make.user())
    assert client.get("/logout").status_code == 405
    assert client.get("/settings").status_code == 200  # still logged in after the GET
    response = client.post("/logout")
    assert response.status_code == 303
    assert client.get("/settings").status_code == 302


def test_logout_says_so_in_dutch(make, form_login, client):
    form_login(make.user())
    page = client.post("/logout", follow_redirects=True)
    assert "Je bent uitgelogd." in page.text
