"""A meeting as a calendar invitation (.ics); its minutes document is documents/minutes.html."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import icalendar
from flask_babel import gettext as _

from ..clock import local
from ..database import utcnow
from .models import MeetingStatus

PRODID = "-//Partnerships voor meer banen//meetings//NL"


def uid(meeting) -> str:
    """Stable per meeting, so a calendar updates the event instead of adding a second one."""
    return f"meeting-{meeting.id}@partnerships"


def agenda_text(items) -> str:
    """The agenda as numbered plain lines, for calendar descriptions."""
    lines = []
    for number, item in enumerate(items, start=1):
        lines.append(f"{number}. {item.title}")
        if item.description:
            lines.extend(f"   {line}" for line in item.description.splitlines())
    return "\n".join(lines)


def to_ics(
    meeting,
    items,
    url: str,
    *,
    method: str = "REQUEST",
    organizer: tuple[str, str] | None = None,
    attendees=(),
) -> bytes:
    """One VEVENT in Dutch time with its VTIMEZONE; the description holds the given items.

    With an organiser and attendees (name, e-mail) it is an invitation calendars can answer.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = icalendar.Event()
    event.add("uid", uid(meeting))
    event.add("dtstamp", utcnow())
    event.add("dtstart", local(meeting.starts_at))
    event.add("dtend", local(meeting.ends_at))
    event.add("summary", meeting.title)
    # Grows when the time, place or invitees change, so calendars replace the event.
    event.add("sequence", meeting.sequence)
    cancelled = method == "CANCEL" or meeting.status == MeetingStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if organizer is not None:
        name, address = organizer
        event.add("organizer", icalendar.vCalAddress(f"mailto:{address}"), parameters={"CN": name})
    for name, address in attendees:
        event.add(
            "attendee",
            icalendar.vCalAddress(f"mailto:{address}"),
            parameters={
                "CN": name,
                "ROLE": "REQ-PARTICIPANT",
                "PARTSTAT": "NEEDS-ACTION",
                "RSVP": "TRUE",
            },
        )
    if meeting.place:
        event.add("location", meeting.place)
    elif meeting.video_url:
        event.add("location", meeting.video_url)
    event.add("url", meeting.video_url or url)
    heading, video = _("Agenda"), _("Video call")
    description = f"{heading}\n{agenda_text(items)}\n\n{url}"
    if meeting.video_url:
        description = f"{video}: {meeting.video_url}\n\n{description}"
    event.add("description", description)
    calendar.add_component(event)
    start = local(meeting.starts_at).date()
    # A meeting at the calendar's very edge (year 1 or 9999) gets no VTIMEZONE block;
    # its times still carry the TZID, which calendars resolve themselves.
    with contextlib.suppress(OverflowError, ValueError):
        calendar.add_missing_timezones(
            first_date=start - timedelta(days=366), last_date=start + timedelta(days=366)
        )
    return calendar.to_ical()
