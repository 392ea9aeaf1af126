"""Monitoring reports (step 4a): the supplier submits, the buyer accepts or returns.

A report covers one contract, one supplier and one period of the pilot's monitoring
frequency. Every submission is a new version, so nothing a supplier sent is ever
overwritten; an accepted version is locked, and correcting it takes a new version with a
reason. A report is overdue when its period ended more than OVERDUE_DAYS ago and no
version is submitted or accepted (a returned one waits for the supplier).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from .. import access, audit, clock
from ..concurrency import claim
from ..contracts.choices import ContractKind, ReportStatus
from ..contracts.models import Contract, ContractSupplier, contract_pilot
from ..database import utcnow
from ..extensions import db
from ..figures import counting
from ..figures.services import frequency_of
from ..pilots.models import Membership, Pilot
from ..placements.models import Placement
from .models import MonitoringLine, MonitoringReport

# A supplier gets a month after the period to report; later the report is overdue.
OVERDUE_DAYS = 30
MAX_HOURS_PER_WEEK = 60


class ReportError(ValueError):
    """A report that cannot be accepted as sent; the message tells the user why."""


def report_periods(pilot, contract, today: date) -> list[tuple[date, date]]:
    """Periods of the pilot's frequency that overlap the contract term and have begun."""
    if contract.start_date is None:
        return []
    first = max(contract.start_date, pilot.start_date)
    last = min(contract.end_date or today, today)
    if last < first:
        return []
    return list(counting.periods(first, last, frequency_of(pilot)))


def check_period(pilot, contract, period_start: date) -> tuple[date, date]:
    """The whole period starting on period_start, or ReportError when it is not reportable."""
    start, end = counting.period_bounds(period_start, frequency_of(pilot))
    if start != period_start:
        raise ReportError(_("Choose one of the listed periods."))
    if (
        contract.start_date is None
        or end < contract.start_date
        or (contract.end_date is not None and start > contract.end_date)
    ):
        raise ReportError(
            _("This period lies outside the contract term, so there is nothing to report for it.")
        )
    return start, end


def versions(
    pilot_id: int, contract_id: int, supplier_id: int, period_start: date
) -> list[MonitoringReport]:
    """Every version of one report, newest first. A contract may serve several pilots of
    the buyer; each pilot has its own reports (its own placements and periods)."""
    return list(
        db.session.scalars(
            select(MonitoringReport)
            .where(
                MonitoringReport.pilot_id == pilot_id,
                MonitoringReport.contract_id == contract_id,
                MonitoringReport.supplier_organisation_id == supplier_id,
                MonitoringReport.period_start == period_start,
            )
            .order_by(MonitoringReport.version_no.desc())
        )
    )


def submit(
    pilot,
    actor,
    *,
    contract,
    supplier_id: int,
    period_start: date,
    narrative: str,
    placement_hours: dict[int, Decimal],
    aggregates=(),
    correction_reason: str = "",
    sr_costs: Decimal | None = None,
):
    """Store a new version of the supplier's report for one period."""
    start, end = check_period(pilot, contract, period_start)
    if supplier_id not in contract.supplier_ids:
        raise ReportError(_("Your organisation is not a supplier of this contract."))
    earlier = versions(pilot.id, contract.id, supplier_id, start)
    if earlier and earlier[0].status == ReportStatus.SUBMITTED:
        raise ReportError(
            _(
                "A report for this period awaits acceptance. Ask the buyer to "
                "return it if it needs changes."
            )
        )
    if earlier and earlier[0].status == ReportStatus.ACCEPTED and not correction_reason.strip():
        raise ReportError(
            _(
                "This period's report was accepted and is locked. Give a reason "
                "to send a corrected version."
            )
        )
    allowed = set(
        db.session.scalars(
            select(Placement.id).where(
                Placement.pilot_id == pilot.id,
                Placement.contract_id == contract.id,
                Placement.supplier_organisation_id == supplier_id,
            )
        )
    )
    if set(placement_hours) - allowed:
        raise ReportError(_("Report only on placements of your organisation in this contract."))
    ceiling = Decimal(MAX_HOURS_PER_WEEK * ((end - start).days + 1)) / 7
    if any(hours > ceiling for hours in placement_hours.values()):
        raise ReportError(
            _(
                "More than 60 paid hours a week over the period is not plausible "
                "for one person; check the hours."
            )
        )
    report = MonitoringReport(
        pilot_id=pilot.id,
        contract_id=contract.id,
        supplier_organisation_id=supplier_id,
        period_start=start,
        period_end=end,
        version_no=(earlier[0].version_no + 1) if earlier else 1,
        narrative=narrative,
        correction_reason=correction_reason.strip(),
        sr_costs=sr_costs,
        submitted_by_id=actor.id,
        status=ReportStatus.SUBMITTED,
    )
    for placement_id, hours in sorted(placement_hours.items()):
        report.lines.append(MonitoringLine(placement_id=placement_id, paid_hours=hours))
    for target_group, kind, people, hours in aggregates:
        report.lines.append(
            MonitoringLine(target_group=target_group, kind=kind, people=people, paid_hours=hours)
        )
    db.session.add(report)
    db.session.flush()
    audit.record(
        "report.submitted",
        contract.title,
        f"{start.isoformat()}..{end.isoformat()} v{report.version_no}",
        pilot=pilot,
    )
    return report


