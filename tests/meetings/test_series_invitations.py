"""A monitoring series planned in one go invites like a single meeting: every meeting
planned, moved or cancelled reaches each participant (and guest with an address) as an
iCalendar REQUEST or CANCEL, all of one request over one SMTP connection; with the mail
server down the series is saved and what did not go out is listed to send again."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest

from partnerships import clock
from partnerships.extensions import db
from partnerships.meetings.models import Meeting, MeetingStatus
from tests.mailbox import Inbox, free_port, serve
from tests.quality.forms import form_with, forms_in

# A pilot that starts on 1 October 2029 runs two years without contracts: until
# 1 October 2031. Today is 21 November 2030, so the series starts with the next quarter.
PILOT_START = date(2029, 10, 1)
TODAY = date(2030, 11, 21)
# The first Tuesday of each quarter of 2031: 1 January is a Wednesday, so the 7th;
# 1 April and 1 July are Tuesdays; 1 October is a Wednesday, so the 7th.
QUARTERLY = [date(2031, 1, 7), date(2031, 4, 1), date(2031, 7, 1), date(2031, 10, 7)]
# Half-yearly: January and July, the same Tuesdays.
HALF_YEARLY = [date(2031, 1, 7), date(2031, 7, 1)]
GUEST = "karin@schoon.example"


class CountingInbox(Inbox):
    """Also counts the connections: every SMTP client greets once per connection."""

    def __init__(self):
        super().__init__()
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.connections += 1
        session.host_name = hostname
        return responses

    def clear(self):
        self.received.clear()
        self.connections = 0


@pytest.fixture
def mailbox(app, world, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    world.pilot.start_date = PILOT_START
    db.session.commit()
    inbox, controller = serve(app, CountingInbox())
    yield inbox
    controller.stop()


def _event(message):
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    calendar = icalendar.Calendar.from_ical(part.get_content())
    return str(calendar["METHOD"]), next(iter(calendar.walk("VEVENT")))


def _set_series(client, world, **fields):
    """Post the series form the meetings page renders, with the fields given."""
    url = f"/pilots/{world.pilot.id}/meetings"
    form = form_with(forms_in(client.get(url).get_data(as_text=True), url), "frequency")
    return client.post(form.action, data=form.data(**fields), follow_redirects=True)


def _series():
    db.session.expire_all()
    return db.session.scalars(
        db.select(Meeting).where(Meeting.kind == "progress").order_by(Meeting.starts_at)
    ).all()


def _by_meeting(mailbox):
    """(recipient, day, METHOD, UID, SEQUENCE, attendees, description) per message."""
    rows = []
    for rcpt, message in mailbox.received:
        method, event = _event(message)
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        rows.append(
            (
                rcpt[0],
                event.decoded("DTSTART").date(),
                method,
                str(event["UID"]),
                int(event["SEQUENCE"]),
                sorted(str(a).removeprefix("mailto:") for a in event.get("ATTENDEE")),
                str(event["DESCRIPTION"]),
                event.decoded("DTSTART").hour,
            )
        )
    return rows


def test_a_series_invites_everyone_and_tells_them_what_moved_and_what_went(
    world, login_as, mailbox
):
    client = login_as(world.coordinator)
    response = _set_series(client, world, frequency="quarter", start="10:00")
    assert response.status_code == 200
    meetings = _series()
    assert [clock.local(m.starts_at).date() for m in meetings] == QUARTERLY
    # The planner (coordinator) and the HR expert hold roles of the progress template;
    # the board and the suppliers' contacts are not invited: 4 meetings x 2 people.
    people = sorted([world.coordinator.email, world.hr.email])
    rows = _by_meeting(mailbox)
    assert len(rows) == 4 * 2
    assert mailbox.connections == 1
    uids = {}
    for meeting in meetings:
        day = clock.local(meeting.starts_at).date()
        mine = [r for r in rows if r[1] == day]
        assert sorted(r[0] for r in mine) == people
        for _to, _day, method, _uid, sequence, attendees, _text, hour in mine:
            assert (method, sequence, attendees, hour) == ("REQUEST", 0, people, 10)
        assert len({r[3] for r in mine}) == 1
        uids[meeting.id] = mine[0][3]
    assert len(set(uids.values())) == 4  # one UID per meeting

    # A supplier's planner joins the July and April meetings as guests with an address;
    # July's first item is for the working group only.
    april, july = meetings[1], meetings[2]
    july.items[0].shared = False
    internal_item = july.items[0].title
    db.session.commit()
    for meeting in (april, july):
        page = f"/pilots/{world.pilot.id}/meetings/{meeting.id}"
        guest_form = next(
            f
            for f in forms_in(client.get(page).get_data(as_text=True), page)
            if f.action.endswith("/guests")
        )
        data = guest_form.data(
            **{
                "guest-organisation": "Schoon BV",
                "guest-function": "Planner",
                "guest-name": "Karin Schoon",
                "guest-email": GUEST,
                "guest-consent": "y",
            }
        )
        assert client.post(guest_form.action, data=data).status_code == 303
    mailbox.clear()

    # Half-yearly from 14:00: January and July keep their place and move to 14:00 (an
    # update, SEQUENCE 1); April and October are gone (a cancellation, SEQUENCE 1).
    response = _set_series(client, world, frequency="half_year", start="14:00")
    assert response.status_code == 200
    assert mailbox.connections == 1
    rows = _by_meeting(mailbox)
    # January 2 + July 3 (with the guest) + April 3 (with the guest) + October 2.
    assert len(rows) == 2 + 3 + 3 + 2
    with_guest = sorted([*people, GUEST])
    expected = {
        QUARTERLY[0]: ("REQUEST", people, 14),
        QUARTERLY[2]: ("REQUEST", with_guest, 14),
        QUARTERLY[1]: ("CANCEL", with_guest, 10),
        QUARTERLY[3]: ("CANCEL", people, 10),
    }
    for meeting in meetings:
        day = clock.local(meeting.starts_at).date()
        method, attendees, hour = expected[day]
        mine = [r for r in rows if r[1] == day]
        assert sorted(r[0] for r in mine) == attendees
        for _to, _day, got_method, uid, sequence, got_attendees, _text, got_hour in mine:
            assert (got_method, uid, sequence) == (method, uids[meeting.id], 1)
            assert (got_attendees, got_hour) == (attendees, hour)
    # The guest of July sees only the shared agenda; the working group all of it.
    july_rows = [r for r in rows if r[1] == QUARTERLY[2]]
    for to, *_rest, description, _hour in july_rows:
        assert (internal_item in description) == (to != GUEST)

    series = _series()
    assert [
        (clock.local(m.starts_at).date(), clock.local(m.starts_at).hour, m.status) for m in series
    ] == [
        (HALF_YEARLY[0], 14, MeetingStatus.PLANNED),
        (QUARTERLY[1], 10, MeetingStatus.CANCELLED),
        (HALF_YEARLY[1], 14, MeetingStatus.PLANNED),
        (QUARTERLY[3], 10, MeetingStatus.CANCELLED),
    ]
    mailbox.clear()

    # Saving the same series again changes nothing and mails nobody.
    assert _set_series(client, world, frequency="half_year", start="14:00").status_code == 200
    assert mailbox.received == [] and mailbox.connections == 0


def test_with_the_mail_server_down_the_series_is_saved_and_what_failed_is_listed(
    world, login_as, mailbox, app
):
    client = login_as(world.coordinator)
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    response = _set_series(client, world, frequency="half_year", start="09:30")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    # Two meetings, two people each: four invitations did not go out.
    assert "4 uitnodigingen voor 2 overleggen" in html
    meetings = _series()
    assert [clock.local(m.starts_at).date() for m in meetings] == HALF_YEARLY
    # The meetings list points to each meeting with what failed; its page resends them.
    listing = f"/pilots/{world.pilot.id}/meetings"
    links = [f"/pilots/{world.pilot.id}/meetings/{m.id}#invitations" for m in meetings]
    for link in links:
        assert f'href="{link}"' in html
    app.config["MAIL_PORT"] = working_port
    # One meeting's page offers each of its two messages again.
    page = f"/pilots/{world.pilot.id}/meetings/{meetings[0].id}"
    resends = [
        f for f in forms_in(client.get(page).get_data(as_text=True), page) if "/resend" in f.action
    ]
    assert len(resends) == 2
    # The meetings page sends all four again at once, over one connection.
    again = next(f for f in forms_in(html, listing) if f.action.endswith("/deliveries/resend"))
    response = client.post(again.action, data=again.data(), follow_redirects=True)
    assert "4 berichten verstuurd" in response.get_data(as_text=True)
    assert (len(mailbox.received), mailbox.connections) == (4, 1)
    assert sorted(r[0] for r, _m in mailbox.received) == sorted(
        [world.coordinator.email, world.hr.email] * 2
    )
    assert all(_event(m)[0] == "REQUEST" for m in mailbox.messages)
    html = client.get(listing).get_data(as_text=True)
    assert "#invitations" not in html and "/deliveries/resend" not in html
    # A supplier's contact has no say over the group's mail: 403 (their page has no button).
    outsider = login_as(world.supplier_a)
    response = outsider.post(again.action, data=again.data(), hand_built=True)
    assert response.status_code == 403


def test_a_bad_start_time_is_refused_with_a_message_and_nothing_planned(world, login_as, mailbox):
    client = login_as(world.coordinator)
    response = _set_series(client, world, frequency="quarter", start="25:61")
    assert response.status_code == 422
    assert "Ongeldige waarde voor tijd" in response.get_data(as_text=True)
    assert _series() == [] and mailbox.received == []


def test_a_guest_taken_off_hears_it_and_a_move_costs_one_connection(world, plan, login_as, mailbox):
    meeting = plan(day=date(2031, 3, 10), participants=[world.coordinator, world.hr])
    client = login_as(world.coordinator)
    page = f"/pilots/{world.pilot.id}/meetings/{meeting.id}"
    guests = next(
        f
        for f in forms_in(client.get(page).get_data(as_text=True), page)
        if f.action.endswith("/guests")
    )
    data = guests.data(
        **{
            "guest-organisation": "Schoon BV",
            "guest-function": "Planner",
            "guest-email": GUEST,
            "guest-consent": "y",
        }
    )
    assert client.post(guests.action, data=data).status_code == 303
    # Only the newcomer is invited; the others' invitation still holds.
    assert [rcpt for rcpt, _m in mailbox.received] == [[GUEST]]
    mailbox.clear()

    remove = next(
        f for f in forms_in(client.get(page).get_data(as_text=True), page) if "/remove" in f.action
    )
    assert client.post(remove.action, data=remove.data()).status_code == 303
    rows = {r[0]: r for r in _by_meeting(mailbox)}
    people = sorted([world.coordinator.email, world.hr.email])
    assert sorted(rows) == sorted([*people, GUEST])
    assert rows[GUEST][2:5] == ("CANCEL", rows[people[0]][3], 1)
    for person in people:
        assert rows[person][2] == "REQUEST" and rows[person][4] == 1
        assert rows[person][5] == people  # the guest is off the attendee list
    assert mailbox.connections == 1
    mailbox.clear()

    # Moving it: the update to both participants, over one connection.
    url = f"{page}/edit"
    edit = form_with(forms_in(client.get(url).get_data(as_text=True), url), "day")
    assert client.post(edit.action, data=edit.data(start="11:00", end="12:30")).status_code == 303
    assert sorted(r[0] for r in _by_meeting(mailbox)) == people
    assert mailbox.connections == 1


def test_the_meeting_of_the_period_under_way_stays_when_the_series_changes(world, mailbox):
    from partnerships.meetings import monitoring

    monitoring.plan_monitoring(world.pilot, world.coordinator, "month", locale="nl", today=TODAY)
    db.session.commit()
    # December 2030 up to and including October 2031: 1 + 10 = 11 months.
    assert len(_series()) == 11
    monitoring.plan_monitoring(world.pilot, world.coordinator, "quarter", locale="nl", today=TODAY)
    db.session.commit()
    # The quarterly series starts in January; December's meeting (1 December 2030 is a
    # Sunday: the 3rd) belongs to the quarter under way and stays. The six months without
    # a place are removed, not cancelled: no invitation to them ever went out.
    assert [clock.local(m.starts_at).date() for m in _series()] == [date(2030, 12, 3), *QUARTERLY]
    assert all(m.status == MeetingStatus.PLANNED for m in _series())


def test_a_series_meeting_off_the_series_days_is_moved_not_replaced(world, plan, mailbox):
    from partnerships.meetings import monitoring

    # A series meeting on a day the rule no longer gives (the second Tuesday of January).
    stray = plan(kind="progress", day=date(2031, 1, 14), participants=[world.coordinator])
    stray.auto_planned = True
    db.session.commit()
    change = monitoring.plan_monitoring(
        world.pilot, world.coordinator, "quarter", locale="nl", today=TODAY
    )
    db.session.commit()
    # It takes the first day of the series (same meeting, same UID, SEQUENCE 1) and the
    # other three are new.
    assert [m.id for m, _previous in change.changed] == [stray.id]
    assert (clock.local(stray.starts_at).date(), stray.sequence) == (QUARTERLY[0], 1)
    assert [clock.local(m.starts_at).date() for m in change.new] == QUARTERLY[1:]
    assert [m.id for m in _series()][0] == stray.id and len(_series()) == 4
