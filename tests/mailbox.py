"""A real SMTP server on a free loopback port (aiosmtpd) that keeps what it receives."""

from __future__ import annotations

import email
import re
import socket
from email.policy import default as default_policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """Collects what the SMTP server receives, parsed into e-mail messages."""

    def __init__(self):
        self.received = []  # (recipients, message)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        self.received.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    @property
    def messages(self):
        return [message for _, message in self.received]

    def for_(self, address):
        return [message for rcpt, message in self.received if address in rcpt]

    def only(self):
        assert len(self.messages) == 1, [m["Subject"] for m in self.messages]
        return self.messages[0]

    @staticmethod
    def link(message, path_part: str) -> str:
        """The path of the one link in the message body that contains path_part."""
        found = re.findall(r"https?://[^/\s]+(\S*" + re.escape(path_part) + r"\S*)", body(message))
        assert len(found) == 1, body(message)
        return found[0]


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def serve(app, inbox: Inbox | None = None, **config):
    """Start a server (with this inbox, else a plain one), point the app's mail settings at
    it; returns (inbox, controller)."""
    inbox = inbox or Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=controller.port,
        MAIL_USE_TLS=False,
        MAIL_USE_SSL=False,
        MAIL_USERNAME=None,
        **config,
    )
    return inbox, controller
