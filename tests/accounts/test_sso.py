"""Signing in through the organisation's OpenID Connect provider: a real provider on a
loopback port (tests/accounts/oidc_provider.py), the full redirect flow through Flask's test
client, and every bad answer refused with a page in the user's language and no change."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from sqlalchemy import func, select

from partnerships.accounts.models import User
from partnerships.accounts.signin_models import IdentityProvider, UserSession
from partnerships.extensions import db
from tests.accounts.oidc_provider import Misbehaviour, Provider, Running
from tests.conftest import PASSWORD
from tests.quality.forms import form_with, forms_in

DOMAIN = "voorbeeldstad.example"


@pytest.fixture(scope="module")
def running_provider():
    with Running(Provider()) as provider:
        yield provider


@pytest.fixture
def provider(running_provider):
    running_provider.misbehave = Misbehaviour()
    running_provider.user = {}
    running_provider.nonces.clear()
    return running_provider


def _submit(client, path, **values):
    page = client.get(path)
    assert page.status_code == 200, path
    form = form_with(forms_in(page.text, path), *values)
    return client.post(form.action, data=form.data(**values))


def _configure(app, admin, provider, **fields):
    """The organisation admin fills in the sign-in settings page."""
    db.session.commit()
    client = app.test_client()
    client.post("/login", data={"email": admin.email, "password": PASSWORD})
    values = {
        "mode": "sso_or_password",
        "issuer": provider.issuer,
        "client_id": provider.client_id,
        "client_secret": provider.client_secret,
        "allowed_domains": DOMAIN,
        **fields,
    }
    response = _submit(client, f"/organisations/{admin.organisation_id}/sign-in", **values)
    assert response.status_code == 303, response.text
    return client


@pytest.fixture
def org(app, make, provider):
    admin = make.user(email=f"beheer@{DOMAIN}", org_role="admin")
    _configure(app, admin, provider)
    return admin.organisation


def _sign_in(client, provider, email, sub="subject-1", typed=None, **claims):
    """Start at our page, follow the provider's redirect, come back; returns our answer."""
    provider.user = {"sub": sub, "email": email, "email_verified": True, **claims}
    start = _submit(client, "/login/organisation", email=typed or email)
    assert start.status_code == 302, start.text
    assert start.location.startswith(provider.issuer + "/authorize?")
    query = parse_qs(urlsplit(start.location).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    at_provider = requests.get(start.location, allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    answer = client.get(f"{back.path}?{back.query}")
    answer.code = parse_qs(back.query)["code"][0]  # for tests that look for it in the log
    return answer


def _nothing_leaked(log: str, provider, answer) -> None:
    """The admin's log line names the refusal, never the client secret, the authorization
    code or a token (a JWT starts with "eyJ")."""
    assert "refused" in log
    assert provider.client_secret not in log
    assert answer.code not in log
    assert "eyJ" not in log


def _accounts() -> list[tuple]:
    """Every account with what signing in may change on it."""
    return db.session.execute(
        select(
            User.id, User.email, User.sso_issuer, User.sso_subject, User.is_active_account
        ).order_by(User.id)
    ).all()


def _signed_in(client) -> bool:
    return client.get("/settings").status_code == 200


def test_a_known_address_signs_in_and_is_linked_the_first_time(app, make, org, provider):
    user = make.user(org, email=f"petra@{DOMAIN}", name="Petra")
    db.session.commit()
    client = app.test_client()
    response = _sign_in(client, provider, f"Petra@{DOMAIN}", sub="petra-at-idp")
    assert response.status_code == 303
    assert _signed_in(client)
    db.session.expire_all()
    linked = db.session.get(User, user.id)
    assert (linked.sso_issuer, linked.sso_subject) == (provider.issuer, "petra-at-idp")
    methods = db.session.scalars(select(UserSession.method).where(UserSession.user_id == user.id))
    assert list(methods) == ["sso"]
    # Next time the provider's subject finds her, even under a new address in the domain.
    again = app.test_client()
    _sign_in(again, provider, f"p.jansen@{DOMAIN}", sub="petra-at-idp")
    assert again.get("/settings").text.count("Petra") >= 1
    assert db.session.scalar(select(func.count(User.id))) == 2  # the admin and Petra


def test_an_unknown_address_is_refused_unless_the_organisation_creates_accounts(
    app, make, org, provider
):
    client = app.test_client()
    refused = _sign_in(client, provider, f"nieuw@{DOMAIN}")
    assert refused.status_code == 403
    assert "Er is nog geen account voor je e-mailadres" in refused.text
    assert User.by_email(f"nieuw@{DOMAIN}") is None

    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, create_accounts="y", client_secret="")
    created = _sign_in(client, provider, f"nieuw@{DOMAIN}", name="Nieuwe Collega")
    assert created.status_code == 303
    user = User.by_email(f"nieuw@{DOMAIN}")
    assert user.org_role == "member" and user.organisation_id == org.id
    assert user.password_hash is None and user.name == "Nieuwe Collega"
    from partnerships.pilots.models import Membership

    assert db.session.scalar(select(func.count(Membership.id))) == 0  # no pilot roles


def test_an_address_outside_the_allowed_domains_is_refused(app, make, org, provider):
    user = make.user(org, email="petra@elders.example")
    db.session.commit()
    client = app.test_client()
    # She types an address in the domain; the provider vouches for one outside it.
    refused = _sign_in(client, provider, user.email, typed=f"petra@{DOMAIN}")
    assert refused.status_code == 403
    assert "niet in een domein" in refused.text
    assert not _signed_in(client)
    db.session.expire_all()
    assert db.session.get(User, user.id).sso_subject is None


@pytest.mark.parametrize(
    ("misbehaviour", "text"),
    [
        (Misbehaviour(wrong_key=True), "een antwoord dat we niet kunnen vertrouwen"),
        (Misbehaviour(audience="another-client"), "een antwoord dat we niet kunnen vertrouwen"),
        (Misbehaviour(expired=True), "een antwoord dat we niet kunnen vertrouwen"),
        (Misbehaviour(nonce="an-earlier-nonce"), "een antwoord dat we niet kunnen vertrouwen"),
        (Misbehaviour(state="another-state"), "niet hier gestart"),
        (Misbehaviour(issuer="https://idp.elders.example"), "een antwoord dat we niet kunnen"),
    ],
    ids=[
        "bad signature",
        "wrong audience",
        "expired",
        "replayed nonce",
        "state mismatch",
        "wrong issuer",
    ],
)
def test_an_untrustworthy_answer_is_refused_and_changes_nothing(
    app, make, org, provider, misbehaviour, text, caplog
):
    make.user(org, email=f"petra@{DOMAIN}")
    db.session.commit()
    # Even an organisation that creates accounts gets none from an answer it cannot trust.
    db.session.execute(db.update(IdentityProvider).values(create_accounts=True))
    db.session.commit()
    before = _accounts()
    provider.misbehave = misbehaviour
    client = app.test_client()
    for email in (f"petra@{DOMAIN}", f"nieuw@{DOMAIN}"):  # a known and an unknown address
        refused = _sign_in(client, provider, email)
        assert refused.status_code == 400
        assert text in refused.text
        assert not _signed_in(client)
        _nothing_leaked(caplog.text, provider, refused)
    db.session.expire_all()
    assert _accounts() == before
    assert db.session.scalar(select(func.count(UserSession.id))) == 1  # the admin's only


def test_a_replayed_callback_is_refused(app, make, org, provider):
    user = make.user(org, email=f"petra@{DOMAIN}")
    db.session.commit()
    client = app.test_client()
    provider.user = {"sub": "s", "email": user.email, "email_verified": True}
    start = _submit(client, "/login/organisation", email=user.email)
    back = urlsplit(requests.get(start.location, allow_redirects=False).headers["Location"])
    assert client.get(f"{back.path}?{back.query}").status_code == 303
    thief = app.test_client()
    replayed = thief.get(f"{back.path}?{back.query}")
    assert replayed.status_code == 400
    assert not _signed_in(thief)


def test_a_wrong_client_secret_is_a_clear_page_for_the_user(app, make, org, provider, caplog):
    user = make.user(org, email=f"petra@{DOMAIN}")
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, client_secret="not-the-secret")
    before = _accounts()
    refused = _sign_in(app.test_client(), provider, user.email)
    assert refused.status_code == 400
    assert "niet goed ingesteld" in refused.text
    _nothing_leaked(caplog.text, provider, refused)
    assert "not-the-secret" not in caplog.text
    db.session.expire_all()
    assert _accounts() == before


