"""The demo's spreadsheets open ready to read: frozen bold header with filter buttons, columns
wide enough, Dutch formats, and a "Toelichting" sheet with how it was counted."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from partnerships import clock
from partnerships.documents import spreadsheet


def _book(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.data))


@pytest.mark.parametrize("what", ["placements", "monitoring", "figures", "figures_board"])
def test_every_sheet_has_a_frozen_bold_header_a_table_and_widths(exported, what):
    book = _book(exported.spreadsheets[what])
    assert book.properties.creator == exported.organisation
    assert book.properties.creator != "openpyxl"
    data_sheets = [ws for ws in book.worksheets if ws.title != "Toelichting"]
    assert data_sheets
    for sheet in data_sheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert len(sheet.tables) == 1
        table = next(iter(sheet.tables.values()))
        assert table.ref.startswith("A1:")
        for cell in sheet[1]:
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= len(str(cell.value)), (sheet.title, cell.value, width)


def test_dates_and_numbers_carry_dutch_formats(exported):
    placements = _book(exported.spreadsheets["placements"])["Plaatsingen"]
    header = [c.value for c in placements[1]]
    row = dict(zip(header, placements[2], strict=True))
    assert row["Startdatum"].is_date and row["Startdatum"].number_format == "dd-mm-yyyy"
    assert row["Uren per week"].data_type == "n"
    assert row["Uren per week"].number_format == "#,##0.00"


def test_the_explanation_sheet_states_counting_rule_suppression_and_date(exported):
    full = dict(_book(exported.spreadsheets["figures"])["Toelichting"].values)
    assert "25,5 betaalde uren per week" in full["Telregel"]
    assert full["Onderdrukking"].startswith("Geen")
    assert (
        full["Datum van export"]
        == f"{clock.today().day} " + full["Datum van export"].split(" ", 1)[1]
    )
    board = dict(_book(exported.spreadsheets["figures_board"])["Toelichting"].values)
    assert '"<5"' in board["Onderdrukking"] and '"x"' in board["Onderdrukking"]


def test_formula_text_is_a_text_cell_without_an_apostrophe():
    class Table:
        title, header = "Plaatsingen", ["Referentie", "Uren"]
        rows = [["=1+1", 2], ["-P1", None], ["@SUM(A1)", 3]]

    book = load_workbook(
        io.BytesIO(spreadsheet.workbook([Table()], author="Gemeente", title="t", notes=[]))
    )
    cells = [book.active.cell(row=r, column=1) for r in (2, 3, 4)]
    assert [c.value for c in cells] == ["=1+1", "-P1", "@SUM(A1)"]
    assert [c.data_type for c in cells] == ["s", "s", "s"]
