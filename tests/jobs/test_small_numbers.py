"""No figure that leaves the working group tells how many people (1 to 4) are in a group.

Issue 13, finding 4: with one person placed the API, the board's dashboard and the figures
export showed people "<5" next to "Banenafspraakbanen 0,50" (that one person's hours), the
board view and the exports disagreed, and a hidden cell could be worked out by subtraction.
This walks every page and export that shows figures to the board, a supplier, the API (with
a real bearer token) and the public page, for pilots of 1, 3 and 4 people and of 8, and
checks every number against a hand calculation.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import openpyxl
import pytest
from sqlalchemy import select

from partnerships.extensions import db

AS_OF = "2026-03-31"  # Q1 2026; everyone started 1 January 2025, 25.5 hours a week


class _Cells(HTMLParser):
    """The text of every figure cell (<td class="num">) of a page."""

    def __init__(self):
        super().__init__()
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "td" and "num" in (dict(attrs).get("class") or "").split():
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag):
        if tag == "td":
            self._open = False

    def handle_data(self, data):
        if self._open:
            self.cells[-1] += data.strip()


def _page_cells(response) -> list[str]:
    assert response.status_code == 200, response.request.path
    parser = _Cells()
    parser.feed(response.get_data(as_text=True))
    return parser.cells


def _csv_cells(response) -> list[str]:
    assert response.status_code == 200, response.request.path
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    # Every column but labels (the first column), dates and the tables' header rows.
    return [
        cell
        for row in rows
        for cell in row[1:]
        if re.fullmatch(r"[<x\d.,–]*", cell) and not re.fullmatch(r"\d{4}-\d\d-\d\d", cell)
    ]


def _xlsx_cells(response) -> list[str]:
    assert response.status_code == 200, response.request.path
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    cells = []
    for sheet in book.worksheets:
        if not sheet.tables:
            continue  # the "Toelichting" sheet: how it was counted, in words, not figures
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for value in row[1:]:
                if value is None or isinstance(value, date):
                    continue
                if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
                    value = f"{Decimal(str(value)):.2f}".replace(".", ",").removesuffix(",00")
                cells.append(str(value))
    return cells


def _json_cells(body) -> list[str]:
    """Every figure of an API answer, written as the pages write them (1,50; <5; x)."""
    cells = []

    def walk(value, key=""):
        if key in {"id", "title", "start", "end", "as_of", "goal_jobs", "goal_people"}:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                if k != "potential_jobs":
                    walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, float | int):
            cells.append(f"{Decimal(str(value)):.2f}".replace(".", ",").removesuffix(",00"))
        elif key in {"people", "banen", "durable", "count", "people_doelgroepregister"}:
            cells.append(value)

    walk(body)
    return cells


def _normal(cell: str) -> str:
    """'8,00' and '8' are the same figure for this check; markers stay as they are."""
    return cell.removesuffix(",00") if re.fullmatch(r"\d+,\d\d", cell) else cell


def _world(make, kinds: dict[str, int]):
    """One buyer, one pilot (goals 10 jobs and 12 people), one supplier with all placements."""
    from partnerships.reports import sharing  # after the app has loaded every model

    buyer = make.org(name="Gemeente Klein")
    pilot = make.pilot(
        org=buyer, start_date=date(2025, 1, 1), goal_jobs=Decimal("10"), goal_people=12
    )
    pilot.monitoring_frequency = "quarter"
    board = make.member(pilot, role="board")
    supplier = make.org(name="Werkbedrijf BV", kind="supplier")
    contact = make.member(pilot, make.user(supplier), role="supplier")
    admin = make.user(buyer, org_role="admin")
    from partnerships.jobs.models import Placement

    contract = make.contract(
        pilot, [supplier], start_date=date(2024, 1, 1), end_date=date(2028, 12, 31)
    )
    for kind, n in kinds.items():
        for _ in range(n):
            db.session.add(
                Placement(
                    pilot_id=pilot.id,
                    contract_id=contract.id,
                    supplier_organisation_id=supplier.id,
                    kind=kind,
                    target_group="doelgroepregister",
                    hours_per_week=Decimal("25.5"),
                    start_date=date(2025, 1, 1),
                    outcome="active",
                )
            )
    sharing.switch_on(pilot, pilot.memberships[0].user)
    db.session.commit()
    return pilot, board, contact, admin


def _token(login_as, admin) -> str:
    page = login_as(admin).post("/organisation/api-tokens", data={"name": "BI"})
    return re.search(r'id="new-token">([^<]+)<', page.get_data(as_text=True)).group(1)


def _every_output(client, login_as, pilot, board, contact, admin) -> dict[str, list[str]]:
    """The figure cells of every page and export that shows figures outside the group."""
    token = _token(login_as, admin)
    bearer = {"Authorization": f"Bearer {token}"}
    out = {}
    as_board = login_as(board)
    out["board dashboard"] = _page_cells(as_board.get(f"/pilots/{pilot.id}/figures?as_of={AS_OF}"))
    out["organisation dashboard"] = _page_cells(as_board.get(f"/figures?as_of={AS_OF}"))
    for fmt, read in (("csv", _csv_cells), ("xlsx", _xlsx_cells)):
        out[f"figures.{fmt}"] = read(
            as_board.get(f"/pilots/{pilot.id}/export/figures.{fmt}?as_of={AS_OF}")
        )
        out[f"organisation figures.{fmt}"] = read(
            as_board.get(f"/figures/export/figures.{fmt}?as_of={AS_OF}")
        )
    out["board view"] = _page_cells(as_board.get("/board"))
    out["board export"] = _csv_cells(as_board.get("/board/export.csv"))
    out["supplier view"] = _page_cells(
        login_as(contact).get(f"/pilots/{pilot.id}/supplier?as_of={AS_OF}")
    )
    client.get("/logout")
    with client.session_transaction() as session:
        session.clear()
    out["API pilot"] = _json_cells(
        client.get(f"/api/v1/pilots/{pilot.id}/figures?as_of={AS_OF}", headers=bearer).json
    )
    out["API organisation"] = _json_cells(
        client.get(f"/api/v1/figures?as_of={AS_OF}", headers=bearer).json
    )
    from partnerships.reports import sharing

    link = sharing.active_link(pilot)
    out["public page"] = _page_cells(client.get(f"/results/{link.token}"))
    return {name: [_normal(c) for c in cells] for name, cells in out.items()}


# Figures the pages show beside the counts that reveal nobody: goals, actions, nothing yet.
NOT_COUNTS = {"10", "12", "0", "", "–"}


@pytest.mark.parametrize("people", [1, 3, 4])
def test_a_pilot_of_fewer_than_five_people_shows_no_count_and_no_jobs(
    make, login_as, client, people
):
    pilot, board, contact, admin = _world(make, {"employment_fixed": people})
    outputs = _every_output(client, login_as, pilot, board, contact, admin)
    # Unsuppressed, each of these pages would show `people` people and `people`.00 jobs
    # (25.5 hours a week for a whole quarter is one job each); none may.
    for name, cells in outputs.items():
        assert cells, f"{name} shows no figures at all"
        leaks = [c for c in cells if c not in NOT_COUNTS | {"<5", "x"}]
        assert leaks == [], f"{name} shows {leaks}"
        assert "<5" in cells, f"{name} does not show the people as <5"


def test_eight_people_show_their_figures_and_hide_the_two_by_subtraction(make, login_as, client):
    """6 in a werkervaringsplaats and 2 in employment: total 8 is shown, so showing the 6
    would give the 2 away; the 6 is hidden too ("x"). People 8, jobs 8.00 (eight times 25.5
    hours for the whole quarter), durable 8 (all started 15 months ago, durable after 12)."""
    pilot, board, contact, admin = _world(make, {"werkervaringsplaats": 6, "employment_fixed": 2})
    outputs = _every_output(client, login_as, pilot, board, contact, admin)
    for name, cells in outputs.items():
        assert "8" in cells, f"{name} does not show the 8 people"
        assert "6" not in cells, f"{name} shows the 6 that gives the 2 away"
        assert not [c for c in cells if c in {"1", "2", "3", "4"}], f"{name}: {cells}"
    # The breakdown by kind, where there is one: "x" for the 6 and "<5" for the 2.
    for name in ("board dashboard", "figures.csv", "figures.xlsx", "API pilot"):
        assert "x" in outputs[name] and "<5" in outputs[name], name


def test_every_output_agrees_on_the_headline(make, login_as, client):
    """The board view once showed "<5" where the exports showed 1,68: one rule, one answer."""
    pilot, board, contact, admin = _world(make, {"employment_fixed": 2})
    outputs = _every_output(client, login_as, pilot, board, contact, admin)
    for name, cells in outputs.items():
        figures = [c for c in cells if c not in NOT_COUNTS]
        # People and durable "<5"; jobs "x" wherever they are shown.
        assert set(figures) <= {"<5", "x"}, name
        if name not in {"board view", "public page", "board export"}:
            assert "x" in figures, f"{name} shows the jobs of two people"


def test_the_api_answers_the_same_as_the_figures_export(make, login_as, client):
    pilot, board, contact, admin = _world(make, {"employment_fixed": 1})
    body = client.get(
        f"/api/v1/pilots/{pilot.id}/figures?as_of={AS_OF}",
        headers={"Authorization": f"Bearer {_token(login_as, admin)}"},
    ).json
    assert (body["people"], body["banen"], body["durable"]) == ("<5", "x", "<5")
    assert json.dumps(body).count("0.5") == 0


def test_the_policy_draft_the_board_reads_hides_a_small_count(make, login_as, web):
    """The policy framework (5a) is written for the board and the council: its first draft
    quoted the pilot's figures unsuppressed ("People placed so far: 3", "jobs: 3,00")."""
    pilot, board, contact, admin = _world(make, {"employment_fixed": 3})
    coordinator = web(pilot.memberships[0].user)
    page = coordinator.get(f"/pilots/{pilot.id}/policy")
    start = next(f for f in page.forms.values() if f.action.endswith("/policy/start"))
    assert start.submit(status="*").status_int == 303
    read = login_as(board).get(f"/pilots/{pilot.id}/policy")
    assert read.status_code == 200
    text = " ".join(read.get_data(as_text=True).split())
    assert "Tot nu toe geplaatste mensen: &lt;5" in text
    assert not re.search(
        r"geplaatste mensen: \d|Banenafspraakbanen \(van 25,5 uur per week\): \d", text
    )


