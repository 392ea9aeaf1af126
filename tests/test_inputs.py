"""Issue 14, point 5 and 3: inputs that answered 500 (or burnt seconds of CPU) answer a 4xx
with a message, on SQLite and PostgreSQL. Each case as the probe found it."""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from partnerships.accounts.models import LoginAttempt
from partnerships.api.models import ApiToken
from partnerships.extensions import db
from partnerships.monitoring.models import MonitoringReport
from partnerships.placements.models import Placement
from tests.contracts.conftest import add_contract, add_placement


@pytest.fixture
def pilot_world(make):
    buyer = make.org(name="Gemeente Testdorp")
    pilot = make.pilot(org=buyer, start_date=date(2025, 1, 1))
    coordinator = pilot.memberships[0].user
    supplier = make.org(name="Schoon BV", kind="supplier")
    contact = make.member(pilot, make.user(supplier), role="supplier")
    contract = add_contract(pilot, "Schoonmaak", [supplier])
    db.session.commit()
    return pilot, coordinator, supplier, contact, contract


def _token(organisation_id) -> str:
    secret = secrets.token_urlsafe(24)
    db.session.add(
        ApiToken(
            organisation_id=organisation_id,
            name="BI",
            token_hash=ApiToken.hash(secret),
            prefix=secret[:8],
        )
    )
    db.session.commit()
    return secret


# --- NUL bytes (PostgreSQL answered 500) ---


def test_a_nul_byte_in_the_login_form_is_refused_with_a_message(make, web):
    user = make.user()
    visitor = web()
    response = visitor.submit("/login", email=user.email + "\x00", password="x\x00y")
    assert response.status_int == 400
    assert "NUL" in response.text


def test_a_nul_byte_in_the_forgotten_password_form_is_refused(make, web):
    response = web().submit("/password/forgotten", email="a\x00@example.org")
    assert response.status_int == 400


def test_a_nul_byte_in_a_public_results_address_is_refused(client):
    assert client.get("/results/ab%00cd").status_code == 400


def test_a_control_character_in_a_query_is_refused(pilot_world, login_as):
    pilot, coordinator, *_ = pilot_world
    response = login_as(coordinator).get(f"/pilots/{pilot.id}/figures?as_of=2026%01-01-01")
    assert response.status_code == 400


# --- numbers with the precision the column keeps ---


def test_placement_hours_of_0_001_get_a_message_not_a_database_error(pilot_world, web):
    pilot, coordinator, supplier, _contact, contract = pilot_world
    response = web(coordinator).submit(
        f"/pilots/{pilot.id}/placements/new",
        contract_id=contract.id,
        supplier_organisation_id=supplier.id,
        hours_per_week="0.001",
        start_date="2026-01-05",
    )
    assert response.status_int == 422
    assert "twee decimalen" in response.text
    assert db.session.scalars(select(Placement)).all() == []


def test_report_hours_of_1e_minus_999999_get_a_message(pilot_world, web):
    pilot, _coordinator, supplier, contact, contract = pilot_world
    placed = add_placement(pilot, contract, supplier, start_date=date(2026, 1, 1))
    db.session.commit()
    response = web(contact).submit(
        f"/pilots/{pilot.id}/contracts/{contract.id}/reports/2026-01-01",
        **{f"hours_{placed.id}": "1e-999999"},
    )
    assert response.status_int == 422
    assert db.session.scalars(select(MonitoringReport)).all() == []


def test_a_contract_value_the_column_cannot_hold_is_refused(pilot_world, web):
    # Numeric(14, 2) holds at most 999,999,999,999.99; the form allowed 10**12.
    pilot, coordinator, *_ = pilot_world
    response = web(coordinator).submit(
        f"/pilots/{pilot.id}/contracts/new",
        title="Te groot",
        value_per_year="1000000000000",
    )
    assert response.status_int == 422


# --- far dates (seconds of CPU, or an OverflowError as an HTML 500 from a JSON API) ---


