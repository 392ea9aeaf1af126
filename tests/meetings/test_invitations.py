"""Invitations that arrive: planning, moving and cancelling a meeting mails every participant
an iCalendar REQUEST or CANCEL over SMTP; what bounced or found the server down is listed
on the meeting page and can be sent again."""

from __future__ import annotations

import socket
import threading
from datetime import timedelta

import icalendar
import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from partnerships import clock
from partnerships.clock import local
from partnerships.extensions import db
from partnerships.meetings.models import InvitationDelivery, Meeting
from tests.mailbox import Inbox, body, free_port, serve
from tests.quality.forms import form_with, forms_in

BOUNCING = "weg@nergens.example"


class BouncingInbox(Inbox):
    """An SMTP server that refuses one address, as a mail server does for a bad mailbox."""

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address == BOUNCING:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def mailbox(app):
    inbox, controller = serve(app)
    yield inbox
    controller.stop()


def _calendar(message) -> icalendar.Calendar:
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    return icalendar.Calendar.from_ical(part.get_content())


def _event(calendar):
    return next(c for c in calendar.walk("VEVENT"))


def _plan_form(client, world, **fields):
    url = f"/pilots/{world.pilot.id}/meetings/new?kind=supplier_first&supplier="
    html = client.get(url).get_data(as_text=True)
    form = form_with(forms_in(html, url), "day", "guest-organisation")
    return form, form.data(**fields)


def _plan_in_three_days(client, world, **fields):
    """The first talk with supplier A, planned three days ahead from nine to ten."""
    return _plan_form(
        client,
        world,
        day=(clock.today() + timedelta(days=3)).isoformat(),
        start="09:00",
        end="10:00",
        supplier=str(world.supplier_a.organisation_id),
        **fields,
    )


def test_planning_moving_and_cancelling_send_calendar_invitations(world, login_as, mailbox):
    client = login_as(world.coordinator)
    day = clock.today() + timedelta(days=14)
    form, data = _plan_form(
        client,
        world,
        day=day.isoformat(),
        start="10:00",
        end="11:30",
        supplier=str(world.supplier_a.organisation_id),
        **{
            "guest-organisation": "Schoon BV",
            "guest-function": "Vestigingsmanager",
            "guest-name": "Karin Schoon",
            "guest-email": "karin@schoon.example",
            "guest-consent": "y",
        },
    )
    # The page ticks the planner, the template's roles and supplier A's contact: three people.
    data["participants"] = [str(u.id) for u in (world.coordinator, world.hr, world.supplier_a)]
    response = client.post(form.action, data=data)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    meeting = db.session.scalars(db.select(Meeting)).one()

    # Three participants with an account and one external: four messages.
    addresses = sorted(
        [world.coordinator.email, world.hr.email, world.supplier_a.email, "karin@schoon.example"]
    )
    assert sorted(r[0] for r, _m in mailbox.received) == addresses
    uids = set()
    for message in mailbox.messages:
        calendar = _calendar(message)
        event = _event(calendar)
        assert str(calendar["METHOD"]) == "REQUEST"
        attendees = sorted(str(a).removeprefix("mailto:") for a in event.get("ATTENDEE"))
        assert attendees == addresses
        assert str(event["ORGANIZER"]) == f"mailto:{world.coordinator.email}"
        assert int(event["SEQUENCE"]) == 0
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        # The zone travels with the invitation, so Outlook needs no zone of its own.
        assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
        assert event.decoded("DTSTART").hour == 10
        uids.add(str(event["UID"]))
    assert len(uids) == 1

    # The supplier's contact and the guest see only the shared agenda, not internal items.
    meeting.items[0].shared = False
    db.session.commit()
    mailbox.received.clear()

    # Moving the meeting an hour: the same UID with SEQUENCE 1, to all four.
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/edit"
    edit = form_with(forms_in(client.get(url).get_data(as_text=True), url), "day")
    assert client.post(edit.action, data=edit.data(start="11:00", end="12:30")).status_code == 303
    assert len(mailbox.messages) == 4
    (uid,) = uids
    for rcpt, message in mailbox.received:
        event = _event(_calendar(message))
        assert (str(event["UID"]), int(event["SEQUENCE"])) == (uid, 1)
        assert event.decoded("DTSTART").hour == 11
        description = str(event["DESCRIPTION"])
        internal_title = meeting.items[0].title
        if rcpt[0] in (world.supplier_a.email, "karin@schoon.example"):
            assert internal_title not in description
        else:
            assert internal_title in description
    mailbox.received.clear()

    # The .ics download is the same invitation with the same attendees.
    ics = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}/meeting.ics")
    event = _event(icalendar.Calendar.from_ical(ics.data))
    assert sorted(str(a).removeprefix("mailto:") for a in event.get("ATTENDEE")) == addresses

    # Cancelling: METHOD:CANCEL with SEQUENCE 2 to all four.
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/status"
    assert client.post(url, data={"status": "cancelled"}).status_code == 303
    assert len(mailbox.messages) == 4
    for message in mailbox.messages:
        calendar = _calendar(message)
        assert str(calendar["METHOD"]) == "CANCEL"
        event = _event(calendar)
        assert int(event["SEQUENCE"]) == 2 and str(event["STATUS"]) == "CANCELLED"


