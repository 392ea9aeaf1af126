"""A pilot's (or an organisation's) figures, from a fixed number of queries.

Every count comes from counting.py over anonymous facts loaded in one query per table, so
a page costs the same number of queries with 3 placements or 3,000. Definitions:

- people: placements (any target group) that started on or before the date: people helped;
- banen: average banenafspraak jobs over the current monitoring period up to the date,
  counting only doelgroepregister placements; paid hours from accepted reports beat
  contracted hours;
- durable: placements still in employment `durable_months` after they started.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

from flask import current_app
from sqlalchemy import func, select

from ..accounts.models import Organisation
from ..extensions import db
from ..pilots.models import Pilot
from . import counting
from .choices import ReportStatus
from .counting import PaidHours, PlacementFacts
from .models import MonitoringLine, MonitoringReport, Placement, PotentialJob
from .settings import settings_for

DEFAULT_FREQUENCY = "quarter"


def frequency_of(pilot) -> str:
    """The pilot's monitoring frequency, quarterly until the working group agrees one."""
    return pilot.monitoring_frequency or DEFAULT_FREQUENCY


def _paid_hours(pilot_ids) -> dict[int, list[PaidHours]]:
    """Paid hours per placement from the newest accepted version of each report."""
    rows = db.session.execute(
        select(
            MonitoringReport.id,
            MonitoringReport.contract_id,
            MonitoringReport.supplier_organisation_id,
            MonitoringReport.period_start,
            MonitoringReport.period_end,
            MonitoringReport.version_no,
            MonitoringLine.placement_id,
            MonitoringLine.paid_hours,
        )
        .join(MonitoringLine, MonitoringLine.report_id == MonitoringReport.id)
        .where(
            MonitoringReport.pilot_id.in_(pilot_ids),
            MonitoringReport.status == ReportStatus.ACCEPTED,
            MonitoringLine.placement_id.is_not(None),
        )
    ).all()
    newest: dict[tuple, int] = {}
    for row in rows:
        key = (row.contract_id, row.supplier_organisation_id, row.period_start)
        newest[key] = max(newest.get(key, 0), row.version_no)
    by_placement: dict[int, list[PaidHours]] = defaultdict(list)
    for row in rows:
        key = (row.contract_id, row.supplier_organisation_id, row.period_start)
        if row.version_no == newest[key]:
            by_placement[row.placement_id].append(
                PaidHours(row.period_start, row.period_end, Decimal(row.paid_hours))
            )
    return by_placement


def _without_overlaps(reports: list[PaidHours]) -> list[PaidHours]:
    """Keep the first of overlapping periods (a changed frequency could produce them)."""
    kept: list[PaidHours] = []
    for report in sorted(reports, key=lambda r: r.period_start):
        if not kept or report.period_start > kept[-1].period_end:
            kept.append(report)
    return kept


def load_facts(pilot_ids) -> list[tuple]:
    """(placement row, PlacementFacts) for every placement of the pilots: two queries."""
    rows = db.session.execute(
        select(
            Placement.id,
            Placement.pilot_id,
            Placement.supplier_organisation_id,
            Placement.contract_id,
            Placement.kind,
            Placement.target_group,
            Placement.hours_per_week,
            Placement.start_date,
            Placement.end_date,
            Placement.outcome,
        )
        .where(Placement.pilot_id.in_(pilot_ids))
        .order_by(Placement.start_date, Placement.id)
    ).all()
    paid = _paid_hours(pilot_ids) if rows else {}
    result = []
    for row in rows:
        facts = PlacementFacts(
            target_group=row.target_group,
            hours_per_week=Decimal(row.hours_per_week),
            start=row.start_date,
            end=row.end_date,
            paid_hours=_without_overlaps(paid.get(row.id, [])),
            employed_until=row.end_date if row.outcome == "stopped" else None,
        )
        result.append((row, facts))
    return result


def _suppressor(suppress: bool):
    threshold = current_app.config.get("SMALL_CELL_THRESHOLD", 5)
    if not suppress:
        return lambda n: n
    return lambda n: counting.suppress_small(n, threshold)