def test_a_provider_that_is_down_is_a_clear_page(app, make, provider, caplog):
    from tests.quality.live import free_port

    admin = make.user(email=f"beheer@{DOMAIN}", org_role="admin")
    _configure(app, admin, provider, issuer=f"http://127.0.0.1:{free_port()}")
    before = _accounts()
    response = _submit(app.test_client(), "/login/organisation", email=f"iemand@{DOMAIN}")
    assert response.status_code == 502
    assert "gaf geen goed antwoord" in response.text
    assert "refused" in caplog.text and provider.client_secret not in caplog.text
    assert _accounts() == before


def test_a_provider_announcing_another_issuer_is_not_used(app, make, org, provider, caplog):
    # OpenID Connect Discovery: the issuer in the document must be the address it was
    # fetched from, or any server could speak for the organisation's provider.
    provider.misbehave = Misbehaviour(announced_issuer="https://idp.elders.example")
    before = _accounts()
    client = app.test_client()
    response = _submit(client, "/login/organisation", email=f"petra@{DOMAIN}")
    assert response.status_code == 502
    assert "niet goed ingesteld" in response.text
    assert provider.nonces == []  # nobody was sent to the provider
    assert "refused" in caplog.text and "idp.elders.example" in caplog.text
    assert provider.client_secret not in caplog.text
    assert not _signed_in(client)
    assert _accounts() == before


