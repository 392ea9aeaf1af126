"""Placements are anonymous, plausible and only ever reach their own supplier."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from partnerships.extensions import db
from partnerships.placements.models import Placement


def form(world, contract=None, supplier=None, **fields):
    data = {
        "contract_id": (contract or world.contract_a).id,
        "supplier_organisation_id": (supplier or world.supplier_a).id,
        "reference": "P-001",
        "kind": "employment_fixed",
        "target_group": "doelgroepregister",
        "hours_per_week": "25,5",
        "start_date": "2026-02-01",
        "end_date": "",
        "outcome": "active",
        "outcome_reason": "",
        "notes": "",
        "ev_payslip": "y",
        "ev_payslip_on": "2026-03-05",
    }
    data.update(fields)
    return data


def count():
    return db.session.scalar(select(func.count(Placement.id)))


def test_the_coordinator_records_a_placement_with_dutch_decimals_and_evidence(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(f"/pilots/{world.pilot.id}/placements/new", data=form(world))
    assert response.status_code == 303
    placement = db.session.scalar(select(Placement))
    assert placement.hours_per_week == Decimal("25.5")
    assert placement.end_date is None
    seen = {e.kind: (e.seen, e.seen_on) for e in placement.evidence}
    assert seen["payslip"] == (True, date(2026, 3, 5))
    assert seen["employment_contract"] == (False, None)
    page = client.get(f"/pilots/{world.pilot.id}/placements").get_data(as_text=True)
    assert "P-001" in page


def test_the_form_has_no_field_for_who_the_person_is(world, login_as):
    page = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/placements/new")
        .get_data(as_text=True)
    )
    names = set(re.findall(r'name="([^"]+)"', page))
    assert "hours_per_week" in names
    for word in ("name", "bsn", "birth", "address", "phone", "mail"):
        assert not [n for n in names if word in n.lower()], word


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("notes", "Werkt goed, BSN 111222333"),
        ("notes", "mail jan.jansen@example.nl"),
        ("outcome_reason", "bel 06-12345678"),
        ("reference", "geb. 12-03-1985"),
    ],
)
def test_personal_data_in_free_text_is_refused_with_the_reason(world, login_as, field, text):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new", data=form(world, **{field: text})
    )
    assert response.status_code == 422
    assert "anoniem" in response.get_data(as_text=True)
    assert count() == 0


@pytest.mark.parametrize("hours", ["61", "0", "-4", "veel"])
def test_absurd_hours_are_refused(world, login_as, hours):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new", data=form(world, hours_per_week=hours)
    )
    assert response.status_code == 422
    assert count() == 0


def test_sixty_hours_is_the_most_a_placement_may_have(world, login_as):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new", data=form(world, hours_per_week="60")
    )
    assert response.status_code == 303
    over = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new", data=form(world, hours_per_week="60,5")
    )
    assert "60" in over.get_data(as_text=True) and over.status_code == 422


def test_an_end_before_the_start_is_refused(world, login_as):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new",
        data=form(world, start_date="2026-03-01", end_date="2026-02-01"),
    )
    assert response.status_code == 422
    assert count() == 0


def test_a_stopped_placement_needs_its_end_date(world, login_as):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new", data=form(world, outcome="stopped")
    )
    assert response.status_code == 422


def test_the_supplier_must_be_a_supplier_of_the_chosen_contract(world, login_as):
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new",
        data=form(world, contract=world.contract_a, supplier=world.supplier_b),
    )
    assert response.status_code == 422
    assert count() == 0


def test_a_supplier_contact_records_only_for_its_own_organisation(world, login_as):
    client = login_as(world.contact_a)
    assert (
        client.post(f"/pilots/{world.pilot.id}/placements/new", data=form(world)).status_code == 303
    )
    # Posting for the other supplier's contract, or as the other supplier, is refused.
    refused = client.post(
        f"/pilots/{world.pilot.id}/placements/new",
        data=form(world, contract=world.contract_b, supplier=world.supplier_b),
    )
    assert refused.status_code == 422
    assert count() == 1


def test_a_supplier_contact_never_sees_another_suppliers_placements(world, login_as, place):
    mine = place(world, world.contract_a, world.supplier_a, reference="A-1")
    theirs = place(world, world.contract_b, world.supplier_b, reference="B-1")
    client = login_as(world.contact_a)
    page = client.get(f"/pilots/{world.pilot.id}/placements").get_data(as_text=True)
    assert "A-1" in page and "B-1" not in page
    assert client.get(f"/pilots/{world.pilot.id}/placements/{theirs.id}").status_code == 403
    assert client.get(f"/pilots/{world.pilot.id}/placements/{mine.id}").status_code == 200
    assert (
        client.get(f"/pilots/{world.pilot.id}/contracts/{world.contract_b.id}").status_code == 403
    )


def test_the_board_reads_figures_but_no_placement_rows(world, login_as, place):
    place(world, world.contract_a, world.supplier_a)
    client = login_as(world.board)
    assert client.get(f"/pilots/{world.pilot.id}/placements").status_code == 403
    assert client.get(f"/pilots/{world.pilot.id}/placements/new").status_code == 403


def test_strangers_cannot_reach_placements(world, login_as, place, make):
    placement = place(world, world.contract_a, world.supplier_a)
    stranger = make.user(make.org())
    client = login_as(stranger)
    assert client.get(f"/pilots/{world.pilot.id}/placements").status_code == 403
    other = make.pilot()
    assert (
        login_as(other.memberships[0].user)
        .get(f"/pilots/{other.id}/placements/{placement.id}")
        .status_code
        == 404
    )


def test_a_stale_edit_is_refused_and_nothing_is_lost(world, login_as, place):
    placement = place(world, world.contract_a, world.supplier_a, reference="A-1")
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/placements/{placement.id}"
    first = form(world, reference="A-1", hours_per_week="20", version="1")
    assert client.post(url, data=first).status_code == 303
    stale = form(world, reference="A-1", hours_per_week="10", version="1")
    assert client.post(url, data=stale).status_code == 409
    db.session.refresh(placement)
    assert placement.hours_per_week == Decimal("20")


def test_the_supplier_starts_empty_and_a_one_supplier_contract_fills_it_in(world, make, login_as):
    client = login_as(world.coordinator)
    page = client.get(f"/pilots/{world.pilot.id}/placements/new").get_data(as_text=True)
    assert '<option selected value="">Kies…</option>' in page or 'value="">Kies…' in page
    response = client.post(
        f"/pilots/{world.pilot.id}/placements/new",
        data=form(world, contract=world.contract_a, supplier_organisation_id=""),
    )
    assert response.status_code == 303
    assert db.session.scalar(select(Placement)).supplier_organisation_id == world.supplier_a.id


def test_a_contract_with_two_suppliers_asks_which_one(world, login_as):
    world.contract_a.suppliers.append(
        type(world.contract_a.suppliers[0])(organisation_id=world.supplier_b.id)
    )
    db.session.flush()
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/placements/new",
        data=form(world, supplier_organisation_id=""),
    )
    assert response.status_code == 422
    assert "Kies de opdrachtnemer van deze plaatsing." in response.get_data(as_text=True)
    assert count() == 0


def test_a_long_placement_list_is_paged(world, place, login_as):
    # 250 placements at 100 a page: pages of 100, 100 and 50, newest start first.
    from datetime import date, timedelta

    first = date(2025, 1, 1)
    for n in range(250):
        place(
            world,
            world.contract_a,
            world.supplier_a,
            reference=f"R{n:03}",
            start_date=first + timedelta(days=n),
        )
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/placements"
    one = client.get(url).get_data(as_text=True)
    assert len(re.findall(rf'href="/pilots/{world.pilot.id}/placements/\d+"', one)) == 100
    assert "R249" in one and "R150" in one and "R149" not in one
    assert f"{url}?page=2" in one
    three = client.get(url + "?page=3").get_data(as_text=True)
    assert "R049" in three and "R000" in three and "R050" not in three
    # A page past the end shows the last page.
    assert "R000" in client.get(url + "?page=99").get_data(as_text=True)


def test_the_placements_list_pages_and_a_page_past_the_end_shows_the_last(
    world, login_as, monkeypatch
):
    from partnerships.placements import views as views_placements
    from tests.contracts.conftest import add_placement

    monkeypatch.setattr(views_placements, "PLACEMENTS_PER_PAGE", 2)
    # Newest start first: P-3 and P-2 on page 1, P-1 alone on page 2.
    for n in (1, 2, 3):
        add_placement(
            world,
            world.contract_a,
            world.supplier_a,
            reference=f"P-{n}",
            start_date=date(2026, n, 1),
        )
    db.session.commit()
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/placements"
    first, second, beyond = (client.get(url + q).text for q in ("", "?page=2", "?page=9"))
    assert "P-3" in first and "P-2" in first and "P-1" not in first
    assert "P-1" in second and "P-2" not in second
    assert "P-1" in beyond and "P-2" not in beyond