def test_a_bouncing_address_is_listed_and_can_be_sent_again(world, plan, login_as, app):
    inbox, controller = serve(app, BouncingInbox())
    try:
        client = login_as(world.coordinator)
        form, data = _plan_in_three_days(
            client,
            world,
            **{
                "guest-organisation": "Schoon BV",
                "guest-function": "Planner",
                "guest-email": BOUNCING,
                "guest-consent": "y",
            },
        )
        data["participants"] = [str(world.coordinator.id), str(world.supplier_a.id)]
        response = client.post(form.action, data=data, follow_redirects=True)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert BOUNCING in html and "niet verstuurd" in html  # the planner is told
        meeting = db.session.scalars(db.select(Meeting)).one()  # and the meeting is saved
        assert len(inbox.messages) == 2
        failed = db.session.scalars(
            db.select(InvitationDelivery).where(InvitationDelivery.ok.is_(False))
        ).all()
        assert [d.email for d in failed] == [BOUNCING]
        page_url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}"
        resend = form_with(
            [
                f
                for f in forms_in(client.get(page_url).get_data(as_text=True), page_url)
                if "/resend" in f.action
            ]
        )
        # Still bouncing: it says so and stays listed.
        response = client.post(resend.action, data=resend.data(), follow_redirects=True)
        assert "Ook nu is het niet verstuurd" in response.get_data(as_text=True)
    finally:
        controller.stop()


def test_a_mail_server_that_is_down_loses_nothing(world, login_as, app, mailbox):
    client = login_as(world.coordinator)
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    form, data = _plan_in_three_days(client, world)
    data["participants"] = [str(world.coordinator.id), str(world.hr.id)]
    response = client.post(form.action, data=data, follow_redirects=True)
    assert response.status_code == 200
    meeting = db.session.scalars(db.select(Meeting)).one()
    page_url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}"
    html = client.get(page_url).get_data(as_text=True)
    assert world.coordinator.email in html and world.hr.email in html
    resends = [f for f in forms_in(html, page_url) if "/resend" in f.action]
    # Coordinator and HR, plus supplier A's contact: a meeting with the supplier invites
    # its contacts when none was ticked.
    assert len(resends) == 3
    # The server is back: sending again works and the list empties.
    app.config["MAIL_PORT"] = working_port
    for form in resends:
        assert client.post(form.action, data=form.data()).status_code == 303
    assert len(mailbox.messages) == 3
    html = client.get(page_url).get_data(as_text=True)
    assert not [f for f in forms_in(html, page_url) if "/resend" in f.action]


class CommitFails:
    """The database refuses the commit, as it does when the connection drops at that moment."""

    def __enter__(self):
        event.listen(Session, "before_commit", self.refuse)

    def __exit__(self, *exc):
        event.remove(Session, "before_commit", self.refuse)
        db.session.rollback()

    @staticmethod
    def refuse(session):
        raise OperationalError("COMMIT", {}, Exception("server closed the connection"))


def test_nobody_is_invited_to_a_meeting_whose_save_failed(world, login_as, mailbox):
    client = login_as(world.coordinator)
    form, data = _plan_form(
        client,
        world,
        day=(clock.today() + timedelta(days=5)).isoformat(),
        start="13:00",
        end="14:00",
        supplier=str(world.supplier_a.organisation_id),
    )
    data["participants"] = [str(world.coordinator.id), str(world.hr.id), str(world.supplier_a.id)]
    with CommitFails():
        assert client.post(form.action, data=data).status_code == 500
    assert db.session.scalars(db.select(Meeting)).all() == []
    assert mailbox.received == []


def test_nobody_hears_of_a_move_whose_save_failed(world, plan, login_as, mailbox):
    meeting = plan(day=clock.today() + timedelta(days=5))
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/edit"
    edit = form_with(forms_in(client.get(url).get_data(as_text=True), url), "day")
    with CommitFails():
        assert (
            client.post(edit.action, data=edit.data(start="15:00", end="16:00")).status_code == 500
        )
    db.session.refresh(meeting)
    assert (meeting.sequence, local(meeting.starts_at).hour) == (0, 10)
    assert mailbox.received == []
    # Saved for real, the move goes out to the three participants.
    response = client.post(edit.action, data=edit.data(start="15:00", end="16:00"))
    assert response.status_code == 303
    assert len(mailbox.messages) == 3


