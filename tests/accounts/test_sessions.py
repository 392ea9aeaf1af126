"""Sessions end on the server: a cookie or link replayed after logout, a password change or
the end of its lifetime is refused (401 with the login page, or 410 for a link)."""

from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import select, update

from partnerships.accounts import sessions
from partnerships.accounts.models import User
from partnerships.accounts.signin_models import UserSession
from partnerships.database import utcnow
from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.quality.forms import forms_in

ENDED = "Je sessie is beëindigd. Log opnieuw in om verder te gaan."
IDLE = "Je bent uitgelogd omdat je een tijd niets hebt gedaan."
NEW = "a much newer password"


def _log_in(app, user, remember=False):
    db.session.commit()
    device = app.test_client()
    data = {"email": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    assert device.post("/login", data=data).status_code == 302
    return device


def _replay(app, **cookies):
    """A fresh browser that presents only these cookies, as someone who copied them would."""
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value)
    return thief


def test_a_session_cookie_replayed_after_logout_is_refused(app, make):
    device = _log_in(app, make.user())
    cookie = device.get_cookie("session").value
    assert device.get("/settings").status_code == 200
    assert device.post("/logout").status_code == 303

    replayed = _replay(app, session=cookie).get("/settings")
    assert replayed.status_code == 401
    assert ENDED in replayed.text
    # The page is the login form, posting to the login page (not to /settings).
    assert 'action="/login?next=' in replayed.text


def test_a_remember_cookie_replayed_after_logout_is_refused(app, make):
    device = _log_in(app, make.user(), remember=True)
    remember = device.get_cookie("remember_token").value
    device.post("/logout")
    assert device.get_cookie("remember_token") is None  # the browser is told to drop it
    assert _replay(app, remember_token=remember).get("/settings").status_code == 401


def test_the_remember_cookie_carries_an_expiry_and_no_user_id(app, make):
    user = make.user()
    device = _log_in(app, user, remember=True)
    cookie = device.get_cookie("remember_token")
    assert cookie.expires is not None
    expires = cookie.expires if cookie.expires.tzinfo else cookie.expires.replace(tzinfo=UTC)
    days = (expires - utcnow()).total_seconds() / 86400
    assert 29.9 < days <= 30
    assert not cookie.value.startswith(f"{user.id}:")


def test_a_remember_cookie_rotates_when_it_brings_someone_back(app, make, monkeypatch):
    monkeypatch.setattr(sessions, "ROTATION_GRACE", timedelta(0))
    device = _log_in(app, make.user(), remember=True)
    old = device.get_cookie("remember_token").value

    # The browser was closed: only the remember cookie is left.
    returning = _replay(app, remember_token=old)
    assert returning.get("/settings").status_code == 200
    new = returning.get_cookie("remember_token").value
    assert new != old
    # The new cookie works on its own; the old one, replayed later, does not.
    assert _replay(app, remember_token=new).get("/settings").status_code == 200
    assert _replay(app, remember_token=old).get("/settings").status_code == 401


def test_a_remembered_session_ends_at_its_expiry_on_the_server(app, make):
    device = _log_in(app, make.user(), remember=True)
    remember = device.get_cookie("remember_token").value
    db.session.execute(update(UserSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    assert _replay(app, remember_token=remember).get("/settings").status_code == 401


def test_a_session_idle_too_long_ends(app, make):
    user = make.user()
    device = _log_in(app, user)
    # The default: two hours without a request.
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=121)))
    db.session.commit()
    page = device.get("/settings")
    assert page.status_code == 401
    assert IDLE in page.text


def test_an_organisation_sets_a_shorter_idle_time(app, make):
    user = make.user()
    user.organisation.session_idle_minutes = 15
    device = _log_in(app, user)
    db.session.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=16)))
    db.session.commit()
    assert device.get("/settings").status_code == 401


def test_a_session_ends_at_its_absolute_lifetime_even_when_busy(app, make):
    user = make.user()
    user.organisation.session_max_hours = 1
    device = _log_in(app, user)
    row = db.session.scalar(select(UserSession))
    assert row.expires_at - row.created_at == timedelta(hours=1)
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert device.get("/settings").status_code == 401


