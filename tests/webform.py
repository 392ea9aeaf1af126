"""Submitting forms the way the page renders them, with WebTest.

`web(user)` logs the user in through the real login form and returns a `WebUser`.
`submit(url, **fields)` GETs the page, finds the form that has those fields, fills them and
sends only what the form holds: a field the page does not render cannot be posted (WebTest
refuses to set it), a select only takes one of its options, and the CSRF token is the one
the page gave (CSRF is on in these tests, as in production).
"""

from __future__ import annotations

import pytest
import webtest
from flask import g, has_app_context

from partnerships.extensions import db
from tests.conftest import PASSWORD


class WebUser:
    """One browser session against the app."""

    def __init__(self, app):
        def wsgi(environ, start_response):
            # The test keeps an app context pushed; each request starts with an empty `g`,
            # as on a server (see FreshGlobalsClient in tests/conftest.py).
            if has_app_context():
                vars(g._get_current_object()).clear()
            return app.wsgi_app(environ, start_response)

        self.app = webtest.TestApp(wsgi, extra_environ={"REMOTE_ADDR": "127.0.0.1"})

    def get(self, url: str, **kwargs) -> webtest.TestResponse:
        db.session.commit()  # rows the test made are visible to the request
        return self.app.get(url, status="*", **kwargs)

    def form(self, page: webtest.TestResponse, *names: str) -> webtest.forms.Form:
        """The first POST form of the page that holds all these fields."""
        for form in page.forms.values():
            if form.method.lower() == "post" and all(name in form.fields for name in names):
                return form
        raise LookupError(f"{page.request.path} has no form with the fields {names}")

    def submit(self, url: str, button: str | None = None, **fields) -> webtest.TestResponse:
        """Open the page, fill these fields of its form and send it; lists fill checkboxes
        or multiple selects (by value)."""
        page = self.get(url)
        assert page.status_int == 200, f"{url}: {page.status}"
        return self.fill(self.form(page, *fields), button, **fields)

    def fill(self, form, button: str | None = None, **fields) -> webtest.TestResponse:
        for name, value in fields.items():
            if isinstance(value, list | tuple):
                _check_values(form, name, [str(v) for v in value])
            else:
                form[name] = str(value)
        db.session.commit()
        response = form.submit(button, status="*")
        db.session.expire_all()  # the request changed rows: read them fresh in the test
        return response

    def login(self, email: str, password: str = PASSWORD) -> webtest.TestResponse:
        return self.submit("/login", email=email, password=password)


def _check_values(form, name: str, values: list[str]) -> None:
    """Tick exactly these checkboxes (or options) of a group of fields with one name."""
    fields = form.fields.get(name) or []
    if len(fields) == 1 and hasattr(fields[0], "options") and fields[0].multiple:
        fields[0].value = values
        return
    known = set()
    for field in fields:
        known.add(field._value)
        field.checked = field._value in values
    missing = set(values) - known
    assert not missing, f"the page offers no {name} with values {missing}"


@pytest.fixture
def web(app):
    """web(user=None) -> a WebUser, logged in through the login form when a user is given.
    CSRF protection is on, as in production."""
    app.config["WTF_CSRF_ENABLED"] = True

    def _web(user=None) -> WebUser:
        visitor = WebUser(app)
        if user is not None:
            response = visitor.login(user.email)
            assert response.status_int == 302, f"{user.email} could not log in"
        return visitor

    return _web
