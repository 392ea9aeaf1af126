"""Reading actions: a pilot's filtered list, a person's tasks across pilots, in few queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import contains_eager, joinedload

from .. import access
from ..extensions import db
from ..paging import Paged, page_number  # noqa: F401  (views read page numbers here)
from ..pilots.models import Membership, Pilot
from .models import OPEN_STATUSES, Action, ActionStatus
from .services import action_roles, valid_step_codes

SOON_DAYS = 7


@dataclass
class Filters:
    """Filters taken from the query string; values that make no sense are dropped with a note."""

    step: str | None = None
    role: str | None = None
    person: int | None = None
    status: str | None = None
    ignored: list = field(default_factory=list)

    @property
    def active(self) -> bool:
        return any((self.step, self.role, self.person, self.status))


def parse_filters(pilot, args) -> Filters:
    """Read step, role, person and status from GET parameters; never fail on bad input."""
    result = Filters()
    step = (args.get("step") or "").strip()
    if step:
        if step in valid_step_codes(pilot):
            result.step = step
        else:
            result.ignored.append(_l("step"))
    role = (args.get("role") or "").strip()
    if role:
        if role in {r.code for r in action_roles(pilot)}:
            result.role = role
        else:
            result.ignored.append(_l("role"))
    person = (args.get("person") or "").strip()
    if person:
        members = set(
            db.session.scalars(select(Membership.user_id).where(Membership.pilot_id == pilot.id))
        )
        if person.isdigit() and len(person) < 12 and int(person) in members:
            result.person = int(person)
        else:
            result.ignored.append(_l("person"))
    status = (args.get("status") or "").strip()
    if status:
        if status in set(ActionStatus):
            result.status = status
        else:
            result.ignored.append(_l("status"))
    return result


def people_visible_to(user, pilot, people_by_role: dict) -> dict:
    """Role -> people, as this user may see them: a supplier contact sees the buyer's people
    and its own organisation's contacts, never another supplier's."""
    standing = access.standing(user, pilot)
    if standing.working_group or standing.board:
        return people_by_role
    allowed = {pilot.organisation_id} | set(standing.supplier_org_ids)
    return {
        role: [person for person in people if person.organisation_id in allowed]
        for role, people in people_by_role.items()
    }


def visible_to(query, user, pilot):
    """Limit a query on Action to what the user may see (see rules.py)."""
    return _visible(query, user, pilot)


def _visible(query, user, pilot):
    """Suppliers see only shared actions meant for their own organisation."""
    standing = access.standing(user, pilot)
    if standing.working_group or standing.board:
        return query
    from ..accounts.models import User

    same_org = select(User.id).where(User.organisation_id.in_(standing.supplier_org_ids))
    return query.where(
        Action.is_internal.is_(False),
        or_(
            and_(Action.assignee_id.is_(None), Action.role == "supplier"),
            Action.assignee_id.in_(same_org),
        ),
    )


def pilot_actions(pilot, user, filters: Filters | None = None) -> list[Action]:
    """The pilot's actions the user may see, filtered; open first, then by deadline."""
    query = select(Action).options(joinedload(Action.assignee)).where(Action.pilot_id == pilot.id)
    query = _visible(query, user, pilot)
    f = filters or Filters()
    if f.step:
        # A step filter also finds the actions of its sub-steps (step "2B" finds "2Ba").
        query = query.where(or_(Action.step_code == f.step, Action.step_code.like(f.step + "_")))
    if f.role:
        query = query.where(Action.role == f.role)
    if f.person:
        # A person's actions: assigned to them, or to everyone in a role they hold.
        roles = select(Membership.role).where(
            Membership.pilot_id == pilot.id, Membership.user_id == f.person
        )
        query = query.where(
            or_(
                Action.assignee_id == f.person,
                and_(Action.assignee_id.is_(None), Action.role.in_(roles)),
            )
        )
    if f.status:
        query = query.where(Action.status == f.status)
    rows = db.session.scalars(query).unique().all()
    return sorted(rows, key=_list_order)


def _list_order(action: Action):
    finished = 0 if action.is_open else 1
    return (finished, action.deadline or date.max, action.id)


TASKS_PER_PAGE = 50


def _tasks_query(user):
    """Open and busy actions for this person across all pilots: assigned to them, or to
    everyone in a role they hold; people outside the buyer organisation see shared ones only."""
    holds_role = exists().where(
        Membership.pilot_id == Action.pilot_id,
        Membership.user_id == user.id,
        Membership.role == Action.role,
    )
    my_pilots = select(Membership.pilot_id).where(Membership.user_id == user.id)
    return (
        select(Action)
        .join(Pilot, Pilot.id == Action.pilot_id)
        .where(
            Action.status.in_(OPEN_STATUSES),
            or_(
                Action.assignee_id == user.id,
                # The pilot filter is implied by holds_role; it lets the database start from
                # the person's few memberships instead of every unassigned action.
                and_(Action.assignee_id.is_(None), Action.pilot_id.in_(my_pilots), holds_role),
            ),
            or_(Action.is_internal.is_(False), Pilot.organisation_id == user.organisation_id),
        )
    )


def _urgency_rank(today: date):
    """0 overdue, 1 due within a week, 2 later or without a deadline, as SQL (see urgency)."""
    return case(
        (Action.deadline < today, 0),
        (Action.deadline <= today + timedelta(days=SOON_DAYS), 1),
        else_=2,
    )


def _task_sql_order(today: date):
    """The order of task_order, in SQL: urgency, deadline (none last), pilot, id."""
    return (
        _urgency_rank(today),
        case((Action.deadline.is_(None), 1), else_=0),
        Action.deadline,
        Action.pilot_id,
        Action.id,
    )


def my_tasks(user, today: date | None = None) -> list[Action]:
    """All of this person's tasks, in one query: overdue first, then due within a week, then
    the rest (earliest deadline first, no deadline last). For reminders; the page pages."""
    today = today or date.today()
    query = _tasks_query(user).options(joinedload(Action.pilot), joinedload(Action.assignee))
    return list(db.session.scalars(query.order_by(*_task_sql_order(today))).unique())


@dataclass
class TaskPage(Paged):
    """One page of My tasks, with how many tasks there are in each urgency group."""

    items: list[Action]
    counts: dict[str, int]
    number: int
    per_page: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shown(self) -> int:
        return len(self.items)


def task_page(user, today: date, number: int = 1, per_page: int = TASKS_PER_PAGE) -> TaskPage:
    """A page of this person's tasks in task order, and the group counts: two queries
    however many tasks there are. A page past the end shows the last page."""
    rank = _urgency_rank(today)
    counted = db.session.execute(
        _tasks_query(user).with_only_columns(rank, func.count()).group_by(rank)
    ).all()
    names = ("overdue", "soon", "later")
    counts = dict.fromkeys(names, 0) | {names[r]: n for r, n in counted}
    pages = max(1, -(-sum(counts.values()) // per_page))
    number = min(max(1, number), pages)
    query = (
        _tasks_query(user)
        .options(contains_eager(Action.pilot))
        .order_by(*_task_sql_order(today))
        .limit(per_page)
        .offset((number - 1) * per_page)
    )
    return TaskPage(list(db.session.scalars(query)), counts, number, per_page)


def urgency(action: Action, today: date) -> str:
    """ "overdue", "soon" (within a week) or "later"."""
    if action.deadline is not None and action.deadline < today:
        return "overdue"
    if action.deadline is not None and action.deadline <= today + timedelta(days=SOON_DAYS):
        return "soon"
    return "later"