def compute(
    pairs, *, as_of: date, frequency: str, settings, start: date, suppress: bool = False
) -> dict:
    """Figures over loaded facts; pure apart from the configuration of suppression."""
    hide = _suppressor(suppress)
    facts = [f for _, f in pairs]
    started = [(row, f) for row, f in pairs if f.start <= as_of]
    period_start = counting.period_bounds(as_of, frequency)[0]
    hours_per_job = Decimal(settings.hours_per_job)
    banen = counting.banen_exact(facts, period_start, as_of, hours_per_job=hours_per_job)
    first = min([start] + [f.start for f in facts])
    trend = []
    # Looking back to before anything started gives an empty trend, not an error.
    spans = counting.periods(first, as_of, frequency) if first <= as_of else ()
    for p_start, p_end in spans:
        end = min(p_end, as_of)
        trend.append(
            {
                "period_start": p_start,
                "period_end": end,
                "banen": counting.banen_count(facts, p_start, end, hours_per_job=hours_per_job),
                "people": hide(counting.people_count(facts, p_start, end)),
            }
        )
    return {
        "as_of": as_of,
        "period": (period_start, as_of),
        "frequency": frequency,
        "people": hide(len(started)),
        "people_register": hide(
            sum(1 for _, f in started if f.target_group == counting.DOELGROEPREGISTER)
        ),
        "banen_exact": banen,
        "banen": counting.round_half_up(banen),
        "durable": hide(counting.durable_count(facts, as_of, settings.durable_months)),
        "by_kind": _grouped(started, "kind", hide),
        "by_target_group": _grouped(started, "target_group", hide),
        "by_supplier": _grouped(started, "supplier_organisation_id", hide),
        "trend": trend,
        "suppressed": suppress,
    }


def _grouped(started, attribute: str, hide) -> list[tuple]:
    counts = Counter(getattr(row, attribute) for row, _ in started)
    return [
        (key, hide(n)) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]


def potential_by_status(pilot_ids) -> dict[str, int]:
    """How many potential jobs each status holds: one grouped query."""
    rows = db.session.execute(
        select(PotentialJob.status, func.count())
        .where(PotentialJob.pilot_id.in_(pilot_ids))
        .group_by(PotentialJob.status)
    ).all()
    return dict(rows)


def supplier_names(ids) -> dict[int, str]:
    if not ids:
        return {}
    return dict(
        db.session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
        ).all()
    )


def pilot_figures(pilot, *, as_of: date, suppress: bool = False) -> dict:
    """The figures of one pilot on a date; suppress=True for anything leaving the group."""
    settings = settings_for(pilot.organisation_id)
    pairs = load_facts([pilot.id])
    figures = compute(
        pairs,
        as_of=as_of,
        frequency=frequency_of(pilot),
        settings=settings,
        start=pilot.start_date,
        suppress=suppress,
    )
    figures["goal_jobs"] = pilot.goal_jobs
    figures["goal_people"] = pilot.goal_people
    figures["potential_jobs"] = potential_by_status([pilot.id])
    figures["supplier_names"] = supplier_names({k for k, _ in figures["by_supplier"]})
    return figures


def organisation_figures(organisation_id: int, *, as_of: date, suppress: bool = False) -> dict:
    """All pilots of a buyer summed, one row per pilot; quarterly, so the rows add up."""
    pilots = db.session.scalars(
        select(Pilot)
        .where(Pilot.organisation_id == organisation_id)
        .order_by(Pilot.start_date, Pilot.id)
    ).all()
    settings = settings_for(organisation_id)
    pairs = load_facts([p.id for p in pilots])
    per_pilot = defaultdict(list)
    for row, facts in pairs:
        per_pilot[row.pilot_id].append((row, facts))
    start = min([p.start_date for p in pilots], default=as_of)
    total = compute(
        pairs,
        as_of=as_of,
        frequency=DEFAULT_FREQUENCY,
        settings=settings,
        start=start,
        suppress=suppress,
    )
    rows = []
    for pilot in pilots:
        figures = compute(
            per_pilot[pilot.id],
            as_of=as_of,
            frequency=DEFAULT_FREQUENCY,
            settings=settings,
            start=pilot.start_date,
            suppress=suppress,
        )
        rows.append(
            {
                "pilot": pilot,
                "people": figures["people"],
                "banen": figures["banen"],
                "durable": figures["durable"],
                "goal_jobs": pilot.goal_jobs,
                "goal_people": pilot.goal_people,
            }
        )
    total["pilots"] = rows
    total["goal_jobs"] = sum((p.goal_jobs for p in pilots), Decimal(0))
    total["goal_people"] = sum(p.goal_people or 0 for p in pilots)
    total["potential_jobs"] = potential_by_status([p.id for p in pilots])
    total["supplier_names"] = supplier_names({k for k, _ in total["by_supplier"]})
    return total
