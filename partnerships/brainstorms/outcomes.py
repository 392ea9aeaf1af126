"""From talk to work: turning cards of a closed brainstorm into actions, decisions,
potential jobs and the "top 3" shortlist of suppliers."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select

from .. import audit
from ..extensions import db
from ..i18n import lazy_gettext as _l
from .models import Brainstorm, Card, CardOutcome, OutcomeKind, ShortlistEntry
from .services import Refused

SHORTLIST_MAX = 3


def _require_closed_with_card(brainstorm: Brainstorm, card: Card | None) -> None:
    """Cards become work once the brainstorm is closed, and only cards of its own board."""
    if brainstorm.is_open:
        raise Refused(_l("Close the brainstorm first; then turn its cards into work."))
    if card is not None and (card.brainstorm_id != brainstorm.id or not card.visible):
        raise Refused(_l("Choose a card of this board."))


def _record(brainstorm, card, actor, kind, target_id, title) -> CardOutcome:
    outcome = CardOutcome(
        card_id=card.id,
        brainstorm_id=brainstorm.id,
        kind=kind,
        target_id=target_id,
        title=title[:200],
        created_by_id=actor.id if actor else None,
    )
    db.session.add(outcome)
    db.session.flush()
    return outcome


def card_title(card: Card) -> str:
    """A first line of the card, short enough for a title."""
    first = card.text.strip().splitlines()[0] if card.text.strip() else ""
    first = first.lstrip("#*->0123456789. ").strip() or card.text.strip()
    return first[:120]


def to_action(
    brainstorm: Brainstorm,
    card: Card,
    actor,
    *,
    title: str,
    role: str,
    description: str = "",
    deadline=None,
    assignee=None,
):
    """A card becomes an action of the pilot's action plan."""
    from ..actions.services import create_action

    _require_closed_with_card(brainstorm, card)
    action = create_action(
        brainstorm.pilot,
        actor,
        title=title,
        role=role,
        description=description,
        step_code=brainstorm.step_code,
        assignee=assignee,
        deadline=deadline,
        source="brainstorm",
        source_id=card.id,
    )
    _record(brainstorm, card, actor, OutcomeKind.ACTION, action.id, title)
    return action


def to_decision(
    brainstorm: Brainstorm,
    card: Card,
    actor,
    *,
    title: str,
    kind: str,
    decided_by: str,
    decided_on,
    text: str = "",
    rationale: str = "",
):
    """A card becomes an entry in the decision register."""
    from ..meetings.services import record_decision

    _require_closed_with_card(brainstorm, card)
    decision = record_decision(
        brainstorm.pilot,
        actor,
        kind=kind,
        title=title,
        decided_by=decided_by,
        decided_on=decided_on,
        text=text,
        rationale=rationale,
        step_code=brainstorm.step_code,
        source="brainstorm",
    )
    _record(brainstorm, card, actor, OutcomeKind.DECISION, decision.id, title)
    return decision


def potential_jobs_available() -> bool:
    """Potential jobs are offered while the contracts domain is part of the app."""
    return "contracts" in current_app.blueprints


def to_potential_job(
    brainstorm: Brainstorm, card: Card, actor, *, title: str, tasks: str, supplier_ids=()
):
    """A card becomes a potential job (step 3a) on the contracts domain's list."""
    from ..contracts.services import create_potential_job

    _require_closed_with_card(brainstorm, card)
    job = create_potential_job(
        brainstorm.pilot,
        actor,
        title=title,
        tasks=tasks,
        source="brainstorm",
        supplier_ids=list(supplier_ids),
    )
    _record(brainstorm, card, actor, OutcomeKind.POTENTIAL_JOB, job.id, title)
    return job


def shortlist(brainstorm: Brainstorm) -> list[ShortlistEntry]:
    """The brainstorm's top 3, best first."""
    return list(
        db.session.scalars(
            select(ShortlistEntry)
            .where(ShortlistEntry.brainstorm_id == brainstorm.id)
            .order_by(ShortlistEntry.rank)
        )
    )


def add_to_shortlist(
    brainstorm: Brainstorm,
    actor,
    *,
    rank: int,
    supplier_name: str,
    organisation=None,
    reason: str = "",
    card: Card | None = None,
) -> ShortlistEntry:
    """Rank a supplier in the top 3, with the reason; a card may be what it came from."""
    _require_closed_with_card(brainstorm, card)
    entries = shortlist(brainstorm)
    if len(entries) >= SHORTLIST_MAX:
        raise Refused(_l("The shortlist holds at most three suppliers; remove one first."))
    if not 1 <= rank <= SHORTLIST_MAX:
        raise Refused(_l("Choose a place from 1 to 3."))
    if any(entry.rank == rank for entry in entries):
        raise Refused(
            _l("Place %(rank)s is already taken; choose another or remove it first.", rank=rank)
        )
    name = organisation.name if organisation is not None else supplier_name.strip()
    if not name:
        raise Refused(_l("Name the supplier."))
    if any(entry.supplier_name.lower() == name.lower() for entry in entries):
        raise Refused(_l("This supplier is already on the shortlist."))
    entry = ShortlistEntry(
        brainstorm_id=brainstorm.id,
        pilot_id=brainstorm.pilot_id,
        rank=rank,
        supplier_name=name[:200],
        reason=reason.strip(),
        supplier_organisation_id=organisation.id if organisation is not None else None,
        card_id=card.id if card is not None else None,
        created_by_id=actor.id if actor else None,
    )
    db.session.add(entry)
    db.session.flush()
    if card is not None:
        _record(brainstorm, card, actor, OutcomeKind.SHORTLIST, entry.id, name)
    audit.record(
        "brainstorm.shortlisted",
        name,
        details=f"{rank}: {reason}",
        pilot=brainstorm.pilot,
        actor=actor,
    )
    return entry


def remove_from_shortlist(entry: ShortlistEntry, actor) -> None:
    """Take a supplier off the shortlist, and forget the card's link to it."""
    db.session.execute(
        CardOutcome.__table__.delete().where(
            CardOutcome.kind == OutcomeKind.SHORTLIST, CardOutcome.target_id == entry.id
        )
    )
    db.session.delete(entry)
    db.session.flush()
    audit.record(
        "brainstorm.unshortlisted",
        entry.supplier_name,
        actor=actor,
        pilot=db.session.get(Brainstorm, entry.brainstorm_id).pilot,
    )


def outcomes_by_card(brainstorm: Brainstorm) -> dict[int, list[CardOutcome]]:
    """What each card became, for the talk-to-work page and the summary."""
    result: dict[int, list[CardOutcome]] = {}
    for outcome in db.session.scalars(
        select(CardOutcome)
        .where(CardOutcome.brainstorm_id == brainstorm.id)
        .order_by(CardOutcome.id)
    ):
        result.setdefault(outcome.card_id, []).append(outcome)
    return result


def count_outcomes(brainstorm: Brainstorm) -> int:
    """How many pieces of work the brainstorm produced."""
    return db.session.scalar(
        select(func.count(CardOutcome.id)).where(CardOutcome.brainstorm_id == brainstorm.id)
    )
