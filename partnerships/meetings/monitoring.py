"""Periodic progress meetings with the supplier (4a), planned from the monitoring frequency."""

from __future__ import annotations

from datetime import date, time, timedelta

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import access, audit, clock
from ..clock import to_utc
from ..contracts.models import Contract, contract_pilot
from ..database import utcnow
from ..extensions import db
from ..i18n import force_locale
from ..pilots.models import Membership, MonitoringFrequency
from .agenda import MeetingError, plan_meeting, template_for
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


def plan_monitoring(
    pilot, actor, frequency: str, *, locale: str, today: date | None = None
) -> list[Meeting]:
    """Set the monitoring frequency and plan the progress meetings for the contract's term.

    Changing the frequency re-plans only the future, planned meetings that were planned
    automatically and are untouched; held meetings, moved ones and ones with minutes or
    decisions stay as they are.
    """
    if frequency not in PERIOD_MONTHS:
        raise MeetingError(_l("Choose monthly, quarterly or half-yearly."))
    template = template_for(pilot, PROGRESS_KIND)
    if template is None:
        raise MeetingError(_l("The pilot's method has no progress meeting to plan."))
    today = today or clock.today()
    _drop_future_auto_planned(pilot)
    pilot.monitoring_frequency = frequency
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
    planned = []
    for start in period_starts(frequency, today, term_end(pilot)):
        day = _meeting_day(start)
        starts_at = to_utc(day, MEETING_TIME)
        planned.append(
            plan_meeting(
                pilot,
                actor,
                kind=PROGRESS_KIND,
                title=f"{template.name.get(locale)}: {_period_label(frequency, start, locale)}"[
                    :200
                ],
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=template.duration_minutes),
                participant_ids=invited,
                locale=locale,
                auto_planned=True,
            )
        )
    audit.record(
        "monitoring.frequency",
        frequency,
        f"{len(planned)} progress meetings planned",
        pilot=pilot,
        actor=actor,
    )
    return planned


def _drop_future_auto_planned(pilot) -> None:
    meetings = db.session.scalars(
        select(Meeting).where(
            Meeting.pilot_id == pilot.id,
            Meeting.kind == PROGRESS_KIND,
            Meeting.auto_planned.is_(True),
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at > utcnow(),
        )
    ).all()
    with_decisions = set(
        db.session.scalars(
            select(MeetingDecision.meeting_id).where(
                MeetingDecision.meeting_id.in_([m.id for m in meetings])
            )
        )
    )
    for meeting in meetings:
        if meeting.id in with_decisions or any(item.notes for item in meeting.items):
            meeting.auto_planned = False  # someone started on it: keep it, as theirs
        else:
            db.session.delete(meeting)
    db.session.flush()
