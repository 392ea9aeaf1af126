"""A pilot's (or an organisation's) figures, from a fixed number of queries.

Every count comes from counting.py over anonymous facts loaded in one query per table for
all pilots at once, so a page costs the same number of queries with 3 placements or 3,000,
and with 3 pilots or 300 (figures_for_pilots). Each pilot is counted once into a tally
(tally.py) and kept until its placements or reports change (figures_cache.py); an
organisation's figures are the sum of its pilots' tallies. Definitions:

- people: placements (any target group) that started on or before the date: people helped;
- banen: average banenafspraak jobs over the current monitoring period up to the date,
  counting only doelgroepregister placements; paid hours from accepted reports beat
  contracted hours;
- durable: placements still in employment `durable_months` after they started.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from flask import current_app
from sqlalchemy import func, select

from .. import clock, suppression
from ..accounts.models import Organisation
from ..contracts.choices import ReportStatus
from ..contracts.models import PotentialJob
from ..extensions import db
from ..monitoring.models import MonitoringLine, MonitoringReport
from ..pilots.models import Pilot
from ..placements.models import Placement
from ..socialreturn.valuation import person_key
from . import cache as figures_cache
from . import counting, tally
from .counting import PaidHours, PlacementFacts
from .models import OrganisationSettings
from .settings import settings_of
from .tally import Tally

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
        Placement.reference,
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
            person=person_key(row.supplier_organisation_id, row.reference, row.id),
        )
        result[row.pilot_id].append((row, facts))
    return result


def load_facts(pilot_ids) -> list[tuple]:
    """(placement row, PlacementFacts) for every placement of the pilots: two queries."""
    return [pair for pairs in facts_by_pilot(pilot_ids).values() for pair in pairs]


def _threshold() -> int:
    return current_app.config.get("SMALL_CELL_THRESHOLD", 5)


def compute(pairs, *, as_of: date, frequency: str, settings, start: date, suppress=False) -> dict:
    """Figures over loaded facts, uncached: for a subset such as one supplier's placements."""
    counts = tally.tally(pairs, as_of=as_of, frequency=frequency, settings=settings, start=start)
    return tally.present(counts, suppress=suppress, threshold=_threshold())


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


def potential_of(pilot_ids) -> dict[str, int]:
    """{status: how many potential jobs} of these pilots together, by status."""
    query = select(PotentialJob.status, func.count()).group_by(PotentialJob.status)
    total: Counter = Counter()
    for status, n in _rows(query, PotentialJob.pilot_id, pilot_ids):
        total[status] += n  # a status may come back once per chunk of pilots
    return dict(sorted(total.items()))


def supplier_names(ids) -> dict[int, str]:
    return dict(_rows(select(Organisation.id, Organisation.name), Organisation.id, ids))


def settings_by_organisation(organisation_ids) -> dict[int, OrganisationSettings]:
    """settings_for of each organisation, in one query (remembered for the request)."""
    return settings_of(organisation_ids)


def tallies(pilots, settings, *, as_of: date, frequency=frequency_of) -> dict[int, Tally]:
    """{pilot id: its tally}, from the cache where it can, counting the rest in two queries.

    `frequency` gives each pilot's monitoring frequency (its own unless told otherwise).
    """
    store = figures_cache.cache()
    keys = {
        pilot.id: figures_cache.key(
            pilot, settings[pilot.organisation_id], as_of=as_of, frequency=frequency(pilot)
        )
        for pilot in pilots
    }
    found = {pilot_id: store.get(k) for pilot_id, k in keys.items()}
    missing = [pilot for pilot in pilots if found[pilot.id] is None]
    if missing:
        facts = facts_by_pilot([pilot.id for pilot in missing])
        for pilot in missing:
            counted = tally.tally(
                facts.get(pilot.id, []),
                as_of=as_of,
                frequency=frequency(pilot),
                settings=settings[pilot.organisation_id],
                start=pilot.start_date,
            )
            store.put(keys[pilot.id], counted)
            found[pilot.id] = counted
    return found


def _with_pilot_context(figures: dict, pilot, potential: dict, names: dict) -> dict:
    """Add what is not counted: goals, potential jobs, and the suppliers' names."""
    figures["goal_jobs"] = pilot.goal_jobs
    figures["goal_people"] = pilot.goal_people
    figures["potential_jobs"] = dict(potential.get(pilot.id, {}))
    figures["supplier_names"] = {k: names[k] for k, _ in figures["by_supplier"] if k in names}
    return figures


def _names_of_suppliers(counted) -> dict[int, str]:
    return supplier_names({k for t in counted for k in t.by_supplier})


def figures_for_pilots(pilots, *, as_of: date, suppress: bool = False) -> dict[int, dict]:
    """pilot_figures of many pilots, {pilot id: figures}, from a fixed number of queries.

    Lists that show only people and jobs ask headline_figures instead.
    """
    pilots = list(pilots)
    settings = settings_by_organisation({pilot.organisation_id for pilot in pilots})
    counted = tallies(pilots, settings, as_of=as_of)
    potential = potential_by_pilot([pilot.id for pilot in pilots])
    names = _names_of_suppliers(counted.values())
    result = {}
    for pilot in pilots:
        figures = tally.present(counted[pilot.id], suppress=suppress, threshold=_threshold())
        result[pilot.id] = _with_pilot_context(figures, pilot, potential, names)
    return result


