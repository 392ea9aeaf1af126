""" "Voor jou": what one person must do now, across all their pilots, each item a link.

The page reads each kind of work with one statement over all the person's pilots, so the
number of statements stays the same however many pilots or items there are. What a person
sees follows their reach in each pilot (the same roles access.py reads): the working
group gets steps, reports to accept and meetings; a supplier contact its reports to send
and brainstorms; the board its unread notes, proposed decisions and the answers to remarks;
an organisation admin invitations and pilots that lack a coordinator or backup.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, exists, or_, select

from .. import access, clock, workflows_registry
from ..access import BACKUP_ROLE, COORDINATOR_ROLE, COORDINATOR_ROLES
from ..extensions import db
from . import progress
from .models import Membership

ITEMS_PER_SECTION = 10
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Item:
    """One thing to do: what, in which pilot, where it is done, and whether it is late."""

    text: str
    pilot_title: str
    endpoint: str
    values: dict
    late: bool = False
    when: date | datetime | None = None
    hint: str = ""


def _item(
    reach: access.Reach,
    pilot_id: int,
    text: str,
    endpoint: str,
    *,
    late: bool = False,
    when: date | datetime | None = None,
    hint: str = "",
    **values,
) -> Item:
    """An item in one of the person's pilots: its link opens the place for that pilot."""
    return Item(
        text,
        reach.pilots[pilot_id].title,
        endpoint,
        {"pilot_id": pilot_id, **values},
        late=late,
        when=when,
        hint=hint,
    )


@dataclass
class ForYou:
    """The sections of the page, in the order they are shown; empty ones are left out."""

    steps: list[Item] = field(default_factory=list)
    progress: list[Item] = field(default_factory=list)
    remarks: list[Item] = field(default_factory=list)
    tasks: list = field(default_factory=list)
    task_counts: dict = field(default_factory=dict)
    reports_to_accept: list[Item] = field(default_factory=list)
    reports_to_send: list[Item] = field(default_factory=list)
    meetings: list[Item] = field(default_factory=list)
    minutes: list[Item] = field(default_factory=list)
    brainstorms: list[Item] = field(default_factory=list)
    shared: list[Item] = field(default_factory=list)
    notes: list[Item] = field(default_factory=list)
    decisions: list[Item] = field(default_factory=list)
    invitations: list[Item] = field(default_factory=list)
    unstaffed: list[Item] = field(default_factory=list)
    pilot_count: int = 0
    today: date | None = None

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.steps,
                self.progress,
                self.remarks,
                self.tasks,
                self.reports_to_accept,
                self.reports_to_send,
                self.meetings,
                self.minutes,
                self.brainstorms,
                self.shared,
                self.notes,
                self.decisions,
                self.invitations,
                self.unstaffed,
            )
        )


def build(user, locale: str, today: date | None = None, now: datetime | None = None) -> ForYou:
    """Everything on the person's first page, in a fixed number of statements."""
    today = today or clock.today()
    now = now or datetime.now(UTC)
    reach = access.reach(user)
    page = ForYou(pilot_count=len(reach.pilots), today=today)
    if reach.works_on or reach.board:
        page.steps, page.progress = _next_steps(reach, locale)
    if reach.works_on:
        page.reports_to_accept = _reports_to_accept(reach)
    if reach.pilots:
        from ..actions.queries import task_page

        tasks = task_page(user, today, 1, per_page=ITEMS_PER_SECTION)
        page.tasks, page.task_counts = tasks.items, tasks.counts
        page.meetings, page.minutes = _meetings(user, reach, now)
    if reach.supplier:
        page.reports_to_send = _reports_to_send(user, reach, today)
        page.brainstorms = _brainstorms(user, reach)
        page.shared = _shared_actions(user, reach, today)
    if reach.board:
        page.notes = _unread_notes(user, reach)
        page.decisions = _board_decisions(reach)
        page.remarks = _answered_remarks(user, reach, now)
    if access.can(user, "organisation.manage_users", user.organisation):
        page.invitations = _invitations(user)
    page.unstaffed = _unstaffed(reach)
    return page


