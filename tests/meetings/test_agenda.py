"""Agenda items: add, edit, remove and reorder, with and without htmx; held meetings close."""

from __future__ import annotations

from partnerships.extensions import db
from partnerships.meetings import agenda
from partnerships.meetings.models import AgendaItem, MeetingStatus

HTMX = {"HX-Request": "true"}


def _titles(meeting):
    db.session.expire_all()
    return [item.title for item in db.session.get(type(meeting), meeting.id).items]


def _url(world, meeting, suffix=""):
    return f"/pilots/{world.pilot.id}/meetings/{meeting.id}{suffix}"


def test_a_working_group_member_adds_an_internal_item_at_the_end(world, plan, login_as):
    meeting = plan()
    client = login_as(world.hr)
    response = client.post(
        _url(world, meeting, "/items"),
        data={"title": "Onze onderhandelingsruimte", "description": ""},
    )
    assert response.status_code == 303
    item = _titles(meeting)
    assert item[-1] == "Onze onderhandelingsruimte" and len(item) == 7
    added = db.session.get(type(meeting), meeting.id).items[-1]
    assert added.shared is False and added.position == 6


def test_an_item_without_a_title_is_refused(world, plan, login_as):
    meeting = plan()
    response = login_as(world.hr).post(_url(world, meeting, "/items"), data={"title": " "})
    assert response.status_code == 422
    assert len(_titles(meeting)) == 6


def test_editing_an_item_shares_it_and_refuses_a_stale_copy(world, plan, login_as):
    meeting = plan(kind="kickoff")
    item = meeting.items[0]
    client = login_as(world.coordinator)
    url = _url(world, meeting, f"/items/{item.id}/edit")
    assert client.get(url).status_code == 200
    response = client.post(url, data={"title": "Opening", "shared": "y", "version": "1"})
    assert response.status_code == 303
    db.session.refresh(item)
    assert item.title == "Opening" and item.shared
    assert client.post(url, data={"title": "Oud", "version": "1"}).status_code == 409
    db.session.refresh(item)
    assert item.title == "Opening"


def test_moving_an_item_up_answers_htmx_with_the_new_agenda(world, plan, login_as):
    meeting = plan()
    second = meeting.items[1]
    client = login_as(world.hr)
    response = client.post(
        _url(world, meeting, f"/items/{second.id}/move"), data={"direction": "up"}, headers=HTMX
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith('<section id="agenda"')
    assert "<html" not in html
    titles = _titles(meeting)
    assert titles[0] == "Ons doel en de samenwerking die we zoeken"
    assert titles[1] == "Opening en waar wij staan met de banenafspraak"


def test_moving_without_javascript_redirects_back_to_the_agenda(world, plan, login_as):
    meeting = plan()
    first = meeting.items[0]
    response = login_as(world.hr).post(
        _url(world, meeting, f"/items/{first.id}/move"), data={"direction": "down"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}#agenda")
    assert _titles(meeting)[1] == "Opening en waar wij staan met de banenafspraak"
    # The last item cannot go further down: nothing changes, nothing breaks.
    last = db.session.get(type(meeting), meeting.id).items[-1]
    login_as(world.hr).post(
        _url(world, meeting, f"/items/{last.id}/move"), data={"direction": "down"}
    )
    assert _titles(meeting)[-1] == "Rondvraag"


def test_a_move_naming_an_item_of_another_meeting_changes_nothing(world, plan, login_as):
    meeting, other = plan(), plan(kind="kickoff")
    foreign = other.items[2]
    before, before_other = _titles(meeting), _titles(other)
    response = login_as(world.coordinator).post(
        _url(world, meeting, f"/items/{foreign.id}/move"), data={"direction": "up"}
    )
    assert response.status_code == 404
    assert "niet van dit overleg" in response.get_data(as_text=True)
    assert _titles(meeting) == before and _titles(other) == before_other


def test_a_full_reorder_must_name_exactly_this_meetings_items(world, plan, login_as):
    meeting, other = plan(), plan(kind="kickoff")
    ids = [item.id for item in meeting.items]
    client = login_as(world.coordinator)
    before = _titles(meeting)
    bad = client.post(
        _url(world, meeting, "/items/order"),
        data={"item": [str(i) for i in ids[:-1] + [other.items[0].id]]},
    )
    assert bad.status_code == 400
    assert "Er is niets veranderd" in bad.get_data(as_text=True)
    assert _titles(meeting) == before
    assert (
        client.post(_url(world, meeting, "/items/order"), data={"item": ["x"]}).status_code == 400
    )
    # No page has a form for the whole order (it is there for a drag-and-drop script).
    good = client.post(
        _url(world, meeting, "/items/order"),
        data={"item": [str(i) for i in reversed(ids)]},
        headers=HTMX,
        hand_built=True,
    )
    assert good.status_code == 200
    assert _titles(meeting) == list(reversed(before))


def test_removing_an_item_closes_the_gap(world, plan, login_as):
    meeting = plan()
    third = meeting.items[2]
    response = login_as(world.hr).post(_url(world, meeting, f"/items/{third.id}/remove"))
    assert response.status_code == 303
    db.session.expire_all()
    items = db.session.get(type(meeting), meeting.id).items
    assert len(items) == 5 and [i.position for i in items] == [0, 1, 2, 3, 4]
    assert db.session.get(AgendaItem, third.id) is None


def test_a_held_meeting_is_closed_for_the_working_group_but_not_the_coordinator(
    world, plan, login_as
):
    meeting = plan()
    client = login_as(world.hr)
    assert client.post(_url(world, meeting, "/status"), data={"status": "held"}).status_code == 303
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.HELD
    refused = client.post(_url(world, meeting, "/items"), data={"title": "Nog iets"})
    assert refused.status_code == 403
    assert "Alleen de coördinator" in refused.get_data(as_text=True)
    page = client.get(_url(world, meeting)).get_data(as_text=True)
    assert "Markeren als gehouden" not in page
    # The HR member cannot open it again either.
    assert (
        client.post(_url(world, meeting, "/status"), data={"status": "planned"}).status_code == 403
    )
    coordinator = login_as(world.coordinator)
    assert (
        coordinator.post(
            _url(world, meeting, "/items"), data={"title": "Nagekomen punt"}
        ).status_code
        == 303
    )
    assert _titles(meeting)[-1] == "Nagekomen punt"
    assert (
        coordinator.post(_url(world, meeting, "/status"), data={"status": "planned"}).status_code
        == 303
    )
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.PLANNED and meeting.held_on is None


def test_an_unknown_status_is_refused(world, plan, login_as):
    meeting = plan()
    response = login_as(world.coordinator).post(
        _url(world, meeting, "/status"), data={"status": "postponed"}
    )
    assert response.status_code == 400
    db.session.refresh(meeting)
    assert meeting.status == MeetingStatus.PLANNED


def test_marking_held_dates_the_meeting_in_dutch_time(world, plan):
    from datetime import date, time

    meeting = plan(day=date(2026, 3, 10), start=time(0, 30), end=time(1, 30))
    agenda.set_status(meeting, world.coordinator, MeetingStatus.HELD)
    # 00:30 in Amsterdam is still the 9th in UTC; the meeting was held on the 10th.
    assert meeting.held_on == date(2026, 3, 10)
