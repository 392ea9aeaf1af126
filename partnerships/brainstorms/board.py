"""Reading a board: the sessions a user may see, and the visible cards per place."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from .. import access
from ..extensions import db
from .models import Brainstorm, BrainstormShare, Card


def brainstorms_for(user, pilot) -> list[Brainstorm]:
    """Sessions of the pilot this user may see: all for the working group and board,
    only those shared with their organisation for a supplier contact."""
    standing = access.standing(user, pilot)
    query = select(Brainstorm).where(Brainstorm.pilot_id == pilot.id)
    if not (standing.working_group or standing.board):
        query = query.where(
            Brainstorm.id.in_(
                select(BrainstormShare.brainstorm_id).where(
                    BrainstormShare.organisation_id.in_(standing.supplier_org_ids or {-1})
                )
            )
        )
    return list(
        db.session.scalars(query.order_by(Brainstorm.status.desc(), Brainstorm.created_at.desc()))
    )


def card_counts(brainstorm_ids) -> dict[int, int]:
    """Visible cards per session, for the overview."""
    if not brainstorm_ids:
        return {}
    rows = db.session.execute(
        select(Card.brainstorm_id, func.count(Card.id))
        .where(
            Card.brainstorm_id.in_(brainstorm_ids),
            Card.withdrawn.is_(False),
            Card.merged_into_id.is_(None),
        )
        .group_by(Card.brainstorm_id)
    )
    return dict(rows.all())


def visible_cards(brainstorm: Brainstorm) -> list[Card]:
    """Cards still on the board, pinned first, then in the order they were written."""
    return list(
        db.session.scalars(
            select(Card)
            .options(joinedload(Card.author_organisation))
            .where(
                Card.brainstorm_id == brainstorm.id,
                Card.withdrawn.is_(False),
                Card.merged_into_id.is_(None),
            )
            .order_by(Card.pinned.desc(), Card.id)
        )
    )


def cards_by_place(brainstorm: Brainstorm, places) -> dict[str, list[Card]]:
    """The board as place key -> cards; cards on a place the format dropped go last."""
    board: dict[str, list[Card]] = {key: [] for key in places}
    for card in visible_cards(brainstorm):
        board.setdefault(card.place, []).append(card)
    return board
