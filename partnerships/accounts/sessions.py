"""Server-side sessions: every signed-in browser is a row, checked on every request.

Flask-Login keeps `user.get_id()` in the session cookie and in the remember-me cookie; here
that id is a random secret whose hash names a `UserSession`. Logging out ends that row, a
password change or "sign out everywhere" bumps the user's epoch (ending all rows at once),
and a row also dies when it has been idle too long or reached its absolute lifetime (the
organisation's policy). A replayed cookie of an ended session is therefore refused.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from flask import current_app, g, has_request_context, request, session
from flask_login import login_user, user_loaded_from_cookie
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import aliased, joinedload

from .. import changes
from ..changes import EVERYTHING, ChangeStamp
from ..database import utcnow
from ..extensions import db
from .models import Organisation, User
from .signin_models import SignInMethod, UserSession

# Writing last_seen_at on every request would turn every page into a write; a minute's
# precision is plenty for an idle timeout counted in minutes.
TOUCH_EVERY = timedelta(seconds=60)
# Two tabs restoring a remembered session at the same moment both present the old secret;
# the first rotates it, and the second may still use it for this long.
ROTATION_GRACE = timedelta(seconds=30)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def idle_limit(organisation: Organisation) -> timedelta:
    minutes = organisation.session_idle_minutes or current_app.config["SESSION_IDLE_MINUTES"]
    return timedelta(minutes=minutes)


def lifetime(organisation: Organisation, remember: bool) -> timedelta:
    """How long a session may last at most: the organisation's limit when it set one, else
    the default (longer for "keep me logged in")."""
    if organisation.session_max_hours:
        return timedelta(hours=organisation.session_max_hours)
    if remember:
        return timedelta(seconds=current_app.config["REMEMBER_COOKIE_DURATION"])
    return timedelta(hours=current_app.config["SESSION_MAX_HOURS"])


def start(user: User, method: str = SignInMethod.PASSWORD, remember: bool = False) -> str:
    """Record a new session for the user and return the secret for its cookies."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    in_request = has_request_context()
    agent = request.headers.get("User-Agent", "") if in_request else ""
    db.session.add(
        UserSession(
            user_id=user.id,
            token_hash=_hash(secret),
            epoch=user.session_epoch,
            method=method,
            remember=remember,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime(user.organisation, remember),
            user_agent=agent[:200],
            address=(request.remote_addr or "")[:64] if in_request else "",
        )
    )
    db.session.flush()
    user.session_token = secret
    if in_request:
        g.session_hash = _hash(secret)
    return secret


def sign_in(user: User, method: str = SignInMethod.PASSWORD, remember: bool = False) -> None:
    """Start a server-side session and hand its secret to Flask-Login's cookies. The caller
    commits."""
    start(user, method, remember)
    # A new session gets a new cookie: nothing set before signing in carries over, except
    # the chosen language.
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
    remaining = lifetime(user.organisation, remember)
    login_user(user, remember=remember, duration=remaining if remember else None)


def current_hash() -> str | None:
    """The hash naming this request's session, if someone is signed in."""
    return g.get("session_hash")


def load(token: str) -> User | None:
    """Flask-Login's user loader: the user of a live session, or None (and say why)."""
    if not token or len(token) > 100:
        return None
    row = db.session.execute(_live_session(), {"token_hash": _hash(token)}).first()
    if row is None:
        g.session_ended = "ended"
        return None
    record, user, own_stamp, everything_stamp = row
    now = utcnow()
    reason = _dead(record, user, now)
    if reason:
        g.session_ended = reason
        return None
    if now - record.last_seen_at > TOUCH_EVERY:
        _write(update(UserSession).where(UserSession.id == record.id).values(last_seen_at=now))
    user.session_token = token
    if has_request_context():
        changes.remember(own_stamp, everything_stamp)
    g.user_session = record
    g.session_hash = record.token_hash
    return user


