"""Agenda items: add, edit, remove, reorder, and the minutes recorded per item."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from .. import access, htmx
from ..actions.services import ActionError, action_roles
from ..extensions import db
from ..forms import ButtonForm
from . import agenda, bp, minutes
from .forms import ItemForm, MinuteActionForm, MinuteDecisionForm, NotesForm, options
from .services import DecisionError
from .views import page_context
from .web import (
    decider_choices,
    load_item,
    load_meeting,
    member_choices,
    role_names,
    step_choices,
)


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


def _refuse(message, code=400):
    g.own_message = True
    abort(code, description=message)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items", methods=["POST"])
@login_required
def add_item(pilot_id, meeting_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    form = ItemForm()
    if not form.validate_on_submit():
        return htmx.invalid(
            "meetings/show.html", None, **page_context(pilot, meeting), item_form=form
        )
    agenda.add_item(
        meeting,
        current_user,
        title=form.title.data,
        description=form.description.data or "",
        shared=form.shared.data,
    )
    flash(_("Agenda item added."), "success")
    return htmx.redirect_to(_meeting_url(pilot, meeting))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_item(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    form = ItemForm(obj=item)
    if form.validate_on_submit():
        agenda.update_item(
            item,
            current_user,
            version=form.version.data,
            title=form.title.data,
            description=form.description.data or "",
            shared=form.shared.data,
        )
        flash(_("Agenda item saved."), "success")
        return htmx.redirect_to(_meeting_url(pilot, meeting))
    status = 422 if form.is_submitted() else 200
    return render_template(
        "meetings/item_form.html", pilot=pilot, meeting=meeting, item=item, form=form
    ), status


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/remove", methods=["POST"]
)
@login_required
def remove_item(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    _require_csrf()
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
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    _require_csrf()
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


def _minute_forms(pilot, item, notes=None, decision=None, action=None):
    notes = notes or NotesForm(formdata=None, obj=item)
    decision = decision or MinuteDecisionForm(
        formdata=None, prefix="decision", step_code=_default_step(item)
    )
    action = action or MinuteActionForm(formdata=None, prefix="action")
    for form in (decision,):
        form.decided_by.choices = options(decider_choices(pilot))
        form.step_code.choices = options(step_choices(pilot))
    # Only roles that can own an action (not "the working group as a whole").
    names = role_names(pilot)
    action.role.choices = options([(r.code, names[r.code]) for r in action_roles(pilot)])
    action.assignee.choices = options([(0, _("(everyone in the role)")), *member_choices(pilot)])
    return dict(notes_form=notes, decision_form=decision, action_form=action)


def _default_step(item) -> str:
    template = agenda.template_for(item.meeting.pilot, item.meeting.kind)
    return template.step if template else ""


def _minutes_page(pilot, meeting, item, status=200, **forms):
    return render_template(
        "meetings/minutes.html",
        pilot=pilot,
        meeting=meeting,
        item=item,
        **_minute_forms(pilot, item, **forms),
    ), status


def _minutes_url(pilot, meeting, item):
    return url_for(
        "meetings.item_minutes", pilot_id=pilot.id, meeting_id=meeting.id, item_id=item.id
    )


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/minutes")
@login_required
def item_minutes(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    return _minutes_page(pilot, meeting, load_item(meeting, item_id))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/notes", methods=["POST"]
)
@login_required
def item_notes(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    form = NotesForm()
    if not form.validate_on_submit():
        return _minutes_page(pilot, meeting, item, 422, notes=form)
    minutes.save_notes(item, current_user, notes=form.notes.data or "", version=form.version.data)
    flash(_("Minutes saved."), "success")
    return htmx.redirect_to(_minutes_url(pilot, meeting, item))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/decisions",
    methods=["POST"],
)
@login_required
def item_decision(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    access.require("decision.record", pilot)
    # Prefixed, because three forms share the minutes page and ids must stay unique.
    form = MinuteDecisionForm(prefix="decision")
    _minute_forms(pilot, item, decision=form)
    if not form.validate_on_submit():
        return _minutes_page(pilot, meeting, item, 422, decision=form)
    try:
        minutes.decide(
            item,
            current_user,
            kind=form.kind.data,
            title=form.title.data,
            decided_by=form.decided_by.data,
            text=form.text.data or "",
            rationale=form.rationale.data or "",
            status=form.status.data,
            step_code=form.step_code.data or None,
            value=form.value.data or None,
        )
    except DecisionError as error:
        form.form_errors.append(str(error))
        return _minutes_page(pilot, meeting, item, 422, decision=form)
    flash(_("Decision recorded in the decision register."), "success")
    return htmx.redirect_to(_minutes_url(pilot, meeting, item))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/items/<int:item_id>/actions", methods=["POST"]
)
@login_required
def item_action(pilot_id, meeting_id, item_id):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    item = load_item(meeting, item_id)
    form = MinuteActionForm(prefix="action")
    _minute_forms(pilot, item, action=form)
    if not form.validate_on_submit():
        return _minutes_page(pilot, meeting, item, 422, action=form)
    assignee = None
    if form.assignee.data:
        from ..accounts.models import User

        assignee = db.session.get(User, form.assignee.data)
    try:
        minutes.agree_action(
            item,
            current_user,
            title=form.title.data,
            role=form.role.data,
            assignee=assignee,
            deadline=form.deadline.data,
            step_code=_default_step(item) or None,
        )
    except ActionError as error:
        # E.g. a supplier contact on an internal item: say so, keep what was typed.
        field = {"assignee_id": "assignee"}.get(error.field, error.field or "")
        target = getattr(form, field, None) if field else None
        (target or form.title).errors.append(error.message)
        return _minutes_page(pilot, meeting, item, 422, action=form)
    flash(_("Action added to the action list."), "success")
    return htmx.redirect_to(_minutes_url(pilot, meeting, item))
