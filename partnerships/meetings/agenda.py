"""Rules for meetings and their agenda: planning, participants, items and their order."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import access, audit, workflows_registry
from ..clock import local
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from ..i18n import force_locale
from ..pilots.models import Membership
from .follow_up import follow_up_items
from .models import (
    FREE_KIND,
    AgendaItem,
    Meeting,
    MeetingGuest,
    MeetingParticipant,
    MeetingStatus,
)


class MeetingError(ValueError):
    """Input that would leave a meeting wrong; the message says what to change."""


def member_ids(pilot) -> set[int]:
    """Everyone who holds a role in the pilot, supplier contacts included."""
    return set(
        db.session.scalars(select(Membership.user_id).where(Membership.pilot_id == pilot.id))
    )


def template_for(pilot, kind: str):
    """The workflow's agenda template behind a meeting kind, or None for a free meeting."""
    if kind == FREE_KIND:
        return None
    return workflows_registry.for_pilot(pilot).agenda_template(kind)


def template_items(template, locale: str) -> list[AgendaItem]:
    """The template's agenda in the given language; shared when the supplier is at the table."""
    shared = access.SUPPLIER_ROLE in template.roles
    return [
        AgendaItem(
            position=index,
            title=item.title.get(locale)[:200],
            description=item.detail.get(locale) if item.detail else "",
            shared=shared,
        )
        for index, item in enumerate(template.items)
    ]


# Default titles that name the supplier; other templates get their name followed by it.
SUPPLIER_TITLES = {
    "supplier_first": _l("First exploration with %(supplier)s"),
    "supplier_second": _l("Second meeting with %(supplier)s"),
}


def default_title(template, locale: str, supplier_name: str = "") -> str:
    """A template's name in `locale`, naming the supplier when the meeting is with one."""
    name = template.name.get(locale)
    if not supplier_name:
        return name
    with force_locale(locale):
        pattern = str(SUPPLIER_TITLES.get(template.key, _l("%(meeting)s with %(supplier)s")))
    return (pattern % {"meeting": name, "supplier": supplier_name})[:200]


