"""Findings of the security review: what one supplier must not see of another, and input that
used to crash a page instead of answering with a message."""

from __future__ import annotations

from datetime import date, time

from partnerships.extensions import db
from partnerships.meetings import minutes, monitoring
from partnerships.meetings.exports import to_ics
from tests.supplier_actions import supplier_action


def _shared_actions(world, meeting):
    """One shared action for each supplier, agreed on the first (shared) agenda item."""
    item = meeting.items[0]
    item.shared = True
    minutes.agree_action(
        item,
        world.coordinator,
        title="Schoon BV levert lijst",
        role="supplier",
        assignee=world.supplier_a,
    )
    minutes.agree_action(
        item,
        world.coordinator,
        title="Groen BV levert lijst",
        role="supplier",
        assignee=world.supplier_b,
    )
    db.session.commit()
    return item


def test_a_supplier_does_not_see_another_suppliers_action_on_a_shared_item(world, plan, login_as):
    meeting = plan(participants=[world.coordinator, world.supplier_a, world.supplier_b])
    _shared_actions(world, meeting)
    client = login_as(world.supplier_a)
    html = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}").get_data(as_text=True)
    assert "Schoon BV levert lijst" in html
    assert "Groen BV levert lijst" not in html
    docx = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes.docx").data
    from io import BytesIO

    from docx import Document

    text = "\n".join(p.text for p in Document(BytesIO(docx)).paragraphs)
    assert "Schoon BV levert lijst" in text and "Groen BV levert lijst" not in text
    # The coordinator still sees both.
    html = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    assert "Groen BV levert lijst" in html.get_data(as_text=True)


def test_the_progress_agenda_shows_a_supplier_only_its_own_shared_actions(world, plan, login_as):
    supplier_action(world.pilot, world.coordinator, "Actie voor Groen", world.supplier_b)
    supplier_action(world.pilot, world.coordinator, "Actie voor Schoon", world.supplier_a)
    meeting = plan(kind="progress", participants=[world.coordinator, world.supplier_a])
    html = login_as(world.supplier_a).get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    html = html.get_data(as_text=True)
    assert "Actie voor Schoon" in html
    assert "Actie voor Groen" not in html


def test_suppliers_are_not_offered_the_decision_register_tab(world, plan, login_as):
    meeting = plan()
    html = login_as(world.supplier_a).get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}")
    assert f"/pilots/{world.pilot.id}/decisions" not in html.get_data(as_text=True)
    assert login_as(world.supplier_a).get(f"/pilots/{world.pilot.id}/decisions").status_code == 403
    html = login_as(world.board).get(f"/pilots/{world.pilot.id}/meetings").get_data(as_text=True)
    assert f"/pilots/{world.pilot.id}/decisions" in html


def test_a_supplier_cannot_close_a_meeting_whatever_it_sends(world, plan, login_as):
    meeting = plan()
    client = login_as(world.supplier_a)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/status"
    assert client.post(url, data={"status": "bogus"}).status_code == 403
    assert client.post(url, data={"status": "held"}).status_code == 403


def test_an_action_agreed_for_a_non_owning_role_or_a_supplier_on_an_internal_item_is_refused(
    world, plan, login_as
):
    meeting = plan()
    item = meeting.items[0]
    item.shared = False
    db.session.commit()
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes"
    response = client.post(
        url,
        data={
            "add": f"action-{item.id}",
            f"action-{item.id}-title": "Lijst",
            f"action-{item.id}-role": "supplier",
            f"action-{item.id}-assignee": world.supplier_a.id,
        },
    )
    assert response.status_code == 422
    assert "Lijst" in response.get_data(as_text=True)  # what was typed stays
    # "The working group as a whole" cannot own an action, so it is not offered either.
    response = client.post(
        url,
        data={
            "add": f"action-{item.id}",
            f"action-{item.id}-title": "Lijst",
            f"action-{item.id}-role": "working_group",
        },
    )
    assert response.status_code == 422
    assert not item.action_links


def test_huge_ids_in_the_address_are_not_found(world, plan, login_as):
    meeting = plan()
    client = login_as(world.coordinator)
    huge = 99999999999999999999
    assert client.get(f"/pilots/{huge}/meetings").status_code == 404
    assert client.get(f"/pilots/{world.pilot.id}/meetings/{huge}").status_code == 404
    assert client.get(f"/pilots/{world.pilot.id}/decisions/{huge}/supersede").status_code == 404
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/items/{huge}/move"
    assert client.post(url, data={"direction": "up"}).status_code == 404


def test_a_meeting_date_outside_any_pilot_is_refused_with_a_message(world, login_as):
    client = login_as(world.coordinator)
    for day in ("0001-01-01", "9999-12-31"):
        response = client.post(
            f"/pilots/{world.pilot.id}/meetings/new",
            data={
                "kind": "free",
                "title": "Ver weg",
                "day": day,
                "start": "00:00",
                "end": "01:00",
                "participants": world.coordinator.id,
            },
        )
        assert response.status_code == 422
        assert "2000 en 2100" in response.get_data(as_text=True)
    response = client.post(
        f"/pilots/{world.pilot.id}/decisions",
        data={
            "kind": "other",
            "title": "Oud",
            "decided_by": "board",
            "status": "taken",
            "decided_on": "0001-01-01",
        },
    )
    assert response.status_code == 422


def test_a_calendar_file_at_the_calendars_edge_still_downloads(world, plan, login_as):
    meeting = plan(kind="free", title="Rand", day=date(9999, 12, 31), start=time(22), end=time(23))
    assert b"BEGIN:VEVENT" in to_ics(meeting, [], "http://x")
    response = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/meetings/{meeting.id}/meeting.ics"
    )
    assert response.status_code == 200


def test_the_monitoring_term_stops_at_the_calendars_edge(world):
    world.pilot.start_date = date(9999, 1, 1)
    assert monitoring.term_end(world.pilot) == date.max
    assert monitoring._add_months(date(9999, 12, 31), 3) == date.max
