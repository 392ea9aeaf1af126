"""An organisation admin invites colleagues by e-mail; the link works once, then they log in."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from partnerships.accounts.models import AuthToken, User
from partnerships.database import utcnow
from partnerships.extensions import db

NEW = "my own good password"


def _invite(client, org, name="Jan Bos", email="jan.bos@example.org", role="member"):
    return client.post(
        f"/organisations/{org.id}/users", data={"name": name, "email": email, "org_role": role}
    )


def test_an_invitation_arrives_over_smtp_and_its_link_activates_the_account(
    app, make, login_as, smtp
):
    admin = make.user(name="Sanne de Vries", org_role="admin")
    client = login_as(admin)
    response = _invite(client, admin.organisation)
    assert response.status_code == 303
    page = client.get(response.location)
    assert "Uitnodiging verstuurd naar jan.bos@example.org." in page.text
    assert "Uitgenodigd" in page.text

    message = smtp.only()
    assert message["To"] == "jan.bos@example.org"
    assert message["Subject"] == "Je bent uitgenodigd voor Partnerships"
    body = message.get_body(("plain",)).get_content()
    assert "Sanne de Vries nodigt je uit" in body
    link = smtp.link(message, "/invitation/")

    invited = User.by_email("jan.bos@example.org")
    assert not invited.is_active
    newcomer = app.test_client()
    # Before accepting, the account cannot log in.
    assert (
        newcomer.post("/login", data={"email": invited.email, "password": NEW}).status_code == 401
    )
    form = newcomer.get(link)
    assert form.status_code == 200
    assert "Je bent uitgenodigd als jan.bos@example.org" in form.text
    accepted = newcomer.post(link, data={"name": "Jan Bos", "password": NEW, "confirm": NEW})
    assert accepted.status_code == 303
    assert newcomer.get("/settings").status_code == 200
    newcomer.post("/logout")
    login = newcomer.post("/login", data={"email": "jan.bos@example.org", "password": NEW})
    assert login.status_code == 302
    # One time only.
    assert newcomer.get(link).status_code == 410


def test_without_a_mail_server_the_admin_sees_the_link_to_pass_on(app, make, login_as):
    app.config["MAIL_SERVER"] = None
    admin = make.user(org_role="admin")
    client = login_as(admin)
    page = _invite(client, admin.organisation)
    assert page.status_code == 200
    assert "Geef jan.bos@example.org deze link zelf" in page.text
    token = db.session.scalar(select(AuthToken))
    assert token.purpose == "invite"
    link = page.text.split("<code>")[1].split("</code>")[0]
    assert "/invitation/" in link
    path = link.split("localhost", 1)[1]
    assert app.test_client().get(path).status_code == 200


def test_when_the_mail_server_is_down_the_admin_gets_the_link_not_an_error(app, make, login_as):
    from tests.mailbox import free_port

    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())  # nobody listens
    admin = make.user(org_role="admin")
    page = _invite(login_as(admin), admin.organisation)
    assert page.status_code == 200
    assert "/invitation/" in page.text
    assert User.by_email("jan.bos@example.org") is not None


def test_an_expired_invitation_is_gone(app, make, login_as, smtp):
    admin = make.user(org_role="admin")
    _invite(login_as(admin), admin.organisation)
    link = smtp.link(smtp.only(), "/invitation/")
    db.session.scalar(select(AuthToken)).expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = app.test_client().get(link)
    assert response.status_code == 410
    assert "Deze link werkt niet meer" in response.text


def test_inviting_again_replaces_the_first_link(app, make, login_as, smtp):
    admin = make.user(org_role="admin")
    client = login_as(admin)
    _invite(client, admin.organisation)
    _invite(client, admin.organisation)
    first, second = (smtp.link(m, "/invitation/") for m in smtp.messages)
    assert app.test_client().get(first).status_code == 410
    assert app.test_client().get(second).status_code == 200
    assert (
        len(db.session.scalars(select(User).where(User.email == "jan.bos@example.org")).all()) == 1
    )


def test_an_invitation_can_make_someone_administrator(app, make, login_as, smtp):
    admin = make.user(org_role="admin")
    _invite(login_as(admin), admin.organisation, role="admin")
    assert User.by_email("jan.bos@example.org").is_org_admin


def test_an_address_of_another_organisation_cannot_be_invited(make, login_as, smtp):
    other = make.user(email="taken@example.org")
    admin = make.user(org_role="admin")
    response = _invite(login_as(admin), admin.organisation, email="taken@example.org")
    assert response.status_code == 422
    assert "Dit adres hoort bij een account van een andere organisatie." in response.text
    assert smtp.messages == []
    assert db.session.get(User, other.id).organisation_id == other.organisation_id


def test_an_active_colleague_is_not_invited_twice(make, login_as, smtp):
    admin = make.user(org_role="admin")
    make.user(admin.organisation, email="colleague@example.org")
    response = _invite(login_as(admin), admin.organisation, email="colleague@example.org")
    assert response.status_code == 422
    assert "Deze persoon heeft hier al een actief account." in response.text


def test_a_bad_address_or_empty_name_is_422_with_messages(make, login_as, smtp):
    admin = make.user(org_role="admin")
    response = _invite(login_as(admin), admin.organisation, name="", email="not-an-address")
    assert response.status_code == 422
    assert "Vul een geldig e-mailadres in." in response.text
    assert smtp.messages == []


def test_a_member_cannot_invite(make, login_as, smtp):
    member = make.user()
    response = _invite(login_as(member), member.organisation)
    assert response.status_code == 403
    assert smtp.messages == []
    assert User.by_email("jan.bos@example.org") is None


def test_accepting_needs_a_good_password(app, make, login_as, smtp):
    admin = make.user(org_role="admin")
    _invite(login_as(admin), admin.organisation)
    link = smtp.link(smtp.only(), "/invitation/")
    response = app.test_client().post(
        link, data={"name": "Jan", "password": "short", "confirm": "short"}
    )
    assert response.status_code == 422
    assert "Gebruik minstens 10 tekens." in response.text
    # The failed attempt does not spend the link.
    assert app.test_client().get(link).status_code == 200


def test_outside_development_no_live_link_goes_to_the_log(app, make, web, caplog):
    # Issue 14, point 9: without a mail server the reset and invitation links were logged.
    app.config.update(MAIL_SERVER=None, DEVELOPMENT=False)
    admin = make.user(org_role="admin")
    colleague = make.user(admin.organisation)
    visitor = web(admin)
    with caplog.at_level("DEBUG"):
        page = visitor.submit(
            f"/organisations/{admin.organisation.id}/users",
            name="Jan Bos",
            email="jan.bos@example.org",
        )
        web().submit("/password/forgotten", email=colleague.email)
    assert "/invitation/" in page.text  # the admin still sees the link to pass on
    logged = caplog.text
    assert "jan.bos@example.org" in logged and colleague.email in logged
    assert "/invitation/" not in logged and "/password/reset/" not in logged


def test_in_development_the_log_shows_the_message_with_its_link(app, make, web, caplog):
    app.config.update(MAIL_SERVER=None, DEVELOPMENT=True)
    user = make.user()
    with caplog.at_level("DEBUG"):
        web().submit("/password/forgotten", email=user.email)
    assert "/password/reset/" in caplog.text
