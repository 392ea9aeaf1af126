"""A supplier contact submits a quarterly report in the browser and the coordinator accepts
it; the dashboard then shows the figures of the hand calculation. Every page passes axe."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from partnerships.extensions import db
from tests.browser.fixtures import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def story(make):
    from partnerships.contracts.models import Contract, ContractSupplier
    from partnerships.placements.models import Placement

    buyer = make.org("Gemeente Voorbeeldstad")
    coordinator = make.user(buyer, email="coordinator@voorbeeldstad.example", name="Sanne")
    pilot = make.pilot(
        buyer, coordinator, title="Proeftuin schoonmaak", start_date=date(2025, 1, 1)
    )
    pilot.monitoring_frequency = "quarter"
    schoon = make.org("Schoon & Co", kind="supplier")
    contact = make.member(
        pilot, make.user(schoon, email="ruud@schoonco.example", name="Ruud"), role="supplier"
    )
    contract = Contract(
        organisation_id=buyer.id,
        title="Schoonmaak stadhuis",
        category="cleaning",
        nature="service",
        value_per_year=Decimal("420000"),
        wage_sum=Decimal("300000"),
        start_date=date(2025, 3, 1),
        end_date=date(2028, 2, 29),
    )
    contract.suppliers = [ContractSupplier(organisation_id=schoon.id)]
    contract.pilots.append(pilot)
    db.session.add(contract)
    db.session.flush()
    # The hand calculation of tests/figures/test_dashboard.py: 1.25 jobs in Q1 2026.
    for ref, group, hours, start, end, outcome in [
        ("P1", "doelgroepregister", "25.5", date(2025, 1, 1), None, "active"),
        ("P2", "doelgroepregister", "12.75", date(2026, 2, 15), None, "active"),
        ("P3", "participatiewet", "20", date(2025, 6, 1), date(2026, 1, 31), "stopped"),
    ]:
        db.session.add(
            Placement(
                pilot_id=pilot.id,
                contract_id=contract.id,
                supplier_organisation_id=schoon.id,
                reference=ref,
                kind="employment_fixed",
                target_group=group,
                hours_per_week=Decimal(hours),
                start_date=start,
                end_date=end,
                outcome=outcome,
            )
        )
    db.session.commit()
    return dict(pilot=pilot, contract=contract, coordinator=coordinator, contact=contact)


def test_supplier_reports_coordinator_accepts_dashboard_matches(page, axe_check, story):
    pilot_id, contract_id = story["pilot"].id, story["contract"].id
    log_in(page, axe_check, story["contact"].email)

    page.goto(f"/pilots/{pilot_id}/contracts/{contract_id}")
    axe_check(page)
    page.get_by_role("link", name="Rapportage indienen voor 1 oktober 2025").click()
    expect(
        page.get_by_role("heading", name="Monitoringsrapportage Schoonmaak stadhuis")
    ).to_be_visible()
    axe_check(page)
    page.get_by_label("Betaalde uren voor plaatsing P1").fill("331,5")
    page.get_by_label("Betaalde uren voor plaatsing P3").fill("260")
    page.get_by_label("Korte toelichting").fill("Rustig kwartaal, iedereen aan het werk.")
    page.get_by_role("button", name="Rapportage indienen").click()
    expect(page.get_by_text("Ingediend, wacht op goedkeuring").first).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Uitloggen").click()
    axe_check(page)

    log_in(page, axe_check, story["coordinator"].email)
    page.goto(f"/pilots/{pilot_id}/reports")
    axe_check(page)
    page.get_by_role("link", name="Schoonmaak stadhuis").click()
    axe_check(page)
    expect(page.get_by_text("Rustig kwartaal")).to_be_visible()
    page.get_by_role("button", name="Rapportage goedkeuren").click()
    expect(page.get_by_text("Rapportage goedgekeurd en vastgelegd.")).to_be_visible()
    expect(page.get_by_role("button", name="Rapportage goedkeuren")).to_have_count(0)
    axe_check(page)

    page.goto(f"/pilots/{pilot_id}/figures?as_of=2026-03-31")
    axe_check(page)  # includes the SVG chart and its table
    expect(page.locator("#figure-banen")).to_have_text("1,25")
    expect(page.locator("#figure-people")).to_have_text("3")
    expect(page.locator("#figure-durable")).to_have_text("1")
    expect(page.get_by_role("img", name="Banenafspraakbanen per periode")).to_be_visible()
