"""Agenda items: add, edit, remove, reorder, and the minutes recorded per item."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from .. import access, htmx
from ..forms import ButtonForm
from . import agenda, bp
from .forms import ItemForm
from .loaders import load_item, load_meeting
from .views import page_context


def _meeting_url(pilot, meeting, anchor="agenda"):
    return url_for("meetings.show", pilot_id=pilot.id, meeting_id=meeting.id, _anchor=anchor)


def _agenda_response(pilot, meeting):
    """The updated agenda for htmx, a redirect back to the meeting for plain forms."""
    if htmx.is_htmx():
        return render_template("meetings/_agenda.html", **page_context(pilot, meeting))
    return redirect(_meeting_url(pilot, meeting), code=303)


def _require_csrf() -> None:
    """Button-only POSTs still carry a valid CSRF token."""
    if not ButtonForm().validate_on_submit():
        abort(400)


def _item_to_change(pilot_id, meeting_id, item_id):
    """The item a button changes, once the meeting may be edited and the token is valid."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    _require_csrf()
    return pilot, meeting, item


def _refuse(message, code=400):
    g.own_message = True
    abort(code, description=message)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items", methods=["POST"])
@login_required
def add_item(pilot_id, meeting_id):
    """Add an item to a meeting's agenda."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    form = ItemForm()
    return htmx.submit(
        form,
        lambda: agenda.add_item(
            meeting,
            current_user,
            title=form.title.data,
            description=form.description.data or "",
            shared=form.shared.data,
        ),
        again=lambda: htmx.render(
            "meetings/show.html", None, **page_context(pilot, meeting), item_form=form
        ),
        done=_meeting_url(pilot, meeting),
        said=_("Agenda item added."),
    )


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_item(pilot_id, meeting_id, item_id):
    """Change an agenda item."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    form = ItemForm(obj=item)

    def page():
        return render_template(
            "meetings/item_form.html", pilot=pilot, meeting=meeting, item=item, form=form
        )

    return htmx.submit(
        form,
        lambda: agenda.update_item(
            item,
            current_user,
            version=form.version.data,
            title=form.title.data,
            description=form.description.data or "",
            shared=form.shared.data,
        ),
        again=page,
        done=_meeting_url(pilot, meeting),
        said=_("Agenda item saved."),
    )


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/remove", methods=["POST"]
)
@login_required
def remove_item(pilot_id, meeting_id, item_id):
    """Remove an agenda item."""
    pilot, meeting, item = _item_to_change(pilot_id, meeting_id, item_id)
    try:
        agenda.remove_item(item, current_user)
    except agenda.MeetingError as error:
        _refuse(str(error), 409)
    flash(_("Agenda item removed."), "success")
    return htmx.redirect_to(_meeting_url(pilot, meeting))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/move", methods=["POST"]
)
@login_required
def move_item(pilot_id, meeting_id, item_id):
    """Move an agenda item up or down."""
    pilot, meeting, item = _item_to_change(pilot_id, meeting_id, item_id)
    try:
        agenda.move_item(item, request.form.get("direction", ""))
    except agenda.MeetingError as error:
        _refuse(str(error))
    return _agenda_response(pilot, meeting)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/order", methods=["POST"])
@login_required
def reorder_items(pilot_id, meeting_id):
    """The whole order at once (for drag and drop); the ids must be this meeting's items."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    _require_csrf()
    try:
        ids = [int(value) for value in request.form.getlist("item")]
        agenda.reorder_items(meeting, ids)
    except ValueError as error:  # MeetingError is a ValueError, as is a non-number
        _refuse(
            str(error)
            if isinstance(error, agenda.MeetingError)
            else _l("The new order names something that is not an agenda item.")
        )
    return _agenda_response(pilot, meeting)


# --- minutes ---


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/minutes")
@login_required
def item_minutes(pilot_id, meeting_id, item_id):
    """The old page per item: the minutes are one page now, opened at this item."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    item = load_item(meeting, item_id)
    return redirect(
        url_for(
            "meetings.minutes_page",
            pilot_id=pilot.id,
            meeting_id=meeting.id,
            _anchor=f"item-{item.id}",
        ),
        code=301,
    )
