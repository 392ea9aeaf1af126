"""The working group's part: the next step on each route (for the board: how far each pilot
has come), monitoring reports to accept, and meetings and minutes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import and_, exists, or_, select

from ... import workflows_registry
from ...extensions import db
from .. import progress, rules
from .items import ITEMS_PER_SECTION, WEEK, Item, day, item


def next_steps(reach: rules.Reach, locale: str) -> tuple[list[Item], list[Item]]:
    """The next open sub-step on each working-group pilot's route, and for the board how
    far each of its pilots has come (one statement)."""
    from flask_babel import gettext as _

    ids = sorted(reach.works_on | reach.board, key=lambda pid: reach.pilots[pid].start_date)
    statuses = progress.statuses_for(ids)
    items, board = [], []
    for pid in ids:
        if len(board if pid in reach.board_only else items) >= ITEMS_PER_SECTION:
            continue  # that list is full: its picture would not be shown
        pilot = reach.pilots[pid]
        workflow = workflows_registry.for_pilot(pilot)
        picture = progress.compute(workflow, pilot.route, statuses[pid], locale)
        if pid in reach.board_only:
            step = picture.current_step
            board.append(
                Item(
                    text=pilot.title,
                    pilot_title="",
                    endpoint="pilots.show",
                    values={"pilot_id": pid},
                    hint=_(
                        "%(done)s of %(total)s sub-steps done",
                        done=picture.done,
                        total=picture.total,
                    )
                    + (f" · {_('Step %(code)s', code=step.code)}: {step.title}" if step else ""),
                )
            )
            continue
        sub = picture.current_substep
        if sub is None:
            continue
        items.append(
            item(
                reach,
                pid,
                _("Next: %(code)s %(title)s", code=sub.code, title=sub.title),
                "pilots.substep",
                code=sub.code,
                hint=_(
                    "%(done)s of %(total)s sub-steps done", done=picture.done, total=picture.total
                ),
            )
        )
    return items, board


def reports_to_accept(reach: rules.Reach) -> list[Item]:
    """Submitted monitoring reports waiting for this person's acceptance (one statement)."""
    from flask_babel import gettext as _

    from ...contracts.choices import ReportStatus
    from ...contracts.models import Contract
    from ...monitoring.models import MonitoringReport

    if not reach.decides_reports:
        return []
    rows = db.session.execute(
        select(
            MonitoringReport.id,
            MonitoringReport.pilot_id,
            MonitoringReport.period_start,
            MonitoringReport.period_end,
            MonitoringReport.submitted_at,
            Contract.title,
        )
        .join(Contract, Contract.id == MonitoringReport.contract_id)
        .where(
            MonitoringReport.pilot_id.in_(reach.decides_reports),
            MonitoringReport.status == ReportStatus.SUBMITTED,
        )
        .order_by(MonitoringReport.submitted_at, MonitoringReport.id)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(
            reach,
            row.pilot_id,
            _(
                "Report on %(contract)s, %(start)s to %(end)s",
                contract=row.title,
                start=day(row.period_start),
                end=day(row.period_end),
            ),
            "monitoring.report_show",
            report_id=row.id,
        )
        for row in rows
    ]


def meetings(user, reach: rules.Reach, now: datetime) -> tuple[list[Item], list[Item]]:
    """Planned meetings of the coming week, and past ones whose minutes are still open.

    The working group sees its pilots' meetings; others the meetings they are invited to.
    One statement.
    """
    from flask_babel import gettext as _

    from ...meetings.models import Meeting, MeetingParticipant, MeetingStatus

    invited = exists().where(
        MeetingParticipant.meeting_id == Meeting.id, MeetingParticipant.user_id == user.id
    )
    visible = or_(
        Meeting.pilot_id.in_(reach.works_on),
        and_(Meeting.pilot_id.in_(reach.pilots), invited),
    )
    # Minutes are written by the working group, for meetings of the last two months.
    rows = db.session.execute(
        select(Meeting.id, Meeting.pilot_id, Meeting.title, Meeting.starts_at)
        .where(
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at < now + WEEK,
            Meeting.starts_at >= now - timedelta(days=60),
            visible,
        )
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    coming, minutes = [], []
    for row in rows:
        starts = row.starts_at if row.starts_at.tzinfo else row.starts_at.replace(tzinfo=UTC)
        # Rows past a full list are read but not made into items (the list shows ten).
        if starts >= now and len(coming) < ITEMS_PER_SECTION:
            coming.append(
                item(
                    reach, row.pilot_id, row.title, "meetings.show", meeting_id=row.id, when=starts
                )
            )
        elif starts < now and row.pilot_id in reach.works_on and len(minutes) < ITEMS_PER_SECTION:
            minutes.append(
                item(
                    reach,
                    row.pilot_id,
                    _("Minutes of %(title)s", title=row.title),
                    "meetings.show",
                    meeting_id=row.id,
                    when=starts,
                    late=starts < now - WEEK,
                )
            )
    return coming, minutes
