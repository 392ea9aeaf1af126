"""Supplier contacts and organisations offered only within a relationship (issue 13,
finding 5): every buyer coordinator saw every supplier contact on the platform, and the
contract and potential-job forms listed every supplier organisation."""

from __future__ import annotations

import re

from sqlalchemy import select

from partnerships.contracts.models import Contract, PotentialJob
from partnerships.extensions import db
from partnerships.pilots.models import Membership
from tests.contracts.conftest import add_contract


def _world(make):
    """Voorbeeldstad works with Schoon & Co (a contract and a contact in its pilot); the other
    buyer, Elders, has just started a pilot and works with nobody yet."""
    voorbeeldstad = make.org("Gemeente Voorbeeldstad")
    pilot_v = make.pilot(voorbeeldstad)
    schoon = make.org("Schoon & Co", kind="supplier")
    make.member(
        pilot_v, make.user(schoon, name="Ruud Schoon", email="ruud@schoon.example"), role="supplier"
    )
    add_contract(pilot_v, "Schoonmaak", [schoon])
    elders = make.org("Gemeente Elders")
    pilot_e = make.pilot(elders, title="Nieuwe proeftuin")
    db.session.commit()
    return pilot_v, pilot_e, schoon


def test_another_buyers_person_picker_lists_no_strangers(make, login_as):
    pilot_v, pilot_e, schoon = _world(make)
    page = login_as(pilot_e.memberships[0].user).get(f"/pilots/{pilot_e.id}/working-group")
    assert page.status_code == 200
    assert "Ruud Schoon" not in page.text and "Schoon &amp; Co" not in page.text
    # Voorbeeldstad itself, which works with Schoon & Co, is offered the contact.
    own = login_as(pilot_v.memberships[0].user).get(f"/pilots/{pilot_v.id}/working-group")
    assert "Ruud Schoon" in own.text


def test_contract_and_potential_job_forms_list_only_related_suppliers(make, login_as):
    pilot_v, pilot_e, schoon = _world(make)
    client = login_as(pilot_e.memberships[0].user)
    for page in ("contracts/new", "potential-jobs/new"):
        response = client.get(f"/pilots/{pilot_e.id}/{page}")
        assert response.status_code == 200, page
        assert "Schoon &amp; Co" not in response.text, page
    own = login_as(pilot_v.memberships[0].user).get(f"/pilots/{pilot_v.id}/contracts/new")
    assert "Schoon &amp; Co" in own.text


def test_a_supplier_not_worked_with_is_refused_when_posted_by_id(make, login_as):
    pilot_v, pilot_e, schoon = _world(make)
    response = login_as(pilot_e.memberships[0].user).post(
        f"/pilots/{pilot_e.id}/working-group/invite",
        data={
            "invite-name": "Nieuw",
            "invite-email": "nieuw@schoon.example",
            "invite-role": "supplier",
            "invite-supplier_organisation_id": str(schoon.id),
        },
    )
    assert response.status_code == 422
    assert (
        db.session.scalar(
            select(Membership).where(
                Membership.pilot_id == pilot_e.id, Membership.role == "supplier"
            )
        )
        is None
    )


def test_a_contact_is_found_by_their_exact_email_address(make, login_as):
    pilot_v, pilot_e, schoon = _world(make)
    response = login_as(pilot_e.memberships[0].user).post(
        f"/pilots/{pilot_e.id}/working-group/invite",
        data={
            "invite-name": "Ruud",
            "invite-email": "Ruud@Schoon.example",
            "invite-role": "supplier",
            "invite-supplier_organisation_id": "",
        },
    )
    assert response.status_code == 303
    membership = db.session.scalar(
        select(Membership).where(Membership.pilot_id == pilot_e.id, Membership.role == "supplier")
    )
    assert membership.supplier_organisation_id == schoon.id
    assert not re.search(r"/invitation/", response.text)


def test_a_contract_gets_a_supplier_not_worked_with_by_the_exact_email_of_its_people(make, web):
    pilot_v, pilot_e, schoon = _world(make)
    elders = web(pilot_e.memberships[0].user)
    url = f"/pilots/{pilot_e.id}/contracts/new"
    fields = {"title": "Groenonderhoud", "start_date": "2026-01-01", "end_date": "2027-12-31"}
    # A typo, and the address of someone who is not at a supplier: refused, nothing saved.
    for address in ("ruud@schoon.exampel", pilot_v.memberships[0].user.email):
        refused = elders.submit(url, supplier_email=address, **fields)
        assert refused.status_int == 422, address
        assert "Geen opdrachtnemer heeft iemand met dit e-mailadres" in refused.text
    saved = select(Contract).where(Contract.title == "Groenonderhoud")
    assert db.session.scalars(saved).all() == []

    saved = elders.submit(url, supplier_email="Ruud@Schoon.example", **fields)
    assert saved.status_int == 303
    contract = db.session.scalar(select(Contract).where(Contract.title == "Groenonderhoud"))
    assert contract.supplier_ids == {schoon.id}
    # From now on Elders works with Schoon & Co, so its forms list it.
    assert "Schoon &amp; Co" in elders.get(f"/pilots/{pilot_e.id}/potential-jobs/new").text


def test_a_potential_job_keeps_a_supplier_found_by_email_when_edited(make, web):
    pilot_v, pilot_e, schoon = _world(make)
    elders = web(pilot_e.memberships[0].user)
    created = elders.submit(
        f"/pilots/{pilot_e.id}/potential-jobs/new",
        title="Hovenier",
        supplier_email="ruud@schoon.example",
    )
    assert created.status_int == 303
    job = db.session.scalar(select(PotentialJob).where(PotentialJob.pilot_id == pilot_e.id))
    assert [s.id for s in job.suppliers] == [schoon.id]
    edited = elders.submit(f"/pilots/{pilot_e.id}/potential-jobs/{job.id}", title="Hovenier B")
    assert edited.status_int == 303
    db.session.refresh(job)
    assert job.title == "Hovenier B" and [s.id for s in job.suppliers] == [schoon.id]