def _next_steps(reach: access.Reach, locale: str) -> tuple[list[Item], list[Item]]:
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
            _item(
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


def _reports_to_accept(reach: access.Reach) -> list[Item]:
    """Submitted monitoring reports waiting for this person's acceptance (one statement)."""
    from flask_babel import gettext as _

    from ..jobs.choices import ReportStatus
    from ..jobs.models import Contract, MonitoringReport

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
        _item(
            reach,
            row.pilot_id,
            _(
                "Report on %(contract)s, %(start)s to %(end)s",
                contract=row.title,
                start=_day(row.period_start),
                end=_day(row.period_end),
            ),
            "jobs.report_show",
            report_id=row.id,
        )
        for row in rows
    ]


def _reports_to_send(user, reach: access.Reach, today: date) -> list[Item]:
    """Reports this supplier contact must send: periods that ended without a report, late
    ones first (three statements, see jobs.monitoring)."""
    from flask_babel import gettext as _

    from ..jobs.monitoring import OVERDUE_DAYS, reports_to_send

    pilots = [reach.pilots[pid] for pid in sorted(reach.supplier)]
    due = reports_to_send(pilots, today, supplier_ids={user.organisation_id})
    items = [
        _item(
            reach,
            d.pilot.id,
            _(
                "Report on %(contract)s, %(start)s to %(end)s",
                contract=d.contract_title,
                start=_day(d.period_start),
                end=_day(d.period_end),
            ),
            "jobs.report_new",
            contract_id=d.contract_id,
            period=d.period_start.isoformat(),
            late=d.period_end + timedelta(days=OVERDUE_DAYS) < today,
            when=d.period_end + timedelta(days=OVERDUE_DAYS),
        )
        for d in due
    ]
    items.sort(key=lambda i: (not i.late, i.when))
    return items[:ITEMS_PER_SECTION]


