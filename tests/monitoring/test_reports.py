"""Monitoring reports: the supplier submits, the buyer accepts or returns; accepted is locked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from partnerships.extensions import db
from partnerships.figures.services import pilot_figures
from partnerships.monitoring.models import MonitoringReport
from partnerships.monitoring.reminders import reminder_lines
from partnerships.monitoring.services import overdue_reports

Q1 = "2026-01-01"


@pytest.fixture
def placed(world, place):
    return place(
        world, world.contract_a, world.supplier_a, reference="P1", start_date=date(2026, 1, 1)
    )


def url(world, contract=None, period=Q1):
    return (
        f"/pilots/{world.pilot.id}/contracts/{(contract or world.contract_a).id}/reports/{period}"
    )


def submit(client, world, placed, hours="600", **extra):
    data = {f"hours_{placed.id}": hours, "narrative": "Goed kwartaal, twee nieuwe collega's."}
    data.update(extra)
    return client.post(url(world), data=data)


def reports():
    return db.session.scalars(select(MonitoringReport).order_by(MonitoringReport.version_no)).all()


def test_a_supplier_submits_and_the_coordinator_accepts(world, placed, login_as):
    supplier = login_as(world.contact_a)
    form = supplier.get(url(world))
    assert form.status_code == 200 and "P1" in form.get_data(as_text=True)
    assert submit(supplier, world, placed).status_code == 303
    report = reports()[0]
    assert (report.status, report.version_no, report.period_end) == (
        "submitted",
        1,
        date(2026, 3, 31),
    )
    assert report.lines[0].paid_hours == Decimal("600")

    coordinator = login_as(world.coordinator)
    page = coordinator.get(f"/pilots/{world.pilot.id}/reports/{report.id}")
    assert "Goed kwartaal" in page.get_data(as_text=True)
    decided = coordinator.post(
        f"/pilots/{world.pilot.id}/reports/{report.id}/decide",
        data={"decision": "accept", "version": report.version},
    )
    assert decided.status_code == 303
    db.session.refresh(report)
    assert report.status == "accepted" and report.locked


def test_accepted_paid_hours_replace_contracted_hours_in_the_figures(world, placed, login_as):
    """Hand calculation: 600 paid hours over Q1 2026 (90 days) are 600 x 7 / 90 = 46.67 hours
    a week, which is 46.67 / 25.5 = 1.83 jobs; contracted 25.5 hours would give 1.00."""
    supplier = login_as(world.contact_a)
    submit(supplier, world, placed)
    as_of = date(2026, 3, 31)
    assert pilot_figures(world.pilot, as_of=as_of)["banen"] == Decimal("1.00")  # not accepted
    report = reports()[0]
    login_as(world.contract_manager).post(
        f"/pilots/{world.pilot.id}/reports/{report.id}/decide",
        data={"decision": "accept", "version": report.version},
    )
    assert pilot_figures(world.pilot, as_of=as_of)["banen"] == Decimal("1.83")


def test_an_accepted_report_is_locked_and_a_correction_is_a_new_version(world, placed, login_as):
    supplier = login_as(world.contact_a)
    submit(supplier, world, placed)
    first = reports()[0]
    login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/reports/{first.id}/decide",
        data={"decision": "accept", "version": first.version},
    )
    supplier = login_as(world.contact_a)
    refused = submit(supplier, world, placed, hours="500")
    assert refused.status_code == 422
    assert "ligt vast" in refused.get_data(as_text=True)
    corrected = submit(
        supplier, world, placed, hours="500", correction_reason="Ziekte-uren stonden er dubbel in"
    )
    assert corrected.status_code == 303
    old, new = reports()
    assert (old.version_no, old.status, old.lines[0].paid_hours) == (1, "accepted", Decimal("600"))
    assert (new.version_no, new.status) == (2, "submitted")
    page = supplier.get(f"/pilots/{world.pilot.id}/reports/{new.id}").get_data(as_text=True)
    assert "Ziekte-uren" in page
    assert f"/reports/{old.id}" in page  # the earlier version stays reachable


def test_returning_needs_a_remark_and_the_supplier_sends_a_new_version(world, placed, login_as):
    submit(login_as(world.contact_a), world, placed)
    report = reports()[0]
    coordinator = login_as(world.coordinator)
    decide = f"/pilots/{world.pilot.id}/reports/{report.id}/decide"
    assert (
        coordinator.post(
            decide, data={"decision": "return", "remark": "", "version": report.version}
        ).status_code
        == 422
    )
    assert (
        coordinator.post(
            decide,
            data={"decision": "return", "remark": "Uren P1 missen", "version": report.version},
        ).status_code
        == 303
    )
    db.session.refresh(report)
    assert report.status == "returned" and report.remark == "Uren P1 missen"
    assert submit(login_as(world.contact_a), world, placed, hours="650").status_code == 303
    assert [r.status for r in reports()] == ["returned", "submitted"]


def test_a_second_submission_while_one_awaits_acceptance_is_refused(world, placed, login_as):
    supplier = login_as(world.contact_a)
    submit(supplier, world, placed)
    assert submit(supplier, world, placed, hours="1").status_code == 422
    assert len(reports()) == 1


@pytest.mark.parametrize("period", ["2024-10-01", "2028-04-01"])
def test_a_period_outside_the_contract_term_is_refused(world, placed, login_as, period):
    response = login_as(world.contact_a).post(
        url(world, period=period), data={f"hours_{placed.id}": "10"}
    )
    assert response.status_code == 422
    assert "looptijd" in response.get_data(as_text=True)
    assert reports() == []


def test_a_date_that_does_not_start_a_period_is_refused(world, placed, login_as):
    response = login_as(world.contact_a).post(
        url(world, period="2026-02-01"), data={f"hours_{placed.id}": "10"}
    )
    assert response.status_code == 422


def test_a_supplier_cannot_report_on_another_suppliers_contract(world, placed, login_as):
    client = login_as(world.contact_b)
    assert client.post(url(world), data={f"hours_{placed.id}": "10"}).status_code == 403
    assert client.get(url(world)).status_code == 403
    assert reports() == []


def test_implausible_paid_hours_are_refused(world, placed, login_as):
    # 60 hours a week over 90 days is 771.4 hours; 800 is more than anyone works.
    response = submit(login_as(world.contact_a), world, placed, hours="800")
    assert response.status_code == 422
    assert reports() == []


def test_the_board_and_other_suppliers_cannot_decide(world, placed, login_as):
    submit(login_as(world.contact_a), world, placed)
    report = reports()[0]
    decide = f"/pilots/{world.pilot.id}/reports/{report.id}/decide"
    for user in (world.board, world.contact_a, world.contact_b):
        assert (
            login_as(user).post(decide, data={"decision": "accept", "version": 1}).status_code
            == 403
        )
    assert (
        login_as(world.contact_b).get(f"/pilots/{world.pilot.id}/reports/{report.id}").status_code
        == 403
    )


def test_aggregated_lines_per_target_group_and_kind_are_kept(world, placed, login_as):
    response = login_as(world.contact_a).post(
        url(world),
        data={
            "agg0_group": "wajong",
            "agg0_kind": "secondment",
            "agg0_people": "3",
            "agg0_hours": "1.200,5",
            "narrative": "",
        },
    )
    assert response.status_code == 303
    line = reports()[0].lines[0]
    assert (line.target_group, line.kind, line.people, line.paid_hours) == (
        "wajong",
        "secondment",
        3,
        Decimal("1200.5"),
    )


def test_overdue_reports_reach_the_dashboard_and_the_reminders(world, placed, login_as):
    """Quarterly, due 30 days after the quarter. On 1 June 2026 the quarters Q1 2025 to
    Q1 2026 are due: 5 for Schoonmaak (from March 2025) and 5 for Groenonderhoud."""
    today = date(2026, 6, 1)
    assert len(overdue_reports(world.coordinator, today)) == 10
    assert len(overdue_reports(world.contact_a, today)) == 5
    assert overdue_reports(world.board, today) == []
    submit(login_as(world.contact_a), world, placed)
    assert len(overdue_reports(world.contact_a, today)) == 4
    # On 30 April Q1 2026 is not overdue yet (its 30 days end that day).
    assert len(overdue_reports(world.contact_b, date(2026, 4, 30))) == 4
    lines = reminder_lines(world.contact_b, today)
    assert len(lines) == 5 and all("Groenonderhoud" in line for line in lines)
    page = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/figures?as_of=2026-06-01")
        .get_data(as_text=True)
    )
    assert "Groenonderhoud" in page and 'id="overdue-heading"' in page


def test_with_htmx_a_refused_decision_is_shown_in_place_and_a_stale_one_keeps_the_remark(
    world, placed, login_as
):
    submit(login_as(world.contact_a), world, placed)
    report = reports()[0]
    coordinator = login_as(world.coordinator)
    page = coordinator.get(f"/pilots/{world.pilot.id}/reports/{report.id}").get_data(as_text=True)
    assert 'hx-select="#decide"' in page and 'id="decide"' in page
    decide = f"/pilots/{world.pilot.id}/reports/{report.id}/decide"
    htmx = {"HX-Request": "true"}
    refused = coordinator.post(
        decide, data={"decision": "return", "remark": "", "version": report.version}, headers=htmx
    )
    assert refused.status_code == 422
    assert 'id="decide"' in refused.get_data(as_text=True)
    stale = coordinator.post(
        decide,
        data={"decision": "return", "remark": "Uren P1 missen", "version": report.version + 5},
        headers=htmx,
    )
    text = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert 'id="decide"' in text and "Uren P1 missen" in text  # nothing typed is lost
    db.session.refresh(report)
    assert report.status == "submitted"
    accepted = coordinator.post(
        decide, data={"decision": "accept", "version": report.version}, headers=htmx
    )
    assert accepted.status_code == 204
    assert accepted.headers["HX-Redirect"].endswith(f"/reports/{report.id}")
    db.session.refresh(report)
    assert report.status == "accepted"
