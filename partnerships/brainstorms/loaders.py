"""Loading a brainstorm or card named in the URL, with the access check, in one call."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from .. import access
from ..extensions import db
from ..i18n import locale_code
from .models import Brainstorm, Card
from .services import board_format


def load_brainstorm(pilot_id: int, brainstorm_id: int, action: str = "brainstorm.view"):
    """The pilot and brainstorm in the URL: 404 if either is missing or they do not belong
    together, 403 if the user may not do the action."""
    pilot = access.load_pilot(pilot_id, "brainstorm.list")
    brainstorm = access.load(Brainstorm, brainstorm_id, action, pilot=pilot)
    return pilot, brainstorm


def load_card(brainstorm, card_id: int, action: str = "card.view") -> Card:
    """A card of this brainstorm; a card of another brainstorm is missing, not forbidden."""
    card = db.session.get(Card, card_id)
    if card is None or card.brainstorm_id != brainstorm.id:
        abort(404)
    access.require(action, card)
    return card


def place_labels(pilot) -> dict[str, str]:
    """Place key -> label in the user's language, prompts first, then columns."""
    fmt = board_format(pilot)
    locale = locale_code()
    return {e.key: e.label.get(locale) for e in (*fmt.prompts, *fmt.columns)}


def header_labels(fmt) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Labels of the format's header fields, kinds and natures in the user's language."""
    locale = locale_code()
    return tuple(
        {e.key: e.label.get(locale) for e in entries}
        for entries in (fmt.fields, fmt.kinds, fmt.natures)
    )


def board_context(pilot, brainstorm) -> dict:
    """What the board templates need besides the cards."""
    fmt = board_format(pilot)
    can_facilitate = access.can(current_user, "brainstorm.facilitate", brainstorm)
    return dict(
        pilot=pilot,
        brainstorm=brainstorm,
        fmt=fmt,
        header_labels=header_labels(fmt),
        can_contribute=access.can(current_user, "brainstorm.contribute", brainstorm),
        can_facilitate=can_facilitate,
        can_internal=access.can(current_user, "brainstorm.view_internal", brainstorm),
        # The facilitator may change every card (rules.can_edit_card): no need to ask per card.
        can_edit=(lambda card: True)
        if can_facilitate
        else (lambda card: access.can(current_user, "card.edit", card)),
    )
