"""Periodic progress meetings with the supplier (4a), planned from the monitoring frequency."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import access, audit, clock
from ..clock import local, to_utc
from ..contracts.models import Contract, contract_pilot
from ..database import utcnow
from ..extensions import db
from ..i18n import force_locale
from ..pilots.models import Membership, MonitoringFrequency
from . import invitations
from .agenda import MeetingError, plan_meeting, replan_meeting, set_status, template_for
from .models import PROGRESS_KIND, Meeting, MeetingDecision, MeetingStatus

PERIOD_MONTHS = {
    MonitoringFrequency.MONTH: 1,
    MonitoringFrequency.QUARTER: 3,
    MonitoringFrequency.HALF_YEAR: 6,
}
# Planned progress meetings fall on the first Tuesday of their period, from 10:00.
MEETING_WEEKDAY = 1
MEETING_TIME = time(10, 0)
# A safety net against a contract end typed decades ahead.
MAX_MEETINGS = 60


def term_end(pilot) -> date:
    """Until when progress meetings are planned: the latest end date of the pilot's contracts.

    Contracts are linked to pilots through `contract_pilot` (one contract may serve several
    pilots of the buyer). Only the recorded end date counts: the extension options are free
    text ("2 x 1 jaar") and may never be exercised, so when an extension is taken the
    coordinator moves the contract's end date and chooses the frequency again to plan on.
    Contracts without an end date are left out; without any, the term is two years from the
    pilot's start, the usual length of a pilot.
    """
    latest = db.session.scalar(
        select(func.max(Contract.end_date))
        .join(contract_pilot, contract_pilot.c.contract_id == Contract.id)
        .where(contract_pilot.c.pilot_id == pilot.id)
    )
    return latest or _add_months(pilot.start_date, 24)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # Dates beyond the calendar (a contract "ending" in 9999) stop at its edge.
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
    # The 29th to 31st do not exist in every month; the last day of the month stands in.
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_starts(frequency: str, today: date, until: date) -> list[date]:
    """First days of the periods after the current one, up to and including `until`."""
    months = PERIOD_MONTHS[MonitoringFrequency(frequency)]
    # Periods are aligned on the calendar: months, quarters from January, half years.
    first_month = ((today.month - 1) // months + 1) * months
    start = date(today.year + first_month // 12, first_month % 12 + 1, 1)
    starts = []
    while start <= until and len(starts) < MAX_MEETINGS:
        starts.append(start)
        start = _add_months(start, months)
    return starts


def _meeting_day(period_start: date) -> date:
    return period_start + timedelta(days=(MEETING_WEEKDAY - period_start.weekday()) % 7)


def _period_label(frequency: str, start: date, locale: str) -> str:
    with force_locale(locale):
        return _period_text(frequency, start)


def _period_text(frequency: str, start: date) -> str:
    if frequency == MonitoringFrequency.MONTH:
        return format_date(start, "MMMM yyyy")
    if frequency == MonitoringFrequency.QUARTER:
        return _("quarter %(number)s %(year)s", number=(start.month - 1) // 3 + 1, year=start.year)
    if start.month == 1:
        return _("first half of %(year)s", year=start.year)
    return _("second half of %(year)s", year=start.year)


@dataclass
class SeriesChange:
    """What setting the series did, for the invitations that tell the calendars."""

    meetings: list[Meeting] = field(default_factory=list)  # the series from now on, in order
    new: list[Meeting] = field(default_factory=list)
    changed: list[tuple[Meeting, list]] = field(default_factory=list)  # with who was invited
    cancelled: list[tuple[Meeting, list]] = field(default_factory=list)  # with who had it

    def batches(self) -> list[tuple]:
        """Invitations for the new meetings, updates (and cancellations for whoever was
        taken off) for the moved or renamed ones, cancellations for those taken out;
        unchanged meetings are not mailed again."""
        result = [(m, invitations.recipients(m), "REQUEST") for m in self.new]
        for meeting, previous in self.changed:
            result += invitations.change_batches(meeting, previous)
        result += [(m, people, "CANCEL") for m, people in self.cancelled]
        return result


def series_time(pilot) -> time:
    """The start time of the pilot's planned series: that of its next meeting, else 10:00."""
    starts_at = db.session.scalar(
        select(Meeting.starts_at)
        .where(*_future_series(pilot))
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(1)
    )
    return local(starts_at).time().replace(tzinfo=None) if starts_at else MEETING_TIME


