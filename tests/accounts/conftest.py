"""Fixtures for the accounts tests: logging in through the real form, and a real SMTP server."""

from __future__ import annotations

import email
import re
import socket
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller

from partnerships.extensions import db
from tests.conftest import PASSWORD


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """Collects what the SMTP server receives, parsed into e-mail messages."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def only(self):
        assert len(self.messages) == 1, [m["Subject"] for m in self.messages]
        return self.messages[0]

    @staticmethod
    def link(message, path_part: str) -> str:
        """The path of the one link in the message body that contains path_part."""
        body = message.get_body(("plain",)).get_content()
        found = re.findall(r"https?://[^/\s]+(\S*" + re.escape(path_part) + r"\S*)", body)
        assert len(found) == 1, body
        return found[0]


@pytest.fixture
def smtp(app):
    """A real SMTP server on a free loopback port; the app sends its mail there."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config["MAIL_SERVER"] = "127.0.0.1"
    app.config["MAIL_PORT"] = controller.port
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
