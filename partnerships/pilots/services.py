"""Rules for pilots: starting one on the newest method version, and listing a user's pilots."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from .. import access, audit, workflows_registry
from ..extensions import db
from ..paging import Page, page_number, page_within  # noqa: F401  (views read page numbers here)
from . import progress
from .models import Membership, Pilot, PilotStatus


def start_pilot(
    organisation,
    creator,
    *,
    title,
    purchasing_category,
    start_date,
    goal_jobs,
    goal_people=None,
    workflow_key=workflows_registry.DEFAULT_KEY,
) -> Pilot:
    """Create a pilot on the newest version of its workflow, with its creator as coordinator."""
    workflow = workflows_registry.newest(workflow_key)
    pilot = Pilot(
        organisation_id=organisation.id,
        title=title,
        purchasing_category=purchasing_category,
        start_date=start_date,
        goal_jobs=goal_jobs,
        goal_people=goal_people,
        workflow_key=workflow.key,
        workflow_version=workflow.version,
        created_by_id=creator.id if creator else None,
    )
    db.session.add(pilot)
    db.session.flush()
    if creator is not None:
        db.session.add(Membership(pilot_id=pilot.id, user_id=creator.id, role="coordinator"))
    audit.record("pilot.started", title, pilot=pilot, actor=creator)
    return pilot


PILOTS_PER_PAGE = 25


def _pilots_query(user, status: str | None = None):
    """The pilots a user takes part in, or runs as organisation admin."""
    member_of = select(Membership.pilot_id).where(Membership.user_id == user.id)
    if access.can(user, "organisation.all_pilots", user.organisation):
        # One list of ids from two indexes; an OR across the two made PostgreSQL read every
        # pilot of every organisation.
        member_of = member_of.union(
            select(Pilot.id).where(Pilot.organisation_id == user.organisation_id)
        )
    query = select(Pilot).where(Pilot.id.in_(member_of))
    if status in set(PilotStatus):
        query = query.where(Pilot.status == status)
    return query


def pilots_of(user, status: str | None = None, *, limit=None, offset=0):
    """The pilots a user takes part in, or runs as organisation admin, newest first."""
    query = _pilots_query(user, status).options(selectinload(Pilot.organisation))
    query = query.order_by(Pilot.start_date.desc(), Pilot.id.desc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return db.session.scalars(query).all()


@dataclass(frozen=True)
class PilotRow:
    """A line of the overview: the pilot, where it stands and how far it is."""

    pilot: Pilot
    progress: progress.Progress


def overview(
    user, locale: str, status: str | None = None, number: int = 1, per_page: int = PILOTS_PER_PAGE
) -> Page:
    """A page of the user's pilots with their progress, in a fixed number of queries however
    many pilots there are; a page past the end shows the last page."""
    total = db.session.scalar(
        _pilots_query(user, status).with_only_columns(func.count(Pilot.id)).order_by(None)
    )
    number = page_within(number, total, per_page)
    pilots = pilots_of(user, status, limit=per_page, offset=(number - 1) * per_page)
    statuses = progress.statuses_for(p.id for p in pilots)
    rows = []
    for pilot in pilots:
        workflow = workflows_registry.for_pilot(pilot)
        rows.append(
            PilotRow(pilot, progress.compute(workflow, pilot.route, statuses[pilot.id], locale))
        )
    return Page(rows, total, number, per_page)
