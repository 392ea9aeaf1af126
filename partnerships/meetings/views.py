"""Meetings of a pilot: the list, planning one, its page, editing and marking it held."""

from __future__ import annotations

from flask import abort, flash, g, render_template, request, url_for
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, htmx, transaction
from ..clock import local, to_utc
from ..database import utcnow
from ..extensions import db
from ..forms import ButtonForm
from ..i18n import locale_code
from . import agenda, approval, bp, invitations, mailing, monitoring
from .forms import GuestForm, ItemForm, MeetingForm, MinutesSettingsForm, MonitoringForm, options
from .loaders import load_meeting, require_edit
from .minutes import decisions_at_once
from .models import FREE_KIND, Meeting, MeetingParticipant, MeetingStatus
from .pilot_state import pilot_state
from .rules import visible_items
from .web import (
    kind_names,
    member_choices,
    participant_groups,
    role_names,
    supplier_contacts,
    supplier_kinds,
)


@bp.app_template_filter("clock")
def _clock(moment) -> str:
    """A stored UTC moment as Dutch wall-clock time, e.g. 14:30."""
    return local(moment).strftime("%H:%M") if moment else ""


@bp.route("/pilots/<int:pilot_id>/meetings")
@login_required
def index(pilot_id):
    """The pilot's meetings."""
    pilot = access.load_pilot(pilot_id, "meeting.list")
    return render_template("meetings/index.html", **_index_context(pilot))


def _index_context(pilot, monitoring_form=None) -> dict:
    query = select(Meeting).where(Meeting.pilot_id == pilot.id)
    if not access.can(current_user, "meeting.view_internal", pilot):
        query = query.join(MeetingParticipant).where(MeetingParticipant.user_id == current_user.id)
    meetings = db.session.scalars(query.order_by(Meeting.starts_at, Meeting.id)).all()
    now = utcnow()
    upcoming = [m for m in meetings if m.status == MeetingStatus.PLANNED and m.ends_at >= now]
    other = [m for m in meetings if m not in upcoming][::-1]
    can_plan = access.can(current_user, "meeting.plan_monitoring", pilot)
    if can_plan and monitoring_form is None:
        monitoring_form = MonitoringForm(
            frequency=pilot.monitoring_frequency or "quarter",
            start=monitoring.series_time(pilot),
        )
    return dict(
        pilot=pilot,
        upcoming=upcoming,
        other=other,
        kinds=kind_names(pilot),
        monitoring_form=monitoring_form if can_plan else None,
        term_end=monitoring.term_end(pilot) if can_plan else None,
        settings_form=MinutesSettingsForm(decisions_at_once=decisions_at_once(pilot))
        if access.can(current_user, "minutes.settings", pilot)
        else None,
        can_create=access.can(current_user, "meeting.create", pilot),
        undelivered=invitations.failed_by_meeting(
            [m for m in meetings if access.can(current_user, "meeting.invite", m)]
        ),
        button=ButtonForm(),
    )


@bp.route("/pilots/<int:pilot_id>/meetings/monitoring", methods=["POST"])
@login_required
def set_monitoring(pilot_id):
    """How often, and at what time, the pilot's monitoring meetings take place."""
    pilot = access.load_pilot(pilot_id, "meeting.plan_monitoring")
    form = MonitoringForm()
    return htmx.submit(
        form,
        lambda: _plan_series(pilot, form),
        again=lambda: htmx.render("meetings/index.html", None, **_index_context(pilot, form)),
        done=url_for("meetings.index", pilot_id=pilot.id),
        said=lambda change: ngettext(
            "Monitoring frequency saved; %(num)s progress meeting planned until %(end)s.",
            "Monitoring frequency saved; %(num)s progress meetings planned until %(end)s.",
            len(change.meetings),
            end=format_date(monitoring.term_end(pilot), "d MMMM yyyy"),
        ),
    )


def _plan_series(pilot, form):
    """Plan the series; like a single meeting, every new, moved or cancelled one is mailed
    once the series is saved, all of them over one connection."""
    change = monitoring.plan_monitoring(
        pilot, current_user, form.frequency.data, start_time=form.start.data, locale=locale_code()
    )
    transaction.after_commit(
        lambda: mailing.say_failed_series(invitations.send_batches(change.batches()))
    )
    return change


