"""Error pages: in the user's language, a 4xx, never a 500. (Security headers and cookies:
tests/quality/test_csrf_and_headers.py.)"""

from __future__ import annotations

import re

from partnerships import create_app
from partnerships.extensions import db
from tests.conftest import PASSWORD


def test_404_is_dutch(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert 'lang="nl"' in response.text
    assert "Pagina niet gevonden" in response.text
    assert "Deze pagina bestaat niet (meer)." in response.text


def test_404_in_english_for_an_english_user(make, login_as):
    response = login_as(make.user(locale="en")).get("/no-such-page")
    assert "Page not found" in response.text


def test_403_is_dutch(make, login_as):
    response = login_as(make.user()).get("/admin/organisations")
    assert response.status_code == 403
    assert "Je hebt geen toegang tot deze pagina" in response.text


def test_405_is_dutch(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "Deze handeling kan hier niet" in response.text


def test_a_post_over_one_megabyte_is_413_in_dutch(client):
    response = client.post("/login", data={"email": "x" * (1024 * 1024 + 10), "password": "x"})
    assert response.status_code == 413
    assert "Wat je verstuurde is te groot" in response.text


def test_a_missing_csrf_token_is_400_with_our_message(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/login", data={"email": "a@example.org", "password": "x"})
    assert response.status_code == 400
    assert "Dit formulier is verlopen of niet vanaf deze website verstuurd." in response.text
    assert 'lang="nl"' in response.text


def test_a_wrong_csrf_token_is_400_too(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/logout", data={"csrf_token": "forged"})
    assert response.status_code == 400


def test_a_form_with_the_csrf_token_from_the_page_works(app, make, client):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make.user()
    db.session.commit()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
    response = client.post(
        "/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_htmx_gets_the_error_as_a_fragment(client):
    response = client.get("/no-such-page", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert "<html" not in response.text
    assert "Deze pagina bestaat niet (meer)." in response.text


def test_malformed_input_is_a_4xx(client):
    assert (
        client.post(
            "/login", data=b"\xff\xfe%%%", content_type="application/x-www-form-urlencoded"
        ).status_code
        < 500
    )
    # A control character in the address is refused before any view: 400.
    assert client.get("/password/reset/%00%ff").status_code == 400
    assert client.get("/organisations/not-a-number/users").status_code == 404


def test_an_unexpected_error_is_a_500_page_in_dutch(tmp_path, monkeypatch):
    """A separate app, so that a failing route can be added before its first request."""

    app = create_app(
        {
            "TESTING": False,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}",
        },
        instance_path=tmp_path,
    )

    @app.route("/boom")
    def boom():
        raise RuntimeError("boom")

    # The logger is process-wide: silence it for this test only.
    monkeypatch.setattr(app.logger, "disabled", True)
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in response.text
    assert "RuntimeError" not in response.text
