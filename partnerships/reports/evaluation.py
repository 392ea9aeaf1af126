"""Evaluating results (4b): impact, improvements, suppliers' ideas and lessons."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from .. import access, audit
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from ..jobs.models import Contract, contract_pilot
from . import figures as key
from .models import Evaluation, EvaluationStatus, Lesson, LessonTheme, SupplierContribution


def contracts_for(pilot) -> list:
    """Contracts of the pilot that an evaluation may be about."""
    return list(
        db.session.scalars(
            select(Contract)
            .join(contract_pilot, contract_pilot.c.contract_id == Contract.id)
            .where(contract_pilot.c.pilot_id == pilot.id)
            .order_by(Contract.title)
        )
    )


def evaluations_of(pilot) -> list[Evaluation]:
    """The pilot's evaluations, whole-pilot first."""
    return list(
        db.session.scalars(
            select(Evaluation)
            .where(Evaluation.pilot_id == pilot.id)
            .order_by(Evaluation.contract_id.is_not(None), Evaluation.id)
        )
    )


def create_evaluation(pilot, actor, *, title: str, contract=None) -> Evaluation:
    """Start an evaluation of the whole pilot or of one of its contracts."""
    evaluation = Evaluation(
        pilot_id=pilot.id,
        title=title.strip(),
        contract_id=contract.id if contract is not None else None,
    )
    db.session.add(evaluation)
    db.session.flush()
    audit.record("evaluation.created", evaluation.title, pilot=pilot, actor=actor)
    return evaluation


def update_evaluation(
    evaluation: Evaluation, actor, *, version, went_well: str, to_improve: str
) -> None:
    """Save the working group's findings; a stale copy is refused."""
    claim(evaluation, version)
    evaluation.went_well, evaluation.to_improve = went_well, to_improve
    audit.record("evaluation.changed", evaluation.title, pilot=evaluation.pilot, actor=actor)


def add_lesson(evaluation: Evaluation, actor, *, theme: str, text: str) -> Lesson:
    """A lesson for the next tender, to be found later from any pilot of the organisation."""
    lesson = Lesson(
        pilot_id=evaluation.pilot_id,
        theme=LessonTheme(theme),
        text=text.strip(),
        created_by_id=actor.id,
    )
    evaluation.lessons.append(lesson)
    db.session.flush()
    audit.record("lesson.added", lesson.text[:80], pilot=evaluation.pilot, actor=actor)
    return lesson


def remove_lesson(lesson: Lesson, actor) -> None:
    audit.record("lesson.removed", lesson.text[:80], pilot=lesson.pilot, actor=actor)
    db.session.delete(lesson)


def contribution_of(evaluation: Evaluation, supplier_org_id: int) -> SupplierContribution | None:
    return next(
        (c for c in evaluation.contributions if c.supplier_organisation_id == supplier_org_id),
        None,
    )


def save_contribution(
    evaluation: Evaluation, actor, *, supplier_org_id: int, version, ideas: str
) -> SupplierContribution:
    """The supplier's own part; each supplier has one, which no other supplier sees."""
    contribution = contribution_of(evaluation, supplier_org_id)
    if contribution is None:
        contribution = SupplierContribution(
            pilot_id=evaluation.pilot_id, supplier_organisation_id=supplier_org_id, version=0
        )
        evaluation.contributions.append(contribution)
    claim(contribution, version)
    contribution.ideas, contribution.updated_by_id = ideas, actor.id
    db.session.flush()
    audit.record("evaluation.contribution", evaluation.title, pilot=evaluation.pilot, actor=actor)
    return contribution


def close_evaluation(evaluation: Evaluation, actor, *, as_of: date | None = None) -> None:
    """Mark the evaluation done and freeze its impact figures."""
    evaluation.figures_json = json.dumps(key.key_figures(evaluation.pilot, as_of=as_of))
    evaluation.status = EvaluationStatus.DONE
    evaluation.done_at, evaluation.done_by_id = utcnow(), actor.id
    evaluation.version += 1
    audit.record("evaluation.done", evaluation.title, pilot=evaluation.pilot, actor=actor)


def reopen_evaluation(evaluation: Evaluation, actor) -> None:
    """Open it again for changes; the figures go live again until it is closed anew."""
    evaluation.status, evaluation.figures_json = EvaluationStatus.OPEN, None
    evaluation.done_at = evaluation.done_by_id = None
    evaluation.version += 1
    audit.record("evaluation.reopened", evaluation.title, pilot=evaluation.pilot, actor=actor)


def impact(evaluation: Evaluation) -> dict:
    """Frozen figures once done, live ones while the evaluation is open."""
    return evaluation.figures or key.key_figures(evaluation.pilot)


def may_browse_lessons(user) -> bool:
    """Organisation admins and working-group members of any of the organisation's pilots."""
    return user.is_authenticated and access.can(user, "lessons.browse", user.organisation)


def organisation_lessons(organisation_id: int, theme: str | None = None) -> list[Lesson]:
    """Lessons from every pilot of the organisation, newest first, optionally of one theme."""
    from ..pilots.models import Pilot

    query = (
        select(Lesson)
        .join(Pilot, Pilot.id == Lesson.pilot_id)
        .where(Pilot.organisation_id == organisation_id)
    )
    if theme:
        query = query.where(Lesson.theme == theme)
    return list(db.session.scalars(query.order_by(Lesson.created_at.desc(), Lesson.id.desc())))