def test_a_shorter_lifetime_set_by_the_admin_counts_for_sessions_already_running(app, make):
    # "Keep me logged in" gave this browser 30 days; the organisation now allows 2 hours.
    user = make.user()
    device = _log_in(app, user, remember=True)
    started = utcnow() - timedelta(hours=3)
    db.session.execute(update(UserSession).values(created_at=started, last_seen_at=started))
    db.session.commit()
    assert device.get("/settings").status_code == 200
    user.organisation.session_max_hours = 2
    db.session.commit()
    assert device.get("/settings").status_code == 401


def test_a_reset_link_dies_when_the_password_is_changed_in_settings(app, make, client, smtp):
    user = make.user()
    db.session.commit()
    client.post("/password/forgotten", data={"email": user.email})
    link = smtp.link(smtp.only(), "/password/reset/")
    device = _log_in(app, user)
    changed = device.post(
        "/settings/password",
        data={"pw-current": PASSWORD, "pw-password": NEW, "pw-confirm": NEW},
    )
    assert changed.status_code == 303
    assert client.get(link).status_code == 410
    assert client.post(link, data={"password": "x" * 12, "confirm": "x" * 12}).status_code == 410
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW)


def test_after_a_password_change_the_old_cookies_of_this_device_are_dead_too(app, make):
    device = _log_in(app, make.user(), remember=True)
    old_session = device.get_cookie("session").value
    old_remember = device.get_cookie("remember_token").value
    device.post(
        "/settings/password",
        data={"pw-current": PASSWORD, "pw-password": NEW, "pw-confirm": NEW},
    )
    assert device.get("/settings").status_code == 200  # this device carries on
    assert _replay(app, session=old_session).get("/settings").status_code == 401
    assert _replay(app, remember_token=old_remember).get("/settings").status_code == 401


def test_logging_in_again_gives_a_new_session_cookie(app, make):
    user = make.user()
    first = _log_in(app, user).get_cookie("session").value
    second = _log_in(app, user).get_cookie("session").value
    assert first != second


def test_the_sessions_page_lists_each_browser_and_signs_out_everywhere(app, make):
    user = make.user()
    laptop = _log_in(app, user)
    phone = app.test_client()
    phone.post(
        "/login",
        data={"email": user.email, "password": PASSWORD},
        headers={"User-Agent": "Mozilla/5.0 (iPhone) Safari/604.1"},
    )
    page = laptop.get("/settings/sessions")
    assert page.status_code == 200
    assert page.text.count('class="card"') == 2  # two browsers, hand-counted above
    assert page.text.count("deze browser") == 1
    assert "Safari, iPhone" in page.text
    [form] = [f for f in forms_in(page.text, "/settings/sessions") if "end-all" in f.action]
    out = laptop.post(form.action, data=form.data())
    assert out.status_code == 303
    assert laptop.get("/settings").status_code in (302, 401)
    assert phone.get("/settings").status_code == 401


def test_an_admin_sets_the_idle_time_on_the_sign_in_settings_page(app, make):
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation)
    device = _log_in(app, admin)
    path = f"/organisations/{admin.organisation_id}/sign-in"
    page = device.get(path)
    [form] = [f for f in forms_in(page.text, path) if f.has("session_idle_minutes")]
    saved = device.post(form.action, data=form.data(session_idle_minutes="15"))
    assert saved.status_code == 303
    other = _log_in(app, colleague)
    db.session.execute(
        update(UserSession)
        .where(UserSession.user_id == colleague.id)
        .values(last_seen_at=utcnow() - timedelta(minutes=16))
    )
    db.session.commit()
    assert other.get("/settings").status_code == 401
    assert device.get("/settings").status_code == 200


def test_an_htmx_request_of_an_ended_session_is_sent_to_the_login_page(app, make):
    device = _log_in(app, make.user())
    cookie = device.get_cookie("session").value
    device.post("/logout")
    response = _replay(app, session=cookie).get("/settings", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login?next=")
