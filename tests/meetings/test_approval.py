"""Minutes are approved: concept -> out for comment (participants comment until a date) ->
fixed and locked; a correction is version 2 with its reason. The next meeting opens with the
approval and the open actions; a meeting in the future cannot be marked held."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from partnerships.clock import local
from partnerships.database import utcnow
from partnerships.extensions import db
from partnerships.meetings import minutes
from partnerships.meetings.checks import meeting_held
from partnerships.meetings.models import Decision, Meeting, MinutesComment
from tests.quality.forms import form_with, forms_in


def _url(world, meeting, suffix=""):
    return f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes{suffix}"


def _form(client, url, *names):
    return form_with(forms_in(client.get(url).get_data(as_text=True), url), *names)


def test_minutes_go_round_for_comment_are_fixed_locked_and_corrected(world, plan, login_as):
    meeting = plan()  # participants: coordinator, HR, supplier A; not the board
    item = meeting.items[4]  # shared with the supplier
    coordinator = login_as(world.coordinator)
    minutes.decide(
        item, world.coordinator, kind="other", title="Proeftuin starten", decided_by="working_group"
    )
    db.session.commit()

    send = _form(coordinator, _url(world, meeting), "until")
    until = (local(utcnow()).date() + timedelta(days=7)).isoformat()
    assert coordinator.post(send.action, data=send.data(until=until)).status_code == 303
    db.session.refresh(meeting)
    assert meeting.minutes_state == "review"

    # A participant (the supplier's contact) comments on a shared item ...
    comment_url = _url(world, meeting, f"/items/{item.id}/comments")
    response = login_as(world.supplier_a).post(comment_url, data={"text": "Graag ook de planning."})
    assert response.status_code == 303
    # ... someone who was not at the table may not.
    assert login_as(world.board).post(comment_url, data={"text": "Ik ook"}).status_code == 403
    comments = db.session.scalars(select(MinutesComment.text)).all()
    assert comments == ["Graag ook de planning."]
    coordinator = login_as(world.coordinator)
    assert "Graag ook de planning." in coordinator.get(_url(world, meeting)).get_data(as_text=True)

    # HR (neither chair nor coordinator) cannot fix them; the coordinator can.
    assert login_as(world.hr).post(_url(world, meeting, "/fix")).status_code == 403
    coordinator = login_as(world.coordinator)
    assert coordinator.post(_url(world, meeting, "/fix")).status_code == 303
    assert db.session.scalars(select(Decision.title)).all() == ["Proeftuin starten"]

    # Locked: saving text from a page opened before the fixing is refused and changes
    # nothing, but the text typed there comes back on the page, to be used in a correction.
    response = coordinator.post(
        _url(world, meeting),
        data={f"notes-{item.id}": "Ria vult de planning aan", f"version-{item.id}": "1"},
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "vastgesteld terwijl jij typte" in html and "Ria vult de planning aan" in html
    assert 'name="notes-' not in html  # shown as text, not as a box to save again
    db.session.refresh(item)
    assert item.notes == ""

    # A correction with its reason becomes version 2; the register still names version 1.
    correct = _form(coordinator, _url(world, meeting), "reason")
    response = coordinator.post(
        correct.action, data=correct.data(reason="Naam van de wethouder verbeterd")
    )
    assert response.status_code == 303
    page = coordinator.get(_url(world, meeting)).get_data(as_text=True)
    assert "Versie 2" in page and "Naam van de wethouder verbeterd" in page
    register = coordinator.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert "Verslag versie 1, vastgesteld op" in register
    coordinator.post(_url(world, meeting, "/fix"))
    register = coordinator.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert "Verslag versie 2, vastgesteld op" in register
    assert len(db.session.scalars(select(Decision)).all()) == 1  # not entered twice


def test_comments_after_the_date_are_refused(world, plan, login_as):
    meeting = plan()
    meeting.minutes_state, meeting.comments_until = "review", date(2026, 1, 1)
    db.session.commit()
    url = _url(world, meeting, f"/items/{meeting.items[4].id}/comments")
    response = login_as(world.supplier_a).post(url, data={"text": "Te laat"})
    assert response.status_code == 409
    assert db.session.scalars(select(MinutesComment)).all() == []


def test_the_next_meeting_carries_the_approval_and_the_open_actions(world, plan, login_as):
    first = plan(day=date(2026, 3, 10))
    item = first.items[1]
    for title, deadline, status in (
        ("Werkplekken inventariseren", date(2026, 3, 20), "open"),  # overdue by the next
        ("Contract nalopen", date(2026, 5, 1), "busy"),
        ("Lijst rondsturen", date(2026, 3, 12), "done"),  # done: not carried over
    ):
        action = minutes.agree_action(
            item, world.coordinator, title=title, role="hr_expert", deadline=deadline
        )
        action.status = status
    db.session.commit()

    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/new?kind=progress"
    form = form_with(forms_in(client.get(url).get_data(as_text=True), url), "day")
    data = form.data(
        day="2026-04-07", start="10:00", end="11:00", supplier=str(world.supplier_a.organisation_id)
    )
    response = client.post(form.action, data=data)
    assert response.status_code == 303
    second = db.session.scalars(select(Meeting).order_by(Meeting.id.desc())).first()
    titles = [i.title for i in second.items]
    assert titles[0].startswith("Vaststellen verslag van " + first.title)
    assert titles[1] == "Openstaande acties uit eerdere overleggen"
    listed = second.items[1].description
    # Two of the three actions are open; the one due 20 March is overdue on 7 April.
    assert listed.count("\n- ") + listed.startswith("- ") == 2
    assert "Werkplekken inventariseren (deadline 20-03-2026, **te laat**)" in listed
    assert "Contract nalopen (deadline 01-05-2026)" in listed
    assert "Lijst rondsturen" not in listed

    # Marking the next meeting held fixes the earlier minutes.
    status = f"/pilots/{world.pilot.id}/meetings/{second.id}/status"
    assert client.post(status, data={"status": "held"}).status_code == 303
    db.session.refresh(first)
    assert first.minutes_state == "fixed"


def test_a_meeting_in_the_future_cannot_be_marked_held_and_its_check_stays_open(
    world, plan, login_as
):
    future = plan(
        kind="kickoff",
        day=local(utcnow()).date() + timedelta(days=2),
        start=time(9, 0),
        end=time(10, 0),
    )
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/{future.id}/status"
    response = client.post(url, data={"status": "held"})
    assert response.status_code == 409
    assert "nog niet begonnen" in response.get_data(as_text=True)
    db.session.refresh(future)
    assert future.status == "planned"
    assert meeting_held(world.pilot, "kickoff").status == "missing"
    # Data from before this rule: a future meeting marked held still does not count.
    future.status = "held"
    db.session.commit()
    assert meeting_held(world.pilot, "kickoff").status == "missing"
    # A kick-off that did take place does.
    past = plan(kind="kickoff", day=date(2026, 1, 20))
    assert (
        client.post(
            f"/pilots/{world.pilot.id}/meetings/{past.id}/status", data={"status": "held"}
        ).status_code
        == 303
    )
    assert meeting_held(world.pilot, "kickoff").status == "done"
    assert meeting_held(world.pilot, "board").status == "missing"  # another template
