"""A talk with a supplier: the planner says which one; only its contacts are invited."""

from __future__ import annotations

import re

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings.models import Meeting


def _form(world, supplier, participants, kind="supplier_first"):
    return {
        "kind": kind,
        "title": "",
        "day": "2026-03-10",
        "start": "10:00",
        "end": "11:30",
        "place": "Stadskantoor",
        "video_url": "",
        "participants": [str(u.id) for u in participants],
        "supplier": str(supplier.organisation_id) if supplier else "",
    }


def test_planning_with_supplier_a_invites_only_its_contacts(world, login_as):
    client = login_as(world.coordinator)
    # Nobody of the supplier ticked (no JavaScript): all of A's contacts are added, not B's.
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, world.supplier_a, [world.coordinator, world.hr]),
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "alle contactpersonen zijn uitgenodigd" in response.get_data(as_text=True)
    meeting = db.session.scalars(select(Meeting)).one()
    invited = {p.user_id for p in meeting.participants}
    assert invited == {world.coordinator.id, world.hr.id, world.supplier_a.id}
    assert meeting.title == "Eerste verkenning met Schoon BV"

    # A's contact sees all six shared items; B's contact is not at the table.
    page = login_as(world.supplier_a).get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    assert page.status_code == 200
    assert "Opening en waar wij staan met de banenafspraak" in page.get_data(as_text=True)
    other = login_as(world.supplier_b).get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    assert other.status_code == 403


def test_the_second_talk_is_named_after_the_supplier(world, login_as):
    client = login_as(world.coordinator)
    form = _form(world, world.supplier_b, [world.coordinator, world.supplier_b], "supplier_second")
    assert client.post(f"/pilots/{world.pilot.id}/meetings/new", data=form).status_code == 303
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.title == "Tweede gesprek met Groen BV"
    assert {p.user_id for p in meeting.participants} == {world.coordinator.id, world.supplier_b.id}


def test_a_supplier_meeting_without_a_supplier_is_refused(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, None, [world.coordinator, world.supplier_a]),
    )
    assert response.status_code == 422
    assert "Kies de opdrachtnemer" in response.get_data(as_text=True)
    assert db.session.scalars(select(Meeting)).first() is None


def test_an_organisation_that_is_no_supplier_of_the_pilot_is_refused(world, login_as, make):
    client = login_as(world.coordinator)
    form = _form(world, world.supplier_a, [world.coordinator])
    form["supplier"] = str(world.stranger.organisation_id)
    response = client.post(f"/pilots/{world.pilot.id}/meetings/new", data=form)
    assert response.status_code == 422
    assert db.session.scalars(select(Meeting)).first() is None


def test_choosing_a_supplier_in_the_link_ticks_its_contacts(world, login_as):
    org = world.supplier_a.organisation_id
    page = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/meetings/new?kind=supplier_first&supplier={org}"
    )
    html = page.get_data(as_text=True)
    ticked = {int(i) for i in re.findall(r'value="(\d+)"\s+checked', html)}
    assert world.supplier_a.id in ticked and world.supplier_b.id not in ticked
    # Contacts are listed under their organisation.
    assert "Opdrachtnemer Schoon BV" in html and "Opdrachtnemer Groen BV" in html
