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
from sqlalchemy import Boolean, and_, bindparam, exists, or_, select

from ..extensions import db
from ..i18n import locale_code
from ..pilots.models import Membership, Pilot
from . import bp
from .board import cards_by_place
from .loading import board_context, load_brainstorm, place_labels
from .models import Brainstorm, BrainstormShare
from .views import BASE


def _statement():
    """SELECT revision, may_view for one session: the `brainstorm.view` rule in SQL.

    Mirrors rules.can_view with access.standing: people of the pilot's own organisation see
    every session when they are its admin or hold a non-supplier role (working group,
    board); anyone else only as the supplier they speak for, when shared with that supplier.
    Built once with parameters, so a poll does not rebuild the expression every two seconds.
    """
    user_id, organisation_id = bindparam("user_id"), bindparam("organisation_id")
    insider = and_(
        Pilot.organisation_id == organisation_id,
        or_(
            bindparam("is_org_admin", type_=Boolean),
            exists().where(
                Membership.pilot_id == Pilot.id,
                Membership.user_id == user_id,
                Membership.role != "supplier",
            ),
        ),
    )
    supplier = exists().where(
        Membership.pilot_id == Pilot.id,
        Membership.user_id == user_id,
        Membership.role == "supplier",
        Membership.supplier_organisation_id == organisation_id,
        BrainstormShare.brainstorm_id == Brainstorm.id,
        BrainstormShare.organisation_id == Membership.supplier_organisation_id,
    )
    return (
        select(Brainstorm.revision, or_(insider, supplier).label("may_view"))
        .join(Pilot, Pilot.id == Brainstorm.pilot_id)
        .where(
            Brainstorm.id == bindparam("brainstorm_id"),
            Brainstorm.pilot_id == bindparam("pilot_id"),
        )
    )


POLL = _statement()


def poll_row(pilot_id: int, brainstorm_id: int, user):
    """(revision, may_view) of the session for this user, or None when there is no such one."""
    return db.session.execute(
        POLL,
        {
            "pilot_id": pilot_id,
            "brainstorm_id": brainstorm_id,
            "user_id": user.id,
            "organisation_id": user.organisation_id,
            "is_org_admin": bool(user.is_org_admin),
        },
    ).first()


def etag_for(brainstorm_id: int, revision: int, user) -> str:
    """What a client last saw: the revision, for this user (cards show "you") and language."""
    return f"b{brainstorm_id}.r{revision}.u{user.id}.{locale_code()}"


@bp.route(f"{BASE}/<int:brainstorm_id>/poll")
@login_required
def poll(pilot_id, brainstorm_id):
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
    # The session row is read before its cards, so a change committed in between shows up
    # as a newer revision on the next poll: a client may fetch twice, never miss a change.
    response.set_etag(etag_for(brainstorm_id, brainstorm.revision, current_user), weak=True)
    return response
