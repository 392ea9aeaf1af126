"""Contracts, potential jobs and settings through the pages, and who reaches which page."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from partnerships.contracts.models import Contract
from partnerships.extensions import db
from partnerships.figures.models import OrganisationSettings


def contract_form(world, **fields):
    data = {
        "kind": "contract",
        "title": "Catering stadhuis",
        "category": "catering",
        "nature": "service",
        "suppliers": [world.supplier_a.id, world.supplier_b.id],
        "value_per_year": "250.000",
        "wage_sum": "",
        "start_date": "2026-01-01",
        "end_date": "2028-12-31",
        "extension_options": "",
        "sr_basis": "none",
        "sr_percentage": "",
        "sr_instrument": "",
        "sr_description": "",
        "notes": "",
        "version": "",
    }
    data.update(fields)
    return data


def test_a_contract_with_two_suppliers_shows_its_hints(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(f"/pilots/{world.pilot.id}/contracts/new", data=contract_form(world))
    assert response.status_code == 303
    contract = db.session.scalar(select(Contract).where(Contract.title == "Catering stadhuis"))
    assert contract.value_per_year == Decimal("250000")
    assert contract.supplier_ids == {world.supplier_a.id, world.supplier_b.id}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Kansrijk voor route 2B" in page and "de loonsom is niet bekend" in page
    assert "Handreiking Partnerships voor meer banen, p.20" in page


def test_a_contract_ending_before_it_starts_is_refused(world, login_as):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/contracts/new",
        data=contract_form(world, start_date="2026-01-01", end_date="2025-01-01"),
    )
    assert response.status_code == 422
    assert db.session.scalar(select(Contract).where(Contract.title == "Catering stadhuis")) is None


def test_a_stale_contract_edit_is_refused(world, login_as):
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/contracts/{world.contract_a.id}/edit"
    assert (
        client.post(url, data=contract_form(world, title="Nieuw", version="1")).status_code == 303
    )
    assert (
        client.post(url, data=contract_form(world, title="Ouder", version="1")).status_code == 409
    )
    db.session.refresh(world.contract_a)
    assert world.contract_a.title == "Nieuw"


def test_another_pilot_of_the_buyer_reuses_a_contract(world, make, login_as):
    second = make.pilot(org=world.buyer, coordinator=world.coordinator, title="Tweede")
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{second.id}/contracts/link", data={"contract_id": world.contract_a.id}
    )
    assert response.status_code == 303
    assert second in world.contract_a.pilots
    # A contract of another buyer cannot be linked.
    foreign = make.pilot()
    other = Contract(organisation_id=foreign.organisation_id, title="Vreemd")
    db.session.add(other)
    db.session.flush()
    assert (
        client.post(
            f"/pilots/{second.id}/contracts/link", data={"contract_id": other.id}
        ).status_code
        == 422
    )


def test_suppliers_only_see_their_own_contracts_and_never_internal_notes(world, login_as):
    world.contract_a.notes = "Interne afweging: prijs te hoog"
    client = login_as(world.contact_a)
    page = client.get(f"/pilots/{world.pilot.id}/contracts").get_data(as_text=True)
    assert "Schoonmaak" in page and "Groenonderhoud" not in page
    detail = client.get(f"/pilots/{world.pilot.id}/contracts/{world.contract_a.id}")
    assert "Interne afweging" not in detail.get_data(as_text=True)
    assert "420.000" not in detail.get_data(as_text=True)


def test_the_board_reads_contracts_but_cannot_change_them(world, login_as):
    client = login_as(world.board)
    assert client.get(f"/pilots/{world.pilot.id}/contracts").status_code == 200
    assert (
        client.post(
            f"/pilots/{world.pilot.id}/contracts/new", data=contract_form(world)
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/pilots/{world.pilot.id}/contracts/{world.contract_a.id}/edit",
            data=contract_form(world, version="1"),
        ).status_code
        == 403
    )


def test_the_admin_sets_thresholds_and_lists(world, make, login_as):
    admin = make.user(world.buyer, org_role="admin")
    client = login_as(admin)
    data = {
        "hours_per_job": "25,5",
        "durable_months": "24",
        "sr_threshold": "50.000",
        "sr_min_months": "6",
        "route_2b_threshold": "200.000",
        "target_groups": ["doelgroepregister", "wajong"],
        "own_target_groups": "Voortijdig schoolverlaters",
        "placement_kinds": ["secondment"],
        "own_placement_kinds": "",
        "version": "0",
    }
    assert (
        client.post(
            "/organisation/jobs-settings", data={**data, "target_groups": ["wajong"]}
        ).status_code
        == 422
    )
    assert client.post("/organisation/jobs-settings", data=data).status_code == 303
    row = db.session.scalar(select(OrganisationSettings))
    assert (row.durable_months, row.sr_threshold) == (24, Decimal("50000"))
    form = client.get(f"/pilots/{world.pilot.id}/placements/new").get_data(as_text=True)
    assert "Voortijdig schoolverlaters" in form and "Statushouder" not in form
    assert login_as(world.coordinator).get("/organisation/jobs-settings").status_code == 403


PAGES = [
    "/pilots/{p}/figures",
    "/pilots/{p}/contracts",
    "/pilots/{p}/contracts/new",
    "/pilots/{p}/contracts/{c}",
    "/pilots/{p}/contracts/{c}/edit",
    "/pilots/{p}/potential-jobs",
    "/pilots/{p}/potential-jobs/new",
    "/pilots/{p}/placements",
    "/pilots/{p}/placements/new",
    "/pilots/{p}/reports",
    "/pilots/{p}/supplier",
    "/pilots/{p}/export/figures.csv",
    "/pilots/{p}/export/placements.xlsx",
    "/pilots/{p}/export/monitoring.csv",
]
# Expected status per kind of user, in the order of PAGES (supplier A owns contract A).
EXPECTED = {
    "coordinator": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 403, 200, 200, 200],
    "board": [200, 200, 403, 200, 403, 200, 403, 403, 403, 403, 403, 200, 403, 403],
    "supplier": [302, 200, 403, 200, 403, 403, 403, 200, 200, 200, 200, 403, 403, 200],
    "stranger": [403] * len(PAGES),
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_every_page_answers_each_kind_of_user_as_intended(world, make, login_as, place, who):
    place(world, world.contract_a, world.supplier_a, reference="A-1")
    user = {
        "coordinator": world.coordinator,
        "board": world.board,
        "supplier": world.contact_a,
        "stranger": make.user(make.org()),
    }[who]
    client = login_as(user)
    got = [
        client.get(url.format(p=world.pilot.id, c=world.contract_a.id)).status_code for url in PAGES
    ]
    assert got == EXPECTED[who]


def test_the_supplier_view_shows_its_own_figures_suppressed(world, place, login_as):
    place(world, world.contract_a, world.supplier_a, start_date=date(2025, 1, 1))
    place(world, world.contract_b, world.supplier_b, start_date=date(2025, 1, 1))
    page = (
        login_as(world.contact_a)
        .get(f"/pilots/{world.pilot.id}/supplier?as_of=2026-03-31")
        .get_data(as_text=True)
    )
    # Only its own placement counts (the other supplier's is not), and figures leave the
    # working group under the same rule as the board's: 1 is shown as "<5".
    assert 'id="figure-people">&lt;5<' in page
    assert "Schoon BV" in page and "Groen BV" not in page


def test_pilot_tabs_offer_only_pages_the_user_may_open(world, login_as):
    """The board is not offered the "Jobs" tab (placements are rows, 403 for the board)."""
    placements = f'href="/pilots/{world.pilot.id}/placements"'
    figures = f'href="/pilots/{world.pilot.id}/figures"'
    board = login_as(world.board).get(f"/pilots/{world.pilot.id}/figures").get_data(as_text=True)
    assert placements not in board and figures in board
    assert login_as(world.board).get(f"/pilots/{world.pilot.id}/placements").status_code == 403
    own = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/figures")
    assert placements in own.get_data(as_text=True)


def test_the_figures_nav_link_matches_who_may_open_figures(world, make, login_as):
    site_admin = make.user(world.buyer, is_site_admin=True)
    client = login_as(site_admin)
    assert client.get("/figures").status_code == 403
    assert 'href="/figures"' not in client.get("/pilots").get_data(as_text=True)
    coordinator = login_as(world.coordinator)
    assert coordinator.get("/figures").status_code == 200
    assert 'href="/figures"' in coordinator.get("/pilots").get_data(as_text=True)