def plan_monitoring(
    pilot,
    actor,
    frequency: str,
    *,
    locale: str,
    start_time: time | None = None,
    today: date | None = None,
) -> SeriesChange:
    """Set the monitoring frequency and plan the progress meetings for the contract's term.

    Changing the series changes only the future, planned meetings that were planned
    automatically and are untouched; held meetings, moved ones and ones with minutes or
    decisions stay as they are. A series meeting that still has its place keeps it (and
    its UID, so calendars update it): on the same day it is renamed or moved to the new
    time; one that has no place any more is cancelled (or simply removed when no invitation
    to it ever went out); new periods get new meetings.
    """
    if frequency not in PERIOD_MONTHS:
        raise MeetingError(_l("Choose monthly, quarterly or half-yearly."))
    template = template_for(pilot, PROGRESS_KIND)
    if template is None:
        raise MeetingError(_l("The pilot's method has no progress meeting to plan."))
    today = today or clock.today()
    start_time = start_time or series_time(pilot)
    existing = _untouched_series(pilot)
    pilot.monitoring_frequency = frequency
    invited = _invited(pilot, template, actor)
    duration = timedelta(minutes=template.duration_minutes)
    slots = []
    for start in period_starts(frequency, today, term_end(pilot)):
        starts_at = to_utc(_meeting_day(start), start_time)
        title = f"{template.name.get(locale)}: {_period_label(frequency, start, locale)}"
        slots.append((starts_at, starts_at + duration, title[:200]))

    change = SeriesChange()
    by_day: dict[date, list[Meeting]] = {}
    for meeting in existing:
        by_day.setdefault(local(meeting.starts_at).date(), []).append(meeting)
    # The meeting of the period under way stays: the series plans from the next period on.
    # It moves to the new time like the others.
    first = period_starts(frequency, today, date.max)[0]
    current = [m for m in existing if local(m.starts_at).date() < first][:1]
    kept = {m.id for m in current}
    paired = [
        (m, (to_utc(day, start_time), to_utc(day, start_time) + duration, m.title))
        for m in current
        for day in [local(m.starts_at).date()]
    ]
    open_slots = []
    for slot in slots:
        same_day = [m for m in by_day.get(local(slot[0]).date(), []) if m.id not in kept]
        if same_day:
            paired.append((same_day[0], slot))
            kept.add(same_day[0].id)
        else:
            open_slots.append(slot)
    # Meetings whose day is gone take the new days in order: moved rather than cancelled
    # and planned again, so the calendars that hold them move them.
    left = [m for m in existing if m.id not in kept]
    paired += list(zip(left, open_slots, strict=False))
    for meeting, (starts_at, ends_at, title) in paired:
        previous = invitations.recipients(meeting)
        if replan_meeting(
            meeting, title=title, starts_at=starts_at, ends_at=ends_at, participant_ids=invited
        ):
            change.changed.append((meeting, previous))
    for meeting in left[len(open_slots) :]:
        _take_out(meeting, actor, change)
    for starts_at, ends_at, title in open_slots[len(left) :]:
        change.new.append(
            plan_meeting(
                pilot,
                actor,
                kind=PROGRESS_KIND,
                title=title,
                starts_at=starts_at,
                ends_at=ends_at,
                participant_ids=invited,
                locale=locale,
                auto_planned=True,
            )
        )
    db.session.flush()
    change.meetings = sorted(
        [m for m, _slot in paired] + change.new, key=lambda m: (m.starts_at, m.id)
    )
    audit.record(
        "monitoring.frequency",
        frequency,
        f"{len(change.meetings)} progress meetings planned",
        pilot=pilot,
        actor=actor,
    )
    return change


def _invited(pilot, template, actor) -> set[int]:
    # Internal members in the template's roles are invited; supplier contacts are added by
    # hand, so that no supplier ends up in another supplier's meeting.
    internal_roles = set(template.roles) & (access.internal_roles(pilot) - {access.BOARD_ROLE})
    invited = set(
        db.session.scalars(
            select(Membership.user_id).where(
                Membership.pilot_id == pilot.id, Membership.role.in_(internal_roles)
            )
        )
    )
    if actor is not None:
        invited.add(actor.id)
    return invited


def _take_out(meeting: Meeting, actor, change: SeriesChange) -> None:
    """A series meeting without a place any more: cancelled for the calendars that hold it,
    removed when no invitation to it ever went out (nobody has it; nothing to tell)."""
    people = invitations.reached(meeting)
    if not people:
        db.session.delete(meeting)
        return
    set_status(meeting, actor, MeetingStatus.CANCELLED)
    invitations.forget_failed(meeting)  # those never had it: no invitation to send them now
    change.cancelled.append((meeting, people))


def _future_series(pilot) -> tuple:
    return (
        Meeting.pilot_id == pilot.id,
        Meeting.kind == PROGRESS_KIND,
        Meeting.auto_planned.is_(True),
        Meeting.status == MeetingStatus.PLANNED,
        Meeting.starts_at > utcnow(),
    )


def _untouched_series(pilot) -> list[Meeting]:
    """The series' future meetings nobody started on, in order; the others become their own."""
    meetings = db.session.scalars(
        select(Meeting).where(*_future_series(pilot)).order_by(Meeting.starts_at, Meeting.id)
    ).all()
    with_decisions = set(
        db.session.scalars(
            select(MeetingDecision.meeting_id).where(
                MeetingDecision.meeting_id.in_([m.id for m in meetings])
            )
        )
    )
    untouched = []
    for meeting in meetings:
        if meeting.id in with_decisions or any(item.notes for item in meeting.items):
            meeting.auto_planned = False  # someone started on it: keep it, as theirs
        else:
            untouched.append(meeting)
    return untouched
