"""The board's live poll: an unchanged board answers 304 after one cheap query.

htmx polls `poll?since=<revision>` every two seconds (htmx does not send If-None-Match on
its own, so the revision the page last saw travels as a parameter); other clients may send
If-None-Match with the ETag instead. The access check and the revision come from ONE
statement, so an unchanged poll costs two queries in all: Flask-Login loading the user by
primary key, and the statement below. Nothing is cached in process memory, so any number
of workers on one PostgreSQL database answer alike.
"""

from __future__ import annotations

from flask import abort, make_response, render_template, request
from flask_login import current_user, login_required

from ..extensions import db
from ..i18n import locale_code
from . import bp, rules
from .board import cards_by_place
from .loaders import board_context, load_brainstorm, place_labels
from .views import BASE

POLL = rules.view_statement()


def poll_row(pilot_id: int, brainstorm_id: int, user):
    """(revision, may_view) of the brainstorm for this user, or None when there is no such one."""
    return db.session.execute(
        POLL,
        {
            "pilot_id": pilot_id,
            "brainstorm_id": brainstorm_id,
            "user_id": user.id,
            "organisation_id": user.organisation_id,
            **rules.view_parameters(user),
        },
    ).first()


def etag_for(brainstorm_id: int, revision: int, user) -> str:
    """What a client last saw: the revision, for this user (cards show "you") and language."""
    return f"b{brainstorm_id}.r{revision}.u{user.id}.{locale_code()}"


@bp.route(f"{BASE}/<int:brainstorm_id>/poll")
@login_required
def poll(pilot_id, brainstorm_id):
    """The board's cards if they changed since the browser's ETag, else 304 Not Modified."""
    row = poll_row(pilot_id, brainstorm_id, current_user)
    if row is None:
        abort(404)
    revision, may_view = row
    if not may_view:
        abort(403)
    etag = etag_for(brainstorm_id, revision, current_user)
    since = request.args.get("since", type=int)
    if since == revision or request.if_none_match.contains_weak(etag):
        response = make_response("", 304)
        response.set_etag(etag, weak=True)
        return response
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    labels = place_labels(pilot)
    response = make_response(
        render_template(
            "brainstorms/_live.html",
            oob=True,
            labels=labels,
            board=cards_by_place(brainstorm, labels),
            **board_context(pilot, brainstorm),
        )
    )
    # The brainstorm row is read before its cards, so a change committed in between shows up
    # as a newer revision on the next poll: a client may fetch twice, never miss a change.
    response.set_etag(etag_for(brainstorm_id, brainstorm.revision, current_user), weak=True)
    return response
