"""Reading a board: the sessions a user may see, and the visible cards per place."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import defer, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from .. import access
from ..extensions import db
from ..text import render_markdown
from . import bp
from .models import Brainstorm, BrainstormShare, Card


@bp.app_template_filter("card_markdown")
@lru_cache(maxsize=4096)
def card_markdown(text: str | None) -> Markup:
    """A card's text as sanitised HTML (the `markdown` filter), remembered by text: a board
    of hundreds of cards is read and polled far more often than a card is written, and
    Markdown is most of the cost of drawing it. Same text, same HTML, in any process."""
    return render_markdown(text)


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
    cards = list(
        db.session.scalars(
            select(Card)
            # A board shows no dates; hundreds of cards name only a few organisations.
            .options(
                defer(Card.created_at),
                defer(Card.updated_at),
                selectinload(Card.author_organisation),
            )
            .where(
                Card.brainstorm_id == brainstorm.id,
                Card.withdrawn.is_(False),
                Card.merged_into_id.is_(None),
            )
            .order_by(Card.pinned.desc(), Card.id)
        )
    )
    # Every card belongs to this session and pilot: say so, so that the access check per
    # card ("may I change it?") does not go looking for them card by card.
    for card in cards:
        set_committed_value(card, "brainstorm", brainstorm)
        set_committed_value(card, "pilot", brainstorm.pilot)
    return cards


def cards_by_place(brainstorm: Brainstorm, places) -> dict[str, list[Card]]:
    """The board as place key -> cards; cards on a place the format dropped go last."""
    board: dict[str, list[Card]] = {key: [] for key in places}
    for card in visible_cards(brainstorm):
        board.setdefault(card.place, []).append(card)
    return board