def decide(report, actor, *, accept: bool, remark: str, submitted_version) -> None:
    """Accept (and lock) or return a submitted report."""
    if report.status != ReportStatus.SUBMITTED:
        raise ReportError(_("Only a submitted report can be accepted or returned."))
    if not accept and not remark.strip():
        raise ReportError(_("Say what needs to change when you return a report."))
    claim(report, submitted_version)
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.remark = remark.strip()
    report.decided_by_id = actor.id
    report.decided_at = utcnow()
    audit.record(
        "report.accepted" if accept else "report.returned",
        report.contract.title,
        f"{report.period_start.isoformat()} v{report.version_no} {report.remark}",
        pilot=report.pilot,
    )


@dataclass(frozen=True)
class Due:
    """A report that should have been sent: its period ended over OVERDUE_DAYS ago."""

    pilot: Pilot
    contract_id: int
    contract_title: str
    supplier_id: int
    period_start: date
    period_end: date

    @property
    def due_on(self) -> date:
        return self.period_end + timedelta(days=OVERDUE_DAYS)


def overdue_for_pilots(pilots, today: date, supplier_ids=None) -> list[Due]:
    """Overdue reports of these pilots (of these suppliers only, if given): three queries."""
    return reports_to_send(pilots, today, supplier_ids, grace_days=OVERDUE_DAYS)


def reports_to_send(pilots, today: date, supplier_ids=None, grace_days: int = 0) -> list[Due]:
    """Reports of these pilots whose period ended more than `grace_days` ago and that were
    not sent (or were returned): with no grace, every report that can be sent now."""
    if not pilots:
        return []
    by_id = {p.id: p for p in pilots}
    links = db.session.execute(
        select(contract_pilot.c.pilot_id, Contract, ContractSupplier.organisation_id)
        .join(Contract, Contract.id == contract_pilot.c.contract_id)
        .join(ContractSupplier, ContractSupplier.contract_id == Contract.id)
        .where(contract_pilot.c.pilot_id.in_(by_id), Contract.kind == ContractKind.CONTRACT)
    ).all()
    sent = defaultdict(set)
    for row in db.session.execute(
        select(
            MonitoringReport.pilot_id,
            MonitoringReport.contract_id,
            MonitoringReport.supplier_organisation_id,
            MonitoringReport.period_start,
            MonitoringReport.status,
        )
        .where(MonitoringReport.pilot_id.in_(by_id))
        .order_by(MonitoringReport.version_no)
    ):
        key = (row.pilot_id, row.contract_id, row.supplier_organisation_id, row.period_start)
        sent[key] = row.status  # the newest version wins, as rows come oldest first
    result = []
    for pilot_id, contract, supplier_id in links:
        if supplier_ids is not None and supplier_id not in supplier_ids:
            continue
        pilot = by_id[pilot_id]
        for start, end in report_periods(pilot, contract, today):
            status = sent.get((pilot_id, contract.id, supplier_id, start))
            if end + timedelta(days=grace_days) < today and status in (None, "returned"):
                result.append(Due(pilot, contract.id, contract.title, supplier_id, start, end))
    return sorted(result, key=lambda d: (d.period_end, d.contract_title))


def overdue_reports(user, today: date | None = None) -> list[Due]:
    """Overdue reports this user should chase (buyer) or send (supplier contact)."""
    today = today or clock.today()
    member_of = select(Membership.pilot_id).where(Membership.user_id == user.id)
    pilots = db.session.scalars(
        select(Pilot).where(Pilot.id.in_(member_of), Pilot.status == "active")
    ).all()
    access.standings_for(user, pilots)
    # Who decides on reports chases them; the supplier a report is due from sends it.
    mine = [p for p in pilots if access.can(user, "report.decide", p)]
    theirs = [
        p for p in pilots if p not in mine and user.organisation_id in access.speaks_for(user, p)
    ]
    return overdue_for_pilots(mine, today) + overdue_for_pilots(
        theirs, today, supplier_ids={user.organisation_id}
    )
