"""`flask purge-login-attempts`, for a daily cron job: what signing in leaves behind goes
after the retention period (README, "Voor beheerders")."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from sqlalchemy import delete, or_

from ..database import utcnow
from ..extensions import db
from .services import purge_attempts
from .signin_models import UserSession


@click.command("purge-login-attempts")
@click.option(
    "--days",
    type=click.IntRange(min=1),
    default=None,
    help="Keep this many days (default: LOGIN_ATTEMPT_RETENTION_DAYS, 30).",
)
def purge_login_attempts(days):
    """Delete login attempts, and sessions that ended, older than the retention period."""
    days = days or current_app.config["LOGIN_ATTEMPT_RETENTION_DAYS"]
    attempts = purge_attempts(days)
    cutoff = utcnow() - timedelta(days=days)
    sessions = db.session.execute(
        delete(UserSession).where(
            or_(UserSession.ended_at < cutoff, UserSession.expires_at < cutoff)
        )
    ).rowcount
    db.session.commit()
    click.echo(
        f"Deleted {attempts} login attempts and {sessions} ended sessions older than {days} days."
    )


commands = [purge_login_attempts]
