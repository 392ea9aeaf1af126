"""An organisation's existing contract list, loaded from an Excel template.

The same way as the monitoring report: a template with data validation, an upload checked
row by row with the rules of the contract form, and nothing saved until all rows are right.
"""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from ..accounts.models import Organisation
from ..contracts import choices
from ..extensions import db
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

SHEET = "Contracten"
LISTS = "lijsten"
TITLE, KIND, CATEGORY, NATURE, VALUE, PER_YEAR, WAGE_SUM, START, END, BASIS, PERCENT, SUPPLIER = (
    range(12)
)


def headers() -> list[str]:
    return [
        _("Title"),
        _("Kind"),
        _("Purchasing category"),
        _("Work, service or supply"),
        _("Contract value over the whole term (EUR)"),
        _("Contract value per year (EUR)"),
        _("Wage sum (EUR)"),
        _("Start date"),
        _("End date"),
        _("Social return agreed"),
        _("Social return percentage"),
        _("Supplier (name as known here)"),
    ]


def _vocabularies() -> dict[int, dict]:
    return {
        KIND: choices.CONTRACT_KINDS,
        CATEGORY: choices.CATEGORIES,
        NATURE: choices.NATURES,
        BASIS: choices.SR_BASES,
    }


def build() -> bytes:
    """An empty template with a list to choose from in each coded column."""
    book, ws = template_book(SHEET, headers())
    lists = book.create_sheet(LISTS)
    for n, (index, vocabulary) in enumerate(_vocabularies().items(), start=1):
        values = [str(text) for text in vocabulary.values()]
        for row, text in enumerate(values, start=1):
            lists.cell(row=row, column=n, value=text)
        letter = "ABCD"[n - 1]
        rule = DataValidation(
            type="list",
            formula1=f"{LISTS}!${letter}$1:${letter}${len(values)}",
            allow_blank=index not in (KIND, NATURE),
            showErrorMessage=True,
            error=_("Choose a value from the list."),
        )
        ws.add_data_validation(rule)
        column = "ABCDEFGHIJKL"[index]
        rule.add(f"{column}2:{column}1000")
    for column in ("E", "F", "G"):
        rule = DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            error=_("Enter an amount in euros from 0."),
        )
        ws.add_data_validation(rule)
        rule.add(f"{column}2:{column}1000")
    for letter in "ABCDEFGHIJKL":
        ws.column_dimensions[letter].width = 22
    lists.sheet_state = "hidden"
    return as_bytes(book)


def _code(row: RowReader, index: int, codes: dict[str, str], *, required: bool) -> str | None:
    raw = row.text(index, required=required)
    if not raw:
        return None
    code = codes.get(raw.casefold())
    if code is None:
        row.fail(index, _("Choose a value from the list."))
    return code


def parse(data: bytes) -> list[tuple[dict, list[int]]]:
    """(contract fields, supplier ids) per row; UploadRefused lists every problem."""
    _book, ws = open_workbook(data, SHEET)
    titles = headers()
    problems = header_problems(ws, titles, headers)
    if problems:
        raise UploadRefused(problems)
    suppliers = {
        name.casefold(): org_id
        for org_id, name in db.session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.kind == "supplier")
        )
    }
    vocab = {index: codes_by_label(vocabulary) for index, vocabulary in _vocabularies().items()}
    result = []
    for number, cells in data_rows(ws, len(titles)):
        row = RowReader(cells, titles, number, problems)
        data = {
            "title": row.text(TITLE, required=True),
            "kind": _code(row, KIND, vocab[KIND], required=True),
            "category": _code(row, CATEGORY, vocab[CATEGORY], required=False) or "other",
            "nature": _code(row, NATURE, vocab[NATURE], required=True),
            "contract_value": row.decimal(VALUE, maximum=Decimal(10**12)),
            "value_per_year": row.decimal(PER_YEAR, maximum=Decimal(10**12)),
            "wage_sum": row.decimal(WAGE_SUM, maximum=Decimal(10**12)),
            "start_date": row.date(START),
            "end_date": row.date(END),
            "sr_basis": _code(row, BASIS, vocab[BASIS], required=False) or "none",
            "sr_percentage": row.decimal(PERCENT, maximum=Decimal(100)),
        }
        if data["start_date"] and data["end_date"] and data["end_date"] < data["start_date"]:
            row.fail(END, _("The end date lies before the start date."))
        if data["sr_percentage"] is not None:
            # The same rule as the contract form: a percentage needs its base.
            if data["sr_basis"] == "project_value" and data["contract_value"] is None:
                row.fail(
                    VALUE,
                    _(
                        "Enter the contract value over the whole term: the obligation is a "
                        "percentage of it."
                    ),
                )
            if data["sr_basis"] == "wage_sum" and data["wage_sum"] is None:
                row.fail(WAGE_SUM, _("Enter the wage sum: the obligation is a percentage of it."))
        supplier_ids = []
        name = row.text(SUPPLIER)
        if name:
            org_id = suppliers.get(name.casefold())
            if org_id is None:
                row.fail(
                    SUPPLIER,
                    _(
                        "No supplier with this name is known here. Invite it first, or leave "
                        "the cell empty."
                    ),
                )
            else:
                supplier_ids.append(org_id)
        result.append((data, supplier_ids))
    if problems:
        raise UploadRefused(sorted(problems, key=lambda p: p.row or 0))
    if not result:
        raise UploadRefused([Problem(_("The file holds no contracts below the headings."))])
    return result