@cache
def _live_session():
    """The session with its user, their organisation and the change stamps, in one statement
    built once (every request runs it). The stamps come in the same statement: read first,
    they are never newer than what the page reads after them (changes.py)."""
    own, everything = aliased(ChangeStamp), aliased(ChangeStamp)
    return (
        select(UserSession, User, own.stamp, everything.stamp)
        .join(User, User.id == UserSession.user_id)
        .outerjoin(own, own.organisation_id == User.organisation_id)
        .outerjoin(everything, everything.organisation_id == EVERYTHING)
        .options(joinedload(User.organisation))
        .where(UserSession.token_hash == bindparam("token_hash"))
    )


def _dead(record: UserSession, user: User, now: datetime) -> str | None:
    if record.ended_at is not None or record.epoch != user.session_epoch or not user.is_active:
        return "ended"
    # expires_at holds the limit when the session began; a shorter limit the organisation
    # sets later counts at once for sessions already running.
    if now >= record.expires_at or now >= record.created_at + lifetime(
        user.organisation, record.remember
    ):
        return "expired"
    if not record.remember and now - record.last_seen_at >= idle_limit(user.organisation):
        return "idle"
    return None


def _write(statement) -> None:
    """Run a bookkeeping write in its own short transaction: it is kept whatever the view
    answers (an error rolls the request's own work back), and it commits nothing of what the
    view is doing."""
    with db.engine.begin() as connection:
        connection.execute(statement)


def end_current() -> None:
    """Logging out: this session ends on the server, so its cookies stop working."""
    token_hash = current_hash()
    if token_hash is None:
        return
    # Through the ORM, so that the request's single commit sees a change to write.
    record = db.session.scalar(select(UserSession).where(UserSession.token_hash == token_hash))
    if record is not None:
        record.ended_at = utcnow()


def end_all(user: User) -> None:
    """Every session of the user ends (and the remember-me cookies with them)."""
    user.session_epoch += 1


def active(user: User) -> list[UserSession]:
    """The user's live sessions, newest first, for the list on the settings page."""
    now = utcnow()
    rows = db.session.scalars(
        select(UserSession)
        .where(
            UserSession.user_id == user.id,
            UserSession.ended_at.is_(None),
            UserSession.epoch == user.session_epoch,
            UserSession.expires_at > now,
        )
        .order_by(UserSession.last_seen_at.desc())
    ).all()
    return [row for row in rows if not _dead(row, user, now)]


BROWSERS = (("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def describe_agent(agent: str) -> str:
    """'Firefox, Windows' from a User-Agent header, so that people recognise their devices."""
    browser = next((name for key, name in BROWSERS if key in agent), None)
    system = next((name for key, name in SYSTEMS if key in agent), None)
    parts = [part for part in (browser, system) if part]
    return ", ".join(parts) if parts else (agent[:60] or "?")


def _rotate(sender, user: User, **extra) -> None:
    """A remembered session that comes back from its cookie gets a new secret (and a new
    cookie with the time it has left); the old secret stops working shortly after."""
    record = g.get("user_session")
    if record is None:
        return
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    _write(
        insert(UserSession).values(
            user_id=record.user_id,
            token_hash=_hash(secret),
            epoch=record.epoch,
            method=record.method,
            remember=True,
            created_at=record.created_at,
            last_seen_at=now,
            expires_at=record.expires_at,
            user_agent=record.user_agent,
            address=(request.remote_addr or "")[:64],
        )
    )
    _write(
        update(UserSession)
        .where(UserSession.id == record.id)
        .values(expires_at=min(record.expires_at, now + ROTATION_GRACE))
    )
    g.session_hash = _hash(secret)
    user.session_token = secret
    session["_user_id"] = secret
    session["_remember"] = "set"
    session["_remember_seconds"] = max(1, int((record.expires_at - now).total_seconds()))


def init_app(app) -> None:
    user_loaded_from_cookie.connect(_rotate, app)
