"""Who is invited: guests without an account, invitations that failed and their resending,
and the pilot's choice of when decisions of the minutes enter the register."""

from __future__ import annotations

from flask import abort, flash, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, htmx
from ..extensions import db
from ..forms import ButtonForm
from . import agenda, bp, invitations, minutes
from .forms import GuestForm, ItemForm, MinutesSettingsForm
from .invitations import Recipient
from .loaders import load_meeting
from .mailing import invite_after_commit
from .models import Meeting
from .views import page_context


def _meeting_url(pilot, meeting, anchor="participants"):
    return url_for("meetings.show", pilot_id=pilot.id, meeting_id=meeting.id, _anchor=anchor)


def _invitations_of(pilot_id, meeting_id):
    """The meeting whose invitations a button changes, once the token is valid."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.invite")
    if not ButtonForm().validate_on_submit():
        abort(400)
    return pilot, meeting


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/guests", methods=["POST"])
@login_required
def add_guest(pilot_id, meeting_id):
    """Invite a guest to a meeting."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.invite")
    form = GuestForm()
    return htmx.submit(
        form,
        lambda: _add_guest(meeting, form.guest.form),
        again=lambda: htmx.render(
            "meetings/show.html",
            None,
            **{**page_context(pilot, meeting), "guest_form": form},
            item_form=ItemForm(formdata=None),
        ),
        done=_meeting_url(pilot, meeting),
        said=_("External participant added."),
    )


def _add_guest(meeting, fields) -> None:
    """Add the guest; only the newcomer is mailed: the others' invitation still holds, and a
    message to everyone for each guest added would bury the one that matters (a move)."""
    guest = agenda.add_guest(meeting, current_user, **fields.data_for_service())
    if guest.email and meeting.is_open:
        invite_after_commit(
            invitations.send_invitations, meeting, [Recipient(guest.name, guest.email)]
        )


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/guests/<int:guest_id>/remove",
    methods=["POST"],
)
@login_required
def remove_guest(pilot_id, meeting_id, guest_id):
    """Remove a guest from a meeting."""
    pilot, meeting = _invitations_of(pilot_id, meeting_id)
    guest = next((g for g in meeting.guests if g.id == guest_id), None)
    if guest is None:
        abort(404)
    previous = invitations.recipients(meeting)
    agenda.remove_guest(meeting, guest, current_user)
    flash(_("External participant removed."), "success")
    if guest.email and meeting.is_open:
        # As when a participant is taken off in the edit form: the guest's calendar gets
        # the cancellation, everyone else's the new attendee list. A guest without an
        # address was never on it, so nobody needs to hear.
        invite_after_commit(invitations.announce_change, meeting, previous)
    return htmx.redirect_to(_meeting_url(pilot, meeting))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/deliveries/<int:delivery_id>/resend",
    methods=["POST"],
)
@login_required
def resend(pilot_id, meeting_id, delivery_id):
    """Send a meeting's invitation again to one person."""
    pilot, meeting = _invitations_of(pilot_id, meeting_id)
    sent = invitations.resend(meeting, delivery_id, minutes.as_text)
    if sent:
        flash(_("Sent."), "success")
    else:
        flash(_("It did not go out this time either. Check the address or try later."), "error")
    return htmx.redirect_to(_meeting_url(pilot, meeting, "invitations"))


@bp.route("/pilots/<int:pilot_id>/meetings/deliveries/resend", methods=["POST"])
@login_required
def resend_all(pilot_id):
    """Send every message of the pilot's meetings that did not go out again, in one go:
    a series with the mail server down leaves one per person per meeting."""
    pilot = access.load_pilot(pilot_id, "meeting.create")
    if not ButtonForm().validate_on_submit():
        abort(400)
    candidates = db.session.scalars(select(Meeting).where(Meeting.pilot_id == pilot.id))
    meetings = [
        meeting
        for meeting, _count in invitations.failed_by_meeting(
            [m for m in candidates if access.can(current_user, "meeting.invite", m)]
        )
    ]
    sent, failing = invitations.resend_all(meetings, minutes.as_text)
    if sent:
        flash(ngettext("%(num)s message sent.", "%(num)s messages sent.", sent), "success")
    if failing:
        flash(
            ngettext(
                "%(num)s message did not go out this time either. Check the address or try later.",
                "%(num)s messages did not go out this time either. Check the addresses or try "
                "later.",
                failing,
            ),
            "error",
        )
    return htmx.redirect_to(url_for("meetings.index", pilot_id=pilot.id, _anchor="invitations"))


@bp.route("/pilots/<int:pilot_id>/meetings/minutes-settings", methods=["POST"])
@login_required
def minutes_settings(pilot_id):
    """Whether the minutes' decisions enter the register at once or when fixed."""
    pilot = access.load_pilot(pilot_id, "minutes.settings")
    form = MinutesSettingsForm()
    if not form.validate_on_submit():
        abort(400)
    minutes.set_decisions_at_once(pilot, current_user, form.decisions_at_once.data)
    flash(_("Saved."), "success")
    return htmx.redirect_to(url_for("meetings.index", pilot_id=pilot.id))
