"""A meeting to take elsewhere: calendar invitation, printable page and the minutes as a
document (PDF, Word, ODF)."""

from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _
from flask_login import login_required

from .. import access
from ..clock import local
from ..documents import downloads, page
from . import bp, invitations
from .loaders import load_meeting
from .views import page_context
from .web import kind_names


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/meeting.ics")
@login_required
def ics(pilot_id, meeting_id):
    """The meeting as a calendar file."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    # The same invitation the participants were mailed, with the agenda this reader may see.
    body = invitations.calendar(
        meeting, page_context(pilot, meeting)["items"], invitations.method_now(meeting)
    )
    name = downloads.file_name(
        _("invitation"), subject=meeting.title, day=local(meeting.starts_at).date(), ext="ics"
    )
    return downloads.attachment(body, name)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/print")
@login_required
def printable(pilot_id, meeting_id):
    """The meeting's agenda as a page to print."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    # The printed page is a record: no buttons to move or edit items.
    context = page_context(pilot, meeting) | {"can_edit": False}
    return render_template("meetings/print.html", **context)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes.<doc_format>")
@login_required
def minutes_document(pilot_id, meeting_id, doc_format):
    """Agenda, minutes, decisions and actions with owner and deadline, as one document.

    A supplier's copy holds only the shared items and its own actions (page_context).
    """
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)

    def make():
        context = page_context(pilot, meeting)
        day = local(meeting.starts_at).date()
        meta = page.Meta(
            title=_("Minutes: %(meeting)s", meeting=meeting.title),
            organisation=pilot.organisation.name,
            pilot_title=pilot.title,
            kind=_("minutes"),
            day=day,
            lang=page.locale_code(),
        )
        context["kind_name"] = kind_names(pilot).get(meeting.kind, meeting.kind)
        context["decisions"] = [d for item in context["items"] for d in item.decisions]
        context["all_actions"] = [
            a for item in context["items"] for a in context["item_actions"][item.id]
        ]
        return "documents/minutes.html", meta, context

    return page.respond(doc_format, make)
