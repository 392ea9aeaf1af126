"""Each pilot's tally, counted once and kept until what it was counted from changes.

Counting banenafspraak jobs exactly, day by day over years of monitoring, costs about 10 ms
per pilot; the organisation dashboard and the board view show dozens of pilots. A tally
depends only on the pilot's placements and monitoring reports, the organisation's counting
settings, the monitoring frequency, the pilot's start and the date. `Pilot.figures_stamp`
is renewed in the same transaction as any change to those placements or reports (the
before_flush hook below), so the key of an entry names exactly the data it was counted
from: an entry is never invalidated, it is only no longer asked for, and every process
(each gunicorn worker keeps its own cache) sees a change as soon as it is committed.
"""

from __future__ import annotations

import uuid
from itertools import chain

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from ..lru import Lru
from ..monitoring.models import MonitoringLine, MonitoringReport
from ..pilots.models import Pilot
from ..placements.models import Placement

# Enough for every pilot of a large installation on a couple of dates; a tally is a few KB.
MAX_ENTRIES = 5000


def new_stamp() -> str:
    return uuid.uuid4().hex


class TallyCache(Lru):
    """The tallies of one application, at most MAX_ENTRIES of them."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        super().__init__(size)


def cache() -> TallyCache:
    """The application's cache (one per app, so test apps never share entries)."""
    return current_app.extensions.setdefault("partnerships.tallies", TallyCache())


def key(pilot, settings, *, as_of, frequency) -> tuple:
    """Everything a pilot's tally is counted from, or names it (the stamp)."""
    return (
        pilot.id,
        pilot.figures_stamp,
        pilot.start_date,
        as_of,
        frequency,
        str(settings.hours_per_job),
        settings.durable_months,
    )


def _pilot_of(row, session: Session):
    """The pilot whose figures this row counts in, or None when it counts in none."""
    if isinstance(row, Placement | MonitoringReport):
        if row.pilot_id is not None:
            return session.get(Pilot, row.pilot_id)
        return row.pilot
    if isinstance(row, MonitoringLine):
        report = row.report
        if report is None and row.report_id is not None:
            report = session.get(MonitoringReport, row.report_id)
        return _pilot_of(report, session) if report is not None else None
    return None


@event.listens_for(Session, "before_flush")
def _renew_stamps(session: Session, flush_context, instances) -> None:
    """A changed placement or report gives its pilot a new stamp, in the same flush."""
    pilots = set()
    for row in chain(session.new, session.dirty, session.deleted):
        if isinstance(row, Placement | MonitoringReport | MonitoringLine):
            pilot = _pilot_of(row, session)
            if pilot is not None:
                pilots.add(pilot)
    for pilot in pilots:
        if pilot not in session.deleted:
            pilot.figures_stamp = new_stamp()
