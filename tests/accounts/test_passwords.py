"""Changing a password, and setting a new one through a one-time, expiring e-mail link."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from partnerships.accounts.models import AuthToken, User
from partnerships.database import utcnow
from partnerships.extensions import db
from tests.conftest import PASSWORD

NEW = "a much newer password"
SENT = "Als er een account bij dit adres hoort"


def _change(client, current=PASSWORD, new=NEW, confirm=None):
    return client.post(
        "/settings/password",
        data={
            "pw-current": current,
            "pw-password": new,
            "pw-confirm": confirm or new,
        },
    )


def test_changing_the_password_logs_out_other_devices_but_not_this_one(app, make, form_login):
    user = make.user()
    db.session.commit()
    laptop, phone = app.test_client(), app.test_client()
    for device in (laptop, phone):
        device.post("/login", data={"email": user.email, "password": PASSWORD})
        assert device.get("/settings").status_code == 200
    response = _change(laptop)
    assert response.status_code == 303
    assert laptop.get("/settings").status_code == 200
    assert phone.get("/settings").status_code == 401  # the login page, saying why
    assert phone.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 401
    assert phone.post("/login", data={"email": user.email, "password": NEW}).status_code == 302


def test_a_remember_me_cookie_dies_with_a_password_change(app, make):
    user = make.user()
    db.session.commit()
    old_device = app.test_client()
    old_device.post("/login", data={"email": user.email, "password": PASSWORD, "remember": "y"})
    remember = old_device.get_cookie("remember_token").value
    laptop = app.test_client()
    laptop.post("/login", data={"email": user.email, "password": PASSWORD})
    _change(laptop)
    # A fresh browser that only has the old remember cookie is not let in.
    stranger = app.test_client()
    stranger.set_cookie("remember_token", remember)
    assert stranger.get("/settings").status_code == 401


def test_the_current_password_must_be_right(make, form_login, client):
    form_login(make.user())
    response = _change(client, current="wrong password")
    assert response.status_code == 422
    assert "Je huidige wachtwoord klopt niet." in response.text


def test_a_new_password_must_be_long_enough_and_typed_twice_the_same(make, form_login, client):
    form_login(make.user())
    short = _change(client, new="short")
    assert short.status_code == 422
    assert "Gebruik minstens 10 tekens." in short.text
    differ = _change(client, new=NEW, confirm=NEW + "!")
    assert differ.status_code == 422
    assert "De wachtwoorden zijn niet gelijk." in differ.text


def test_reset_request_answers_the_same_for_known_and_unknown_addresses(make, client, smtp):
    user = make.user()
    db.session.commit()
    known = client.post("/password/forgotten", data={"email": user.email})
    unknown = client.post("/password/forgotten", data={"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 303
    assert known.location == unknown.location
    assert SENT in client.get("/login").text  # the flashed message, on the next page
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["To"] == user.email


def test_the_reset_page_shows_the_same_message_either_way(make, client):
    user = make.user()
    db.session.commit()
    pages = [
        client.post("/password/forgotten", data={"email": address}, follow_redirects=True)
        for address in (user.email, "nobody@example.org")
    ]
    assert all(SENT in page.text for page in pages)


def _reset_link(client, smtp, user) -> str:
    db.session.commit()
    client.post("/password/forgotten", data={"email": user.email})
    return smtp.link(smtp.messages[-1], "/password/reset/")


def test_a_reset_link_sets_a_new_password_once(make, client, smtp):
    user = make.user()
    link = _reset_link(client, smtp, user)
    message = smtp.only()
    assert message["Subject"] == "Stel een nieuw wachtwoord in voor Partnerships"
    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": NEW, "confirm": NEW})
    assert response.status_code == 303
    assert client.get("/settings").status_code == 200  # logged in straight away
    client.post("/logout")
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302
    # The link is spent.
    again = client.get(link)
    assert again.status_code == 410
    assert "Deze link werkt niet meer" in again.text
    assert client.post(link, data={"password": "x" * 12, "confirm": "x" * 12}).status_code == 410


def test_an_expired_reset_link_is_gone(make, client, smtp):
    user = make.user()
    link = _reset_link(client, smtp, user)
    token = db.session.scalar(select(AuthToken).where(AuthToken.user_id == user.id))
    token.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 410
    assert "Vraag een nieuwe wachtwoordlink aan" in response.text


def test_asking_again_ends_the_earlier_link(make, client, smtp):
    user = make.user()
    first = _reset_link(client, smtp, user)
    second = _reset_link(client, smtp, user)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_a_made_up_or_huge_token_is_gone_not_an_error(client):
    assert client.get("/password/reset/made-up").status_code == 410
    assert client.get("/password/reset/" + "x" * 500).status_code == 410


def test_an_invitation_link_is_no_reset_link(make, client, smtp, login_as):
    admin = make.user(org_role="admin")
    admin_client = login_as(admin)
    admin_client.post(
        f"/organisations/{admin.organisation_id}/users",
        data={"name": "Nieuw", "email": "nieuw@example.org", "org_role": "member"},
    )
    invite_path = smtp.link(smtp.only(), "/invitation/")
    token = invite_path.rsplit("/", 1)[1]
    assert client.get(f"/password/reset/{token}").status_code == 410


def test_a_deactivated_account_cannot_come_back_through_an_old_reset_link(make, client, smtp):
    user = make.user()
    link = _reset_link(client, smtp, user)
    db.session.get(User, user.id).is_active_account = False
    db.session.commit()
    assert client.get(link).status_code == 410


def test_the_reset_mail_is_in_the_users_language(make, client, smtp):
    user = make.user(locale="en")
    _reset_link(client, smtp, user)
    assert smtp.only()["Subject"] == "Set a new password for Partnerships"


def test_a_reset_request_for_a_deactivated_account_sends_nothing(make, client, smtp):
    user = make.user(is_active_account=False)
    db.session.commit()
    response = client.post("/password/forgotten", data={"email": user.email})
    assert response.status_code == 303
    assert smtp.messages == []
