"""A stamp per organisation that every committed change to its pilots renews.

The pages that cost most to build (the board view, the dashboards, My tasks, the pilot list,
Voor jou, a pilot's page, its action plan, a note, a brainstorm board) are kept once
rendered, per worker process, under a key that names the stamps of the data they show
(fragments.py): while nothing changes, a second visit reads two stamps instead of counting
and rendering again. Every process sees a change as soon as it is committed, because the
stamps live in the database, not in memory.

What a change renews:
- a pilot, or any row with a `pilot_id`: the stamp of the pilot's organisation;
- anything else (people and their roles, organisations, settings, a Core UPDATE or DELETE
  through the session, rows we cannot place): the stamp of EVERYTHING, which every kept
  page names too.
So a page kept under an organisation's stamp and EVERYTHING's is never shown after a change
it could show; at worst it is rendered again after a change it would not.

The stamps are read in the same statement as the signed-in person's session (sessions.load),
which is the request's first: whatever the page then reads is at least as new as the stamps,
so a page kept under them never holds older data than they name. They are renewed as the
last statement before the commit, in the order of the organisation's id: a transaction holds
those rows only for the moment of its commit, and two never wait on each other in a cycle.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from itertools import chain
from typing import TypeVar

from flask import current_app, has_request_context, request
from flask import session as signed_cookie
from flask_login import current_user
from sqlalchemy import Integer, String, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from .extensions import db
from .lru import Lru

T = TypeVar("T")

# The scope of everything that is not one organisation's pilots (ids start at 1).
EVERYTHING = 0
_CHANGED = "partnerships.changed"
_STAMPS = "partnerships.stamps"


class ChangeStamp(db.Model):
    """The stamp of one organisation's pilots (or of EVERYTHING), renewed by each change."""

    __tablename__ = "change_stamp"

    organisation_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    stamp: Mapped[str] = mapped_column(String(32))


def _scope(row, session: Session) -> int | None:
    """Whose stamp a change to this row renews (None: the row shows on no kept page)."""
    from .accounts.signin_models import UserSession
    from .pilots.models import Membership, Pilot

    if isinstance(row, ChangeStamp | UserSession):
        return None  # the stamps themselves; a session is checked anew on every request
    if isinstance(row, Membership):
        return EVERYTHING  # what a person may see, in whichever organisation's pilot
    if isinstance(row, Pilot):
        return row.organisation_id if row.organisation_id is not None else EVERYTHING
    pilot_id = getattr(row, "pilot_id", None)
    if pilot_id is not None:
        pilot = session.get(Pilot, pilot_id)
        return pilot.organisation_id if pilot is not None else EVERYTHING
    pilot = getattr(row, "pilot", None)
    if isinstance(pilot, Pilot) and pilot.organisation_id is not None:
        return pilot.organisation_id
    return EVERYTHING


@event.listens_for(Session, "before_flush")
def _note_rows(session: Session, _context, _instances) -> None:
    changed = session.info.setdefault(_CHANGED, set())
    for row in chain(session.new, session.dirty, session.deleted):
        scope = _scope(row, session)
        if scope is not None:
            changed.add(scope)


@event.listens_for(Session, "do_orm_execute")
def _note_statements(state) -> None:
    # A Core UPDATE, DELETE or INSERT through the session passes no flush: we cannot tell
    # whose rows it touched, so it renews everything (none runs on a page people read).
    if state.is_select or state.is_column_load or state.is_relationship_load:
        return
    table = getattr(state.statement, "table", None)  # text() has none
    if getattr(table, "name", None) != ChangeStamp.__tablename__:
        state.session.info.setdefault(_CHANGED, set()).add(EVERYTHING)


@event.listens_for(Session, "before_commit")
def _renew(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released: the outermost commit renews, as its last statement
    session.flush()  # the commit's own flush comes after this hook; its rows count too
    changed = session.info.pop(_CHANGED, None)
    if changed:
        session.execute(renewal(session.get_bind().dialect.name, changed))


def renewal(dialect_name: str, scopes):
    """The statement that gives each scope a new stamp, in the order of their ids (an
    upsert: a scope's first change makes its row)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(ChangeStamp).values(
        [{"organisation_id": scope, "stamp": uuid.uuid4().hex} for scope in sorted(scopes)]
    )
    return statement.on_conflict_do_update(
        index_elements=[ChangeStamp.organisation_id],
        set_={"stamp": statement.excluded.stamp},
    )


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction) -> None:
    # A rollback undid the changes; a commit renewed their stamps (before_commit).
    if transaction.parent is None:
        session.info.pop(_CHANGED, None)


def remember(organisation_stamp: str | None, everything_stamp: str | None) -> None:
    """Called by sessions.load with the stamps its statement read (None: never renewed).
    Kept on the request itself: tests run many requests in one application context."""
    request.environ[_STAMPS] = (organisation_stamp or "", everything_stamp or "")


def key(organisation_id: int, *parts):
    """The key to keep a page part about the organisation's pilots under for the signed-in
    person, or None when this request must work it out afresh: it is not a GET, it has
    written, nobody is signed in, or the organisation is not the person's own (only the
    stamps of their own were read with their session).

    The key names the person (their own notes, what they may see), the stamps, today's
    date and the language; `parts` name the page part and its arguments.
    """
    from . import clock
    from .i18n import locale_code

    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return None
    stamps = request.environ.get(_STAMPS)
    user = current_user._get_current_object()
    if stamps is None or organisation_id != getattr(user, "organisation_id", None):
        return None
    orm = db.session
    if orm.new or orm.dirty or orm.deleted or orm.info.get(_CHANGED):
        return None
    return (*parts, user.id, organisation_id, *stamps, clock.today(), locale_code())


def key_with_forms(organisation_id: int, *parts):
    """key() for a page part that holds forms: also per CSRF secret (the session's, which
    the forms' tokens are signed from), and only once the session has one."""
    secret = signed_cookie.get(current_app.config["WTF_CSRF_FIELD_NAME"])
    return key(organisation_id, *parts, secret) if secret else None


# Answers kept under a key(): small values (a yes or no, the standings in an organisation's
# pilots: a few KB), a few thousand of them per application.
ANSWERS = 4_000
_ANSWERS = "partnerships.answers"


def kept(key, compute: Callable[[], T]) -> T:
    """compute(), or what it answered before under this key (None: always compute)."""
    if key is None:
        return compute()
    answers = current_app.extensions.setdefault(_ANSWERS, Lru(ANSWERS))
    found = answers.get(key)
    if found is None:
        found = (compute(),)  # in a tuple: False and None are answers too
        answers.put(key, found)
    return found[0]


def forget_all(app) -> None:
    """Drop every kept answer of the app (tests that empty the database, whose ids and
    stamps then start again)."""
    app.extensions.pop(_ANSWERS, None)
