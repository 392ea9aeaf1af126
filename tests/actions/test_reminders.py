"""`flask send-reminders` against a real SMTP server (aiosmtpd) on the loopback interface."""

from __future__ import annotations

from datetime import timedelta

import pytest

from partnerships import clock
from partnerships.actions import reminders
from partnerships.actions.services import create_action
from partnerships.extensions import db
from tests.mailbox import body, serve


@pytest.fixture
def inbox(app):
    handler, controller = serve(app, BASE_URL="https://partnerships.example")
    yield handler
    controller.stop()


def test_reminders_list_overdue_and_soon_due_tasks_once_a_day(crew, runner, inbox):
    c, p = crew.coordinator, crew.pilot
    create_action(
        p,
        c,
        title="Te laat",
        role="hr_expert",
        assignee=crew.hr1,
        deadline=clock.today() - timedelta(days=2),
    )
    create_action(
        p, c, title="Deze week", role="hr_expert", deadline=clock.today() + timedelta(days=7)
    )
    create_action(
        p,
        c,
        title="Volgende maand",
        role="hr_expert",
        assignee=crew.hr1,
        deadline=clock.today() + timedelta(days=30),
    )
    done = create_action(
        p,
        c,
        title="Al klaar",
        role="hr_expert",
        assignee=crew.hr1,
        deadline=clock.today() - timedelta(days=1),
    )
    done.status = "done"
    crew.hr2.reminders_enabled = False  # Henk switched reminders off
    db.session.commit()

    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output

    [mail] = inbox.for_(crew.hr1.email)
    text = body(mail)
    assert "Te laat" in text and "Deze week" in text
    assert "Volgende maand" not in text and "Al klaar" not in text
    assert text.index("Te laat") < text.index("Deze week")
    assert "2" in mail["Subject"]
    assert "https://partnerships.example/tasks" in text
    assert "Hallo" in text  # Dutch: the user's (default) language
    assert inbox.for_(crew.hr2.email) == []  # opted out
    assert inbox.for_(crew.board.email) == []  # nothing due
    db.session.refresh(crew.hr1)
    assert crew.hr1.last_reminder_on == clock.today()

    again = runner.invoke(args=["send-reminders"])
    assert again.exit_code == 0
    assert len(inbox.for_(crew.hr1.email)) == 1  # at most once a day


def test_reminder_in_english_for_an_english_user(crew, runner, inbox):
    crew.hr1.locale = "en"
    create_action(
        crew.pilot,
        crew.coordinator,
        title="Overdue thing",
        role="hr_expert",
        assignee=crew.hr1,
        deadline=clock.today() - timedelta(days=1),
    )
    db.session.commit()
    runner.invoke(args=["send-reminders"])
    [mail] = inbox.for_(crew.hr1.email)
    assert "Hello" in body(mail) and "Overdue" in body(mail)


def test_other_domains_add_sections_through_the_hook(crew, inbox, app):
    def monitoring(user, today):
        if user.id != crew.board.id:
            return []
        return [reminders.ReminderSection("Monitoring", ["Rapport Q1 ontbreekt"])]

    reminders.register_section(monitoring)
    try:
        assert reminders.send_all(clock.today()) == 1
    finally:
        reminders.SECTION_PROVIDERS.remove(monitoring)
    [mail] = inbox.for_(crew.board.email)
    assert "Rapport Q1 ontbreekt" in body(mail)
