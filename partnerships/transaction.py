"""One transaction per request: the views and services only change and flush; the request
commits once when its answer is not an error, and anything else rolls the whole of it back.

Committing in one place means a request can never leave half of its work behind (a saved
action without its audit line, a placement without its history), and it puts the moment at
which SQLAlchemy's version check runs (the UPDATE ... WHERE version = ?) inside the request,
where the conflict handler in concurrency.py can still answer it.
"""

from __future__ import annotations

from flask import Flask, current_app, g
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

        try:
            response = self.make_response(super().dispatch_request())
            once.remember(response)
            finish(response.status_code)
        except BaseException:
            # Nothing was committed (or the commit failed): what was to follow it is void.
            # A stale edit runs the view again, which asks again for what it still needs.
            g.pop(AFTER_COMMIT, None)
            raise
        run_after_commit(response.status_code)
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
AFTER_COMMIT = "partnerships_after_commit"


def after_commit(func, *args) -> None:
    """Run func(*args) once this request's work is committed, still inside the request.

    For what must not happen unless the change holds, such as mailing an invitation: sent
    before the commit, a failed commit would leave people invited to a meeting that does
    not exist. Running inside the request (rather than after the response) lets func tell
    the visitor what went wrong, by flash, on the very next page. What func writes (a record
    of a message that did not go out) is committed in a transaction of its own.
    """
    g.setdefault(AFTER_COMMIT, []).append((func, args))


def run_after_commit(status: int) -> None:
    """Run what waited for the commit; a failure there is logged, the change itself holds."""
    waiting = g.pop(AFTER_COMMIT, [])
    if status >= 400:
        return
    for func, args in waiting:
        try:
            func(*args)
            finish(status)
        except Exception:
            db.session.rollback()
            current_app.logger.exception("Work after the commit failed: %s", func.__name__)


@event.listens_for(Session, "after_flush")
def _wrote(session, _context):
    session.info[WROTE] = True


@event.listens_for(Session, "after_transaction_end")
def _ended(session, transaction):
    # Only the outermost transaction's end settles the writes: a savepoint released inside
    # the request (begin_nested, to catch a unique constraint) still waits for the commit.
    if transaction.parent is None:
        session.info.pop(WROTE, None)
