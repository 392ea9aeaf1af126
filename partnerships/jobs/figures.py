"""A pilot's (or an organisation's) figures, from a fixed number of queries.

Every count comes from counting.py over anonymous facts loaded in one query per table for
all pilots at once, so a page costs the same number of queries with 3 placements or 3,000,
and with 3 pilots or 300 (figures_for_pilots). Definitions:

- people: placements (any target group) that started on or before the date: people helped;
- banen: average banenafspraak jobs over the current monitoring period up to the date,
  counting only doelgroepregister placements; paid hours from accepted reports beat
  contracted hours;
- durable: placements still in employment `durable_months` after they started.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
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
from .models import (
    MonitoringLine,
    MonitoringReport,
    OrganisationSettings,
    Placement,
    PotentialJob,
)
from .settings import DEFAULTS

DEFAULT_FREQUENCY = "quarter"
# Ids per IN list: below SQLite's oldest limit of 999 bound parameters, so a list of
# thousands of pilots costs a query per 900 of them and never fails.
CHUNK = 900


def frequency_of(pilot) -> str:
    """The pilot's monitoring frequency, quarterly until the working group agrees one."""
    return pilot.monitoring_frequency or DEFAULT_FREQUENCY


def _chunks(ids) -> Iterator[list[int]]:
    """Ids in slices short enough for any database's limit on bound parameters."""
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), CHUNK):
        yield ordered[i : i + CHUNK]


def _rows(query, column, ids, *, scalars: bool = False) -> list:
    """The query's rows where column is one of the ids: one query per CHUNK ids."""
    run = db.session.scalars if scalars else db.session.execute
    return [row for chunk in _chunks(ids) for row in run(query.where(column.in_(chunk)))]


