"""`flask purge-login-attempts`: what signing in leaves behind is kept only for a while."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from partnerships.accounts.models import LoginAttempt
from partnerships.accounts.signin_models import UserSession
from partnerships.database import utcnow
from partnerships.extensions import db
from tests.conftest import start_session


def test_old_attempts_and_ended_sessions_are_deleted_recent_ones_kept(make, runner):
    user = make.user()
    now = utcnow()
    db.session.add_all(
        [
            LoginAttempt(email="a@example.org", address="192.0.2.1", at=now - timedelta(days=31)),
            LoginAttempt(email="b@example.org", address="192.0.2.1", at=now - timedelta(days=40)),
            LoginAttempt(email="c@example.org", address="192.0.2.1", at=now - timedelta(days=2)),
        ]
    )
    start_session(user)  # live
    start_session(user)  # ended 31 days ago
    old = db.session.scalars(select(UserSession).order_by(UserSession.id)).all()[-1]
    old.ended_at = now - timedelta(days=31)
    db.session.commit()
    result = runner.invoke(args=["purge-login-attempts"])
    assert result.exit_code == 0, result.output
    assert "Deleted 2 login attempts and 1 ended sessions older than 30 days." in result.output
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 1
    assert db.session.scalar(select(func.count(UserSession.id))) == 1


def test_the_period_can_be_given(make, runner):
    db.session.add(
        LoginAttempt(email="a@example.org", address="192.0.2.1", at=utcnow() - timedelta(days=8))
    )
    db.session.commit()
    assert (
        "Deleted 1 login attempts"
        in runner.invoke(args=["purge-login-attempts", "--days", "7"]).output
    )