def headline_figures(pilots, *, as_of: date, suppress: bool = False) -> dict[int, dict]:
    """People, banenafspraak jobs and durable jobs of many pilots, without trend, goals or
    names: what lists of pilots show, in two queries once counted (suppress for the board)."""
    pilots = list(pilots)
    settings = settings_by_organisation({pilot.organisation_id for pilot in pilots})
    counted = tallies(pilots, settings, as_of=as_of)
    # Presented once per tally too: suppressing a pilot's tables for the board costs more
    # than reading its tally from the cache. Keyed by the tally's own key, so a change to
    # the pilot's data (a new stamp) or its settings asks for a new entry.
    store, threshold = figures_cache.cache(), _threshold()
    result = {}
    for pilot in pilots:
        key = (
            "headline",
            figures_cache.key(
                pilot, settings[pilot.organisation_id], as_of=as_of, frequency=frequency_of(pilot)
            ),
            suppress,
            threshold,
        )
        shown = store.get(key)
        if shown is None:
            shown = tally.present(
                counted[pilot.id], suppress=suppress, trend=False, threshold=threshold
            )
            store.put(key, shown)
        result[pilot.id] = dict(shown)  # the caller's own copy to add to
    return result


def pilot_figures(pilot, *, as_of: date, suppress: bool = False) -> dict:
    """The figures of one pilot on a date; suppress=True for anything leaving the group."""
    return figures_for_pilots([pilot], as_of=as_of, suppress=suppress)[pilot.id]


def organisation_figures(
    organisation_id: int, *, as_of: date, suppress: bool = False, pilots=None
) -> dict:
    """Pilots of a buyer summed, one row per pilot; quarterly, so the rows add up.

    `pilots` are those the reader may see (figures.rules.organisation_pilots); all of the
    organisation's pilots when not given (the organisation's own API token).
    """
    if pilots is None:
        pilots = db.session.scalars(
            select(Pilot)
            .where(Pilot.organisation_id == organisation_id)
            .order_by(Pilot.start_date, Pilot.id)
        ).all()
    pilots = list(pilots)
    settings = settings_by_organisation({organisation_id})
    counted = tallies(pilots, settings, as_of=as_of, frequency=lambda _: DEFAULT_FREQUENCY)
    if pilots:
        summed = tally.combine(counted.values(), as_of=as_of, frequency=DEFAULT_FREQUENCY)
    else:  # nothing to sum: the figures of no placements, with a trend of this quarter
        summed = tally.tally(
            [],
            as_of=as_of,
            frequency=DEFAULT_FREQUENCY,
            settings=settings[organisation_id],
            start=as_of,
        )
    threshold = _threshold()
    total = tally.present(summed, suppress=suppress, threshold=threshold)
    total["pilots"] = _pilot_rows(pilots, counted, total, suppress=suppress, threshold=threshold)
    names = supplier_names(summed.by_supplier)
    total["goal_jobs"] = sum((p.goal_jobs for p in pilots), Decimal(0))
    total["goal_people"] = sum(p.goal_people or 0 for p in pilots)
    total["potential_jobs"] = potential_of([pilot.id for pilot in pilots])
    total["supplier_names"] = {k: names[k] for k, _ in total["by_supplier"] if k in names}
    return total


def _pilot_rows(pilots, counted, total: dict, *, suppress: bool, threshold: int) -> list[dict]:
    """One row per pilot; suppressed, the rows' columns are tables adding up to the total,
    and a total that has to be hidden to protect a row is hidden in `total` too."""
    rows = [
        {
            "pilot": pilot,
            "people": counted[pilot.id].people,
            "banen": counting.round_half_up(counted[pilot.id].banen),
            "durable": counted[pilot.id].durable,
            "goal_jobs": pilot.goal_jobs,
            "goal_people": pilot.goal_people,
        }
        for pilot in pilots
    ]
    if not suppress:
        return rows
    # Jobs follow the people they stem from: the banen column hides with that count.
    columns = {
        "people": {p.id: counted[p.id].people for p in pilots},
        "banen": {p.id: counted[p.id].banen_people for p in pilots},
        "durable": {p.id: counted[p.id].durable for p in pilots},
    }
    for column, cells in columns.items():
        table = suppression.suppress(cells, sum(cells.values()), threshold=threshold)
        for row in rows:
            pilot_id = row["pilot"].id
            if column == "banen":
                if pilot_id in table.hidden:
                    row["banen"] = suppression.HIDDEN
            else:
                row[column] = table.cells[pilot_id]
        if table.total_hidden and total[column] != 0:
            total[column] = suppression.HIDDEN
            if column == "people":
                # The breakdowns add up to the people placed as well.
                tally.hide_counts(total)
    return rows


def latest_figures(pilot) -> dict:
    """The headline figures for today: people, banen, durable, goal and the period counted."""
    data = pilot_figures(pilot, as_of=clock.today())
    return {
        "people": data["people"],
        "banen": data["banen"],
        "durable": data["durable"],
        "goal": data["goal_jobs"],
        "goal_people": data["goal_people"],
        "period": data["period"],
    }