def _sr_json_cells(body) -> list[str]:
    """Every figure of a social return API answer, written as the pages write them."""
    cells = []

    def walk(value, key=""):
        if key in {"id", "title", "as_of", "scheme", "basis", "nature", "percentage"}:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, float | int) and not isinstance(value, bool):
            cells.append(f"{Decimal(str(value)):.2f}".replace(".", ",").removesuffix(",00"))
        elif isinstance(value, str):
            cells.append(value)

    walk(body)
    return cells


def _contract(pilot):
    from partnerships.jobs.models import Contract

    return db.session.scalar(
        select(Contract).where(Contract.organisation_id == pilot.organisation_id)
    )


def _sr_outputs(client, login_as, pilot, board, contact, admin) -> dict[str, list[str]]:
    """The figure cells of every page, export and API answer with social return figures
    that someone outside the working group reads (issue 19: suppressed like every figure)."""
    token = _token(login_as, admin)
    contract = _contract(pilot)
    out = {}
    as_board = login_as(board)
    out["board social return"] = _page_cells(
        as_board.get(f"/pilots/{pilot.id}/social-return?as_of={AS_OF}")
    )
    out["board contract"] = _page_cells(
        as_board.get(f"/pilots/{pilot.id}/contracts/{contract.id}/social-return")
    )
    out["organisation social return"] = _page_cells(as_board.get(f"/social-return?as_of={AS_OF}"))
    for fmt, read in (("csv", _csv_cells), ("xlsx", _xlsx_cells)):
        out[f"social-return.{fmt}"] = read(
            as_board.get(f"/pilots/{pilot.id}/social-return/export.{fmt}?as_of={AS_OF}")
        )
        out[f"organisation social-return.{fmt}"] = read(
            as_board.get(f"/social-return/export.{fmt}?as_of={AS_OF}")
        )
    as_supplier = login_as(contact)
    out["supplier social return"] = _page_cells(
        as_supplier.get(f"/pilots/{pilot.id}/social-return?as_of={AS_OF}")
    )
    out["supplier contract"] = _page_cells(
        as_supplier.get(f"/pilots/{pilot.id}/contracts/{contract.id}/social-return")
    )
    out["supplier social-return.csv"] = _csv_cells(
        as_supplier.get(f"/pilots/{pilot.id}/social-return/export.csv?as_of={AS_OF}")
    )
    client.get("/logout")
    with client.session_transaction() as session:
        session.clear()
    bearer = {"Authorization": f"Bearer {token}"}
    out["API social return"] = _sr_json_cells(
        client.get(f"/api/v1/pilots/{pilot.id}/social-return?as_of={AS_OF}", headers=bearer).json
    )
    out["API organisation social return"] = _sr_json_cells(
        client.get(f"/api/v1/social-return?as_of={AS_OF}", headers=bearer).json
    )
    return out


