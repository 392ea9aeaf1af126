"""Reading actions: a pilot's filtered list, a person's tasks across pilots, in few queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, and_, bindparam, case, or_, select, tuple_, union_all
from sqlalchemy.orm import joinedload

from .. import access, clock
from ..extensions import db
from ..paging import Paged, page_number, page_within  # noqa: F401  (views read page numbers here)
from ..pilots.models import Membership, Pilot
from . import rules
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
    scope = access.visible_supplier_ids(user, pilot)
    if scope is None:
        return people_by_role
    allowed = {pilot.organisation_id} | set(scope)
    return {
        role: [person for person in people if person.organisation_id in allowed]
        for role, people in people_by_role.items()
    }


def visible_to(query, user, pilot):
    """Limit a query on Action to what the user may see (see rules.py)."""
    return _visible(query, user, pilot)


def _visible(query, user, pilot):
    """Suppliers see only shared actions meant for their own organisation."""
    scope = access.visible_supplier_ids(user, pilot)
    if scope is None:
        return query
    return query.where(rules.seen_by_suppliers(scope))


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


# A person's tasks are read with statements built once, the person and the day entering as
# parameters: composing these statements anew cost about a millisecond a page.
_USER = bindparam("user_id")
_TODAY = bindparam("today", type_=Date)
_SOON = bindparam("soon", type_=Date)

# Open and busy actions for this person across all pilots: assigned to them, or to everyone
# in a role they hold; people outside the buyer organisation see shared ones only. Two
# branches, each served by its own index (the person's assignments; the unassigned actions
# of each pilot they are in): as one condition with OR, PostgreSQL read every unassigned
# action of every pilot, which grows with the whole database rather than with the person.
_VISIBLE = or_(Action.is_internal.is_(False), Pilot.organisation_id == bindparam("organisation_id"))
_ASSIGNED = (
    select(Action.id)
    .join(Pilot, Pilot.id == Action.pilot_id)
    .where(Action.assignee_id == _USER, Action.status.in_(OPEN_STATUSES), _VISIBLE)
)
_FOR_THEIR_ROLES = (
    select(Action.id)
    .join(Pilot, Pilot.id == Action.pilot_id)
    .where(
        # Written as lookups in the person's memberships rather than a join with them, so
        # that SQLite too starts from those few rows, not from every unassigned action.
        Action.pilot_id.in_(select(Membership.pilot_id).where(Membership.user_id == _USER)),
        tuple_(Action.pilot_id, Action.role).in_(
            select(Membership.pilot_id, Membership.role).where(Membership.user_id == _USER)
        ),
        Action.assignee_id.is_(None),
        Action.status.in_(OPEN_STATUSES),
        _VISIBLE,
    )
)
_TASKS = select(Action).where(Action.id.in_(union_all(_ASSIGNED, _FOR_THEIR_ROLES)))

# 0 overdue, 1 due within a week, 2 later or without a deadline, as SQL (see urgency).
_URGENCY = case((Action.deadline < _TODAY, 0), (Action.deadline <= _SOON, 1), else_=2)

# The task order: urgency, deadline (none last), pilot, id.
_TASK_ORDER = (
    _URGENCY,
    case((Action.deadline.is_(None), 1), else_=0),
    Action.deadline,
    Action.pilot_id,
    Action.id,
)

_ALL_TASKS = _TASKS.options(joinedload(Action.pilot), joinedload(Action.assignee)).order_by(
    *_TASK_ORDER
)
_TASK_URGENCIES = _TASKS.with_only_columns(Action.id, _URGENCY).order_by(*_TASK_ORDER)


def _task_parameters(user, today: date) -> dict:
    return {
        "user_id": user.id,
        "organisation_id": user.organisation_id,
        "today": today,
        "soon": today + timedelta(days=SOON_DAYS),
    }


def my_tasks(user, today: date | None = None) -> list[Action]:
    """All of this person's tasks, in one query: overdue first, then due within a week, then
    the rest (earliest deadline first, no deadline last). For reminders; the page pages."""
    parameters = _task_parameters(user, today or clock.today())
    return list(db.session.scalars(_ALL_TASKS, parameters).unique())


# What My tasks shows of a task and its pilot, read as plain rows: fifty ORM objects with
# their pilots cost more than finding the tasks. workflow_key and workflow_version name the
# pilot's method, as on a Pilot, for the role's name. actions/my_tasks.html unpacks the
# columns in this order: change both together.
_TASK_ROWS = (
    select(
        Action.id,
        Action.pilot_id,
        Action.title,
        Action.assignee_id,
        Action.role,
        Action.deadline,
        Action.status,
        Action.drop_reason,
        Action.version,
        Pilot.title.label("pilot_title"),
        Pilot.workflow_key,
        Pilot.workflow_version,
    )
    .join(Pilot, Pilot.id == Action.pilot_id)
    .where(Action.id.in_(bindparam("ids", expanding=True)))
)


@dataclass
class TaskPage(Paged):
    """One page of My tasks (rows of _TASK_ROWS), with how many tasks there are in each
    urgency group."""

    items: list
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
    """A page of this person's tasks in task order, and the group counts: at most two
    queries however many tasks there are. A page past the end shows the last page.

    Finding a person's tasks is the costly part (every open action assigned to them or to
    a role they hold), so it is done once: the first query reads only the id and urgency
    of every task, in task order, which gives the counts and the page; the second reads
    what the page shows of its fifty tasks by primary key. Both are plain rows on the
    session's connection: the ORM's bookkeeping cost more than the queries here.
    """
    connection = db.session.connection()
    ordered = connection.execute(_TASK_URGENCIES, _task_parameters(user, today)).all()
    names = ("overdue", "soon", "later")
    counts = dict.fromkeys(names, 0)
    for _task_id, urgency_rank in ordered:
        counts[names[urgency_rank]] += 1
    number = page_within(number, len(ordered), per_page)
    ids = [row[0] for row in ordered[(number - 1) * per_page : number * per_page]]
    items = []
    if ids:
        by_id = {row.id: row for row in connection.execute(_TASK_ROWS, {"ids": ids})}
        items = [by_id[i] for i in ids if i in by_id]
    return TaskPage(items, counts, number, per_page)


def urgency(action, today: date) -> str:
    """ "overdue", "soon" (within a week) or "later"."""
    if action.deadline is not None and action.deadline < today:
        return "overdue"
    if action.deadline is not None and action.deadline <= today + timedelta(days=SOON_DAYS):
        return "soon"
    return "later"