def test_the_api_refuses_a_far_future_as_of_as_json(pilot_world, client):
    pilot, *_ = pilot_world
    token = _token(pilot.organisation_id)
    response = client.get(
        f"/api/v1/pilots/{pilot.id}/figures?as_of=9999-12-31",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.is_json and "2100" in response.json["message"]
    assert (
        client.get(
            "/api/v1/figures?as_of=0001-01-01", headers={"Authorization": f"Bearer {token}"}
        ).status_code
        == 400
    )


def test_api_errors_are_json_also_for_unknown_addresses(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json
    assert response.json["status"] == 404


@pytest.mark.parametrize(
    "path",
    [
        "/pilots/{p}/figures",
        "/pilots/{p}/supplier",
        "/figures",
        "/pilots/{p}/export/figures.csv",
        "/pilots/{p}/export/figures.xlsx",
        "/figures/export/figures.csv",
    ],
)
def test_pages_refuse_a_far_future_as_of_with_a_message(pilot_world, login_as, path):
    pilot, coordinator, _supplier, contact, _contract = pilot_world
    who = contact if path.endswith("/supplier") else coordinator
    client = login_as(who)
    response = client.get(path.format(p=pilot.id) + "?as_of=9999-12-31")
    assert response.status_code == 400
    assert "2000" in response.get_data(as_text=True)
    assert client.get(path.format(p=pilot.id) + "?as_of=2026-03-31").status_code == 200


def test_a_report_period_in_year_9999_is_not_found(pilot_world, login_as):
    pilot, _coordinator, _supplier, contact, contract = pilot_world
    response = login_as(contact).get(
        f"/pilots/{pilot.id}/contracts/{contract.id}/reports/9999-12-31"
    )
    assert response.status_code == 404


def test_a_placement_starting_in_year_9999_gets_a_message(pilot_world, web):
    pilot, coordinator, supplier, _contact, contract = pilot_world
    response = web(coordinator).submit(
        f"/pilots/{pilot.id}/placements/new",
        contract_id=contract.id,
        supplier_organisation_id=supplier.id,
        hours_per_week="20",
        start_date="9999-12-31",
    )
    assert response.status_int == 422
    assert "2000" in response.text and "2100" in response.text


# --- header values ---


def test_a_brainstorm_title_with_a_line_break_does_not_break_the_invitation(make, app):
    from partnerships.brainstorms import services, sharing
    from tests.mailbox import serve

    buyer = make.org()
    coordinator = make.user(buyer)
    pilot = make.pilot(buyer, coordinator)
    supplier = make.org(kind="supplier")
    contact = make.user(supplier)
    brainstorm = services.start_brainstorm(
        pilot,
        coordinator,
        title="Schoonmaak\r\nBcc: iedereen@example.org",
        kind="existing_without_sr",
        nature="service",
        supplier_org_ids=[supplier.id],
    )
    db.session.commit()
    inbox, controller = serve(app)
    try:
        with app.test_request_context():
            sharing.invite_contact(brainstorm, coordinator, contact)
    finally:
        controller.stop()
    message = inbox.only()
    assert "\n" not in message["Subject"] and "Schoonmaak Bcc:" in message["Subject"]
    assert message["Bcc"] is None


# --- a database that cannot write ---


def test_a_wrong_password_while_the_disk_is_full_is_still_a_wrong_password(make, web):
    user = make.user()
    visitor = web()
    page = visitor.get("/login")

    def disk_full(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO LOGIN_ATTEMPT"):
            raise OperationalError(statement, parameters, Exception("database or disk is full"))

    event.listen(db.engine, "before_cursor_execute", disk_full)
    try:
        form = visitor.form(page, "email", "password")
        response = visitor.fill(form, email=user.email, password="niet goed")
    finally:
        event.remove(db.engine, "before_cursor_execute", disk_full)
    assert response.status_int == 401
    assert db.session.scalars(select(LoginAttempt)).all() == []


def test_a_page_number_in_other_digits_is_page_one():
    # Hypothesis found "?page=²" answering 500: str.isdigit() says yes, int() says no.
    from partnerships.paging import page_number

    assert [page_number(v) for v in ("²", "٣", "3", "0", "-2", "9" * 7, None)] == [
        1,
        1,
        3,
        1,
        1,
        1,
        1,
    ]
