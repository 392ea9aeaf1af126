"""Reading a board: the brainstorms a user may see, and the visible cards per place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import defer, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from .. import access
from ..accounts.models import Organisation
from ..extensions import db
from ..text import render_markdown
from . import bp
from .models import Brainstorm, BrainstormShare, Card

if TYPE_CHECKING:
    from ..pilots.models import Pilot


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
    scope = access.visible_supplier_ids(user, pilot)
    query = select(Brainstorm).where(Brainstorm.pilot_id == pilot.id)
    if scope is not None:
        query = query.where(
            Brainstorm.id.in_(
                select(BrainstormShare.brainstorm_id).where(
                    BrainstormShare.organisation_id.in_(scope or {-1})
                )
            )
        )
    return list(
        db.session.scalars(query.order_by(Brainstorm.status.desc(), Brainstorm.created_at.desc()))
    )


# The names of the organisations a brainstorm is shared with, in the order it was shared:
# one query for the board's header rather than a lazy load per share.
SHARED_WITH = (
    select(Organisation.name)
    .join(BrainstormShare, BrainstormShare.organisation_id == Organisation.id)
    .where(BrainstormShare.brainstorm_id == bindparam("brainstorm_id"))
    .order_by(BrainstormShare.id)
)


def shared_with(brainstorm: Brainstorm) -> list[str]:
    """Who outside the working group sees the brainstorm, by organisation name."""
    return list(db.session.scalars(SHARED_WITH, {"brainstorm_id": brainstorm.id}))


def card_counts(brainstorm_ids) -> dict[int, int]:
    """Visible cards per brainstorm, for the overview."""
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
    # Every card belongs to this brainstorm and pilot: say so, so that the access check per
    # card ("may I change it?") does not go looking for them card by card.
    for card in cards:
        set_committed_value(card, "brainstorm", brainstorm)
        set_committed_value(card, "pilot", brainstorm.pilot)
    return cards


class BoardCard(NamedTuple):
    """What the board, its poll and the summary show of a card: read as plain rows, since
    building hundreds of ORM objects cost more than drawing them. It answers the access
    rules like a Card does (`brainstorm`, `pilot`, `author_id`)."""

    id: int
    place: str
    text: str
    author_id: int | None
    anonymous: bool
    pinned: bool
    author_label: str
    number: int  # its position on its place, counted from 1, for "card 3 of ..."
    brainstorm: Brainstorm
    pilot: Pilot


# Built once, the brainstorm entering as a parameter. Pinned cards first, then in the order
# they were written; hundreds of cards name only a few organisations.
BOARD_CARDS = (
    select(
        Card.id,
        Card.place,
        Card.text,
        Card.author_id,
        Card.anonymous,
        Card.pinned,
        Organisation.name,
    )
    .outerjoin(Organisation, Organisation.id == Card.author_organisation_id)
    .where(
        Card.brainstorm_id == bindparam("brainstorm_id"),
        Card.withdrawn.is_(False),
        Card.merged_into_id.is_(None),
    )
    .order_by(Card.pinned.desc(), Card.id)
)


def cards_by_place(brainstorm: Brainstorm, places) -> dict[str, list[BoardCard]]:
    """The board as place key -> cards (pinned first, then in the order they were
    written); cards on a place the format dropped go last."""
    # The two labels that name nobody are translated once, worded as Card.author_label.
    anonymous, unknown = _("Anonymous"), _("Unknown organisation")
    pilot = brainstorm.pilot
    board: dict[str, list[BoardCard]] = {key: [] for key in places}
    # On the session's connection: plain rows need none of the ORM's bookkeeping.
    rows = db.session.connection().execute(BOARD_CARDS, {"brainstorm_id": brainstorm.id}).all()
    for card_id, place, text, author_id, is_anonymous, pinned, organisation in rows:
        cards = board.get(place)
        if cards is None:
            cards = board[place] = []
        label = anonymous if is_anonymous else unknown if organisation is None else organisation
        cards.append(
            BoardCard(
                card_id,
                place,
                text,
                author_id,
                is_anonymous,
                pinned,
                label,
                len(cards) + 1,
                brainstorm,
                pilot,
            )
        )
    return board


@bp.app_template_global()
def card_rows(
    cards: Iterable[BoardCard], user_id: int, can_edit: Callable[[BoardCard], bool] | None
) -> Iterator[tuple]:
    """What each card of a place shows, as (id, text as HTML, author as HTML, written by
    this user under their name, may be changed, number, pinned); `can_edit` is None on a
    closed board. Worked out here rather than in the template, since a board has hundreds
    of cards; the HTML is sanitised (Markdown) or escaped here, once per author."""
    authors: dict[str, Markup] = {}
    for card in cards:
        author = authors.get(card.author_label)
        if author is None:
            author = authors[card.author_label] = escape(card.author_label)
        yield (
            card.id,
            card_markdown(card.text),
            author,
            card.author_id == user_id and not card.anonymous,
            can_edit is not None and can_edit(card),
            card.number,
            card.pinned,
        )
