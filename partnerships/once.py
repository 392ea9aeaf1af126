"""A form that creates something is sent once, however often the button is pressed.

Every creating form (forms.OnceForm) carries a random one-time token. The first request
that sends a token records it in the database, in the transaction that creates the row, and
the page it leads to. Another request with the same token (a double click, a resent
page, the back button) creates nothing and is sent to that page. The record lives in the
database, not in a worker's memory, so this holds across server processes; and the token's
primary key settles two copies sent at the same moment: the second waits for the first and
then finds its record.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from flask import Flask, flash, g, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import String, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.exceptions import HTTPException

from .database import UTCDateTime, db, utcnow

# A form left open longer than this can be sent again as new.
KEEP = timedelta(days=2)

ALREADY_SENT = _l("This form was already sent. It was saved once; nothing was added a second time.")


class FormSubmission(db.Model):
    """A one-time form token that was used, and the page its request answered with."""

    __tablename__ = "form_submission"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int | None] = mapped_column()
    target: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class AlreadySent(HTTPException):
    """The form with this token was sent before; answered with a redirect to its result."""

    code = 303

    def __init__(self, target: str | None):
        super().__init__()
        self.target = target


def new_token() -> str:
    return secrets.token_urlsafe(24)


def use(token: str) -> None:
    """Record the token for this request, or raise AlreadySent when it was used before."""
    token = (token or "").strip()[:64]
    if not token:
        return  # not sent by a page of ours; the form itself decides what that means
    earlier = db.session.get(FormSubmission, token)
    if earlier is not None:
        raise AlreadySent(earlier.target)
    db.session.execute(delete(FormSubmission).where(FormSubmission.created_at < utcnow() - KEEP))
    user_id = current_user.id if current_user and current_user.is_authenticated else None
    db.session.add(FormSubmission(token=token, user_id=user_id))
    try:
        db.session.flush()
    except IntegrityError:
        # The same form, sent at the same moment, got there first and has committed.
        db.session.rollback()
        target = db.session.scalar(
            select(FormSubmission.target).where(FormSubmission.token == token)
        )
        raise AlreadySent(target) from None
    g.once_token = token


def remember(response) -> None:
    """Store where the first request led, so that a second one can be sent there too."""
    token = g.get("once_token")
    if token and response.status_code < 400:
        row = db.session.get(FormSubmission, token)
        location = response.headers.get("HX-Redirect") or response.headers.get("Location")
        if row is not None:
            row.target = location  # None for a page answered in place (then: back)


def init_app(app: Flask) -> None:
    @app.errorhandler(AlreadySent)
    def _already_sent(error: AlreadySent):
        from .accounts.views import safe_next
        from .htmx import redirect_to

        db.session.rollback()
        flash(ALREADY_SENT, "info")
        back = safe_next(urlsplit(request.referrer or "")._replace(scheme="", netloc="").geturl())
        return redirect_to(error.target or back or url_for("accounts.home"))
