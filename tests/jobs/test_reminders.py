"""Overdue monitoring reports in `flask send-reminders`, against a real SMTP server
(aiosmtpd) on the loopback interface."""

from __future__ import annotations

import socket
from datetime import date
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from partnerships.actions.reminders import SECTION_PROVIDERS
from partnerships.extensions import db
from partnerships.jobs.reminders import overdue_report_section


class Inbox:
    """Collects every message the server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def for_(self, address):
        return [m for rcpt, m in self.messages if address in rcpt]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def inbox(app):
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=port,
        MAIL_USE_TLS=False,
        MAIL_USE_SSL=False,
        MAIL_USERNAME=None,
        BASE_URL="https://partnerships.example",
    )
    yield handler
    controller.stop()


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_the_jobs_section_is_registered_at_app_start(app):
    assert overdue_report_section in SECTION_PROVIDERS


def test_a_supplier_contact_is_reminded_of_an_overdue_report_once_a_day(world, runner, inbox):
    """Groenonderhoud (Groen BV) runs from 1 January 2025 to 31 December 2026, reported
    quarterly and due 30 days after each quarter: whatever today is, Q1 2025 is overdue."""
    world.contract_a.pilots.remove(world.pilot)  # only Groen BV's contract remains
    db.session.commit()
    today = date.today()
    assert today > date(2025, 4, 30)

    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output

    [mail] = inbox.for_(world.contact_b.email)
    text = body(mail)
    assert "Te late monitoringsrapportages" in text  # the section title, in Dutch
    assert "Groenonderhoud (Groen BV)" in text
    assert "1 januari 2025 tot en met 31 maart 2025" in text
    assert inbox.for_(world.contact_a.email) == []  # Schoon BV has nothing overdue
    assert inbox.for_(world.board.email) == []  # the board does not chase reports
    [chase] = inbox.for_(world.coordinator.email)  # the coordinator chases
    assert "Groenonderhoud (Groen BV)" in body(chase)

    again = runner.invoke(args=["send-reminders"])
    assert again.exit_code == 0, again.output
    assert "0" in again.output
    assert len(inbox.for_(world.contact_b.email)) == 1  # at most once a day
    assert len(inbox.messages) == 3  # contact B, the coordinator, the contract manager