def _meeting_form(pilot, meeting=None, **defaults) -> MeetingForm:
    choices = member_choices(pilot)
    suppliers = supplier_contacts(pilot)
    needing = supplier_kinds(pilot) if meeting is None else set()
    form = MeetingForm(
        obj=meeting,
        member_ids=[uid for uid, _ in choices],
        supplier_ids=suppliers.keys(),
        supplier_kinds=needing,
        **defaults,
    )
    form.participants.choices = options(choices)
    form.kind.choices = options(list(kind_names(pilot).items()))
    form.supplier.choices = options(
        [(0, _("(choose the supplier)"))] + [(oid, name) for oid, (name, _c) in suppliers.items()]
    )
    form.suppliers = suppliers
    form.participant_groups = participant_groups(choices, suppliers)
    # The supplier is asked when planning, never when editing (the kind is fixed by then).
    form.asks_supplier = meeting is None and (bool(suppliers) or form.kind.data in needing)
    form.needs_supplier = form.kind.data in needing
    form.supplier.flags.required = form.needs_supplier
    return form


def _preselect(pilot, form, kind: str) -> None:
    """Tick the template's roles and the chosen supplier's contacts on a new meeting form."""
    template = agenda.template_for(pilot, kind) if kind in kind_names(pilot) else None
    roles = set(template.roles) - {"supplier"} if template else set()
    chosen = request.args.get("supplier", type=int)
    if chosen not in form.suppliers and form.needs_supplier and len(form.suppliers) == 1:
        chosen = next(iter(form.suppliers))  # the only supplier needs no choosing
    contacts = set(form.suppliers[chosen][1]) if chosen in form.suppliers else set()
    form.supplier.data = chosen if contacts else 0
    form.participants.data = sorted(
        {current_user.id} | {m.user_id for m in pilot.memberships if m.role in roles} | contacts
    )


def _invite_supplier(form) -> tuple[str, bool]:
    """The chosen supplier's name, and whether all its contacts were added for lack of any."""
    if not form.supplier.data and form.needs_supplier and form.guest.form.organisation.data:
        return form.guest.form.organisation.data, False  # the supplier has no account yet
    if not form.supplier.data or not form.needs_supplier:
        return "", False  # a meeting without the supplier at the table ignores the choice
    name, contacts = form.suppliers[form.supplier.data]
    ticked = set(form.participants.data or ())
    if ticked & set(contacts):
        return name, False
    form.participants.data = sorted(ticked | set(contacts))
    return name, True


def _times(form):
    return to_utc(form.day.data, form.start.data), to_utc(form.day.data, form.end.data)


@bp.route("/pilots/<int:pilot_id>/meetings/new", methods=["GET", "POST"])
@login_required
def new(pilot_id):
    """Plan a meeting."""
    pilot = access.load_pilot(pilot_id, "meeting.create")
    kind = request.args.get("kind", FREE_KIND)
    form = _meeting_form(pilot, kind=kind, shows_pilot_state=kind == "progress")
    if request.method == "GET":
        _preselect(pilot, form, kind)
    return htmx.submit(
        form,
        lambda: _plan(pilot, form),
        again=lambda: render_template("meetings/form.html", pilot=pilot, form=form, meeting=None),
        done=lambda planned: url_for("meetings.show", pilot_id=pilot.id, meeting_id=planned[0].id),
        said=lambda planned: _tell_planned(planned[1]),
        refused=agenda.MeetingError,
    )


def _plan(pilot, form):
    """Plan the meeting from the form and mail its invitations once it is saved; returns
    the meeting and, when all of a supplier's contacts were invited for lack of a tick, its
    name."""
    starts_at, ends_at = _times(form)
    supplier_name, added = _invite_supplier(form)
    guest = form.guest.form.data_for_service()
    meeting = agenda.plan_meeting(
        pilot,
        current_user,
        kind=form.kind.data,
        title=form.title.data or "",
        starts_at=starts_at,
        ends_at=ends_at,
        place=form.place.data or "",
        video_url=form.video_url.data or "",
        participant_ids=form.participants.data or [],
        shows_pilot_state=form.shows_pilot_state.data,
        locale=locale_code(),
        supplier_name=supplier_name,
        guests=[guest] if guest else [],
        follow_up=form.follow_up.data,
    )
    mailing.invite_after_commit(invitations.send_invitations, meeting)
    return meeting, supplier_name if added else None


