"""Invitations that arrive: one e-mail per participant with an iCalendar REQUEST or CANCEL.

Every participant with an e-mail address (working group members, supplier contacts and
guests who agreed to be mailed) gets the same event (one UID, the meeting's SEQUENCE, every
attendee listed) but only the agenda they may read: outsiders only the shared items. What
did not go out is recorded per address, so the planner can see it and send it again.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import delete, select

from .. import mail
from ..clock import local
from ..database import utcnow
from ..extensions import db
from ..i18n import force_locale, locale_code
from . import exports
from .models import InvitationDelivery, Meeting, MeetingStatus
from .rules import visible_items

INVITATION = "invitation"
MINUTES = "minutes"


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    user: object | None = None  # None for a guest without an account

    @property
    def locale(self) -> str:
        return getattr(self.user, "locale", None) or locale_code()


def recipients(meeting: Meeting) -> list[Recipient]:
    """Everyone at the table who can be mailed: participants, and guests who agreed."""
    people = [Recipient(p.user.name, p.user.email, p.user) for p in meeting.participants]
    people += [Recipient(g.name or g.function, g.email) for g in meeting.guests if g.email]
    return [r for r in people if r.email]


def organizer(meeting: Meeting) -> tuple[str, str]:
    """Who the calendars reply to: the planner, or the application's sender address."""
    planner = meeting.created_by
    if planner is not None and planner.email:
        return planner.name, planner.email
    return "Partnerships", current_app.config["MAIL_DEFAULT_SENDER"]


def items_for(meeting: Meeting, recipient: Recipient) -> list:
    """The agenda this recipient may read; guests, like supplier contacts, only shared items."""
    if recipient.user is None:
        return [item for item in meeting.items if item.shared]
    return visible_items(recipient.user, meeting)


def method_now(meeting: Meeting) -> str:
    return "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST"


def calendar(meeting: Meeting, items, method: str) -> bytes:
    """The meeting as an iCalendar invitation with its organiser and every attendee."""
    return exports.to_ics(
        meeting,
        items,
        meeting_url(meeting),
        method=method,
        organizer=organizer(meeting),
        attendees=[(r.name, r.email) for r in recipients(meeting)],
    )


def meeting_url(meeting: Meeting) -> str:
    return url_for(
        "meetings.show", pilot_id=meeting.pilot_id, meeting_id=meeting.id, _external=True
    )


def _invitation(meeting: Meeting, recipient: Recipient, method: str) -> tuple[str, str]:
    start = local(meeting.starts_at)
    when = f"{start:%d-%m-%Y %H:%M}-{local(meeting.ends_at):%H:%M}"
    with force_locale(recipient.locale):
        if method == "CANCEL":
            subject = _("Cancelled: %(title)s (%(when)s)", title=meeting.title, when=when)
            body = _(
                "The meeting %(title)s on %(when)s does not take place.",
                title=meeting.title,
                when=when,
            )
        else:
            subject = _("Invitation: %(title)s (%(when)s)", title=meeting.title, when=when)
            agenda = exports.agenda_text(items_for(meeting, recipient))
            body = _(
                "You are invited to %(title)s on %(when)s (Dutch time).",
                title=meeting.title,
                when=when,
            )
            place = meeting.place or meeting.video_url
            if place:
                body += "\n" + _("Place: %(place)s", place=place)
            body += "\n\n" + _("Agenda") + "\n" + agenda
        body += "\n\n" + meeting_url(meeting)
    return subject, body


def send_invitations(meeting: Meeting, to=None, method: str | None = None) -> list[Recipient]:
    """Send the invitation (or cancellation) to `to`, or to everyone; returns who failed."""
    method = method or method_now(meeting)
    people = recipients(meeting) if to is None else list(to)
    return [recipient for _meeting, recipient in send_batches([(meeting, people, method)])]


def send_batches(batches) -> list[tuple[Meeting, Recipient]]:
    """Send (meeting, recipients, METHOD) batches over one SMTP connection, so that a series
    of meetings costs one connection (and, with the server down, one wait), not one per
    meeting. Every message is recorded; returns the (meeting, recipient) pairs that failed."""
    return _deliver(
        [
            (meeting, recipient, INVITATION, _invitation_message(meeting, recipient, method))
            for meeting, people, method in batches
            for recipient in people
        ]
    )


def _invitation_message(meeting: Meeting, recipient: Recipient, method: str) -> tuple:
    subject, body = _invitation(meeting, recipient, method)
    ics = calendar(meeting, items_for(meeting, recipient), method)
    return recipient.email, subject, body, (method, ics)


def _deliver(entries) -> list[tuple[Meeting, Recipient]]:
    """Send (meeting, recipient, kind, message) entries over one connection; record each."""
    failed = []
    results = mail.send_many([message for *_rest, message in entries])
    for (meeting, recipient, kind, _message), ok in zip(entries, results, strict=True):
        _record(meeting, recipient, kind, ok)
        if not ok:
            failed.append((meeting, recipient))
    return failed


