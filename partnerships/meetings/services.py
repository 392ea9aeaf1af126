"""Rules for the decision register: decisions are recorded and superseded, never deleted."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit
from ..concurrency import claim
from ..extensions import db
from .models import Decision, DecisionSource, DecisionStatus, MeetingDecision


class DecisionError(ValueError):
    """A change to the register that would break its history; the message says why."""


def record_decision(
    pilot,
    actor,
    *,
    kind: str,
    title: str,
    decided_by: str,
    decided_on: date,
    text: str = "",
    rationale: str = "",
    step_code: str | None = None,
    source: str = DecisionSource.MANUAL,
    value: str | None = None,
    supersedes: Decision | None = None,
    status: str = DecisionStatus.TAKEN,
    meeting=None,
    agenda_item=None,
) -> Decision:
    """Add a decision to the register. Other domains (stepper, brainstorms, policy) call this."""
    if supersedes is not None:
        if supersedes.pilot_id != pilot.id:
            raise DecisionError(_l("A decision can only replace a decision of the same pilot."))
        if superseded_by(supersedes) is not None:
            raise DecisionError(
                _l("This decision was already replaced by a later one; replace that one instead.")
            )
    decision = Decision(
        pilot_id=pilot.id,
        kind=kind,
        title=title,
        text=text,
        rationale=rationale,
        decided_by=decided_by,
        decided_on=decided_on,
        step_code=step_code,
        source=source,
        value=value,
        status=status,
        supersedes_id=supersedes.id if supersedes else None,
        created_by_id=actor.id if actor is not None else None,
    )
    db.session.add(decision)
    db.session.flush()
    if meeting is not None:
        db.session.add(
            MeetingDecision(
                decision_id=decision.id,
                meeting_id=meeting.id,
                agenda_item_id=agenda_item.id if agenda_item is not None else None,
            )
        )
        db.session.flush()
    event = "decision.superseded" if supersedes is not None else "decision.recorded"
    details = f"replaces #{supersedes.id} {supersedes.title}" if supersedes is not None else ""
    audit.record(event, title, details, pilot=pilot, actor=actor)
    return decision


def superseded_by(decision: Decision) -> Decision | None:
    """The later decision that replaced this one, if any."""
    return db.session.scalar(
        select(Decision).where(Decision.supersedes_id == decision.id).order_by(Decision.id)
    )


def confirm_decision(decision: Decision, actor, *, decided_on: date, version) -> Decision:
    """Record that a proposed decision was taken, e.g. by the board, on the given date."""
    if decision.status != DecisionStatus.PROPOSED:
        raise DecisionError(_l("This decision was already taken."))
    claim(decision, version)
    decision.status = DecisionStatus.TAKEN
    decision.decided_on = decided_on
    audit.record("decision.taken", decision.title, pilot=_pilot(decision), actor=actor)
    return decision


def register(pilot) -> list[Decision]:
    """Every decision of the pilot, newest first, with what it replaced loaded in one go."""
    return list(
        db.session.scalars(
            select(Decision)
            .where(Decision.pilot_id == pilot.id)
            .order_by(Decision.decided_on.desc(), Decision.id.desc())
        )
    )


def meetings_of(decisions) -> dict:
    """Decision id -> the meeting it was taken in, for the decisions given, in one query."""
    from .models import Meeting

    ids = [d.id for d in decisions]
    if not ids:
        return {}
    rows = db.session.execute(
        select(MeetingDecision.decision_id, Meeting)
        .join(Meeting, Meeting.id == MeetingDecision.meeting_id)
        .where(MeetingDecision.decision_id.in_(ids))
    ).all()
    return dict(rows)


def _pilot(decision: Decision):
    from ..pilots.models import Pilot

    return db.session.get(Pilot, decision.pilot_id)


def provisional_decisions(decisions) -> set[int]:
    """Ids of these decisions entered before their meeting's minutes were fixed."""
    ids = [d.id for d in decisions]
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(MeetingDecision.decision_id).where(
                MeetingDecision.decision_id.in_(ids), MeetingDecision.provisional.is_(True)
            )
        )
    )
