""" "Voor jou": after login everyone lands on what they must do now, each item a link."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from partnerships import clock
from partnerships.extensions import db
from tests.jobs.conftest import add_contract, add_report
from tests.pilots.page_items import parse


def _page(client):
    response = client.get("/for-you")
    assert response.status_code == 200
    return parse(response.data)


def _links(page, section_id):
    return page.items(section_id)


def test_login_lands_on_the_first_page(make, login_as, client):
    user = make.user()
    login_as(user)
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/for-you")


def test_new_organisation_admin_is_told_to_start_a_first_pilot(make, login_as, client):
    admin = make.user(org_role="admin")
    login_as(admin)
    soup = _page(client)
    assert soup.section("start-title").text.strip() == "Start je eerste proeftuin"
    buttons = [link for link in soup.section("for-you-start").links if "button" in link[2]]
    assert [(text, href) for text, href, _ in buttons] == [
        ("Start je eerste proeftuin", "/pilots/new")
    ]
    assert client.get("/pilots/new").status_code == 200


def test_supplier_contact_without_pilots_is_told_what_happens_next(make, login_as, client):
    member = make.user(make.org(kind="supplier"))
    login_as(member)
    soup = _page(client)
    assert "Je doet nog niet mee aan een proeftuin" in soup.text
    assert "start-title" not in soup.ids


def test_coordinator_sees_next_sub_step_and_late_actions_first(make, login_as, client):
    from partnerships.actions.models import Action

    pilot = make.pilot(title="Proeftuin groen")
    coordinator = pilot.memberships[0].user
    today = clock.today()
    db.session.add_all(
        [
            Action(
                pilot_id=pilot.id,
                title="Later werk",
                role="coordinator",
                assignee_id=coordinator.id,
                deadline=today + timedelta(days=20),
                step_code="1d",
                status="open",
            ),
            Action(
                pilot_id=pilot.id,
                title="Te laat werk",
                role="coordinator",
                assignee_id=coordinator.id,
                deadline=today - timedelta(days=3),
                step_code="1d",
                status="open",
            ),
        ]
    )
    login_as(coordinator)
    soup = _page(client)
    steps = _links(soup, "for-you-steps")
    assert steps == [
        ("Volgende: 1a Betrek het bestuur bij het initiatief", f"/pilots/{pilot.id}/steps/1a")
    ]
    tasks = _links(soup, "for-you-tasks")
    assert [text for text, _ in tasks] == ["Te laat werk", "Later werk"]
    assert soup.section("for-you-tasks").entries[0].classes == ["late"]
    # The link opens the place where the work is done.
    assert client.get(steps[0][1]).status_code == 200
    assert client.get(tasks[0][1]).status_code == 200


def test_contract_manager_sees_reports_waiting_for_acceptance(make, login_as, client):
    pilot = make.pilot(start_date=date(2025, 1, 1))
    pilot.monitoring_frequency = "quarter"
    manager = make.member(pilot, role="contract_manager")
    supplier = make.org(name="Schoon BV", kind="supplier")
    contract = add_contract(pilot, "Schoonmaak", [supplier])
    report = add_report(
        pilot, contract, supplier, date(2025, 1, 1), date(2025, 3, 31), {}, status="submitted"
    )
    add_report(
        pilot, contract, supplier, date(2025, 4, 1), date(2025, 6, 30), {}, status="accepted"
    )
    login_as(manager)
    links = _links(_page(client), "for-you-reports-accept")
    assert links == [
        (
            "Rapportage over Schoonmaak, 1 jan 2025 tot 31 mrt 2025",
            f"/pilots/{pilot.id}/reports/{report.id}",
        )
    ]
    assert client.get(links[0][1]).status_code == 200


def test_supplier_sees_reports_to_submit_late_first_and_opens_the_form(make, login_as, client):
    today = clock.today()
    pilot = make.pilot(start_date=today - timedelta(days=200))
    pilot.monitoring_frequency = "quarter"
    supplier = make.org(name="Schoon BV", kind="supplier")
    other = make.org(name="Groen BV", kind="supplier")
    contact = make.member(pilot, make.user(supplier), role="supplier")
    add_contract(
        pilot,
        "Schoonmaak",
        [supplier],
        start_date=today - timedelta(days=200),
        end_date=today + timedelta(days=400),
    )
    add_contract(
        pilot,
        "Groen",
        [other],
        start_date=today - timedelta(days=200),
        end_date=today + timedelta(days=400),
    )
    login_as(contact)
    soup = _page(client)
    items = soup.section("for-you-reports-send").entries
    # Only its own contract; at least one quarter has ended in 200 days.
    assert items and all("Schoonmaak" in e.link_text for e in items)
    assert not any("Groen" in e.text for e in items)
    late = [e for e in items if "late" in e.classes]
    assert items[: len(late)] == late  # late ones first
    # No buyer's work on the supplier's page.
    assert "for-you-steps" not in soup.ids
    response = client.get(items[0].href)
    assert response.status_code == 200
    assert b"<form" in response.data


def test_board_sees_unread_notes_and_proposed_decisions(make, login_as, client):
    from partnerships.meetings.models import Decision
    from partnerships.reports.models.notes import NoteAcknowledgement, ProgressNote

    pilot = make.pilot()
    board = make.member(pilot, role="board")
    unread = ProgressNote(
        pilot_id=pilot.id,
        period_label="Eerste kwartaal",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        status="published",
    )
    read = ProgressNote(
        pilot_id=pilot.id,
        period_label="Vorig kwartaal",
        period_start=date(2025, 10, 1),
        period_end=date(2025, 12, 31),
        status="published",
    )
    draft = ProgressNote(
        pilot_id=pilot.id,
        period_label="Concept",
        status="draft",
        period_start=date(2026, 4, 1),
        period_end=date(2026, 6, 30),
    )
    db.session.add_all([unread, read, draft])
    db.session.flush()
    db.session.add(NoteAcknowledgement(note_id=read.id, user_id=board.id))
    decision = Decision(
        pilot_id=pilot.id,
        kind="budget",
        title="Budget voor begeleiding",
        decided_by="board",
        decided_on=date(2026, 2, 1),
        status="proposed",
    )
    db.session.add(decision)
    login_as(board)
    soup = _page(client)
    assert _links(soup, "for-you-notes") == [
        ("Eerste kwartaal", f"/pilots/{pilot.id}/notes/{unread.id}")
    ]
    decisions = _links(soup, "for-you-decisions")
    assert decisions == [
        ("Budget voor begeleiding", f"/pilots/{pilot.id}/decisions#decision-{decision.id}")
    ]
    assert "for-you-steps" not in soup.ids
    assert client.get(decisions[0][1]).status_code == 200


def test_org_admin_sees_pilots_without_backup_and_pending_invitations(make, login_as, client):
    from partnerships.accounts.models import AuthToken

    org = make.org()
    admin = make.user(org, org_role="admin")
    pilot = make.pilot(org=org, title="Zonder back-up")
    invited = make.user(org, name="Nieuwe collega", email="nieuw@example.org")
    db.session.add(
        AuthToken(
            user_id=invited.id,
            purpose="invite",
            token_hash="x" * 64,
            expires_at=datetime.now(UTC) + timedelta(days=7),
        )
    )
    login_as(admin)
    soup = _page(client)
    unstaffed = _links(soup, "for-you-unstaffed")
    assert unstaffed == [
        ("Geen back-up coördinator", f"/pilots/{pilot.id}/working-group?role=coordinator_backup")
    ]
    assert _links(soup, "for-you-invitations") == [
        ("Nieuwe collega (nieuw@example.org)", f"/organisations/{org.id}/users")
    ]
    assert client.get(unstaffed[0][1]).status_code == 200


def _statements(client):
    count = []

    def counter(*args):
        count.append(1)

    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        _page(client)
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return len(count)


def _busy_pilot(make, org, coordinator, supplier, n, board):
    from partnerships.actions.models import Action
    from partnerships.meetings.models import Meeting
    from partnerships.reports.models.notes import NoteRemark, ProgressNote

    pilot = make.pilot(
        org=org, coordinator=coordinator, title=f"Proeftuin {n}", start_date=date(2025, 1, 1)
    )
    make.member(pilot, role="contract_manager")
    # The board member's side: a published note with two remarks the coordinator answered.
    make.member(pilot, board, role="board")
    note = ProgressNote(
        pilot_id=pilot.id,
        period_label=f"Kwartaal {n}",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 3, 31),
        status="published",
    )
    db.session.add(note)
    db.session.flush()
    for i in range(2):
        db.session.add(
            NoteRemark(
                note_id=note.id,
                pilot_id=pilot.id,
                author_id=board.id,
                body=f"Vraag {n}.{i}",
                answer=f"Antwoord {n}.{i}",
                answered_by_id=coordinator.id,
                answered_at=datetime.now(UTC),
                read_at=datetime.now(UTC),
            )
        )
    contract = add_contract(pilot, f"Contract {n}", [supplier])
    add_report(
        pilot, contract, supplier, date(2025, 1, 1), date(2025, 3, 31), {}, status="submitted"
    )
    now = datetime.now(UTC)
    for i in range(3):
        db.session.add(
            Action(
                pilot_id=pilot.id,
                title=f"Actie {n}.{i}",
                role="coordinator",
                assignee_id=coordinator.id,
                status="open",
                deadline=clock.today() - timedelta(days=i),
            )
        )
        db.session.add(
            Meeting(
                pilot_id=pilot.id,
                title=f"Overleg {n}.{i}",
                starts_at=now + timedelta(days=i - 1),
                ends_at=now + timedelta(days=i - 1, hours=1),
            )
        )
    db.session.flush()


@pytest.mark.parametrize("extra", [4])
def test_statements_do_not_grow_with_pilots_or_items(make, login_as, client, extra):
    org = make.org()
    coordinator = make.user(org, org_role="admin")
    supplier = make.org(kind="supplier")
    board = make.user(org)
    _busy_pilot(make, org, coordinator, supplier, 0, board)
    login_as(coordinator)
    _page(client)  # warm caches (workflow, translations)
    one = _statements(client)
    login_as(board)
    board_page = _page(client)
    assert len(_links(board_page, "for-you-remarks")) == 2  # one pilot, two answered remarks
    board_one = _statements(client)
    for n in range(1, 1 + extra):
        _busy_pilot(make, org, coordinator, supplier, n, board)
    login_as(coordinator)
    soup = _page(client)
    # Five pilots, each with its next step, a report and a late action on the page.
    assert len(_links(soup, "for-you-steps")) == 1 + extra
    assert len(_links(soup, "for-you-reports-accept")) == 1 + extra
    assert _statements(client) == one
    # The board member: five pilots with two answered remarks each, ten items on the page.
    login_as(board)
    assert len(_links(_page(client), "for-you-remarks")) == 2 * (1 + extra)
    assert _statements(client) == board_one
