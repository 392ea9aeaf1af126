"""A supplier's monitoring report as an Excel template: download, fill in, upload.

One row per placement of the supplier in the contract and period, prefilled; the supplier
fills in paid hours and, for a placement that ended in the period, its end date and
outcome. The upload is checked row by row with the rules of the web form and the report
service, and nothing is saved unless every row is right.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import gettext as _
from openpyxl.styles import PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from ..contracts.choices import (
    DEFAULT_PLACEMENT_KINDS,
    DEFAULT_TARGET_GROUPS,
    OUTCOMES,
    Outcome,
    label,
)
from ..monitoring.services import MAX_HOURS_PER_WEEK
from .people import ENDED_BUT_ACTIVE, ended_but_active
from .sheets import (
    Problem,
    RowReader,
    UploadRefused,
    as_bytes,
    codes_by_label,
    data_rows,
    header_problems,
    open_workbook,
    template_book,
)

SHEET = "Rapportage"
META = "meta"
EDITABLE = PatternFill("solid", fgColor="FFF4CC")  # the cells the supplier fills in


def headers() -> list[str]:
    return [
        _("Placement no."),
        _("Reference"),
        _("Kind of placement"),
        _("Target group"),
        _("Hours per week"),
        _("Start date"),
        _("End date (if it ended in this period)"),
        _("Outcome"),
        _("Paid hours in the period"),
    ]


NO, REF, KIND, GROUP, HOURS, START, END, OUTCOME, PAID = range(9)


def ceiling(start: date, end: date) -> Decimal:
    """The most paid hours one person can plausibly have in the period (60 a week)."""
    return Decimal(MAX_HOURS_PER_WEEK * ((end - start).days + 1)) / 7


def build(*, contract, supplier_id: int, period: tuple[date, date], placements, hours) -> bytes:
    """The template: the supplier's placements, hours from the last version prefilled."""
    start, end = period
    book, ws = template_book(SHEET, headers())
    outcome_labels = [str(text) for text in OUTCOMES.values()]
    for placement in placements:
        ws.append(
            [
                placement.id,
                placement.reference,
                label(DEFAULT_PLACEMENT_KINDS, placement.kind),
                label(DEFAULT_TARGET_GROUPS, placement.target_group),
                Decimal(placement.hours_per_week),
                placement.start_date,
                placement.end_date if placement.end_date and placement.end_date <= end else None,
                label(OUTCOMES, placement.outcome),
                hours.get(placement.id),
            ]
        )
    last = max(ws.max_row, 2)
    for row in ws.iter_rows(min_row=2, max_row=last):
        for index in (END, OUTCOME, PAID):
            row[index].fill = EDITABLE
            row[index].protection = Protection(locked=False)
        for index in (START, END):
            row[index].number_format = "DD-MM-YYYY"
    widths = (14, 14, 28, 28, 14, 14, 22, 28, 18)
    for letter, width in zip("ABCDEFGHI", widths, strict=True):
        ws.column_dimensions[letter].width = width

    meta = book.create_sheet(META)
    meta.append(["contract", contract.id])
    meta.append(["supplier", supplier_id])
    meta.append(["period_start", start])
    meta.append(["period_end", end])
    for i, text in enumerate(outcome_labels, start=1):
        meta.cell(row=i, column=4, value=text)
    meta.sheet_state = "hidden"

    hours_rule = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=str(ceiling(start, end).quantize(Decimal("0.01"))),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Paid hours"),
        error=_("Enter the paid hours in the period: a number from 0."),
    )
    end_rule = DataValidation(
        type="date",
        operator="between",
        formula1=f"DATE({start.year},{start.month},{start.day})",
        formula2=f"DATE({end.year},{end.month},{end.day})",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("End date"),
        error=_("The end date must lie within the period."),
    )
    outcome_rule = DataValidation(
        type="list",
        formula1=f"{META}!$D$1:$D${len(outcome_labels)}",
        allow_blank=False,
        showErrorMessage=True,
        errorTitle=_("Outcome"),
        error=_("Choose one of the outcomes in the list."),
    )
    for rule, column in ((hours_rule, "I"), (end_rule, "G"), (outcome_rule, "H")):
        ws.add_data_validation(rule)
        rule.add(f"{column}2:{column}{last}")
    ws.freeze_panes = "A2"
    return as_bytes(book)


