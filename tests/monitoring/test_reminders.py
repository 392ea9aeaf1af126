"""Overdue monitoring reports in `flask send-reminders`, against a real SMTP server
(aiosmtpd) on the loopback interface."""

from __future__ import annotations

from datetime import date

import pytest

from partnerships import clock
from partnerships.actions.reminders import SECTION_PROVIDERS
from partnerships.extensions import db
from partnerships.monitoring.reminders import overdue_report_section
from tests.mailbox import body, serve


@pytest.fixture
def inbox(app):
    handler, controller = serve(app, BASE_URL="https://partnerships.example")
    yield handler
    controller.stop()


def test_the_jobs_section_is_registered_at_app_start(app):
    assert overdue_report_section in SECTION_PROVIDERS


def test_a_supplier_contact_is_reminded_of_an_overdue_report_once_a_day(world, runner, inbox):
    """Groenonderhoud (Groen BV) runs from 1 January 2025 to 31 December 2026, reported
    quarterly and due 30 days after each quarter: whatever today is, Q1 2025 is overdue."""
    world.contract_a.pilots.remove(world.pilot)  # only Groen BV's contract remains
    db.session.commit()
    today = clock.today()
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
