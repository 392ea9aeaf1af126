"""Fixtures for the accounts tests: logging in through the real form, and a real SMTP server."""

from __future__ import annotations

import pytest

from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.mailbox import serve


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free loopback port; the app sends its mail there."""
    inbox, controller = serve(app)
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def form_login(client):
    """Log in through the real login form; returns the response."""

    def _login(user_or_email, password=None, follow=False, next=None, **extra):
        db.session.commit()
        address = getattr(user_or_email, "email", user_or_email)
        data = {"email": address, "password": PASSWORD if password is None else password}
        data.update(extra)
        query = {"next": next} if next is not None else None
        return client.post("/login", data=data, query_string=query, follow_redirects=follow)

    return _login
