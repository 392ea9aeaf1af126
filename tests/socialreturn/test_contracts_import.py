"""An organisation's existing contract list, loaded from the Excel template in one go: every
row checked as the contract form checks it, nothing saved unless all rows are right."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from partnerships.contracts.models import Contract
from partnerships.extensions import db


def _upload(client, url, book):
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return client.post(
        url, data={"workbook": (out, "contracten.xlsx")}, content_type="multipart/form-data"
    )


def test_a_contract_list_loads_only_when_every_row_is_right(world, login_as):
    client = login_as(world.coordinator)
    base = f"/pilots/{world.pilot.id}/contracts/import"
    assert client.get(base).status_code == 200
    book = load_workbook(io.BytesIO(client.get(base + "/template.xlsx").data))
    sheet = book["Contracten"]
    sheet.append(
        [
            "Beveiliging",
            "Bestaand contract",
            "Beveiliging",
            "Dienst",
            1200000,
            400000,
            300000,
            date(2026, 1, 1),
            date(2028, 12, 31),
            "Percentage van de opdrachtwaarde",
            5,
            "Schoon BV",
        ]
    )
    sheet.append(
        [
            "Catering",
            "Aanbesteding (komt nog)",
            None,
            "Dienst",
            None,
            None,
            None,
            None,
            None,
            "Percentage van de opdrachtwaarde",
            5,
            "Onbekend BV",
        ]
    )
    response = _upload(client, base, book)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "regel 3, kolom E" in html and "Vul de opdrachtwaarde over de hele looptijd in" in html
    assert "regel 3, kolom L" in html and "Hier is geen opdrachtnemer met deze naam bekend" in html
    assert db.session.query(Contract).filter_by(title="Beveiliging").count() == 0

    sheet["E3"], sheet["L3"] = 250000, None
    assert _upload(client, base, book).status_code == 303
    loaded = db.session.query(Contract).filter_by(title="Beveiliging").one()
    assert (loaded.contract_value, loaded.sr_basis, loaded.nature) == (
        Decimal("1200000.00"),
        "project_value",
        "service",
    )
    assert loaded.supplier_ids == {world.supplier_a.id}
    assert world.pilot in loaded.pilots
    assert db.session.query(Contract).filter_by(title="Catering", kind="tender").count() == 1


def test_suppliers_and_the_board_cannot_load_contracts(world, login_as):
    base = f"/pilots/{world.pilot.id}/contracts/import"
    assert login_as(world.contact_a).get(base).status_code == 403
    assert login_as(world.board).get(base + "/template.xlsx").status_code == 403
