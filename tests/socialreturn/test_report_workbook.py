"""A supplier's report as an Excel template: every row checked like the web form, a message
per row and cell in the user's language, and nothing saved until the whole file is right."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from partnerships import clock
from partnerships.extensions import db
from partnerships.monitoring.models import MonitoringReport
from partnerships.placements.models import Placement
from tests.contracts.conftest import add_placement

PERIOD = "2026-01-01"  # the first quarter of 2026


@pytest.fixture
def three(world):
    """Three placements of Schoon BV in its contract, running in the first quarter of 2026."""
    return [
        add_placement(world, world.contract_a, world.supplier_a, reference=ref, start_date=start)
        for ref, start in (
            ("S-1", date(2025, 6, 1)),
            ("S-2", date(2026, 1, 1)),
            ("S-3", date(2026, 2, 1)),
        )
    ]


def _urls(world):
    base = f"/pilots/{world.pilot.id}/contracts/{world.contract_a.id}/reports/{PERIOD}"
    return base + "/template.xlsx", base + "/upload"


def _template(client, world):
    response = client.get(_urls(world)[0])
    assert response.status_code == 200
    assert response.content_type.startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.data))


def _upload(client, world, book):
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return client.post(
        _urls(world)[1],
        data={"workbook": (out, "rapportage.xlsx")},
        content_type="multipart/form-data",
    )


def test_the_template_lists_the_suppliers_placements_with_validation(world, three, login_as):
    client = login_as(world.contact_a)
    book = _template(client, world)
    sheet = book["Rapportage"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["S-1", "S-2", "S-3"]
    assert sheet["A1"].value == "Plaatsingsnr."
    assert {dv.type for dv in sheet.data_validations.dataValidation} == {"decimal", "date", "list"}


def test_one_wrong_row_is_named_and_nothing_is_saved(world, three, login_as):
    client = login_as(world.contact_a)
    book = _template(client, world)
    sheet = book["Rapportage"]
    sheet["I2"], sheet["I3"], sheet["I4"] = 120, "veel", 80
    response = _upload(client, world, book)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "regel 3, kolom I (Betaalde uren in de periode)" in html
    assert "Vul een getal in, zoals 12,5." in html
    assert "regel 2" not in html and "regel 4" not in html
    assert db.session.query(MonitoringReport).count() == 0

    sheet["I3"] = "96,5"
    response = _upload(client, world, book)
    assert response.status_code == 303
    report = db.session.query(MonitoringReport).one()
    assert report.status == "submitted"
    assert {line.placement.reference: line.paid_hours for line in report.lines} == {
        "S-1": Decimal("120.00"),
        "S-2": Decimal("96.50"),
        "S-3": Decimal("80.00"),
    }


def test_formula_wrong_sheet_other_supplier_and_date_outside_the_period(world, three, login_as):
    other = add_placement(world, world.contract_b, world.supplier_b, reference="G-1")
    client = login_as(world.contact_a)
    book = _template(client, world)
    sheet = book["Rapportage"]
    sheet["I2"] = "=10*12"
    sheet["A3"], sheet["B3"] = other.id, "G-1"
    sheet["G4"], sheet["H4"] = date(2026, 5, 1), "Gestopt"
    response = _upload(client, world, book)
    assert response.status_code == 422
    assert "Cel I2 op blad “Rapportage” bevat een formule." in response.get_data(as_text=True)

    sheet["I2"] = 10
    response = _upload(client, world, book)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert (
        '<th scope="row">regel 3, kolom A (Plaatsingsnr.)</th><td>Dit is geen plaatsing van '
        "jouw organisatie" in html
    )
    assert (
        '<th scope="row">regel 4, kolom G (Einddatum (als die in deze periode viel))</th>'
        "<td>De datum valt buiten de periode 01-01-2026 tot en met 31-03-2026." in html
    )

    sheet.title = "Blad1"
    response = _upload(client, world, book)
    assert response.status_code == 422
    assert "geen blad met de naam “Rapportage”" in response.get_data(as_text=True)
    assert db.session.query(MonitoringReport).count() == 0


def test_an_ended_placement_gets_its_end_date_and_outcome_from_the_file(world, three, login_as):
    client = login_as(world.contact_a)
    book = _template(client, world)
    sheet = book["Rapportage"]
    sheet["G4"], sheet["I4"] = date(2026, 3, 15), 40
    response = _upload(client, world, book)
    assert response.status_code == 422  # still "Actief" with an end date
    assert "met een einddatum is afgelopen" in response.get_data(as_text=True)
    sheet["H4"] = "Gestopt"
    assert _upload(client, world, book).status_code == 303
    ended = db.session.get(Placement, three[2].id)
    assert (ended.end_date, ended.outcome) == (date(2026, 3, 15), "stopped")


def test_not_an_excel_file_is_refused_with_a_message(world, three, login_as):
    client = login_as(world.contact_a)
    response = client.post(
        _urls(world)[1],
        data={"workbook": (io.BytesIO(b"naam;uren\n"), "rapportage.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "Dit is geen Excel-bestand (.xlsx)." in response.get_data(as_text=True)


def test_only_the_contracts_own_supplier_gets_the_template(world, three, login_as):
    assert login_as(world.contact_b).get(_urls(world)[0]).status_code == 403


def test_a_template_downloaded_in_dutch_is_read_after_switching_to_english(world, three, login_as):
    client = login_as(world.contact_a)
    book = _template(client, world)  # Dutch headings and outcome labels
    sheet = book["Rapportage"]
    sheet["I2"], sheet["G4"], sheet["H4"] = 12, date(2026, 3, 1), "Gestopt"
    assert client.post("/language", data={"locale": "en"}).status_code == 303
    response = _upload(client, world, book)
    assert response.status_code == 303
    assert db.session.get(Placement, three[2].id).outcome == "stopped"


def test_the_templates_download_under_a_dutch_name_with_contract_or_pilot_and_date(
    world, three, login_as
):
    """Named like every other download, not "report-7-2026-01-01.xlsx" in a Dutch screen."""
    response = login_as(world.contact_a).get(_urls(world)[0])
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="rapportagesjabloon-schoonmaak-2026-01-01.xlsx"; '
        "filename*=UTF-8''rapportagesjabloon-schoonmaak-2026-01-01.xlsx"
    )
    url = f"/pilots/{world.pilot.id}/contracts/import/template.xlsx"
    response = login_as(world.coordinator).get(url)
    name = f"contractensjabloon-pilot-schoonmaak-{clock.today().isoformat()}.xlsx"
    assert f'filename="{name}"' in response.headers["Content-Disposition"]
