"""The demo holds a realistic case, and the completion checks answer from the data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from partnerships import demo
from partnerships.contracts.checks import contracts_min, potential_jobs_min
from partnerships.contracts.models import Contract, PotentialJob
from partnerships.extensions import db
from partnerships.figures.services import pilot_figures
from partnerships.monitoring.models import MonitoringReport
from partnerships.pilots.models import Pilot
from partnerships.placements.checks import placements_min
from partnerships.placements.models import Placement


def test_the_demo_pilot_holds_contracts_jobs_placements_and_reports(app):
    assert demo.seed()
    pilot = db.session.scalar(select(Pilot).where(Pilot.title == demo.PILOT_TITLE))
    contracts = db.session.scalars(select(Contract).order_by(Contract.id)).all()
    cleaning = contracts[0]
    assert (cleaning.value_per_year, cleaning.wage_sum, cleaning.sr_percentage) == (
        420000,
        300000,
        5,
    )
    assert cleaning.end_date == date(2028, 2, 29) and cleaning.sr_instrument == "contract_clause"
    assert contracts[1].suppliers[0].organisation.is_social_enterprise
    statuses = set(db.session.scalars(select(PotentialJob.status)))
    assert statuses == {"idea", "in_discussion", "vacancy_open", "filled", "dropped"}
    assert "stapelbaan" in set(db.session.scalars(select(PotentialJob.source)))
    assert db.session.scalar(select(func.count(Placement.id))) == 7
    reports = {r.status for r in db.session.scalars(select(MonitoringReport))}
    assert reports == {"accepted", "submitted"}
    # The accepted cleaning report feeds the figures: people placed by 31 March are 5.
    figures = pilot_figures(pilot, as_of=date(2026, 3, 31))
    assert figures["people"] == 5 and figures["banen"] > 0
    for check in (contracts_min, potential_jobs_min, placements_min):
        assert check(pilot, 1).status == "done"


def test_the_checks_say_missing_until_there_is_data(world, place, make):
    empty = make.pilot()
    assert contracts_min(empty, 1).status == "missing"
    assert potential_jobs_min(empty, 1).status == "missing"
    assert placements_min(empty, 1).status == "missing"
    assert contracts_min(world.pilot, 2).status == "done"
    assert contracts_min(world.pilot, 3).status == "missing"
    place(world, world.contract_a, world.supplier_a)
    assert placements_min(world.pilot, 1).status == "done"
    assert "1" in str(placements_min(world.pilot, 2).message)