def _figure(cell: str) -> str:
    """'EUR 8.333', '8333,33', '12,5%' -> the number alone; markers and zeros as they are."""
    return _normal(cell.removeprefix("EUR ").removesuffix("%"))


@pytest.mark.parametrize("people", [1, 3, 4])
def test_social_return_of_fewer_than_five_people_shows_no_count_and_no_value(
    make, login_as, client, people
):
    """Each person is valued at EUR 50,000 a year under the CDIO scheme (from 14 October
    2025), so unsuppressed the pages would show `people` people, their euros and `people`
    jobs. Only purchases and community hours, which are not about people, may show (0)."""
    pilot, board, contact, admin = _world(make, {"employment_fixed": people})
    _contract(pilot).sr_scheme = "cdio-2025@1"
    db.session.commit()
    outputs = _sr_outputs(client, login_as, pilot, board, contact, admin)
    words = {"niet bekend", "not known", "cdio-2025@1"}
    for name, cells in outputs.items():
        figures = [_figure(c) for c in cells if c not in words and "CDIO" not in c]
        assert figures, f"{name} shows no figures at all"
        leaks = [c for c in figures if c not in {"0", "", "–", "<5", "x"}]
        assert leaks == [], f"{name} shows {leaks}"
        assert "<5" in figures, f"{name} does not show the people as <5"
