"""CSV and XLSX exports of placements, monitoring data and figures.

In a CSV, text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab
or carriage return) are written with a leading apostrophe. CSV is for reading in a
spreadsheet as it opens in the Netherlands: semicolon separated, UTF-8 with a byte order
mark, ISO dates and, for Dutch users, a decimal comma. XLSX keeps real number and date cells
for calculations and stores such text as a text cell (documents/spreadsheet.py).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from flask import Response
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import clock
from ..contracts import choices
from ..contracts.choices import label
from ..contracts.models import Contract
from ..documents import downloads, spreadsheet
from ..extensions import db
from ..i18n import _date, locale_code
from ..monitoring.models import MonitoringLine, MonitoringReport
from ..pilots.models import Pilot
from ..placements.models import Placement, PlacementEvidence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that cannot run as a formula; numbers and dates pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class Table:
    """A header and rows of plain values (str, int, Decimal, date or None)."""

    def __init__(self, title: str, header: list[str], rows: list[list]):
        self.title, self.header, self.rows = title, header, rows


def to_csv(tables: list[Table], decimal_comma: bool = False) -> bytes:
    """Semicolon separated, as Dutch Excel expects; decimal comma when asked for."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        if len(tables) > 1:
            writer.writerow([neutralise(table.title)])
        writer.writerow([neutralise(h) for h in table.header])
        for row in table.rows:
            writer.writerow([_csv_value(v, decimal_comma) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_value(value, decimal_comma: bool = False):
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | float) and not isinstance(value, bool):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    return neutralise(value)


def to_xlsx(tables: list[Table], *, author: str, title: str, suppressed: bool) -> bytes:
    return spreadsheet.workbook(
        tables,
        author=author,
        title=title,
        notes=explanation(suppressed),
        notes_title=_("Explanation"),
    )


def explanation(suppressed: bool) -> list[tuple[str, str]]:
    """The "Toelichting" sheet: how it was counted, what was hidden, and when."""
    return [
        (
            _("Counting rule"),
            _(
                "Wet banenafspraak: one banenafspraak job is 25.5 paid hours a week; smaller jobs "
                "count in proportion. Only people in UWV's doelgroepregister count. A job is "
                "durable once it has lasted a year."
            ),
        ),
        (
            _("Source"),
            _(
                "Placements and monitoring reports recorded in the application by the suppliers "
                "and the working group."
            ),
        ),
        (
            _("Suppression"),
            " ".join(
                (
                    _(
                        'Counts from 1 to 4 are shown as "<5" (and the jobs they make with them), '
                        "so that nobody can be recognised."
                    ),
                    _(
                        '"x" marks a figure left out because it would give such a count away, '
                        "or because it stems from fewer than 5 people."
                    ),
                )
            )
            if suppressed
            else _("None: this export is for the working group and shows every count."),
        ),
        (_("Date of export"), _date(clock.today())),
    ]


def response(
    tables: list[Table],
    fmt: str,
    *,
    kind: str,
    subject: str,
    organisation: str,
    suppressed: bool = False,
) -> Response:
    """The export as a download in the asked format, named in the user's language."""
    name = downloads.file_name(kind, subject=subject, ext=fmt)
    if fmt == "xlsx":
        body = to_xlsx(
            tables, author=organisation, title=f"{kind}: {subject}", suppressed=suppressed
        )
    else:
        body = to_csv(tables, decimal_comma=locale_code() == "nl")
    return downloads.attachment(body, name)


# --- datasets ----------------------------------------------------------------------------


def placements_table(pilot_ids, names: dict[int, str]) -> Table:
    """Every placement of the pilots: anonymous facts only (for the working group)."""
    rows = db.session.execute(
        select(Placement, Pilot.title, Contract.title)
        .join(Pilot, Pilot.id == Placement.pilot_id)
        .join(Contract, Contract.id == Placement.contract_id)
        .where(Placement.pilot_id.in_(pilot_ids))
        .order_by(Pilot.id, Placement.start_date, Placement.id)
    ).all()
    evidence = _evidence(pilot_ids)
    header = [
        _("Pilot"),
        _("Reference"),
        _("Supplier"),
        _("Contract"),
        _("Kind of placement"),
        _("Target group"),
        _("Hours per week"),
        _("Start date"),
        _("End date"),
        _("Outcome"),
        _("Evidence seen"),
        _("Notes"),
    ]
    body = [
        [
            pilot_title,
            p.reference,
            names.get(p.supplier_organisation_id, ""),
            contract_title,
            label(choices.DEFAULT_PLACEMENT_KINDS, p.kind),
            label(choices.DEFAULT_TARGET_GROUPS, p.target_group),
            Decimal(p.hours_per_week),
            p.start_date,
            p.end_date,
            label(choices.OUTCOMES, p.outcome),
            ", ".join(evidence.get(p.id, [])),
            p.notes,
        ]
        for p, pilot_title, contract_title in rows
    ]
    return Table(_("Placements"), header, body)


def _evidence(pilot_ids) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for placement_id, kind, seen_on in db.session.execute(
        select(PlacementEvidence.placement_id, PlacementEvidence.kind, PlacementEvidence.seen_on)
        .join(Placement, Placement.id == PlacementEvidence.placement_id)
        .where(Placement.pilot_id.in_(pilot_ids), PlacementEvidence.seen.is_(True))
    ):
        text = str(choices.EVIDENCE_KINDS[kind])
        result.setdefault(placement_id, []).append(
            f"{text} ({seen_on.isoformat()})" if seen_on else text
        )
    return result


def monitoring_table(pilot_ids, names: dict[int, str], supplier_ids=None) -> Table:
    """Every version of every report with its lines: what suppliers reported."""
    query = (
        select(MonitoringReport)
        .where(MonitoringReport.pilot_id.in_(pilot_ids))
        .options(
            selectinload(MonitoringReport.lines).selectinload(MonitoringLine.placement),
            selectinload(MonitoringReport.contract),
        )
        .order_by(
            MonitoringReport.contract_id, MonitoringReport.period_start, MonitoringReport.version_no
        )
    )
    if supplier_ids is not None:
        query = query.where(MonitoringReport.supplier_organisation_id.in_(supplier_ids))
    reports = db.session.scalars(query).all()
    header = [
        _("Contract"),
        _("Supplier"),
        _("Period start"),
        _("Period end"),
        _("Version"),
        _("Status"),
        _("Placement"),
        _("Target group"),
        _("Kind of placement"),
        _("People"),
        _("Paid hours"),
        _("Narrative"),
    ]
    body = []
    for report in reports:
        for line in report.lines or [None]:
            placement = line.placement if line is not None else None
            body.append(
                [
                    report.contract.title,
                    names.get(report.supplier_organisation_id, ""),
                    report.period_start,
                    report.period_end,
                    report.version_no,
                    label(choices.REPORT_STATUSES, report.status),
                    (placement.reference or f"#{placement.id}") if placement else "",
                    label(
                        choices.DEFAULT_TARGET_GROUPS,
                        placement.target_group if placement else line and line.target_group,
                    ),
                    label(
                        choices.DEFAULT_PLACEMENT_KINDS,
                        placement.kind if placement else line and line.kind,
                    ),
                    (1 if placement else line.people) if line is not None else None,
                    Decimal(line.paid_hours) if line is not None else None,
                    report.narrative,
                ]
            )
    return Table(_("Monitoring"), header, body)


def figures_tables(figures: dict) -> list[Table]:
    """The headline figures and the trend; suppressed when the figures were."""
    names = figures.get("supplier_names", {})
    period_start, period_end = figures["period"]
    summary = [
        [_("People placed to date"), figures["people"]],
        [_("Of whom in the doelgroepregister"), figures["people_register"]],
        [
            _(
                "Banenafspraak jobs (average %(start)s to %(end)s)",
                start=period_start.isoformat(),
                end=period_end.isoformat(),
            ),
            figures["banen"],
        ],
        [_("Goal in banenafspraak jobs"), Decimal(figures["goal_jobs"] or 0)],
        [_("Durable jobs"), figures["durable"]],
        [_("Goal in people"), figures.get("goal_people")],
    ]
    for code, n in figures["by_kind"]:
        summary.append([_("Kind: %(kind)s", kind=label(choices.DEFAULT_PLACEMENT_KINDS, code)), n])
    for code, n in figures["by_target_group"]:
        summary.append(
            [_("Target group: %(group)s", group=label(choices.DEFAULT_TARGET_GROUPS, code)), n]
        )
    for org_id, n in figures["by_supplier"]:
        summary.append([_("Supplier: %(name)s", name=names.get(org_id, "")), n])
    trend = [
        [t["period_start"], t["period_end"], t["banen"], t["people"]] for t in figures["trend"]
    ]
    return [
        Table(_("Figures"), [_("Figure"), _("Value")], summary),
        Table(
            _("Trend"),
            [_("Period start"), _("Period end"), _("Banenafspraak jobs"), _("People")],
            trend,
        ),
    ]