def _meetings(user, reach: access.Reach, now: datetime) -> tuple[list[Item], list[Item]]:
    """Planned meetings of the coming week, and past ones whose minutes are still open.

    The working group sees its pilots' meetings; others the meetings they are invited to.
    One statement.
    """
    from flask_babel import gettext as _

    from ..meetings.models import Meeting, MeetingParticipant, MeetingStatus

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
                _item(
                    reach, row.pilot_id, row.title, "meetings.show", meeting_id=row.id, when=starts
                )
            )
        elif starts < now and row.pilot_id in reach.works_on and len(minutes) < ITEMS_PER_SECTION:
            minutes.append(
                _item(
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


def _brainstorms(user, reach: access.Reach) -> list[Item]:
    """Open brainstorms this supplier contact is invited to or that are shared with their
    organisation (one statement)."""
    from ..brainstorms.models import (
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
        _item(reach, row.pilot_id, row.title, "brainstorms.board", brainstorm_id=row.id)
        for row in rows
    ]


def _shared_actions(user, reach: access.Reach, today: date) -> list[Item]:
    """Open actions shared with this supplier contact's organisation that are not already
    among its own tasks: those assigned to a colleague (one statement).

    Which actions a supplier sees is actions/rules.py's seen_by_suppliers; the pilots are
    grouped by the organisations the person speaks for there, one condition per group, so
    the statement does not grow with the pilots. Pilots where the person also works on or
    reads as board are left out: there they see every action, not a shared selection.
    """
    from ..actions.models import OPEN_STATUSES, Action
    from ..actions.rules import seen_by_suppliers

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
        _item(
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


def _unread_notes(user, reach: access.Reach) -> list[Item]:
    """Published progress notes this board member has not acknowledged (one statement)."""
    from ..reports.models.notes import NoteAcknowledgement, NoteStatus, ProgressNote

    seen = exists().where(
        NoteAcknowledgement.note_id == ProgressNote.id, NoteAcknowledgement.user_id == user.id
    )
    rows = db.session.execute(
        select(ProgressNote.id, ProgressNote.pilot_id, ProgressNote.period_label)
        .where(
            ProgressNote.pilot_id.in_(reach.board),
            ProgressNote.status == NoteStatus.PUBLISHED,
            ~seen,
        )
        .order_by(ProgressNote.period_end.desc(), ProgressNote.id.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        _item(reach, row.pilot_id, row.period_label, "reports.note", note_id=row.id) for row in rows
    ]


# How long an answer to someone else's remark stays on a board member's page; their own
# remarks' answers stay until seen. A member who joins the board is not met by old answers.
OTHERS_ANSWERS_DAYS = 30


def _answered_remarks(user, reach: access.Reach, now: datetime) -> list[Item]:
    """Answers to remarks on the notes of this person's board pilots that they have not yet
    said they have seen: to their own remarks, and to other board members' of the last month
    (one statement)."""
    from flask_babel import gettext as _

    from ..accounts.models import User
    from ..reports.models.notes import NoteRemark, ProgressNote, RemarkAnswerSeen

    pilots = [
        pid for pid in reach.board if access.can(user, "remark.answers_news", reach.pilots[pid])
    ]
    if not pilots:
        return []
    seen = exists().where(
        RemarkAnswerSeen.remark_id == NoteRemark.id, RemarkAnswerSeen.user_id == user.id
    )
    rows = db.session.execute(
        select(
            NoteRemark.id,
            NoteRemark.pilot_id,
            NoteRemark.note_id,
            NoteRemark.author_id,
            NoteRemark.answered_at,
            ProgressNote.period_label,
            User.name,
        )
        .join(ProgressNote, ProgressNote.id == NoteRemark.note_id)
        .outerjoin(User, User.id == NoteRemark.author_id)
        .where(
            NoteRemark.pilot_id.in_(pilots),
            NoteRemark.answered_at.is_not(None),
            or_(
                NoteRemark.author_id == user.id,
                NoteRemark.answered_at >= now - timedelta(days=OTHERS_ANSWERS_DAYS),
            ),
            ~seen,
        )
        .order_by(NoteRemark.answered_at.desc(), NoteRemark.id.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        _item(
            reach,
            row.pilot_id,
            _("Answer to your remark on %(note)s", note=row.period_label)
            if row.author_id == user.id
            else _(
                "Answer to the remark by %(name)s on %(note)s",
                name=row.name or _("(removed user)"),
                note=row.period_label,
            ),
            "reports.note",
            note_id=row.note_id,
            _anchor=f"remark-{row.id}",
            # The day of the answer, in the Netherlands; the hour adds nothing here.
            when=clock.local(row.answered_at).date(),
        )
        for row in rows
    ]


def _board_decisions(reach: access.Reach) -> list[Item]:
    """Proposed decisions that wait for the board (one statement)."""
    from ..meetings.models import Decision, DecisionStatus

    rows = db.session.execute(
        select(Decision.id, Decision.pilot_id, Decision.title)
        .where(
            Decision.pilot_id.in_(reach.board),
            Decision.status == DecisionStatus.PROPOSED,
            Decision.decided_by == "board",
        )
        .order_by(Decision.id)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        _item(reach, row.pilot_id, row.title, "meetings.decisions", _anchor=f"decision-{row.id}")
        for row in rows
    ]


def _invitations(user) -> list[Item]:
    """Invitations of the organisation not accepted yet (one statement)."""
    from ..accounts.models import AuthToken, TokenPurpose, User

    rows = db.session.execute(
        select(User.name, User.email)
        .join(AuthToken, AuthToken.user_id == User.id)
        .where(
            User.organisation_id == user.organisation_id,
            AuthToken.purpose == TokenPurpose.INVITE,
            AuthToken.used_at.is_(None),
        )
        .order_by(AuthToken.expires_at)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        Item(
            text=f"{row.name} ({row.email})",
            pilot_title="",
            endpoint="accounts.org_users",
            values={"org_id": user.organisation_id},
        )
        for row in rows
    ]


def _unstaffed(reach: access.Reach) -> list[Item]:
    """The organisation's pilots without a coordinator or without a backup (one statement)."""
    from flask_babel import gettext as _

    if not reach.admin_of:
        return []
    held: dict[int, set[str]] = defaultdict(set)
    for pilot_id, role in db.session.execute(
        select(Membership.pilot_id, Membership.role).where(
            Membership.pilot_id.in_(reach.admin_of), Membership.role.in_(COORDINATOR_ROLES)
        )
    ):
        held[pilot_id].add(role)
    items = []
    for pid in sorted(reach.admin_of):
        missing = COORDINATOR_ROLES - held[pid]
        if not missing:
            continue
        # The coordinator matters before the backup: the link goes to the first missing.
        first = COORDINATOR_ROLE if COORDINATOR_ROLE in missing else BACKUP_ROLE
        text = (
            _("No coordinator and no backup")
            if len(missing) == 2
            else _("No coordinator")
            if first == COORDINATOR_ROLE
            else _("No backup coordinator")
        )
        items.append(_item(reach, pid, text, "team.working_group", role=first))
    return items[:ITEMS_PER_SECTION]


def _day(value: date) -> str:
    from flask_babel import format_date

    return format_date(value, "d MMM yyyy")
