"""Exports open correctly, keep numbers and dates typed, and never run a formula."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partnerships.figures.exports import neutralise


def rows_of_csv(response):
    text = response.get_data().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def workbook(response):
    return load_workbook(io.BytesIO(response.get_data()))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+31 anything", "'+31 anything"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Gewoon", "Gewoon"),
        (-5, -5),
    ],
)
def test_cells_that_would_run_as_a_formula_are_neutralised(value, written):
    assert neutralise(value) == written


def test_the_placements_csv_reads_back_with_injection_neutralised(world, place, login_as):
    place(
        world,
        world.contract_a,
        world.supplier_a,
        reference="=1+1",
        notes="@SUM(1;2) is geen formule",
        hours_per_week=Decimal("12.75"),
        start_date=date(2026, 2, 15),
    )
    response = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/export/placements.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    # Opens in Dutch Excel: byte order mark, semicolons.
    assert response.get_data().startswith("\ufeff".encode())
    header, row = rows_of_csv(response)
    record = dict(zip(header, row, strict=True))
    assert record["Referentie"] == "'=1+1"
    assert record["Aantekeningen"] == "'@SUM(1;2) is geen formule"
    assert record["Uren per week"] == "12,75"  # decimal comma for a Dutch reader
    assert record["Startdatum"] == "2026-02-15" and record["Einddatum"] == ""
    assert record["Opdrachtnemer"] == "Schoon BV"


def test_the_placements_xlsx_has_real_numbers_and_dates(world, place, login_as):
    place(
        world,
        world.contract_a,
        world.supplier_a,
        reference="-P1",
        hours_per_week=Decimal("12.75"),
        start_date=date(2026, 2, 15),
        end_date=date(2026, 12, 31),
    )
    response = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/export/placements.xlsx")
    sheet = workbook(response).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, [c for c in sheet[2]], strict=True))
    assert row["Uren per week"].value == 12.75 and row["Uren per week"].data_type == "n"
    assert isinstance(row["Startdatum"].value, datetime) and row["Startdatum"].is_date
    assert row["Startdatum"].value.date() == date(2026, 2, 15)
    # Stored as text: shown exactly as typed, no apostrophe, never run as a formula.
    assert row["Referentie"].value == "-P1" and row["Referentie"].data_type == "s"


def test_the_figures_export_for_the_board_hides_small_counts(world, place, login_as):
    place(world, world.contract_a, world.supplier_a, start_date=date(2025, 1, 1))
    client = login_as(world.coordinator)
    base = f"/pilots/{world.pilot.id}/export/figures"
    internal = dict(rows_of_csv(client.get(f"{base}.csv?as_of=2026-03-31"))[1:8])
    board = dict(rows_of_csv(client.get(f"{base}.csv?as_of=2026-03-31&audience=board"))[1:8])
    assert internal["Tot nu toe geplaatste mensen"] == "1"
    assert board["Tot nu toe geplaatste mensen"] == "<5"
    sheet = workbook(client.get(f"{base}.xlsx?as_of=2026-03-31&audience=board"))["Cijfers"]
    values = {r[0].value: r[1].value for r in sheet.iter_rows(min_row=2)}
    assert values["Tot nu toe geplaatste mensen"] == "<5"
    assert values["Duurzame banen"] == "<5"
    # The board itself can only ever get the suppressed copy.
    board_user = login_as(world.board)
    forced = dict(rows_of_csv(board_user.get(f"{base}.csv?as_of=2026-03-31"))[1:8])
    assert forced["Tot nu toe geplaatste mensen"] == "<5"
    assert board_user.get(f"/pilots/{world.pilot.id}/export/placements.csv").status_code == 403


def test_the_monitoring_export_reads_back(world, place, login_as):
    placed = place(
        world, world.contract_a, world.supplier_a, reference="P1", start_date=date(2026, 1, 1)
    )
    login_as(world.contact_a).post(
        f"/pilots/{world.pilot.id}/contracts/{world.contract_a.id}/reports/2026-01-01",
        data={f"hours_{placed.id}": "600", "narrative": "=cmd|' /C calc'!A0"},
    )
    sheet = workbook(
        login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/export/monitoring.xlsx")
    ).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, sheet[2], strict=True))
    assert row["Betaalde uren"].value == 600 and row["Versie"].value == 1
    assert row["Toelichting"].value == "=cmd|' /C calc'!A0"
    assert row["Toelichting"].data_type == "s"  # a text cell, not a formula
    # The other supplier's contact gets its own (empty) monitoring export only.
    other = workbook(
        login_as(world.contact_b).get(f"/pilots/{world.pilot.id}/export/monitoring.xlsx")
    ).active
    # An Excel table keeps one empty row under its header.
    assert [c.value for row in other.iter_rows(min_row=2) for c in row if c.value is not None] == []


def test_organisation_exports_cover_all_pilots(world, place, make, login_as):
    place(world, world.contract_a, world.supplier_a, reference="A1")
    admin = make.user(world.buyer, org_role="admin")
    client = login_as(admin)
    rows = rows_of_csv(client.get("/figures/export/placements.csv"))
    assert len(rows) == 2 and "A1" in rows[1]
    assert client.get("/figures/export/figures.xlsx?audience=board").status_code == 200
    assert client.get("/figures/export/secret.csv").status_code == 404
    assert login_as(world.board).get("/figures/export/placements.csv").status_code == 403


def test_an_english_user_gets_a_decimal_point_in_the_csv(world, place, login_as):
    place(world, world.contract_a, world.supplier_a, hours_per_week=Decimal("12.75"))
    world.coordinator.locale = "en"
    response = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/export/placements.csv")
    header, row = rows_of_csv(response)
    assert dict(zip(header, row, strict=True))["Hours per week"] == "12.75"
