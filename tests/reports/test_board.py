"""The board view: the board's pilots with step, suppressed figures, the latest note and
the decisions waiting for the board; and its CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date

from partnerships.extensions import db
from partnerships.meetings.services import record_decision
from partnerships.reports import services


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
    pilot = scene.pilot
    record_decision(
        pilot,
        scene.coordinator,
        kind="budget",
        title="Budget jobcoach",
        decided_by="board",
        decided_on=date(2026, 5, 1),
        status="proposed",
    )
    record_decision(
        pilot,
        scene.coordinator,
        kind="principebesluit",
        title="Al genomen besluit",
        decided_by="board",
        decided_on=date(2026, 1, 5),
        status="taken",
    )
    record_decision(
        pilot,
        scene.coordinator,
        kind="other",
        title="Werkgroepkeuze",
        decided_by="working_group",
        decided_on=date(2026, 5, 1),
        status="proposed",
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
    assert header["Banenafspraakbanen"] == "<5"
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