def _check_times(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise MeetingError(_l("The meeting must end after it starts."))


def _set_participants(pilot, meeting: Meeting, user_ids) -> None:
    wanted = set(user_ids)
    if wanted - member_ids(pilot):
        raise MeetingError(
            _l(
                "Only members of this pilot can take part. Add the person to the "
                "working group or as a supplier contact first."
            )
        )
    current = {p.user_id: p for p in meeting.participants}
    for user_id, participant in current.items():
        if user_id not in wanted:
            meeting.participants.remove(participant)
    for user_id in sorted(wanted - current.keys()):
        meeting.participants.append(MeetingParticipant(user_id=user_id))


def plan_meeting(
    pilot,
    actor,
    *,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    video_url: str = "",
    participant_ids=(),
    shows_pilot_state: bool = False,
    locale: str = "nl",
    auto_planned: bool = False,
    supplier_name: str = "",
    guests=(),
    follow_up: bool = False,
) -> Meeting:
    """Plan a meeting; one made from a template gets the template's agenda in `locale`.

    `supplier_name` names the supplier the meeting is with in the default title. `guests`
    are dicts for people without an account; with `follow_up`, the agenda opens with the
    approval of the last minutes and the open actions of earlier meetings.
    """
    _check_times(starts_at, ends_at)
    template = template_for(pilot, kind)
    if kind != FREE_KIND and template is None:
        raise MeetingError(_l("This kind of meeting is not part of the pilot's method."))
    meeting = Meeting(
        pilot_id=pilot.id,
        kind=kind,
        title=title or (default_title(template, locale, supplier_name) if template else ""),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        video_url=video_url,
        shows_pilot_state=shows_pilot_state,
        auto_planned=auto_planned,
        created_by_id=actor.id if actor is not None else None,
    )
    if not meeting.title:
        raise MeetingError(_l("Give the meeting a title."))
    items = template_items(template, locale) if template is not None else []
    if follow_up:
        items = follow_up_items(pilot, starts_at, locale) + items
    for position, item in enumerate(items):
        item.position = position
    meeting.items = items
    _set_participants(pilot, meeting, participant_ids)
    for guest in guests:
        meeting.guests.append(new_guest(**guest))
    db.session.add(meeting)
    db.session.flush()
    audit.record("meeting.planned", meeting.title, pilot=pilot, actor=actor)
    return meeting


def update_meeting(
    meeting: Meeting,
    actor,
    *,
    version,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    video_url: str,
    participant_ids,
    shows_pilot_state: bool,
) -> Meeting:
    """Change a meeting's details; refused on a stale copy so nobody's change is lost."""
    _check_times(starts_at, ends_at)
    if not title:
        raise MeetingError(_l("Give the meeting a title."))
    claim(meeting, version)
    before = (meeting.title, meeting.starts_at, meeting.ends_at, meeting.place, meeting.video_url)
    invited = {p.user_id for p in meeting.participants}
    _set_participants(meeting.pilot, meeting, participant_ids)
    if (title, starts_at, ends_at, place, video_url) != before or invited != set(participant_ids):
        # Calendars replace an invitation only when its SEQUENCE grows.
        meeting.sequence += 1
    meeting.title, meeting.place, meeting.video_url = title, place, video_url
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    meeting.shows_pilot_state = shows_pilot_state
    # A meeting someone moved by hand is theirs now; re-planning leaves it alone.
    meeting.auto_planned = False
    audit.record("meeting.changed", meeting.title, pilot=meeting.pilot, actor=actor)
    return meeting


def replan_meeting(
    meeting: Meeting, *, title: str, starts_at: datetime, ends_at: datetime, participant_ids
) -> bool:
    """Fit a meeting of a planned series to the series as it is now; True when it changed.

    It stays the series' own (auto-planned); a change grows its SEQUENCE, so the calendars
    that hold it move or rename it instead of keeping the old one.
    """
    _check_times(starts_at, ends_at)
    before = (meeting.title, meeting.starts_at, meeting.ends_at)
    invited = {p.user_id for p in meeting.participants}
    _set_participants(meeting.pilot, meeting, participant_ids)
    if (title, starts_at, ends_at) == before and invited == set(participant_ids):
        return False
    meeting.title, meeting.starts_at, meeting.ends_at = title, starts_at, ends_at
    meeting.sequence += 1
    meeting.version += 1  # an edit form opened on the old time is stale now
    return True


def set_status(meeting: Meeting, actor, status: str) -> Meeting:
    """Mark a meeting held or cancelled, or open it again (the view checks who may).

    Held means held: not before the meeting has started. Cancelling it, or undoing a
    cancellation, is news for the calendars, so the invitation's SEQUENCE grows.
    """
    if status not in set(MeetingStatus):
        raise MeetingError(_l("Unknown status."))
    if status == MeetingStatus.HELD and meeting.starts_at > utcnow():
        start = local(meeting.starts_at).strftime("%d-%m-%Y %H:%M")
        raise MeetingError(
            _l(
                "This meeting has not started yet, so it cannot be marked as held. "
                "Mark it held from %(start)s on.",
                start=start,
            )
        )
    if MeetingStatus.CANCELLED in (status, meeting.status) and status != meeting.status:
        meeting.sequence += 1
    meeting.status = status
    meeting.held_on = local(meeting.starts_at).date() if status == MeetingStatus.HELD else None
    meeting.version += 1
    audit.record(f"meeting.{status}", meeting.title, pilot=meeting.pilot, actor=actor)
    return meeting


def new_guest(
    *, organisation: str, function: str = "", name: str = "", email: str = "", consent=False
) -> MeetingGuest:
    """Someone without an account; a name and address only for a contact who agreed."""
    if not organisation:
        raise MeetingError(_l("Name the organisation of the external participant."))
    if (name or email) and not consent:
        raise MeetingError(
            _l(
                "A name or e-mail address of an external participant is kept only when the "
                "person is a professional contact who agreed to it. Tick that box, or leave "
                "name and address empty."
            )
        )
    return MeetingGuest(
        organisation=organisation, function=function, name=name, email=email, consent=consent
    )


def add_guest(meeting: Meeting, actor, **fields) -> MeetingGuest:
    guest = new_guest(**fields)
    meeting.guests.append(guest)
    db.session.flush()
    audit.record(
        "meeting.guest_added", meeting.title, guest.organisation, pilot=meeting.pilot, actor=actor
    )
    return guest


def remove_guest(meeting: Meeting, guest: MeetingGuest, actor) -> None:
    meeting.guests.remove(guest)
    if guest.email:
        # The attendee list changed: calendars take the update only when the SEQUENCE grows.
        meeting.sequence += 1
    audit.record(
        "meeting.guest_removed", meeting.title, guest.organisation, pilot=meeting.pilot, actor=actor
    )


# --- agenda items ---


def add_item(
    meeting: Meeting, actor, *, title: str, description: str = "", shared: bool = False
) -> AgendaItem:
    """Add a point at the end of the agenda."""
    position = max((item.position for item in meeting.items), default=-1) + 1
    item = AgendaItem(title=title, description=description, shared=shared, position=position)
    meeting.items.append(item)
    db.session.flush()
    audit.record("agenda.item_added", f"{meeting.title}: {title}", pilot=meeting.pilot, actor=actor)
    return item


def update_item(
    item: AgendaItem, actor, *, version, title: str, description: str, shared: bool
) -> AgendaItem:
    """Change an agenda point; refused on a stale copy."""
    claim(item, version)
    item.title, item.description, item.shared = title, description, shared
    return item


def remove_item(item: AgendaItem, actor) -> None:
    """Take a point off the agenda; refused once it carries decisions, which are never lost."""
    if item.decisions:
        raise MeetingError(_l("This item has decisions recorded under it and stays on the agenda."))
    meeting = item.meeting
    meeting.items.remove(item)
    _renumber(meeting)
    audit.record(
        "agenda.item_removed", f"{meeting.title}: {item.title}", pilot=meeting.pilot, actor=actor
    )


def move_item(item: AgendaItem, direction: str) -> None:
    """Swap an item with its neighbour above or below."""
    if direction not in ("up", "down"):
        raise MeetingError(_l("Move an item up or down."))
    items = list(item.meeting.items)
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        _renumber(item.meeting, items)


def reorder_items(meeting: Meeting, item_ids: list[int]) -> None:
    """Put the agenda in the given order; the ids must be exactly this meeting's items."""
    by_id = {item.id: item for item in meeting.items}
    if len(item_ids) != len(set(item_ids)) or set(item_ids) != by_id.keys():
        raise MeetingError(
            _l(
                "The new order must name every item of this meeting once, and "
                "no item of another meeting. Nothing was changed."
            )
        )
    _renumber(meeting, [by_id[i] for i in item_ids])


def _renumber(meeting: Meeting, ordered=None) -> None:
    for position, item in enumerate(ordered if ordered is not None else meeting.items):
        item.position = position
    # Keep the loaded collection in the new order for whoever renders it next.
    meeting.items.sort(key=lambda item: item.position)
