"""A contract shared by two pilots of the buyer: each pilot gets its own monitoring reports
(issue 14, point 8), submitted through monitoring.submit as the report page does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from partnerships.extensions import db
from partnerships.monitoring import services as monitoring
from partnerships.monitoring.models import MonitoringReport


@pytest.fixture
def shared(world, make, place):
    """Schoonmaak (contract A) serves the world's pilot and a second pilot of the buyer,
    each with one placement of supplier A."""
    second = make.pilot(
        org=world.buyer, coordinator=world.coordinator, title="Tweede", start_date=date(2025, 1, 1)
    )
    second.monitoring_frequency = "quarter"
    world.contract_a.pilots.append(second)
    first_placement = place(world, world.contract_a, world.supplier_a, start_date=date(2026, 1, 1))
    second_placement = place(
        second, world.contract_a, world.supplier_a, start_date=date(2026, 1, 1)
    )
    db.session.flush()
    return second, first_placement, second_placement


def _submit(pilot, world, placement, hours="300"):
    return monitoring.submit(
        pilot,
        world.contact_a,
        contract=world.contract_a,
        supplier_id=world.supplier_a.id,
        period_start=date(2026, 1, 1),
        narrative="",
        placement_hours={placement.id: Decimal(hours)},
    )


def test_a_report_awaiting_acceptance_for_one_pilot_does_not_block_the_other(world, shared):
    second, first_placement, second_placement = shared
    _submit(world.pilot, world, first_placement)
    # Pilot 1's report awaits acceptance; pilot 2's own report for the same period goes in.
    report = _submit(second, world, second_placement, hours="250")
    db.session.commit()
    assert (report.pilot_id, report.version_no, report.status) == (second.id, 1, "submitted")
    assert monitoring.versions(
        second.id, world.contract_a.id, world.supplier_a.id, date(2026, 1, 1)
    ) == [report]
    assert (
        len(
            monitoring.versions(
                world.pilot.id, world.contract_a.id, world.supplier_a.id, date(2026, 1, 1)
            )
        )
        == 1
    )


def test_the_second_pilot_no_longer_lists_the_reported_period_as_overdue(world, shared):
    second, first_placement, second_placement = shared
    _submit(world.pilot, world, first_placement)
    _submit(second, world, second_placement)
    db.session.commit()
    # 2026-01-01..03-31 ended more than 30 days before 2026-06-01; both pilots have it.
    due = monitoring.overdue_for_pilots([world.pilot, second], date(2026, 6, 1))
    q1 = [
        d
        for d in due
        if d.contract_id == world.contract_a.id
        and d.period_start.month == 1
        and d.period_start.year == 2026
    ]
    assert q1 == []


def test_still_one_waiting_report_per_pilot_and_period(world, shared):
    second, _first_placement, second_placement = shared
    _submit(second, world, second_placement)
    with pytest.raises(monitoring.ReportError):
        _submit(second, world, second_placement, hours="1")
    assert db.session.query(MonitoringReport).count() == 1


def test_the_supplier_submits_pilot_twos_report_on_its_page_while_pilot_ones_waits(
    world, shared, web, make
):
    """The case as the supplier met it: pilot 1's report awaits acceptance, and the report
    form of pilot 2 for the same contract and period is filled in and sent as rendered."""
    second, first_placement, second_placement = shared
    _submit(world.pilot, world, first_placement)
    make.member(second, world.contact_a, role="supplier")  # its contact in pilot 2 too
    db.session.commit()
    supplier = web(world.contact_a)
    page = f"/pilots/{second.id}/contracts/{world.contract_a.id}/reports/2026-01-01"
    response = supplier.submit(page, **{f"hours_{second_placement.id}": "250"})
    assert response.status_int == 303, response.text[:500]
    assert "Er wacht al een rapportage" not in supplier.get(response.location).text
    saved = db.session.query(MonitoringReport).filter_by(pilot_id=second.id).one()
    assert (saved.status, saved.lines[0].paid_hours) == ("submitted", Decimal("250"))
