"""Language: Dutch by default, a switch remembered on the account and in the session."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from flask import render_template_string
from flask_babel import gettext, lazy_gettext

import partnerships
from partnerships.accounts.models import User
from partnerships.extensions import db
from partnerships.i18n import force_locale
from tests.conftest import PASSWORD


def _switch(client, locale, next_path="/login"):
    return client.post("/language", data={"locale": locale, "next": next_path})


def test_dutch_is_the_default_even_for_an_english_browser(client):
    page = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert 'lang="nl"' in page.text
    assert "Inloggen" in page.text


def test_before_login_the_choice_is_kept_in_the_session(client):
    response = _switch(client, "en")
    assert response.status_code == 303
    assert response.location == "/login"
    page = client.get("/login")
    assert 'lang="en"' in page.text
    assert "Forgot your password?" in page.text
    assert 'lang="nl">Nederlands</button>' in page.text  # the way back, marked as Dutch


def test_a_logged_in_choice_is_saved_on_the_account(app, make, login_as):
    user = make.user()
    client = login_as(user)
    _switch(client, "en", "/settings")
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "en"
    # Another browser, logging in afresh, gets English too.
    other = app.test_client()
    other.post("/login", data={"email": user.email, "password": PASSWORD})
    assert 'lang="en"' in other.get("/settings").text


def test_a_choice_made_before_login_becomes_the_accounts(make, client):
    user = make.user()
    db.session.commit()
    _switch(client, "en")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "en"


def test_a_saved_choice_wins_over_the_session(make, client):
    user = make.user(locale="nl")
    db.session.commit()
    _switch(client, "en")
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert 'lang="nl"' in client.get("/settings").text


def test_after_logout_the_page_stays_in_the_users_language(make, login_as):
    client = login_as(make.user(locale="en"))
    page = client.post("/logout", follow_redirects=True)
    assert 'lang="en"' in page.text
    assert "You are logged out." in page.text


def test_an_unknown_language_is_refused_politely(client):
    response = _switch(client, "fr")
    assert response.status_code == 400
    assert "Het verzoek kon niet worden verwerkt" in response.text


def test_the_switch_never_sends_you_off_site(client):
    response = _switch(client, "en", "https://evil.example/")
    assert response.location == "/"


def test_switching_language_needs_a_post(client):
    assert client.get("/language?locale=en").status_code == 405


def test_dates_and_numbers_follow_the_language(app):
    template = "{{ day|date }} | {{ day|date('short') }} | {{ n|number(1) }} | {{ big|number }}"
    context = {"day": date(2026, 1, 12), "n": Decimal("25.5"), "big": 12500}
    with app.test_request_context():
        with force_locale("nl"):
            assert render_template_string(template, **context) == (
                "12 januari 2026 | 12-01-2026 | 25,5 | 12.500"
            )
        with force_locale("en"):
            assert render_template_string(template, **context) == (
                "12 January 2026 | 12-01-2026 | 25.5 | 12,500"
            )


def test_a_string_in_a_request_follows_the_users_language(app, make):
    dutch, english = make.user(locale="nl"), make.user(locale="en")
    db.session.commit()
    for user, expected, other in (
        (english, "Log out", "Uitloggen"),
        (dutch, "Uitloggen", "Log out"),
    ):
        client = app.test_client()
        client.post("/login", data={"email": user.email, "password": PASSWORD})
        page = client.get("/settings").text
        assert expected in page and other not in page


def test_force_locale_switches_and_restores_within_a_request(app):
    with app.test_request_context():
        assert gettext("Log in") == "Inloggen"  # cached for the request from here on
        with force_locale("en"):
            assert gettext("Log in") == "Log in"
            assert render_template_string("{{ _('Log in') }}") == "Log in"
            with force_locale("nl"):
                assert gettext("Log in") == "Inloggen"
            assert gettext("Log in") == "Log in"
        assert gettext("Log in") == "Inloggen"
        assert render_template_string("{{ _('Log in') }}") == "Inloggen"


def test_force_locale_switches_and_restores_outside_a_request(app):
    # The way mail and CLI jobs run: an app context, no request.
    with app.app_context():
        assert gettext("Log in") == "Inloggen"
        with force_locale("en"):
            assert gettext("Log in") == "Log in"
            assert str(lazy_gettext("Password")) == "Password"
        assert gettext("Log in") == "Inloggen"
        assert str(lazy_gettext("Password")) == "Wachtwoord"


def test_wtforms_own_messages_come_in_the_users_language(client):
    dutch = client.post("/login", data={"email": "", "password": ""})
    assert dutch.status_code == 422
    assert "Dit veld is vereist." in dutch.text
    assert "This field is required." not in dutch.text
    _switch(client, "en")
    english = client.post("/login", data={"email": "", "password": ""})
    assert "This field is required." in english.text
    assert "Dit veld is vereist." not in english.text


def test_no_module_uses_the_private_parts_of_flask_babel_or_flask_wtf():
    # Their private slots change without notice between releases; the documented hooks
    # (Domain, force_locale, WTForms' Meta.get_translations) stay.
    package = Path(partnerships.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "_flask_babel" in path.read_text() or "wtforms_translations" in path.read_text()
    ]
    assert offenders == []


def test_a_moment_shows_in_dutch_time_in_either_language(app):
    # Stored in UTC: 01:30 UTC on 25 October 2026 is after the clocks went back (02:30 in
    # Amsterdam), 00:30 UTC on 29 March before they went forward the same night (01:30);
    # formatted twice, the second time from the remembered result.
    from datetime import datetime

    page = "{{ a|date }} / {{ b|date('short') }}"
    moments = {"a": datetime(2026, 10, 25, 1, 30), "b": datetime(2026, 3, 29, 0, 30)}
    with app.test_request_context("/"):
        for _ in range(2):
            assert (
                render_template_string(page, **moments)
                == "25 oktober 2026 02:30 / 29-03-2026 01:30"
            )
        with force_locale("en"):
            assert (
                render_template_string(page, **moments)
                == "25 October 2026 02:30 / 29-03-2026 01:30"
            )
