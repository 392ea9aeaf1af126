"""A supplier contact's part: reports to send, brainstorms it takes part in, actions shared."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import and_, exists, or_, select

from ... import access
from ...extensions import db
from .. import rules
from .items import ITEMS_PER_SECTION, Item, day, item


def reports_to_send(user, reach: rules.Reach, today: date) -> list[Item]:
    """Reports this supplier contact must send: periods that ended without a report, late
    ones first (three statements, see monitoring/services.py)."""
    from flask_babel import gettext as _

    from ...monitoring import services as monitoring

    pilots = [reach.pilots[pid] for pid in sorted(reach.supplier)]
    due = monitoring.reports_to_send(pilots, today, supplier_ids={user.organisation_id})
    items = [
        item(
            reach,
            d.pilot.id,
            _(
                "Report on %(contract)s, %(start)s to %(end)s",
                contract=d.contract_title,
                start=day(d.period_start),
                end=day(d.period_end),
            ),
            "monitoring.report_new",
            contract_id=d.contract_id,
            period=d.period_start.isoformat(),
            late=d.period_end + timedelta(days=monitoring.OVERDUE_DAYS) < today,
            when=d.period_end + timedelta(days=monitoring.OVERDUE_DAYS),
        )
        for d in due
    ]
    items.sort(key=lambda i: (not i.late, i.when))
    return items[:ITEMS_PER_SECTION]


def brainstorms(user, reach: rules.Reach) -> list[Item]:
    """Open brainstorms this supplier contact is invited to or that are shared with their
    organisation (one statement)."""
    from ...brainstorms.models import (
        Brainstorm,
        BrainstormParticipant,
        BrainstormShare,
        BrainstormStatus,
    )

    invited = exists().where(
        BrainstormParticipant.brainstorm_id == Brainstorm.id,
        BrainstormParticipant.user_id == user.id,
    )
    shared = exists().where(
        BrainstormShare.brainstorm_id == Brainstorm.id,
        BrainstormShare.organisation_id == user.organisation_id,
    )
    rows = db.session.execute(
        select(Brainstorm.id, Brainstorm.pilot_id, Brainstorm.title)
        .where(
            Brainstorm.pilot_id.in_(reach.supplier),
            Brainstorm.status == BrainstormStatus.OPEN,
            or_(invited, shared),
        )
        .order_by(Brainstorm.id.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(reach, row.pilot_id, row.title, "brainstorms.board", brainstorm_id=row.id)
        for row in rows
    ]


def shared_actions(user, reach: rules.Reach, today: date) -> list[Item]:
    """Open actions shared with this supplier contact's organisation that are not already
    among its own tasks: those assigned to a colleague (one statement).

    Which actions a supplier sees is actions/rules.py's seen_by_suppliers; the pilots are
    grouped by the organisations the person speaks for there, one condition per group, so
    the statement does not grow with the pilots. Pilots where the person also works on or
    reads as board are left out: there they see every action, not a shared selection.
    """
    from ...actions.models import OPEN_STATUSES, Action
    from ...actions.rules import seen_by_suppliers

    groups: dict[frozenset[int], list[int]] = defaultdict(list)
    for pid in reach.supplier - reach.works_on - reach.board:
        scope = access.visible_supplier_ids(user, reach.pilots[pid])
        if scope:
            groups[scope].append(pid)
    if not groups:
        return []
    rows = db.session.execute(
        select(Action.id, Action.pilot_id, Action.title, Action.deadline)
        .where(
            or_(
                *(
                    and_(Action.pilot_id.in_(pids), seen_by_suppliers(scope))
                    for scope, pids in groups.items()
                )
            ),
            Action.status.in_(OPEN_STATUSES),
            # Assigned to me, or to my role: My tasks lists those already.
            Action.assignee_id.is_not(None),
            Action.assignee_id != user.id,
        )
        .order_by(Action.deadline.is_(None), Action.deadline, Action.id)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(
            reach,
            row.pilot_id,
            row.title,
            "actions.show",
            action_id=row.id,
            when=row.deadline,
            late=row.deadline is not None and row.deadline < today,
        )
        for row in rows
    ]
