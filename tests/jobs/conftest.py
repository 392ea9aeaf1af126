"""A small world for the jobs tests: a buyer's pilot, two suppliers, one contract each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from partnerships.extensions import db
from tests.conftest import make_contract


@dataclass
class World:
    buyer: object
    pilot: object
    coordinator: object
    contract_manager: object
    board: object
    supplier_a: object
    supplier_b: object
    contact_a: object
    contact_b: object
    contract_a: object
    contract_b: object


def add_placement(world_or_pilot, contract, supplier, **fields):
    """A placement row straight in the database, for tests that are not about the form."""
    from partnerships.jobs.models import Placement

    pilot = getattr(world_or_pilot, "pilot", world_or_pilot)
    values = dict(
        kind="employment_fixed",
        target_group="doelgroepregister",
        hours_per_week=Decimal("25.5"),
        start_date=date(2026, 1, 1),
        outcome="active",
    )
    values.update(fields)
    placement = Placement(
        pilot_id=pilot.id, contract_id=contract.id, supplier_organisation_id=supplier.id, **values
    )
    db.session.add(placement)
    db.session.flush()
    return placement


def add_report(pilot, contract, supplier, start, end, hours, *, version_no=1, status="accepted"):
    """A monitoring report version straight in the database: paid hours per placement."""
    from partnerships.jobs.models import MonitoringLine, MonitoringReport

    report = MonitoringReport(
        pilot_id=pilot.id,
        contract_id=contract.id,
        supplier_organisation_id=supplier.id,
        period_start=start,
        period_end=end,
        version_no=version_no,
        status=status,
    )
    report.lines = [
        MonitoringLine(placement_id=p.id, paid_hours=Decimal(h)) for p, h in hours.items()
    ]
    db.session.add(report)
    db.session.flush()
    return report


def add_contract(pilot, title, suppliers, **fields):
    """make.contract, running from March 2025 to February 2028 unless told otherwise."""
    term = {"start_date": date(2025, 3, 1), "end_date": date(2028, 2, 29)}
    return make_contract(pilot, suppliers, title, **term | fields)


@pytest.fixture
def world(make):
    buyer = make.org(name="Gemeente Testdorp")
    pilot = make.pilot(
        org=buyer, start_date=date(2025, 1, 1), goal_jobs=Decimal("4"), goal_people=6
    )
    pilot.monitoring_frequency = "quarter"
    coordinator = pilot.memberships[0].user
    contract_manager = make.member(pilot, role="contract_manager")
    board = make.member(pilot, role="board")
    supplier_a = make.org(name="Schoon BV", kind="supplier")
    supplier_b = make.org(name="Groen BV", kind="supplier")
    contact_a = make.member(pilot, make.user(supplier_a), role="supplier")
    contact_b = make.member(pilot, make.user(supplier_b), role="supplier")
    contract_a = add_contract(
        pilot,
        "Schoonmaak",
        [supplier_a],
        wage_sum=Decimal("300000"),
        value_per_year=Decimal("420000"),
    )
    contract_b = add_contract(
        pilot,
        "Groenonderhoud",
        [supplier_b],
        category="green_spaces",
        start_date=date(2025, 1, 1),
        end_date=date(2026, 12, 31),
    )
    db.session.flush()
    return World(
        buyer,
        pilot,
        coordinator,
        contract_manager,
        board,
        supplier_a,
        supplier_b,
        contact_a,
        contact_b,
        contract_a,
        contract_b,
    )


@pytest.fixture
def place(app):
    """place(world, contract, supplier, **fields) -> a Placement row."""
    return add_placement


@pytest.fixture
def new_contract(app):
    """new_contract(pilot, title, suppliers, **fields) -> a Contract linked to the pilot."""
    return add_contract


@pytest.fixture
def nl(app):
    """A request context, so texts come out in the default language (Dutch)."""
    with app.test_request_context():
        yield