def _tell_planned(all_invited) -> None:
    """Planned; and when none of the supplier's contacts was ticked, that all were invited."""
    flash(_("Meeting planned."), "success")
    if all_invited:
        flash(
            _(
                "No contact of %(supplier)s was ticked, so all its contacts were invited.",
                supplier=all_invited,
            ),
            "info",
        )


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>")
@login_required
def show(pilot_id, meeting_id):
    """One meeting with its agenda and participants."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    return render_template(
        "meetings/show.html",
        **page_context(pilot, meeting),
        item_form=ItemForm(formdata=None),
    )


def page_context(pilot, meeting) -> dict:
    """What the meeting page and its agenda fragment need."""
    internal = access.can(current_user, "meeting.view_internal", meeting)
    items = visible_items(current_user, meeting)
    state = None
    if meeting.lists_pilot_state:
        state = pilot_state(pilot, locale_code(), internal=internal, user=current_user)
    return dict(
        pilot=pilot,
        meeting=meeting,
        items=items,
        internal=internal,
        can_edit=access.can(current_user, "meeting.edit", meeting),
        can_reopen=access.can(current_user, "meeting.reopen", meeting),
        can_work=access.can(current_user, "meeting.create", pilot),
        state=state,
        kinds=kind_names(pilot),
        button=ButtonForm(),
        roles=role_names(pilot),
        item_actions=item_actions(items, internal),
        can_invite=access.can(current_user, "meeting.invite", meeting),
        failed=invitations.failed_deliveries(meeting)
        if access.can(current_user, "meeting.invite", meeting)
        else [],
        has_started=meeting.starts_at <= utcnow(),
        guest_form=GuestForm(formdata=None),
    )


def item_actions(items, internal: bool) -> dict:
    """Agenda item id -> the actions agreed on it that the reader may see.

    Insiders see all; a supplier sees only shared actions meant for its own organisation,
    not those of another supplier at the same table.
    """
    result = {}
    for item in items:
        actions = [link.action for link in item.action_links if link.action is not None]
        if not internal:
            actions = [a for a in actions if access.can(current_user, "action.view", a)]
        result[item.id] = actions
    return result


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit(pilot_id, meeting_id):
    """Change a meeting's kind, title, time and participants."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id, "meeting.edit")
    starts, ends = local(meeting.starts_at), local(meeting.ends_at)
    form = _meeting_form(pilot, meeting, day=starts.date(), start=starts.time(), end=ends.time())
    form.kind.render_kw = {"disabled": True}
    if request.method == "GET":
        form.participants.data = [p.user_id for p in meeting.participants]
        form.version.data = meeting.version
    form.kind.data = meeting.kind  # the kind is fixed once planned
    return htmx.submit(
        form,
        lambda: _update(meeting, form),
        again=lambda: render_template(
            "meetings/form.html",
            pilot=pilot,
            form=form,
            meeting=meeting,
            cancel_button=ButtonForm(),
        ),
        done=url_for("meetings.show", pilot_id=pilot.id, meeting_id=meeting.id),
        said=_("Meeting saved."),
        refused=agenda.MeetingError,
    )


def _update(meeting, form) -> None:
    """Save the meeting from the form; a new time or other participants are mailed (the
    new attendee list, and a cancellation to whoever is taken off) once it is saved."""
    starts_at, ends_at = _times(form)
    previous, sequence = invitations.recipients(meeting), meeting.sequence
    agenda.update_meeting(
        meeting,
        current_user,
        version=form.version.data,
        title=form.title.data,
        starts_at=starts_at,
        ends_at=ends_at,
        place=form.place.data or "",
        video_url=form.video_url.data or "",
        participant_ids=form.participants.data or [],
        shows_pilot_state=form.shows_pilot_state.data,
    )
    if meeting.sequence != sequence and meeting.is_open:
        mailing.invite_after_commit(invitations.announce_change, meeting, previous)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/status", methods=["POST"])
@login_required
def set_status(pilot_id, meeting_id):
    """Mark a meeting held or cancelled, or planned again."""
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    # Closing a planned meeting is the working group's; opening a closed one the coordinator's.
    # Who may is checked first, so outsiders get 403 whatever they send.
    require_edit(meeting)
    wanted = request.form.get("status", "")
    if wanted not in set(MeetingStatus) or not ButtonForm().validate_on_submit():
        abort(400)
    sequence = meeting.sequence
    try:
        agenda.set_status(meeting, current_user, wanted)
    except agenda.MeetingError as error:
        g.own_message = True
        abort(409, description=str(error))
    fixed = approval.fix_approved_by(meeting, current_user) if wanted == "held" else []
    messages = {
        MeetingStatus.HELD: _("Meeting marked as held. Only the coordinator can change it now."),
        MeetingStatus.CANCELLED: _("Meeting cancelled."),
        MeetingStatus.PLANNED: _("Meeting opened again for changes."),
    }
    flash(messages[MeetingStatus(wanted)], "success")
    for earlier in fixed:
        flash(_("The minutes of %(title)s are now fixed.", title=earlier.title), "success")
    if meeting.sequence != sequence:
        mailing.invite_after_commit(invitations.send_invitations, meeting)
    return htmx.redirect_to(url_for("meetings.show", pilot_id=pilot.id, meeting_id=meeting.id))
