"""One transaction per request: the views and services only change and flush; the request
commits once when its answer is not an error, and anything else rolls the whole of it back.

Committing in one place means a request can never leave half of its work behind (a saved
action without its audit line, a placement without its history), and it puts the moment at
which SQLAlchemy's version check runs (the UPDATE ... WHERE version = ?) inside the request,
where the conflict handler in concurrency.py can still answer it.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event
from sqlalchemy.orm import Session

from .extensions import db


class Partnerships(Flask):
    """Flask, with the commit at the end of every view."""

    def dispatch_request(self):
        """Run the view, then commit its work unless it answers with an error.

        The commit runs here rather than in after_request so that its errors (a stale
        version, a broken constraint) reach the error handlers like any error of the view.
        """
        from . import once

        response = self.make_response(super().dispatch_request())
        once.remember(response)
        finish(response.status_code)
        return response


def finish(status: int) -> None:
    """Commit a successful answer's work; roll back what an error answer left behind.

    A request that wrote nothing is left alone: committing or rolling back would expire the
    loaded rows (the logged-in user among them) and cost a query to load them again.
    """
    session = db.session
    if not (session.new or session.dirty or session.deleted or session.info.get(WROTE)):
        return
    if status < 400:
        session.commit()
    else:
        session.rollback()


WROTE = "partnerships.wrote"


@event.listens_for(Session, "after_flush")
def _wrote(session, _context):
    session.info[WROTE] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _ended(session):
    session.info.pop(WROTE, None)
