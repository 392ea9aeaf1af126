"""The social return figures leave as CSV and Excel like every other figure: the working
group's copy in full, the board's copy with small counts hidden, each value with its source."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from tests.contracts.conftest import add_placement


def _rows(response):
    book = load_workbook(io.BytesIO(response.data))
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


def test_working_group_and_board_copies_of_the_pilot_figures(world, login_as):
    world.contract_a.sr_scheme = "cdio-2025@1"
    add_placement(
        world,
        world.contract_a,
        world.supplier_a,
        reference="E-1",
        target_group="wajong",
        start_date=date(2026, 1, 1),
        end_date=date(2026, 6, 30),
        outcome="employed_after",
    )
    url = f"/pilots/{world.pilot.id}/social-return/export.xlsx?as_of=2026-12-31"
    client = login_as(world.coordinator)
    full = _rows(client.get(url))
    header, schoon = full[0], next(r for r in full if r[0] == "Schoonmaak")
    people = header.index("Mensen")
    assert schoon[people] == 1
    # Half a year of a benefit-based person: 6 x 50,000 / 12 = 25,000.
    assert schoon[header.index("Plaatsingen (EUR)")] == 25000
    assert schoon[header.index("Bron van de waardering")] == (
        "CDIO, Handreiking Social Return (14 oktober 2025), vier landelijke elementen (2025-10-14)"
    )
    board = _rows(client.get(url + "&audience=board"))
    assert next(r for r in board if r[0] == "Schoonmaak")[people] == "<5"
    csv = login_as(world.board).get(url.replace(".xlsx", ".csv")).get_data(as_text=True)
    # The board's copy: one person is "<5", and the euros and jobs of that person are hidden.
    assert ";x;0,00;0,00;0,00;x;x;<5;0;x" in csv