def _paid_hours(pilot_ids) -> dict[tuple[int, int], list[PaidHours]]:
    """Paid hours per (pilot, placement) from the newest accepted version of each report."""
    query = (
        select(
            MonitoringReport.pilot_id,
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
            MonitoringReport.status == ReportStatus.ACCEPTED,
            MonitoringLine.placement_id.is_not(None),
        )
    )
    rows = _rows(query, MonitoringReport.pilot_id, pilot_ids)

    # Per pilot: a contract shared by pilots numbers its versions across them, and one
    # pilot's newer version must not hide another pilot's report.
    def key(row):
        return (row.pilot_id, row.contract_id, row.supplier_organisation_id, row.period_start)

    newest: dict[tuple, int] = {}
    for row in rows:
        newest[key(row)] = max(newest.get(key(row), 0), row.version_no)
    by_placement: dict[tuple[int, int], list[PaidHours]] = defaultdict(list)
    for row in rows:
        if row.version_no == newest[key(row)]:
            by_placement[(row.pilot_id, row.placement_id)].append(
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


def facts_by_pilot(pilot_ids) -> dict[int, list[tuple]]:
    """{pilot id: [(placement row, PlacementFacts)]}, placements by start: two queries."""
    query = select(
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
    ).order_by(Placement.start_date, Placement.id)
    rows = _rows(query, Placement.pilot_id, pilot_ids)
    paid = _paid_hours(pilot_ids) if rows else {}
    result: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        facts = PlacementFacts(
            target_group=row.target_group,
            hours_per_week=Decimal(row.hours_per_week),
            start=row.start_date,
            end=row.end_date,
            paid_hours=_without_overlaps(paid.get((row.pilot_id, row.id), [])),
            employed_until=row.end_date if row.outcome == "stopped" else None,
        )
        result[row.pilot_id].append((row, facts))
    return result


def load_facts(pilot_ids) -> list[tuple]:
    """(placement row, PlacementFacts) for every placement of the pilots: two queries."""
    return [pair for pairs in facts_by_pilot(pilot_ids).values() for pair in pairs]


def counting_in(facts, period_start: date, period_end: date) -> list[PlacementFacts]:
    """The facts that can add to banen_count over the period, cut down to what does.

    A paid-hours report that shares no day with the period adds nothing to it (neither its
    hours nor days taken off contracted hours), so it is dropped; a placement then left
    without such reports and without a day in the period adds nothing and is dropped too.
    Exact counting with fractions is the cost of the figures, and a placement with years of
    monthly reports would otherwise be worked through for every period.
    """
    result = []
    for f in facts:
        reports = [
            r for r in f.paid_hours if r.period_start <= period_end and r.period_end >= period_start
        ]
        runs = f.start <= period_end and (f.end is None or f.end >= period_start)
        if len(reports) == len(f.paid_hours) and runs:
            result.append(f)
        elif reports or runs:
            result.append(replace(f, paid_hours=reports))
    return result


def _suppressor(suppress: bool):
    threshold = current_app.config.get("SMALL_CELL_THRESHOLD", 5)
    if not suppress:
        return lambda n: n
    return lambda n: counting.suppress_small(n, threshold)


def compute(
    pairs,
    *,
    as_of: date,
    frequency: str,
    settings,
    start: date,
    suppress: bool = False,
    trend: bool = True,
) -> dict:
    """Figures over loaded facts; pure apart from the configuration of suppression.

    trend=False leaves the trend empty, for lists that show only the headline figures.
    """
    hide = _suppressor(suppress)
    facts = [f for _, f in pairs]
    counted = [f for f in facts if f.target_group in counting.COUNTED_GROUPS]
    started = [(row, f) for row, f in pairs if f.start <= as_of]
    period_start = counting.period_bounds(as_of, frequency)[0]
    hours_per_job = Decimal(settings.hours_per_job)
    banen = counting.banen_exact(
        counting_in(counted, period_start, as_of), period_start, as_of, hours_per_job=hours_per_job
    )
    first = min([start] + [f.start for f in facts])
    points = []
    # Looking back to before anything started gives an empty trend, not an error.
    spans = counting.periods(first, as_of, frequency) if trend and first <= as_of else ()
    for p_start, p_end in spans:
        end = min(p_end, as_of)
        points.append(
            {
                "period_start": p_start,
                "period_end": end,
                "banen": counting.banen_count(
                    counting_in(counted, p_start, end), p_start, end, hours_per_job=hours_per_job
                ),
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
        "trend": points,
        "suppressed": suppress,
    }


def _grouped(started, attribute: str, hide) -> list[tuple]:
    counts = Counter(getattr(row, attribute) for row, _ in started)
    return [
        (key, hide(n)) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]


def potential_by_pilot(pilot_ids) -> dict[int, dict[str, int]]:
    """{pilot id: {status: how many potential jobs}}: one grouped query."""
    result: dict[int, dict[str, int]] = defaultdict(dict)
    query = (
        select(PotentialJob.pilot_id, PotentialJob.status, func.count())
        .group_by(PotentialJob.pilot_id, PotentialJob.status)
        .order_by(PotentialJob.pilot_id, PotentialJob.status)
    )
    for pilot_id, status, n in _rows(query, PotentialJob.pilot_id, pilot_ids):
        result[pilot_id][status] = n
    return result


def supplier_names(ids) -> dict[int, str]:
    return dict(_rows(select(Organisation.id, Organisation.name), Organisation.id, ids))


def settings_by_organisation(organisation_ids) -> dict[int, OrganisationSettings]:
    """settings_for of each organisation, in one query."""
    rows = _rows(
        select(OrganisationSettings),
        OrganisationSettings.organisation_id,
        organisation_ids,
        scalars=True,
    )
    saved = {row.organisation_id: row for row in rows}
    return {
        org_id: saved.get(org_id)
        or OrganisationSettings(organisation_id=org_id, version=0, **DEFAULTS)
        for org_id in organisation_ids
    }


@dataclass(frozen=True)
class Loaded:
    """Everything the figures of a set of pilots are computed from, loaded at once."""

    facts: dict[int, list[tuple]]  # pilot id -> (placement row, PlacementFacts)
    potential: dict[int, dict[str, int]]  # pilot id -> {status: count}
    names: dict[int, str]  # supplier organisation id -> name
    settings: dict[int, OrganisationSettings]  # buyer organisation id -> settings

    def pairs(self) -> list[tuple]:
        return [pair for pairs in self.facts.values() for pair in pairs]

    def names_for(self, by_supplier) -> dict[int, str]:
        return {k: self.names[k] for k, _ in by_supplier if k in self.names}


def load(pilots, organisation_ids=()) -> Loaded:
    """The facts of all these pilots in five queries (per CHUNK pilots), whatever their number."""
    ids = [pilot.id for pilot in pilots]
    facts = facts_by_pilot(ids)
    suppliers = {row.supplier_organisation_id for pairs in facts.values() for row, _ in pairs}
    return Loaded(
        facts=facts,
        potential=potential_by_pilot(ids),
        names=supplier_names(suppliers),
        settings=settings_by_organisation(
            {pilot.organisation_id for pilot in pilots} | set(organisation_ids)
        ),
    )


def _for_pilot(
    pilot, loaded: Loaded, *, as_of: date, suppress: bool, frequency: str, trend: bool = True
) -> dict:
    figures = compute(
        loaded.facts.get(pilot.id, []),
        as_of=as_of,
        frequency=frequency,
        settings=loaded.settings[pilot.organisation_id],
        start=pilot.start_date,
        suppress=suppress,
        trend=trend,
    )
    figures["goal_jobs"] = pilot.goal_jobs
    figures["goal_people"] = pilot.goal_people
    figures["potential_jobs"] = dict(loaded.potential.get(pilot.id, {}))
    figures["supplier_names"] = loaded.names_for(figures["by_supplier"])
    return figures


def figures_for_pilots(
    pilots, *, as_of: date, suppress: bool = False, trend: bool = True
) -> dict[int, dict]:
    """pilot_figures of many pilots, {pilot id: figures}, from a fixed number of queries.

    trend=False skips each pilot's trend, for lists that show only the headline figures.
    """
    pilots = list(pilots)
    loaded = load(pilots)
    return {
        pilot.id: _for_pilot(
            pilot,
            loaded,
            as_of=as_of,
            suppress=suppress,
            frequency=frequency_of(pilot),
            trend=trend,
        )
        for pilot in pilots
    }


def pilot_figures(pilot, *, as_of: date, suppress: bool = False) -> dict:
    """The figures of one pilot on a date; suppress=True for anything leaving the group."""
    return figures_for_pilots([pilot], as_of=as_of, suppress=suppress)[pilot.id]


def organisation_figures(organisation_id: int, *, as_of: date, suppress: bool = False) -> dict:
    """All pilots of a buyer summed, one row per pilot; quarterly, so the rows add up."""
    pilots = db.session.scalars(
        select(Pilot)
        .where(Pilot.organisation_id == organisation_id)
        .order_by(Pilot.start_date, Pilot.id)
    ).all()
    loaded = load(pilots, organisation_ids={organisation_id})
    total = compute(
        loaded.pairs(),
        as_of=as_of,
        frequency=DEFAULT_FREQUENCY,
        settings=loaded.settings[organisation_id],
        start=min([p.start_date for p in pilots], default=as_of),
        suppress=suppress,
    )
    rows = []
    for pilot in pilots:
        figures = _for_pilot(
            pilot, loaded, as_of=as_of, suppress=suppress, frequency=DEFAULT_FREQUENCY, trend=False
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
    potential: Counter = Counter()
    for counts in loaded.potential.values():
        potential.update(counts)
    total["pilots"] = rows
    total["goal_jobs"] = sum((p.goal_jobs for p in pilots), Decimal(0))
    total["goal_people"] = sum(p.goal_people or 0 for p in pilots)
    total["potential_jobs"] = dict(sorted(potential.items()))
    total["supplier_names"] = loaded.names_for(total["by_supplier"])
    return total
