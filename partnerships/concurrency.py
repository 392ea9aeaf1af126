"""Optimistic locking: an edit made on a stale copy is refused instead of overwriting.

Two checks, one answer. `claim()` refuses a form whose hidden version is no longer the
row's (the editor loaded the page before a colleague saved). SQLAlchemy's version counter
(database.versioned) catches the colleague who saves between our read and our write: the
UPDATE carries `WHERE version = ?`, matches no row and raises StaleDataError. Both end in
`answer_stale()`, registered once for the whole application: the request is rolled back
and the view runs again in "stale" mode, in which every VersionedForm refuses to validate.
The view then answers the way it answers any refused form, with what the person typed, and
the status becomes 409. No view needs its own handler, and nothing typed is lost.
"""

from __future__ import annotations

from flask import Flask, flash, g
from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import Conflict, HTTPException

from .extensions import db


class StaleEdit(Conflict):
    """Someone saved this row after the editor loaded it; their change must not be lost."""

    description = _l(
        "Someone else changed this in the meantime. Reload the page to see their change, "
        "then make yours again."
    )


# Shown above the form that was sent back: what was typed is still there, unsaved.
STALE_FORM = _l(
    "Someone else changed this in the meantime, so your change was not saved. What you "
    "entered is still in the form: reload the page to see their change first, or save again "
    "to replace it with yours."
)


def claim(row, submitted_version) -> None:
    """Refuse the edit unless it was made on the current version, then bump the version.

    The bump makes the flush write `SET version = n + 1 ... WHERE version = n`.
    """
    g.setdefault("claimed", (type(row), inspect(row).identity, submitted_version))
    if g.get("stale_retry"):
        raise StaleEdit()
    try:
        submitted = int(submitted_version)
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if submitted != row.version:
        raise StaleEdit()
    row.version = row.version + 1


def is_stale_retry() -> bool:
    """True while a view runs again to show a refused edit (see answer_stale)."""
    return bool(g.get("stale_retry"))


def refuse_stale_form(form) -> None:
    """Send a versioned form back during the stale retry: the message once, and the row's
    current version in the form, so that saving again is a deliberate choice to replace the
    colleague's change (the view keeps everything else the person typed)."""
    from .htmx import is_htmx

    g.stale_refused = True
    if g.get("stale_version") is not None:
        form.version.data = g.stale_version
    # Views treat a form with errors as refused; the message is also flashed because not
    # every page lists form-wide errors (a fragment has no place for flashed messages).
    form.form_errors.append(STALE_FORM)
    if not is_htmx() and not g.get("stale_flashed"):
        g.stale_flashed = True
        flash(STALE_FORM, "error")


def answer_stale(app: Flask, error: Exception):
    """The one answer to a stale edit: 409 with the person's own text back in the form."""
    from .web import error_page

    db.session.rollback()
    if g.get("retried"):
        return error_page(StaleEdit())
    g.retried = True
    # Which row went stale decides the retry. The row this form edits: run the view again in
    # stale mode, where its form is refused and shown again. Another row only (a colleague
    # saved the meeting while this person saved one of its items): run it again as it is,
    # on the fresh data, which is what it would have done a moment later.
    claimed = g.pop("claimed", None)
    if claimed is not None and claimed[1] is not None:
        row = db.session.get(claimed[0], claimed[1])
        g.stale_version = row.version if row is not None else None
        g.stale_retry = str(g.stale_version) != str(claimed[2]).strip()
    try:
        response = app.make_response(app.dispatch_request())
    except (HTTPException, StaleDataError) as again:
        # Stale once more (then: the plain 409 page, see above), access withdrawn in the
        # meantime, a form already sent: answered as any request's error would be.
        db.session.rollback()
        return app.handle_user_exception(again)
    if g.get("stale_refused") and (response.status_code < 300 or response.status_code == 422):
        response.status_code = 409  # the page with the refused form, whatever its own status
    return response


def init_app(app: Flask) -> None:
    """Answer both kinds of stale edit in one place."""

    @app.errorhandler(StaleEdit)
    @app.errorhandler(StaleDataError)
    def _stale(error):
        return answer_stale(app, error)
