"""Planning meetings: from a template in the user's language, in Dutch time, with members only."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import func, select

from partnerships.extensions import db
from partnerships.meetings.models import Meeting


def _form(world, **overrides):
    data = {
        "kind": "supplier_first",
        "title": "",
        "day": "2026-03-10",
        "start": "10:00",
        "end": "11:30",
        "place": "Stadskantoor",
        "video_url": "",
        "participants": [str(world.coordinator.id), str(world.supplier_a.id)],
        "supplier": str(world.supplier_a.organisation_id),
    }
    data.update(overrides)
    return data


def _edit_form(world, **overrides):
    """The edit page shows the kind without sending it and asks no supplier (both are fixed
    once the meeting is planned)."""
    data = _form(world, **overrides)
    del data["kind"], data["supplier"]
    return data


def _count():
    return db.session.scalar(select(func.count(Meeting.id)))


def test_coordinator_plans_first_supplier_meeting_from_its_template(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(f"/pilots/{world.pilot.id}/meetings/new", data=_form(world))
    assert response.status_code == 303
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.title == "Eerste verkenning met Schoon BV"
    # p.22: six points, from the opening to any other business, all shared with the supplier.
    assert [i.title for i in meeting.items][0] == "Opening en waar wij staan met de banenafspraak"
    assert len(meeting.items) == 6 and all(i.shared for i in meeting.items)
    assert {p.user_id for p in meeting.participants} == {world.coordinator.id, world.supplier_a.id}
    page = client.get(response.headers["Location"])
    assert "Rondvraag" in page.get_data(as_text=True)


def test_the_agenda_comes_in_the_language_of_whoever_plans_it(world, login_as):
    world.coordinator.locale = "en"
    client = login_as(world.coordinator)
    client.post(f"/pilots/{world.pilot.id}/meetings/new", data=_form(world, kind="kickoff"))
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.title == "Working group kick-off"
    assert meeting.items[-1].title == "Any other business"
    # The kick-off is internal: no supplier at the table, so nothing is shared by default.
    assert not any(item.shared for item in meeting.items)


def test_times_are_entered_in_dutch_time_and_stored_in_utc(world, login_as):
    client = login_as(world.coordinator)
    client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, day="2026-07-01", start="10:00", end="11:00"),
    )
    client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, day="2026-01-20", start="14:00", end="15:30"),
    )
    summer, winter = db.session.scalars(select(Meeting).order_by(Meeting.starts_at.desc()))
    assert summer.starts_at == datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # CEST, UTC+2
    assert winter.starts_at == datetime(2026, 1, 20, 13, 0, tzinfo=UTC)  # CET, UTC+1
    assert winter.ends_at == datetime(2026, 1, 20, 14, 30, tzinfo=UTC)
    page = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/meetings/{summer.id}")
    assert "10:00" in page.get_data(as_text=True)


def test_an_end_before_the_start_is_refused_and_nothing_is_saved(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new", data=_form(world, start="11:00", end="10:30")
    )
    assert response.status_code == 422
    assert "De eindtijd moet na de begintijd liggen" in response.get_data(as_text=True)
    assert _count() == 0


def test_someone_outside_the_pilot_cannot_be_invited(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, participants=[str(world.coordinator.id), str(world.stranger.id)]),
    )
    assert response.status_code == 422
    assert "Alleen leden van deze proeftuin" in response.get_data(as_text=True)
    assert world.stranger.name not in response.get_data(as_text=True)
    assert _count() == 0


def test_a_video_link_must_be_an_ordinary_web_address(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new", data=_form(world, video_url="javascript:alert(1)")
    )
    assert response.status_code == 422
    assert _count() == 0
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, video_url="https://meet.example/abc"),
    )
    assert response.status_code == 303
    assert db.session.scalars(select(Meeting)).one().video_url == "https://meet.example/abc"


def test_an_unknown_kind_of_meeting_is_refused(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new", data=_form(world, kind="party")
    )
    assert response.status_code == 422
    assert _count() == 0


def test_a_free_meeting_needs_a_title(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new", data=_form(world, kind="free", title="")
    )
    assert response.status_code == 422
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/new",
        data=_form(world, kind="free", title="Lunch met UWV"),
    )
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.title == "Lunch met UWV" and meeting.items == []


def test_editing_details_keeps_the_agenda_and_refuses_a_stale_copy(world, plan, login_as):
    meeting = plan()
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/edit"
    data = _edit_form(world, title="Kennismaking Schoon BV", version=str(meeting.version))
    assert client.post(url, data=data).status_code == 303
    db.session.refresh(meeting)
    assert meeting.title == "Kennismaking Schoon BV" and len(meeting.items) == 6
    # A colleague submits the form they opened before that change.
    stale = client.post(url, data=_edit_form(world, title="Oud", version="1"))
    assert stale.status_code == 409
    db.session.refresh(meeting)
    assert meeting.title == "Kennismaking Schoon BV"


def test_editing_with_an_end_before_the_start_keeps_the_meeting(world, plan, login_as):
    meeting = plan()
    client = login_as(world.coordinator)
    response = client.post(
        f"/pilots/{world.pilot.id}/meetings/{meeting.id}/edit",
        data=_form(world, start="12:00", end="09:00", version=str(meeting.version)),
    )
    assert response.status_code == 422
    db.session.refresh(meeting)
    assert meeting.ends_at > meeting.starts_at and meeting.version == 1


def test_the_new_meeting_form_invites_the_template_roles(world, login_as):
    page = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/meetings/new?kind=supplier_first"
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    ticked = {int(i) for i in re.findall(r'value="(\d+)"\s+checked', html)}
    assert {world.coordinator.id, world.hr.id} <= ticked
    # With two suppliers nobody is guessed: the planner chooses, and no supplier is ticked.
    assert not ticked & {world.supplier_a.id, world.supplier_b.id}
    assert 'name="supplier"' in html
