"""Excel templates: made with a bold heading row, and read back safely once filled in.

Reading goes cell by cell, with a message per row and cell.
An upload is checked completely before anything is saved: a formula anywhere, a missing
sheet, a value that is not a number or date, each becomes a Problem naming the row and the
column as the user sees them in Excel. Only the caller decides what a valid row means.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# Far more rows than any supplier's placements or any organisation's contract list.
MAX_ROWS = 5000


@dataclass(frozen=True)
class Problem:
    """Something wrong in an uploaded file; row and column as Excel shows them."""

    message: str
    row: int | None = None
    column: str | None = None  # the header of the column, in the user's language
    letter: str | None = None

    @property
    def where(self) -> str:
        if self.row is None:
            return ""
        if self.column:
            return _(
                "row %(row)d, column %(letter)s (%(column)s)",
                row=self.row,
                letter=self.letter,
                column=self.column,
            )
        return _("row %(row)d", row=self.row)


class UploadRefused(ValueError):
    """The whole file cannot be read as the template; problems say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def template_book(sheet: str, headings: list[str]):
    """(workbook, its one sheet) for a new template: the sheet named, headings in bold."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(headings)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    return book, ws


def as_bytes(book) -> bytes:
    """The workbook as the .xlsx file to download."""
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def codes_by_label(vocabulary: dict) -> dict[str, str]:
    """Each code of a vocabulary by itself and by its label in every language, casefolded:
    what someone may have chosen or typed in a coded column."""
    codes = {str(code): str(code) for code in vocabulary}
    for labels in in_each_language(
        lambda: {str(text).casefold(): str(code) for code, text in vocabulary.items()}
    ):
        codes.update(labels)
    return codes


def open_workbook(data: bytes, sheet: str):
    """The named sheet of an .xlsx file, refusing formulas anywhere in the workbook."""
    try:
        book = load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise UploadRefused(
            [Problem(_("This is not an Excel file (.xlsx). Upload the template you downloaded."))]
        ) from None
    if sheet not in book.sheetnames:
        raise UploadRefused(
            [
                Problem(
                    _(
                        "The file has no sheet named \u201c%(sheet)s\u201d. Fill in the "
                        "template as downloaded, without renaming its sheets.",
                        sheet=sheet,
                    )
                )
            ]
        )
    formulas = []
    for ws in book.worksheets:
        for row in ws.iter_rows(max_row=MAX_ROWS + 10):
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(
                        Problem(
                            _(
                                "Cell %(cell)s on sheet \u201c%(sheet)s\u201d holds a "
                                "formula. Type the value itself.",
                                cell=cell.coordinate,
                                sheet=ws.title,
                            ),
                            row=cell.row if ws.title == sheet else None,
                        )
                    )
    if formulas:
        raise UploadRefused(formulas)
    return book, book[sheet]


class RowReader:
    """Reads one data row by header, collecting a Problem per bad cell."""

    def __init__(self, cells, headers: list[str], row: int, problems: list[Problem]):
        self.cells, self.headers, self.row, self.problems = cells, headers, row, problems

    def _raw(self, index: int):
        value = self.cells[index] if index < len(self.cells) else None
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def fail(self, index: int, message: str) -> None:
        self.problems.append(
            Problem(
                message,
                row=self.row,
                column=self.headers[index],
                letter=get_column_letter(index + 1),
            )
        )

    def text(self, index: int, *, required=False, max_length=200) -> str:
        value = self._raw(index)
        if value is None:
            if required:
                self.fail(index, _("This cell must be filled in."))
            return ""
        value = str(value)
        if len(value) > max_length:
            self.fail(index, _("At most %(n)d characters.", n=max_length))
        return value

    def decimal(self, index: int, *, minimum=Decimal(0), maximum=None) -> Decimal | None:
        value = self._raw(index)
        if value is None:
            return None
        if isinstance(value, bool):
            self.fail(index, _("Enter a number."))
            return None
        try:
            if isinstance(value, int | float):
                number = Decimal(str(value))
            else:
                # A number typed as text: Dutch "1.234,5" or plain "1234.5".
                text = str(value).replace(" ", "")
                if "," in text:
                    text = text.replace(".", "").replace(",", ".")
                number = Decimal(text)
        except InvalidOperation:
            self.fail(index, _("Enter a number, such as 12,5."))
            return None
        if not number.is_finite():
            self.fail(index, _("Enter a number, such as 12,5."))
            return None
        if number < minimum:
            self.fail(index, _("The number cannot be below %(min)s.", min=minimum))
            return None
        if maximum is not None and number > maximum:
            self.fail(index, _("The number cannot be above %(max)s.", max=maximum))
            return None
        return number

    def integer(self, index: int) -> int | None:
        value = self._raw(index)
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or number != number.to_integral_value():
            self.fail(index, _("Enter a whole number."))
            return None
        return int(number)

    def date(self, index: int) -> date | None:
        value = self._raw(index)
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value)
        for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d-%m-%Y").date()):
            try:
                return parse(text)
            except ValueError:
                continue
        self.fail(index, _("Enter a date, such as 31-03-2026."))
        return None


def data_rows(ws, width: int):
    """(Excel row number, cell values) of each non-empty row under the header."""
    for number, values in enumerate(
        ws.iter_rows(min_row=2, max_row=MAX_ROWS + 1, max_col=width, values_only=True), start=2
    ):
        if any(v not in (None, "") and not (isinstance(v, str) and not v.strip()) for v in values):
            yield number, list(values)


def in_each_language(make):
    """What `make()` returns in every language of the application: a template downloaded
    in Dutch may come back from someone who switched to English, and the other way round."""
    from flask import current_app

    from ..i18n import force_locale

    results = []
    for language in current_app.config.get("LANGUAGES", ("nl", "en")):
        with force_locale(language):
            results.append(make())
    return results


def header_problems(ws, headers: list[str], make_headers=None) -> list[Problem]:
    """The first row must be the template's header (in any language), or columns moved."""
    found = [
        (c.value or "").strip() if isinstance(c.value, str) else c.value
        for c in next(ws.iter_rows(min_row=1, max_row=1, max_col=len(headers)))
    ]
    accepted = in_each_language(make_headers) if make_headers else [headers]
    if found not in accepted:
        return [
            Problem(
                _(
                    "The first row does not hold the template's column headings. Do not "
                    "move, add or rename columns; download the template again if needed."
                ),
                row=1,
            )
        ]
    return []
