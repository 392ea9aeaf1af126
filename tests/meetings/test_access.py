"""Who sees which meeting: supplier A never sees B's, suppliers see only shared parts."""

from __future__ import annotations

import pytest

from partnerships.extensions import db
from partnerships.meetings import agenda


@pytest.fixture
def two_meetings(world, plan):
    meeting_a = plan(
        participants=[world.coordinator, world.supplier_a], title="Gesprek met Schoon BV"
    )
    agenda.add_item(meeting_a, world.coordinator, title="Onze interne grenzen", shared=False)
    meeting_a.items[0].notes = "Gedeelde notitie"
    meeting_a.items[-1].notes = "Interne notitie"
    meeting_b = plan(
        participants=[world.coordinator, world.supplier_b], title="Gesprek met Groen BV"
    )
    db.session.commit()
    return meeting_a, meeting_b


def test_a_supplier_sees_only_the_shared_parts_of_their_own_meeting(world, two_meetings, login_as):
    meeting_a, meeting_b = two_meetings
    client = login_as(world.supplier_a)
    html = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting_a.id}").get_data(as_text=True)
    assert "Opening en waar wij staan met de banenafspraak" in html
    assert "Gedeelde notitie" in html
    assert "Onze interne grenzen" not in html and "Interne notitie" not in html
    assert "Markeren als gehouden" not in html
    listing = client.get(f"/pilots/{world.pilot.id}/meetings").get_data(as_text=True)
    assert "Gesprek met Schoon BV" in listing and "Gesprek met Groen BV" not in listing


def test_a_supplier_never_sees_another_suppliers_meeting(world, two_meetings, login_as):
    meeting_a, meeting_b = two_meetings
    client = login_as(world.supplier_b)
    base = f"/pilots/{world.pilot.id}/meetings/{meeting_a.id}"
    for suffix in ("", "/meeting.ics", "/minutes.docx", "/minutes.pdf", "/print"):
        assert client.get(base + suffix).status_code == 403, suffix


def test_the_board_reads_every_meeting_but_changes_nothing(world, two_meetings, login_as):
    meeting_a, _ = two_meetings
    client = login_as(world.board)
    base = f"/pilots/{world.pilot.id}/meetings/{meeting_a.id}"
    html = client.get(base).get_data(as_text=True)
    assert "Onze interne grenzen" in html and "Interne notitie" in html
    item = meeting_a.items[0]
    assert client.post(base + "/items", data={"title": "x"}).status_code == 403
    assert client.post(base + "/status", data={"status": "held"}).status_code == 403
    assert (
        client.post(base + f"/items/{item.id}/move", data={"direction": "down"}).status_code == 403
    )
    assert client.get(base + "/edit").status_code == 403
    assert client.get(f"/pilots/{world.pilot.id}/meetings/new").status_code == 403
    db.session.expire_all()
    assert db.session.get(type(meeting_a), meeting_a.id).status == "planned"


def test_suppliers_cannot_plan_or_change_meetings(world, two_meetings, login_as):
    meeting_a, _ = two_meetings
    client = login_as(world.supplier_a)
    base = f"/pilots/{world.pilot.id}/meetings/{meeting_a.id}"
    assert client.get(f"/pilots/{world.pilot.id}/meetings/new").status_code == 403
    assert client.post(base + "/items", data={"title": "x"}).status_code == 403
    assert client.post(base + "/status", data={"status": "held"}).status_code == 403


@pytest.mark.parametrize(
    "suffix,method",
    [
        ("", "get"),
        ("/edit", "get"),
        ("/print", "get"),
        ("/meeting.ics", "get"),
        ("/minutes.docx", "get"),
        ("/status", "post"),
        ("/items", "post"),
        ("/items/order", "post"),
    ],
)
def test_a_stranger_is_refused_everywhere(world, two_meetings, login_as, suffix, method):
    meeting_a, _ = two_meetings
    client = login_as(world.stranger)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting_a.id}{suffix}"
    assert getattr(client, method)(url).status_code in (403, 404)
    assert client.get(f"/pilots/{world.pilot.id}/meetings").status_code == 403


def test_a_meeting_of_another_pilot_is_not_found_through_this_one(world, make, login_as, plan):
    other = make.pilot(world.pilot.organisation, world.coordinator, title="Andere proeftuin")
    db.session.commit()
    meeting = plan()
    response = login_as(world.coordinator).get(f"/pilots/{other.id}/meetings/{meeting.id}")
    assert response.status_code == 404


def test_logged_out_visitors_are_sent_to_the_login(world, plan, client):
    meeting = plan()
    response = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