class SilentServer:
    """A mail host that accepts the connection and then never says a word (a firewall that
    swallows the traffic, a hung server): every attempt waits for the whole timeout."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.connections:
            conn.close()


def test_a_mail_server_that_never_answers_costs_one_wait_not_one_per_person(world, login_as, app):
    server = SilentServer()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.port, MAIL_TIMEOUT=0.5)
    try:
        client = login_as(world.coordinator)
        form, data = _plan_in_three_days(client, world)
        data["participants"] = [str(u.id) for u in (world.coordinator, world.hr, world.supplier_a)]
        response = client.post(form.action, data=data, follow_redirects=True)
        assert response.status_code == 200
        # Three invitations, one connection tried: the other two were not made to wait.
        assert len(server.connections) == 1
        html = response.get_data(as_text=True)
        for person in (world.coordinator, world.hr, world.supplier_a):
            assert person.email in html
        failed = db.session.scalars(
            db.select(InvitationDelivery.email).where(InvitationDelivery.ok.is_(False))
        ).all()
        assert sorted(failed) == sorted(
            u.email for u in (world.coordinator, world.hr, world.supplier_a)
        )
    finally:
        server.close()


def test_an_empty_external_participant_form_says_what_is_missing(world, plan, login_as):
    meeting = plan()
    response = login_as(world.coordinator).post(
        f"/pilots/{world.pilot.id}/meetings/{meeting.id}/guests", data={}
    )
    assert response.status_code == 422
    assert "Noem de organisatie" in response.get_data(as_text=True)


def test_an_exploratory_talk_is_recorded_before_the_supplier_has_an_account(
    make, login_as, mailbox
):
    """Guide 2Bb: the first talk may end without a partnership, so nobody of the supplier
    needs an account; the supplier sits at the table by organisation and function."""
    buyer = make.org("Gemeente Zonderaccount")
    coordinator = make.user(buyer, name="Co Ordinator")
    pilot = make.pilot(buyer, coordinator)
    db.session.commit()
    client = login_as(coordinator)
    url = f"/pilots/{pilot.id}/meetings/new?kind=supplier_first"
    form = form_with(forms_in(client.get(url).get_data(as_text=True), url), "guest-organisation")
    # Without naming the supplier the form says what to do.
    data = form.data(day="2026-03-10", start="10:00", end="11:30")
    refused = client.post(form.action, data=data)
    assert refused.status_code == 422
    assert "bij externe deelnemer" in refused.get_data(as_text=True)
    data.update({"guest-organisation": "Groen BV", "guest-function": "Directeur"})
    response = client.post(form.action, data=data)
    assert response.status_code == 303
    meeting = db.session.scalars(db.select(Meeting)).one()
    assert meeting.title == "Eerste verkenning met Groen BV"
    assert [(g.organisation, g.function, g.name, g.email) for g in meeting.guests] == [
        ("Groen BV", "Directeur", "", "")
    ]
    # No address, so only the coordinator is mailed.
    assert [r for r, _m in mailbox.received] == [[coordinator.email]]
    page = client.get(f"/pilots/{pilot.id}/meetings/{meeting.id}").get_data(as_text=True)
    assert "Directeur, Groen BV" in page


def test_minutes_sent_for_comment_reach_everyone_at_the_table_after_the_save(
    world, plan, login_as, mailbox
):
    guest = dict(
        organisation="Schoon BV",
        function="Planner",
        name="Karin Schoon",
        email="karin@schoon.example",
        consent=True,
    )
    meeting = plan(guests=[guest])
    internal, shared = meeting.items[0], meeting.items[4]
    internal.shared = False  # kept among the buyer's own people
    internal.notes = "Onze ruimte in de onderhandeling"
    shared.notes = "Schoon BV ziet kansen bij natuurlijk verloop"
    db.session.commit()
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes"
    send = form_with(forms_in(client.get(url).get_data(as_text=True), url), "until")
    data = send.data(until=(clock.today() + timedelta(days=7)).isoformat())

    # The save fails: the minutes stay a concept and nobody is mailed them.
    with CommitFails():
        assert client.post(send.action, data=data).status_code == 500
    db.session.refresh(meeting)
    assert meeting.minutes_state == "concept"
    assert mailbox.received == []

    assert client.post(send.action, data=data).status_code == 303
    # Coordinator, HR and supplier A's contact, and the guest who agreed to be mailed.
    expected = [world.coordinator.email, world.hr.email, world.supplier_a.email]
    assert sorted(r[0] for r, _m in mailbox.received) == sorted([*expected, guest["email"]])
    for address in (world.supplier_a.email, guest["email"]):
        (message,) = mailbox.for_(address)
        text = body(message)
        assert "natuurlijk verloop" in text and "onderhandeling" not in text
    (message,) = mailbox.for_(world.hr.email)
    assert "onderhandeling" in body(message)
