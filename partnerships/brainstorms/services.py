"""Rules for a brainstorm and its cards: start, add, edit, move, merge, pin, close.

Every change bumps the brainstorm's revision in the database, which is what the board's poll
compares; nothing is kept in process memory, so any number of workers can serve a board.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import Conflict

from .. import audit, workflows_registry
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from .models import Brainstorm, BrainstormShare, BrainstormStatus, Card

CARD_MAX = 2000
HEADER_FIELDS = frozenset(
    {
        "title",
        "description",
        "kind",
        "kind_other",
        "nature",
        "labour_component",
        "allow_anonymous",
        "step_code",
    }
)


class BrainstormClosed(Conflict):
    """The brainstorm is frozen; a card sent to it is refused, not silently dropped."""

    description = _l(
        "This brainstorm is closed: cards can no longer be added or changed. "
        "Your text was not saved; copy it if you want to keep it."
    )


class Refused(ValueError):
    """A change the rules refuse; the message is shown with the form (422)."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def board_format(pilot):
    """The brainstorm format (prompts, columns, kinds) of the pilot's workflow version."""
    return workflows_registry.for_pilot(pilot).brainstorm


def place_keys(pilot) -> tuple[str, ...]:
    """Where a card may go: a prompt or a column of the format."""
    fmt = board_format(pilot)
    return tuple(e.key for e in fmt.prompts) + tuple(e.key for e in fmt.columns)


def bump(brainstorm: Brainstorm) -> None:
    """Count a change in the database itself, so concurrent workers never lose a bump."""
    brainstorm.revision = Brainstorm.revision + 1
    db.session.flush()


def _require_open(brainstorm: Brainstorm) -> None:
    if not brainstorm.is_open:
        raise BrainstormClosed()


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise Refused(_l("Write something on the card."))
    if len(text) > CARD_MAX:
        raise Refused(_l("A card holds at most 2,000 characters."))
    return text


def _check_place(brainstorm: Brainstorm, place: str) -> str:
    if place not in place_keys(brainstorm.pilot):
        raise Refused(_l("Choose a question or column of this board."))
    return place


def start_brainstorm(
    pilot,
    actor,
    *,
    title: str,
    description: str = "",
    kind: str | None = None,
    kind_other: str = "",
    nature: str | None = None,
    labour_component: str = "",
    contract_id: int | None = None,
    allow_anonymous: bool = False,
    step_code: str | None = None,
    supplier_org_ids=(),
) -> Brainstorm:
    """Open a brainstorm; whoever starts it facilitates it."""
    brainstorm = Brainstorm(
        pilot_id=pilot.id,
        title=title,
        description=description,
        kind=kind or None,
        kind_other=kind_other,
        nature=nature or None,
        labour_component=labour_component,
        contract_id=contract_id,
        allow_anonymous=allow_anonymous,
        step_code=step_code,
        facilitator_id=actor.id,
        created_by_id=actor.id,
    )
    brainstorm.pilot = pilot
    db.session.add(brainstorm)
    db.session.flush()
    for org_id in sorted(set(supplier_org_ids)):
        db.session.add(BrainstormShare(brainstorm_id=brainstorm.id, organisation_id=org_id))
    db.session.flush()
    audit.record("brainstorm.started", title, pilot=pilot, actor=actor)
    return brainstorm


def update_header(brainstorm: Brainstorm, actor, version, **fields) -> None:
    """Change the header fields of the format, refusing an edit made on a stale copy."""
    claim(brainstorm, version)
    for name in HEADER_FIELDS & fields.keys():
        value = fields[name]
        # An empty choice means "not chosen yet", stored as NULL.
        setattr(brainstorm, name, None if value == "" and name in ("kind", "nature") else value)
    bump(brainstorm)
    audit.record("brainstorm.changed", brainstorm.title, pilot=brainstorm.pilot, actor=actor)


def add_card(
    brainstorm: Brainstorm, actor, *, place: str, text: str, anonymous: bool = False
) -> Card:
    """Put a card on the board, under the author's organisation or anonymously if allowed."""
    _require_open(brainstorm)
    card = Card(
        brainstorm_id=brainstorm.id,
        pilot_id=brainstorm.pilot_id,
        place=_check_place(brainstorm, place),
        text=_check_text(text),
        author_id=actor.id,
        author_organisation_id=actor.organisation_id,
        anonymous=bool(anonymous and brainstorm.allow_anonymous),
        updated_by_id=actor.id,
    )
    db.session.add(card)
    bump(brainstorm)
    return card


def edit_card(card: Card, actor, *, version, text: str, place: str | None = None) -> None:
    """Change a card's text (and, for the facilitator, its place)."""
    brainstorm = card.brainstorm
    _require_open(brainstorm)
    if not card.visible:
        raise Refused(_l("This card was withdrawn or merged and can no longer change."))
    text = _check_text(text)
    if place is not None:
        _check_place(brainstorm, place)
    claim(card, version)
    card.text = text
    if place is not None:
        card.place = place
    card.updated_by_id = actor.id
    bump(brainstorm)


def move_card(card: Card, actor, *, version, place: str) -> None:
    """Put a card under another question or column."""
    _require_open(card.brainstorm)
    _check_place(card.brainstorm, place)
    claim(card, version)
    card.place = place
    card.updated_by_id = actor.id
    bump(card.brainstorm)


def set_pinned(card: Card, actor, *, version, pinned: bool) -> None:
    """Pinned cards come first in their place."""
    _require_open(card.brainstorm)
    claim(card, version)
    card.pinned = pinned
    card.updated_by_id = actor.id
    bump(card.brainstorm)


def withdraw_card(card: Card, actor, *, version) -> None:
    """Take a card off the board; the row stays for the record."""
    _require_open(card.brainstorm)
    claim(card, version)
    card.withdrawn = True
    card.updated_by_id = actor.id
    bump(card.brainstorm)


def merge_cards(target: Card, source: Card, actor, *, version) -> None:
    """Merge source into target: target gets source's text appended, source is marked merged."""
    brainstorm = target.brainstorm
    _require_open(brainstorm)
    if source.id == target.id or source.brainstorm_id != target.brainstorm_id:
        raise Refused(_l("Choose another card of this board to merge."))
    if not (source.visible and target.visible):
        raise Refused(_l("This card was withdrawn or merged and can no longer change."))
    merged = f"{target.text}\n\n{source.text}"
    if len(merged) > CARD_MAX:
        raise Refused(
            _l("Together these cards are longer than a card may be; shorten one of them first.")
        )
    claim(target, version)
    target.text = merged
    target.pinned = target.pinned or source.pinned
    target.updated_by_id = actor.id
    source.merged_into_id = target.id
    source.version += 1
    source.updated_by_id = actor.id
    bump(brainstorm)


def close(brainstorm: Brainstorm, actor) -> None:
    """Freeze the brainstorm: still visible, no longer changeable."""
    _require_open(brainstorm)
    brainstorm.status = BrainstormStatus.CLOSED
    brainstorm.closed_at = utcnow()
    brainstorm.closed_by_id = actor.id
    bump(brainstorm)
    audit.record("brainstorm.closed", brainstorm.title, pilot=brainstorm.pilot, actor=actor)
