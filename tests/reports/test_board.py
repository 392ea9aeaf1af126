"""The board view: the board's pilots with step, suppressed figures, the latest note and
the decisions waiting for the board; and its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date

from partnerships.extensions import db
from partnerships.meetings.services import record_decision
from partnerships.reports import services
from tests.statements import sql_statements


def _published_note(pilot, user, label="Kwartaal 1 2026"):
    note = services.create_note(
        pilot,
        user,
        period_label=label,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        body="Voortgang",
    )
    services.publish_note(note, user)
    return note


def test_board_member_sees_their_pilot_with_suppressed_figures(scene, login_as, jobs_figures):
    jobs_figures.update(people=3, banen="1.20", durable=0)
    _published_note(scene.pilot, scene.coordinator)
    page = login_as(scene.board).get("/board")
    assert page.status_code == 200
    assert "Proeftuin schoonmaak" in page.text
    assert "Kwartaal 1 2026" in page.text
    assert "&lt;5" in page.text  # three people hidden as <5, and their job units with them
    assert "1,20" not in page.text
    assert "Stap 1:" in page.text
    assert "Nog niet door jou gelezen" in page.text


def test_board_sees_exact_figures_when_groups_are_large(scene, login_as, jobs_figures):
    jobs_figures.update(people=12, banen="7.50", durable=5)
    page = login_as(scene.board).get("/board")
    assert "7,50" in page.text and "&lt;5" not in page.text


def test_decisions_awaiting_the_board_are_listed(scene, login_as):
    for kind, title, decided_by, decided_on, status in (
        ("budget", "Budget jobcoach", "board", date(2026, 5, 1), "proposed"),
        ("principebesluit", "Al genomen besluit", "board", date(2026, 1, 5), "taken"),
        ("other", "Werkgroepkeuze", "working_group", date(2026, 5, 1), "proposed"),
    ):
        record_decision(
            scene.pilot,
            scene.coordinator,
            kind=kind,
            title=title,
            decided_by=decided_by,
            decided_on=decided_on,
            status=status,
        )
    db.session.commit()
    page = login_as(scene.board).get("/board")
    assert "Budget jobcoach" in page.text
    assert "Al genomen besluit" not in page.text
    assert "Werkgroepkeuze" not in page.text


def test_only_pilots_of_the_own_organisation_where_one_is_on_the_board(scene, make, login_as):
    other_pilot = make.pilot(org=scene.org, title="Proeftuin groen")  # not on its board
    foreign = make.pilot(title="Proeftuin elders")
    make.member(foreign, scene.board, role="board")  # a membership across organisations
    db.session.commit()
    page = login_as(scene.board).get("/board")
    assert "Proeftuin schoonmaak" in page.text
    assert other_pilot.title not in page.text
    assert "Proeftuin elders" not in page.text


def test_organisation_admin_sees_all_pilots_of_the_organisation(scene, make, login_as):
    make.pilot(org=scene.org, title="Proeftuin groen")
    admin = make.user(scene.org, org_role="admin")
    db.session.commit()
    page = login_as(admin).get("/board")
    assert "Proeftuin schoonmaak" in page.text and "Proeftuin groen" in page.text


def test_working_group_member_without_board_role_sees_an_empty_board_view(scene, login_as):
    page = login_as(scene.member).get("/board")
    assert page.status_code == 200
    assert "Je bent van geen enkele proeftuin bestuurder." in page.text


def test_suppliers_have_no_board_view(scene, login_as):
    client = login_as(scene.supplier)
    assert client.get("/board").status_code == 403
    assert client.get("/board/export.csv").status_code == 403


def test_board_export_is_suppressed_and_safe_for_spreadsheets(scene, login_as, jobs_figures):
    jobs_figures.update(people=2, banen="0.80", durable=1)
    scene.pilot.title = '=HYPERLINK("http://evil")'
    _published_note(scene.pilot, scene.coordinator)
    db.session.commit()
    response = login_as(scene.board).get("/board/export.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Proeftuin"
    header = dict(zip(rows[0], rows[1], strict=True))
    assert header["Proeftuin"].startswith("'=")
    assert header["Geplaatste mensen"] == "<5"
    assert header["Duurzame banen"] == "<5"
    assert header["Banenafspraakbanen"] == "x"  # jobs of two people, hidden with them
    assert header["Laatste voortgangsnotitie"].startswith("Kwartaal 1 2026")
    assert "0,80" not in text


def test_only_board_members_and_buyer_admins_are_offered_the_board_view(app, make, login_as):
    pilot = make.pilot()
    board = make.member(pilot, role="board")
    member = make.member(pilot, role="hr_expert")
    supplier = make.member(pilot, make.user(make.org(kind="supplier")), role="supplier")
    link = 'href="/board"'
    assert link in login_as(board).get("/pilots").get_data(as_text=True)
    assert link not in login_as(member).get("/pilots").get_data(as_text=True)
    assert link not in login_as(supplier).get("/pilots").get_data(as_text=True)


def _pilots_with_jobs(scene, make, count, first=0):
    """Pilots on the board member's board, each with a contract, placements, an accepted
    monitoring report and a potential job: every kind of row the figures read."""
    from decimal import Decimal

    from partnerships.contracts.models import Contract, ContractSupplier, PotentialJob
    from partnerships.monitoring.models import MonitoringLine, MonitoringReport
    from partnerships.placements.models import Placement

    for n in range(first, first + count):
        pilot = make.pilot(org=scene.org, title=f"Proeftuin {n:03}", start_date=date(2025, 1, 1))
        make.member(pilot, scene.board, role="board")
        contract = Contract(
            organisation_id=scene.org.id,
            title=f"Contract {n}",
            kind="contract",
            category="cleaning",
            nature="service",
            start_date=date(2025, 1, 1),
        )
        contract.suppliers = [ContractSupplier(organisation_id=scene.supplier_org.id)]
        contract.pilots.append(pilot)
        db.session.add(contract)
        db.session.flush()
        placements = [
            Placement(
                pilot_id=pilot.id,
                contract_id=contract.id,
                supplier_organisation_id=scene.supplier_org.id,
                kind="employment_fixed",
                target_group="doelgroepregister",
                hours_per_week=Decimal("25.5"),
                start_date=date(2025, 2, 1),
                outcome="active",
            )
            for _ in range(6)
        ]
        db.session.add_all(placements)
        db.session.flush()
        report = MonitoringReport(
            pilot_id=pilot.id,
            contract_id=contract.id,
            supplier_organisation_id=scene.supplier_org.id,
            period_start=date(2025, 4, 1),
            period_end=date(2025, 6, 30),
            status="accepted",
        )
        report.lines = [MonitoringLine(placement_id=p.id, paid_hours=300) for p in placements]
        db.session.add(report)
        db.session.add(PotentialJob(pilot_id=pilot.id, title="Schoonmaker"))
    db.session.commit()


def _queries(client, url):
    from partnerships.figures import cache as figures_cache

    db.session.expire_all()
    figures_cache.cache().clear()  # the cost with every pilot still to count: the most
    with sql_statements() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def test_the_board_view_costs_the_same_queries_for_3_and_30_pilots(scene, make, login_as):
    pages = ["/board", "/board/export.csv", "/pilots"]
    _pilots_with_jobs(scene, make, 3)
    few = [_queries(login_as(scene.board), url) for url in pages]
    _pilots_with_jobs(scene, make, 27, first=3)
    many = [_queries(login_as(scene.board), url) for url in pages]
    assert few == many
    board = login_as(scene.board)
    # 31 pilots, ten to a page, by title: 000-009 first, the scene's own pilot last.
    first = board.get("/board").text
    assert "Proeftuinen 1 tot en met 10 van 31." in first and "Proeftuin 009" in first
    assert "Proeftuin 010" not in first
    last = board.get("/board?page=4").text
    assert "Proeftuin schoonmaak" in last and "Pagina 4 van 4" in last
    assert "Proeftuin 029" not in last
    assert _queries(board, "/board?page=4") <= few[0]


def test_the_board_view_reads_what_it_already_has_only_once(scene, make, login_as):
    """The organisation's pilots and the user's memberships are read once (the page, its
    seats and the navigation all ask), the pilots counted from that list, and the header's
    logo comes with the user's organisation."""
    _pilots_with_jobs(scene, make, 3)
    board = login_as(scene.board)
    with sql_statements() as sent:
        assert board.get("/board").status_code == 200
    statements = [" ".join(statement.split()) for statement in sent]
    of_organisation = [s for s in statements if "FROM pilot WHERE pilot.organisation_id" in s]
    assert len(of_organisation) == 1
    assert not [s for s in statements if "count(pilot.id)" in s]
    assert not [s for s in statements if s.startswith("SELECT organisation.logo IS NOT NULL")]
    # The roles the navigation asks about came with the user's memberships.
    assert len([s for s in statements if "FROM membership" in s]) == 1


def test_the_board_view_shows_each_pilots_own_figures(scene, make, login_as):
    _pilots_with_jobs(scene, make, 2)
    rows = services.board_overview(scene.board, today=date(2026, 3, 31))
    cells = {r["pilot"].title: (r["figures"]["people"], str(r["figures"]["banen"])) for r in rows}
    # The scene's own pilot has no placements: 0 people, 0 jobs, nothing to hide.
    # Each new pilot: six placements of 25.5 hours a week since February 2025, so in Q1 2026
    # six people (5 or more: shown exactly) and 6 x 25.5 / 25.5 = 6.00 jobs.
    assert cells == {
        "Proeftuin schoonmaak": (0, "0.00"),
        "Proeftuin 000": (6, "6.00"),
        "Proeftuin 001": (6, "6.00"),
    }
