"""A meeting to take elsewhere: calendar invitation, printable page and Word document."""

from __future__ import annotations

from flask import make_response, render_template
from flask_login import login_required

from .. import access
from . import bp, exports, invitations
from .views import page_context
from .web import kind_names, load_meeting


def _download(body: bytes, mimetype: str, filename: str):
    response = make_response(body)
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/meeting.ics")
@login_required
def ics(pilot_id, meeting_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    # The same invitation the participants were mailed, with the agenda this reader may see.
    body = invitations.calendar(
        meeting, page_context(pilot, meeting)["items"], invitations.method_now(meeting)
    )
    return _download(body, "text/calendar; charset=utf-8", f"meeting-{meeting.id}.ics")


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/print")
@login_required
def printable(pilot_id, meeting_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    # The printed page is a record: no buttons to move or edit items.
    context = page_context(pilot, meeting) | {"can_edit": False}
    return render_template("meetings/print.html", **context)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/meeting.docx")
@login_required
def docx(pilot_id, meeting_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    context = page_context(pilot, meeting)
    body = exports.to_docx(
        meeting,
        context["items"],
        kind_name=kind_names(pilot).get(meeting.kind, meeting.kind),
        participants=[p.user.name for p in meeting.participants],
        internal=context["internal"],
        item_actions=context["item_actions"],
    )
    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return _download(body, mimetype, f"meeting-{meeting.id}.docx")