@dataclass
class Parsed:
    """A valid upload: hours per placement, and new end dates and outcomes."""

    hours: dict[int, Decimal] = field(default_factory=dict)
    changes: dict[int, tuple[date | None, str]] = field(default_factory=dict)


def parse(data: bytes, *, contract, supplier_id: int, period, placements) -> Parsed:
    """Check every row of an uploaded template; UploadRefused lists every problem."""
    start, end = period
    book, ws = open_workbook(data, SHEET)
    problems = _meta_problems(book, contract.id, supplier_id, start)
    titles = headers()
    problems += header_problems(ws, titles, headers)
    if problems:
        raise UploadRefused(problems)
    by_id = {p.id: p for p in placements}
    outcomes = codes_by_label(OUTCOMES)  # by its label in any language, or by its code
    limit = ceiling(start, end)
    result, seen = Parsed(), {}
    for number, cells in data_rows(ws, len(titles)):
        row = RowReader(cells, titles, number, problems)
        before = len(problems)
        placement_id = row.integer(NO)
        placement = by_id.get(placement_id)
        if placement is None:
            if len(problems) == before:  # not already refused as "not a whole number"
                row.fail(
                    NO,
                    _(
                        "This is not one of your organisation's placements in this contract "
                        "and period."
                    ),
                )
            continue
        if placement_id in seen:
            row.fail(NO, _("This placement is also on row %(row)d.", row=seen[placement_id]))
            continue
        seen[placement_id] = number
        if row.text(REF, max_length=40) != (placement.reference or ""):
            row.fail(REF, _("This reference does not belong to the placement on this row."))
        hours = row.decimal(PAID, maximum=Decimal(100000))
        if hours is not None and hours > limit:
            row.fail(
                PAID,
                _(
                    "More than 60 paid hours a week over the period is not plausible "
                    "for one person; check the hours."
                ),
            )
        elif hours is not None:
            result.hours[placement.id] = hours
        ended_on = row.date(END)
        if ended_on is not None and not start <= ended_on <= end:
            row.fail(
                END,
                _(
                    "The date lies outside the period %(start)s to %(end)s.",
                    start=start.strftime("%d-%m-%Y"),
                    end=end.strftime("%d-%m-%Y"),
                ),
            )
            ended_on = None
        elif ended_on is not None and ended_on < placement.start_date:
            row.fail(END, _("The end date lies before the start date."))
            ended_on = None
        raw_outcome = row.text(OUTCOME, required=True)
        outcome = outcomes.get(raw_outcome.casefold()) if raw_outcome else None
        if raw_outcome and outcome is None:
            row.fail(OUTCOME, _("Choose one of the outcomes in the list."))
        effective_end = ended_on or placement.end_date
        # Rows the supplier left as they were are not refused for what was already stored.
        touched = ended_on is not None or (outcome is not None and outcome != placement.outcome)
        if not touched:
            continue
        if outcome and ended_but_active(effective_end, outcome):
            row.fail(OUTCOME, str(ENDED_BUT_ACTIVE))
        elif outcome == Outcome.STOPPED and effective_end is None:
            row.fail(END, _("Give the end date when the placement stopped."))
        elif outcome and (effective_end != placement.end_date or outcome != placement.outcome):
            result.changes[placement.id] = (effective_end, outcome)
    if problems:
        raise UploadRefused(sorted(problems, key=lambda p: p.row or 0))
    return result


def _meta_problems(book, contract_id: int, supplier_id: int, start: date) -> list[Problem]:
    wrong = [
        Problem(
            _(
                "This file was made for another contract, supplier or period. Download the "
                "template of this report and fill that in."
            )
        )
    ]
    if META not in book.sheetnames:
        return wrong
    values = {
        row[0]: row[1]
        for row in book[META].iter_rows(min_row=1, max_row=4, max_col=2, values_only=True)
    }
    period_start = values.get("period_start")
    period_start = period_start.date() if hasattr(period_start, "date") else period_start
    if (
        values.get("contract") != contract_id
        or values.get("supplier") != supplier_id
        or period_start != start
    ):
        return wrong
    return []
