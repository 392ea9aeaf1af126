"""Spreadsheets that open ready to read: a bold, frozen header with filter buttons (an Excel
table), columns as wide as their content, Dutch date and number formats, and a sheet
"Toelichting" saying how the figures were counted, what was suppressed and when.

Text that a spreadsheet would run as a formula is stored as a text cell: it shows exactly
as typed, without the stray apostrophe a CSV needs.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "dd-mm-yyyy"
DECIMAL_FORMAT = "#,##0.00"
WHOLE_FORMAT = "#,##0"
MAX_WIDTH = 60


def _set(cell, value) -> None:
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"  # text, never a formula: "=1+1" shows as typed
    elif isinstance(value, datetime | date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal | float):
        cell.number_format = DECIMAL_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = WHOLE_FORMAT


def _shown_length(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime | date):
        return 10
    if isinstance(value, Decimal | float):
        return len(f"{value:,.2f}")
    return max((len(line) for line in str(value).splitlines()), default=0)


def _sheet_title(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Sheet"
    name, n = base, 2
    while name.casefold() in taken:
        name = f"{base[:28]} {n}"
        n += 1
    taken.add(name.casefold())
    return name


def _table_name(title: str, index: int) -> str:
    # Excel table names: letters, digits and underscores, starting with a letter, unique.
    plain = re.sub(r"[^A-Za-z0-9_]", "_", title) or "Table"
    if not plain[0].isalpha():
        plain = "T" + plain
    return f"{plain[:200]}_{index}"


def _unique(header: list[str]) -> list[str]:
    # A table needs distinct, non-empty column names.
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(header):
        name = str(name or f"Column {index + 1}")
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        result.append(name)
    return result


def workbook(
    tables,
    *,
    author: str,
    title: str,
    notes: list[tuple[str, str]],
    notes_title: str = "Toelichting",
) -> bytes:
    """One sheet per table, then the notes sheet; `tables` have .title, .header, .rows."""
    book = Workbook()
    book.remove(book.active)
    book.properties.creator = book.properties.lastModifiedBy = author
    book.properties.title = title
    taken: set[str] = set()
    for index, table in enumerate(tables, start=1):
        sheet = book.create_sheet(_sheet_title(table.title, taken))
        header = _unique(table.header)
        widths = [len(h) for h in header]
        for column, name in enumerate(header, start=1):
            cell = sheet.cell(row=1, column=column, value=name)
            cell.font = Font(bold=True)
            cell.data_type = "s"
        rows = table.rows or [[None] * len(header)]
        for row_index, values in enumerate(rows, start=2):
            for column, value in enumerate(values, start=1):
                _set(sheet.cell(row=row_index, column=column), value)
                widths[column - 1] = max(widths[column - 1], _shown_length(value))
        for column, width in enumerate(widths, start=1):
            # Room for the filter button beside the header text.
            sheet.column_dimensions[get_column_letter(column)].width = min(width + 4, MAX_WIDTH)
        sheet.freeze_panes = "A2"
        last = f"{get_column_letter(len(header))}{len(rows) + 1}"
        excel_table = ExcelTable(displayName=_table_name(table.title, index), ref=f"A1:{last}")
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        sheet.add_table(excel_table)
    sheet = book.create_sheet(_sheet_title(notes_title, taken))
    for row, (label, text) in enumerate(notes, start=1):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        _set(sheet.cell(row=row, column=2), text)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(row=row, column=1).alignment = Alignment(vertical="top")
    sheet.column_dimensions["A"].width = max((len(label) for label, _ in notes), default=10) + 4
    sheet.column_dimensions["B"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
