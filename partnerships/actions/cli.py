"""`flask send-reminders`, for a daily cron job."""

from __future__ import annotations

import click

from . import reminders


@click.command("send-reminders")
def send_reminders():
    """E-mail each person their overdue and soon-due tasks (at most once a day)."""
    sent = reminders.send_all()
    click.echo(f"Reminders sent: {sent}.")


commands = [send_reminders]