def resend_all(meetings, text_for) -> tuple[int, int]:
    """Try every message that did not go out for these meetings again, over one connection:
    the invitation as the meeting stands now (a cancellation for a cancelled one), the
    minutes as they are. Returns (sent, still failing)."""
    entries = []
    for meeting in meetings:
        people = {r.email: r for r in recipients(meeting)}
        for delivery in failed_deliveries(meeting):
            recipient = people[delivery.email]
            if delivery.kind == MINUTES:
                message = _minutes_message(meeting, recipient, text_for)
            else:
                message = _invitation_message(meeting, recipient, method_now(meeting))
            entries.append((meeting, recipient, delivery.kind, message))
    failed = _deliver(entries)
    return len(entries) - len(failed), len(failed)


def reached(meeting: Meeting) -> list[Recipient]:
    """The people at the table whose invitation to this meeting went out."""
    delivered = set(
        db.session.scalars(
            select(InvitationDelivery.email).where(
                InvitationDelivery.meeting_id == meeting.id,
                InvitationDelivery.kind == INVITATION,
                InvitationDelivery.ok.is_(True),
            )
        )
    )
    return [r for r in recipients(meeting) if r.email in delivered]


def forget_failed(meeting: Meeting) -> None:
    """Drop the invitations that never went out: the meeting no longer needs them."""
    db.session.execute(
        delete(InvitationDelivery).where(
            InvitationDelivery.meeting_id == meeting.id,
            InvitationDelivery.kind == INVITATION,
            InvitationDelivery.ok.is_(False),
        )
    )


def send_minutes(meeting: Meeting, text_for) -> list[Recipient]:
    """Mail the minutes to everyone at the table; `text_for(items)` writes them out."""
    people = recipients(meeting)
    messages = [_minutes_message(meeting, recipient, text_for) for recipient in people]
    failed = []
    for recipient, ok in zip(people, mail.send_many(messages), strict=True):
        _record(meeting, recipient, MINUTES, ok)
        if not ok:
            failed.append(recipient)
    return failed


def _record(meeting: Meeting, recipient: Recipient, kind: str, ok: bool) -> None:
    """Keep one row per address and kind: whether the last attempt got through."""
    row = db.session.scalar(
        select(InvitationDelivery).where(
            InvitationDelivery.meeting_id == meeting.id,
            InvitationDelivery.email == recipient.email,
            InvitationDelivery.kind == kind,
        )
    )
    if row is None:
        row = InvitationDelivery(meeting_id=meeting.id, email=recipient.email, kind=kind)
        db.session.add(row)
    row.name, row.ok, row.sent_at = recipient.name, ok, utcnow()
    db.session.flush()


def failed_deliveries(meeting: Meeting) -> list[InvitationDelivery]:
    """Messages that did not go out to someone still at the table."""
    current = {r.email for r in recipients(meeting)}
    rows = db.session.scalars(
        select(InvitationDelivery)
        .where(InvitationDelivery.meeting_id == meeting.id, InvitationDelivery.ok.is_(False))
        .order_by(InvitationDelivery.id)
    )
    return [row for row in rows if row.email in current]


def resend(meeting: Meeting, delivery_id: int, text_for) -> bool:
    """Try one failed message again; True when it went out this time."""
    delivery = db.session.get(InvitationDelivery, delivery_id)
    if delivery is None or delivery.meeting_id != meeting.id:
        return False
    recipient = next((r for r in recipients(meeting) if r.email == delivery.email), None)
    if recipient is None:
        return False
    if delivery.kind == MINUTES:
        failed = _send_minutes_to(meeting, recipient, text_for)
    else:
        failed = send_invitations(meeting, to=[recipient])
    return not failed


def _minutes_message(meeting, recipient, text_for) -> tuple:
    with force_locale(recipient.locale):
        subject = _("Minutes: %(title)s", title=meeting.title)
        body = text_for(items_for(meeting, recipient)) + "\n\n" + meeting_url(meeting)
    return recipient.email, subject, body, None


def _send_minutes_to(meeting, recipient, text_for) -> list:
    ok = mail.send(*_minutes_message(meeting, recipient, text_for)[:3])
    _record(meeting, recipient, MINUTES, ok)
    return [] if ok else [recipient]


def change_batches(meeting: Meeting, previous: list[Recipient]) -> list[tuple]:
    """After a change: a cancellation to whoever was taken off, the update to everyone else."""
    current = recipients(meeting)
    emails = {r.email for r in current}
    removed = [r for r in previous if r.email not in emails]
    return [(meeting, removed, "CANCEL"), (meeting, current, method_now(meeting))]


def announce_change(meeting: Meeting, previous: list[Recipient]) -> list[Recipient]:
    """Mail a changed meeting (see change_batches) over one connection; returns who failed."""
    return [recipient for _meeting, recipient in send_batches(change_batches(meeting, previous))]


def failed_by_meeting(meetings) -> list[tuple[Meeting, int]]:
    """The given meetings with messages that did not go out, and how many, so the meetings
    list can point the planner to them; one query finds the few that have any."""
    by_id = {meeting.id: meeting for meeting in meetings}
    with_failures = set(
        db.session.scalars(
            select(InvitationDelivery.meeting_id).where(
                InvitationDelivery.meeting_id.in_(by_id), InvitationDelivery.ok.is_(False)
            )
        )
    )
    result = []
    for meeting_id in sorted(with_failures, key=lambda i: (by_id[i].starts_at, i)):
        count = len(failed_deliveries(by_id[meeting_id]))
        if count:
            result.append((by_id[meeting_id], count))
    return result
