"""Two-factor sign-in: enrolling an app from the QR page, codes computed by pyotp as the
phone would, throttling, single-use recovery codes, and who must enrol."""

from __future__ import annotations

import re
import time

import pyotp
from sqlalchemy import func, select

from partnerships.accounts.models import LoginAttempt, User
from partnerships.accounts.signin_models import RecoveryCode
from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.quality.forms import form_with, forms_in

SETUP = "/settings/two-factor"


def _submit(client, path, **values):
    """Load the page and send its form with these fields filled in, as a browser would."""
    page = client.get(path)
    form = form_with(forms_in(page.text, path), *values)
    return client.post(form.action, data=form.data(**values))


def _enrol(client) -> tuple[str, list[str]]:
    """Set up the app from the setup page; returns the secret and the recovery codes."""
    page = client.get(SETUP)
    assert page.status_code == 200
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text)[1].replace(" ", "")
    shown = _submit(client, SETUP, code=pyotp.TOTP(secret).now())
    assert shown.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{4}(?:-[a-z2-7]{4}){3})</code></li>", shown.text)
    return secret, codes


def _password_step(client, user, **extra):
    data = {"email": user.email, "password": PASSWORD, **extra}
    return client.post("/login", data=data)


def _next_code(secret: str) -> str:
    """A code of the next time step: a new code, as the phone would show 30 s later."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def test_enrolment_shows_a_qr_code_and_turns_it_on_with_a_code_from_the_app(make, login_as):
    user = make.user()
    client = login_as(user)
    page = client.get(SETUP)
    assert "<svg" in page.text and "<script" not in page.text.split("<main", 1)[-1]
    assert 'autocomplete="one-time-code"' in page.text
    secret, codes = _enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    db.session.expire_all()
    stored = db.session.get(User, user.id)
    assert stored.has_two_factor
    # The secret is stored encrypted, the recovery codes only as hashes.
    assert secret not in stored.totp_secret
    hashes = db.session.scalars(select(RecoveryCode.code_hash)).all()
    assert len(hashes) == 10 and not set(hashes) & set(codes)
    assert "Tweestapsverificatie staat aan." in client.get("/settings").text


def test_a_wrong_code_does_not_turn_it_on(make, login_as):
    client = login_as(make.user())
    client.get(SETUP)
    response = _submit(client, SETUP, code="000000")
    assert response.status_code == 422
    assert "Deze code klopt niet" in response.text
    assert client.get("/settings").status_code == 200


def test_signing_in_takes_the_password_and_then_a_code(app, make, login_as):
    user = make.user()
    secret, _ = _enrol(login_as(user))
    browser = app.test_client()
    first = _password_step(browser, user)
    assert first.status_code == 303 and first.location == "/login/code"
    # Between the two steps the person is not signed in.
    assert browser.get("/settings").status_code == 302
    second = _submit(browser, "/login/code", code=_next_code(secret))
    assert second.status_code == 303
    assert browser.get("/settings").status_code == 200


def test_a_code_works_once(app, make, login_as):
    user = make.user()
    secret, _ = _enrol(login_as(user))
    code = _next_code(secret)
    first = app.test_client()
    _password_step(first, user)
    assert _submit(first, "/login/code", code=code).status_code == 303
    second = app.test_client()
    _password_step(second, user)
    again = _submit(second, "/login/code", code=code)
    assert again.status_code == 401
    assert "Deze code klopt niet, of is al gebruikt." in again.text


def test_wrong_codes_count_as_failed_logins_and_are_throttled(app, make, login_as):
    user = make.user()
    secret, _ = _enrol(login_as(user))
    browser = app.test_client()
    _password_step(browser, user)
    for _ in range(5):
        assert _submit(browser, "/login/code", code="123456").status_code == 401
    # The sixth attempt is refused unjudged, even with the right code.
    locked = _submit(browser, "/login/code", code=_next_code(secret))
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.text
    attempts = db.session.scalar(
        select(func.count(LoginAttempt.id)).where(LoginAttempt.email == user.email)
    )
    assert attempts == 6
    assert browser.get("/settings").status_code == 302


def test_a_recovery_code_works_once(app, make, login_as):
    user = make.user()
    _, codes = _enrol(login_as(user))
    first = app.test_client()
    _password_step(first, user)
    assert _submit(first, "/login/code", code=codes[0].upper()).status_code == 303
    assert first.get("/settings").status_code == 200
    second = app.test_client()
    _password_step(second, user)
    assert _submit(second, "/login/code", code=codes[0]).status_code == 401
    assert _submit(second, "/login/code", code=codes[1]).status_code == 303


def test_an_admin_must_enrol_before_reaching_any_page(app, make):
    app.config["TWO_FACTOR_FOR_ADMINS"] = True
    admin = make.user(org_role="admin")
    site_admin = make.user(is_site_admin=True)
    db.session.commit()
    for user, page in (
        (admin, f"/organisations/{admin.organisation_id}/users"),
        (site_admin, "/admin/organisations"),
    ):
        browser = app.test_client()
        assert _password_step(browser, user).status_code == 302
        for path in (page, "/", "/settings"):
            response = browser.get(path)
            assert response.status_code == 303, path
            assert response.location == SETUP
        assert "Stel eerst tweestapsverificatie in" in browser.get(SETUP).text
        _enrol(browser)
        assert browser.get(page).status_code == 200


def test_an_enrolled_admin_cannot_turn_it_off(app, make, login_as):
    app.config["TWO_FACTOR_FOR_ADMINS"] = True
    admin = make.user(org_role="admin")
    client = login_as(admin)
    secret, _ = _enrol(client)
    page = client.get(SETUP)
    assert "kan daarom niet uit" in page.text
    refused = client.post("/settings/two-factor/off", data={"code": _next_code(secret)})
    assert refused.status_code == 403


def test_a_member_may_turn_it_off_with_a_code(make, login_as):
    user = make.user()
    client = login_as(user)
    secret, _ = _enrol(client)
    off = client.post("/settings/two-factor/off", data={"code": _next_code(secret)})
    assert off.status_code == 303
    db.session.expire_all()
    assert not db.session.get(User, user.id).has_two_factor
    assert db.session.scalar(select(func.count(RecoveryCode.id))) == 0


def test_an_organisation_can_require_it_for_password_sign_ins(app, make):
    member = make.user()
    member.organisation.require_two_factor = True
    db.session.commit()
    browser = app.test_client()
    _password_step(browser, member)
    assert browser.get("/").location == SETUP


def test_a_reset_link_still_asks_for_the_code(app, make, login_as, smtp):
    user = make.user()
    secret, _ = _enrol(login_as(user))
    browser = app.test_client()
    browser.post("/password/forgotten", data={"email": user.email})
    link = smtp.link(smtp.only(), "/password/reset/")
    new = "another long password"
    response = browser.post(link, data={"password": new, "confirm": new})
    assert response.status_code == 303 and response.location == "/login/code"
    assert browser.get("/settings").status_code == 302
    assert _submit(browser, "/login/code", code=_next_code(secret)).status_code == 303
    assert browser.get("/settings").status_code == 200


def test_wrong_codes_in_the_settings_are_throttled_too(app, make, login_as):
    # A session left open must not let someone guess codes to turn two-factor off.
    user = make.user()
    client = login_as(user)
    secret, _ = _enrol(client)
    for _ in range(5):
        wrong = client.post("/settings/two-factor/off", data={"code": "123456"})
        assert wrong.status_code == 422
    locked = client.post("/settings/two-factor/off", data={"code": _next_code(secret)})
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.text
    db.session.expire_all()
    assert db.session.get(User, user.id).has_two_factor


def _press(client, page_path, action_end):
    """Press the button of the form on the page whose action ends like this."""
    page = client.get(page_path)
    assert page.status_code == 200
    form = next(f for f in forms_in(page.text, page_path) if f.action.endswith(action_end))
    return client.post(form.action, data=form.data())


def test_the_organisation_admin_resets_two_factor_for_someone_who_lost_the_phone(
    app, make, login_as
):
    # The code page says: no recovery codes left, ask your organisation's administrator.
    member = make.user(name="Sanne de Vries")
    _enrol(login_as(member))
    admin = make.user(member.organisation, org_role="admin")
    client = login_as(admin)
    users = f"/organisations/{member.organisation_id}/users"
    assert "Tweestapsverificatie van Sanne de Vries opnieuw instellen" in client.get(users).text
    reset = _press(client, users, f"/users/{member.id}/two-factor/reset")
    assert reset.status_code == 303
    db.session.expire_all()
    stored = db.session.get(User, member.id)
    assert not stored.has_two_factor and stored.totp_secret is None
    assert db.session.scalar(select(func.count(RecoveryCode.id))) == 0
    # She logs in with her password alone and may set up her new phone.
    browser = app.test_client()
    assert _password_step(browser, member).status_code == 302
    assert browser.get("/settings").status_code == 200


def test_only_an_admin_of_the_organisation_resets_two_factor(app, make, login_as):
    member = make.user()
    _enrol(login_as(member))
    colleague = make.user(member.organisation)
    other_admin = make.user(org_role="admin")
    path = f"/organisations/{member.organisation_id}/users/{member.id}/two-factor/reset"
    for user in (colleague, other_admin, member):
        assert login_as(user).post(path).status_code == 403
    db.session.expire_all()
    assert db.session.get(User, member.id).has_two_factor