def test_a_deactivated_account_cannot_sign_in_and_its_session_ends(app, make, org, provider):
    user = make.user(org, email=f"petra@{DOMAIN}")
    db.session.commit()
    client = app.test_client()
    _sign_in(client, provider, user.email)
    assert _signed_in(client)
    db.session.get(User, user.id).is_active_account = False
    db.session.commit()
    assert client.get("/settings").status_code == 401
    refused = _sign_in(app.test_client(), provider, user.email)
    assert refused.status_code == 403
    assert "Je account is gedeactiveerd" in refused.text


def test_only_sso_refuses_the_password(app, make, org, provider):
    user = make.user(org, email=f"petra@{DOMAIN}")
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, mode="sso_only", client_secret="")
    response = app.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "Log in via je organisatie" in response.text


def test_the_refusal_is_in_english_for_an_english_speaker(app, make, org, provider):
    client = app.test_client()
    client.post("/language", data={"locale": "en"})
    refused = _sign_in(client, provider, f"nieuw@{DOMAIN}")
    assert "There is no account for your e-mail address yet." in refused.text


def test_the_secret_is_stored_encrypted_and_never_shown_again(app, make, org, provider):
    row = db.session.scalar(select(IdentityProvider))
    assert provider.client_secret not in row.client_secret_encrypted
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    client = app.test_client()
    client.post("/login", data={"email": admin.email, "password": PASSWORD})
    page = client.get(f"/organisations/{org.id}/sign-in")
    assert page.status_code == 200
    assert provider.client_secret not in page.text


def test_only_the_organisations_admin_sees_its_sign_in_settings(app, make, org):
    member = make.user(org)
    other_admin = make.user(org_role="admin")
    db.session.commit()
    for user in (member, other_admin):
        client = app.test_client()
        client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert client.get(f"/organisations/{org.id}/sign-in").status_code == 403


def test_an_issuer_must_be_https_except_on_this_machine(app, make, provider):
    admin = make.user(org_role="admin")
    db.session.commit()
    client = app.test_client()
    client.post("/login", data={"email": admin.email, "password": PASSWORD})
    response = _submit(
        client,
        f"/organisations/{admin.organisation_id}/sign-in",
        mode="sso_or_password",
        issuer="http://idp.example.org",
        client_id="x",
        client_secret="y",
        allowed_domains=DOMAIN,
    )
    assert response.status_code == 422
    assert "https://" in response.text
    assert db.session.scalar(select(func.count(IdentityProvider.id))) == 0


def test_the_start_page_lets_its_form_lead_to_the_provider(app, org, provider):
    # Browsers apply form-action to the redirect after the form; without the provider's
    # origin there, Chromium stops at our page (see tests/browser/test_sign_in.py).
    policy = app.test_client().get("/login/organisation").headers["Content-Security-Policy"]
    assert f"form-action 'self' {provider.issuer};" in policy


def test_a_lost_encryption_key_is_a_clear_page_not_a_crash(app, org, provider, monkeypatch):
    # The database was restored on a machine without its instance/encryption_key.
    from cryptography.fernet import Fernet

    monkeypatch.setitem(app.config, "ENCRYPTION_KEY", Fernet.generate_key().decode())
    response = _submit(app.test_client(), "/login/organisation", email=f"petra@{DOMAIN}")
    assert response.status_code == 502
    assert "niet goed ingesteld" in response.text
    assert provider.nonces == []


def test_an_account_made_by_single_sign_on_can_be_deactivated_and_reactivated(
    app, make, org, provider
):
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, create_accounts="y", client_secret="")
    _sign_in(app.test_client(), provider, f"nieuw@{DOMAIN}", name="Nina Nieuw")
    nina = User.by_email(f"nieuw@{DOMAIN}")
    assert nina.password_hash is None  # she only ever came through the provider
    client = app.test_client()
    client.post("/login", data={"email": admin.email, "password": PASSWORD})
    users = f"/organisations/{org.id}/users"
    toggle = f"/users/{nina.id}/active"

    def press():
        page = client.get(users)
        form = next(f for f in forms_in(page.text, users) if f.action.endswith(toggle))
        return client.post(form.action, data=form.data())

    assert press().status_code in (302, 303)
    page = client.get(users).text
    assert "Gedeactiveerd" in page and "Nina Nieuw weer activeren" in page
    assert _sign_in(app.test_client(), provider, nina.email).status_code == 403
    assert press().status_code in (302, 303)
    assert _sign_in(app.test_client(), provider, nina.email).status_code == 303


def test_only_sso_gives_no_way_round_it_through_a_reset_link(app, make, org, provider, smtp):
    user = make.user(org, email=f"petra@{DOMAIN}")
    db.session.commit()
    # A link she asked for while passwords were still allowed.
    client = app.test_client()
    client.post("/password/forgotten", data={"email": user.email})
    link = smtp.link(smtp.only(), "/password/reset/")
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, mode="sso_only", client_secret="")
    old_hash = db.session.get(User, user.id).password_hash
    new = "another long password"
    refused = client.post(link, data={"password": new, "confirm": new})
    assert refused.status_code == 403
    assert "Log in via je organisatie" in refused.text
    assert not _signed_in(client)
    db.session.expire_all()
    assert db.session.get(User, user.id).password_hash == old_hash
    # And no new link is sent: the answer is the same as for anyone, but no mail goes out.
    asked = client.post("/password/forgotten", data={"email": user.email})
    assert asked.status_code == 303
    assert len(smtp.messages) == 1


def test_a_supplier_organisation_signs_in_through_its_own_provider(app, make, provider):
    supplier = make.org("Groen Dichtbij", kind="supplier")
    admin = make.user(supplier, email="beheer@groendichtbij.example", org_role="admin")
    contact = make.user(supplier, email="esther@groendichtbij.example")
    _configure(app, admin, provider, allowed_domains="groendichtbij.example")
    client = app.test_client()
    response = _sign_in(client, provider, contact.email, sub="esther")
    assert response.status_code == 303
    assert _signed_in(client)
    db.session.expire_all()
    assert db.session.get(User, contact.id).sso_subject == "esther"


def test_required_two_factor_holds_for_passwords_and_leaves_the_provider_its_own(
    app, make, org, provider
):
    # The admin ticks the box on the sign-in settings page.
    admin = db.session.scalar(select(User).where(User.org_role == "admin"))
    _configure(app, admin, provider, require_two_factor="y", client_secret="")
    member = make.user(org, email=f"mark@{DOMAIN}")
    colleague = make.user(org, email=f"petra@{DOMAIN}")
    db.session.commit()
    with_password = app.test_client()
    with_password.post("/login", data={"email": member.email, "password": PASSWORD})
    assert with_password.get("/settings").location == "/settings/two-factor"
    through_provider = app.test_client()
    assert _sign_in(through_provider, provider, colleague.email).status_code == 303
    assert through_provider.get("/settings").status_code == 200
