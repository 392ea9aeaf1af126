"""Minutes on one page: every agenda item with its notes, decision rows and action rows.

One form holds the whole page, so a plain post (no JavaScript) saves everything typed and
adds the row asked for; with htmx a row is added in place. Then the approval: send round
for comment, comments per item, fix, correct.
"""

from __future__ import annotations

from flask import abort, flash, g, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, clock, htmx, privacy, transaction
from ..accounts.models import User
from ..actions.services import ActionError, action_roles
from ..extensions import db
from ..forms import ButtonForm
from . import approval, bp, minutes
from .forms import (
    CommentForm,
    CorrectionForm,
    InlineActionForm,
    InlineDecisionForm,
    SendMinutesForm,
    options,
)
from .loaders import load_item, load_meeting
from .models import MinutesState
from .rules import visible_items
from .web import decider_choices, member_choices, role_names

MAX_NOTES = 20000


def _refuse(message, code=409):
    g.own_message = True
    abort(code, description=str(message))


def _require_csrf() -> None:
    if not ButtonForm().validate_on_submit():
        abort(400)


def _row_forms(pilot, item, formdata=None):
    """The decision and action rows of one item, prefixed so ids stay unique on the page."""
    decision = InlineDecisionForm(formdata=formdata, prefix=f"decision-{item.id}")
    decision.decided_by.choices = options(decider_choices(pilot))
    action = InlineActionForm(formdata=formdata, prefix=f"action-{item.id}")
    names = role_names(pilot)
    action.role.choices = options([(r.code, names[r.code]) for r in action_roles(pilot)])
    action.assignee.choices = options([(0, _("(everyone in the role)")), *member_choices(pilot)])
    return decision, action


def _context(
    pilot,
    meeting,
    *,
    typed=None,
    conflicts=(),
    row_forms=None,
    locked=False,
    privacy_problems=None,
    comment_forms=None,
    correction_form=None,
):
    items = visible_items(current_user, meeting)
    editing = (
        access.can(current_user, "minutes.edit", meeting)
        and meeting.minutes_state != MinutesState.FIXED
    )
    forms = {item.id: _row_forms(pilot, item) for item in items} if editing else {}
    forms.update(row_forms or {})
    can_comment = (
        access.can(current_user, "minutes.comment", meeting)
        and meeting.minutes_state == MinutesState.REVIEW
        and (meeting.comments_until is None or clock.today() <= meeting.comments_until)
    )
    return dict(
        pilot=pilot,
        meeting=meeting,
        items=items,
        editing=editing,
        row_forms=forms,
        typed=typed or {},
        conflicts={item.id: item.notes for item in conflicts},
        # Text sent to minutes that were fixed meanwhile: shown, not saved, nothing lost.
        unsaved={
            item_id: text
            for item_id, (text, _version) in (typed or {}).items()
            if locked and text != next((i.notes for i in items if i.id == item_id), text)
        },
        roles=role_names(pilot),
        button=ButtonForm(),
        can_comment=can_comment,
        # Forms sent back with their messages (and the text typed), by item.
        comment_forms=comment_forms or {},
        send_form=SendMinutesForm(formdata=None) if editing else None,
        can_fix=access.can(current_user, "minutes.fix", meeting)
        and meeting.minutes_state != MinutesState.FIXED,
        can_correct=access.can(current_user, "minutes.correct", meeting)
        and meeting.minutes_state == MinutesState.FIXED,
        correction_form=correction_form or CorrectionForm(formdata=None),
        versions=approval.versions(meeting),
        provisional_ids=minutes.provisional_ids(meeting),
        max_notes=MAX_NOTES,
        privacy_problems=privacy_problems or {},
    )


def _page(pilot, meeting, status=200, **kwargs):
    return render_template("meetings/minutes.html", **_context(pilot, meeting, **kwargs)), status


def _url(pilot, meeting, anchor=None):
    return url_for(
        "meetings.minutes_page", pilot_id=pilot.id, meeting_id=meeting.id, _anchor=anchor
    )


def _load(pilot_id, meeting_id, action="meeting.view"):
    pilot = access.load_pilot(pilot_id)
    meeting = load_meeting(pilot, meeting_id)
    if action != "meeting.view":
        access.require(action, meeting)
    return pilot, meeting


def _typed_notes(items) -> dict:
    """Item id -> (text typed, version it was typed on), for the items on this page."""
    typed = {}
    for item in items:
        key = f"notes-{item.id}"
        if key in request.form:
            text = request.form[key].replace("\r\n", "\n").strip()
            typed[item.id] = (text, request.form.get(f"version-{item.id}", ""))
    return typed


def _notes_problem(typed) -> str | None:
    for text, _version in typed.values():
        if len(text) > MAX_NOTES:
            return _("Minutes of one item can be at most %(num)s characters.", num=MAX_NOTES)
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            return _("This text contains invisible control characters; please retype it.")
    return None


def _privacy_problems(typed, items) -> dict:
    """Item id -> why its changed minutes cannot be saved as typed: the privacy guard of every
    working text (a BSN refused, other personal data confirmed first). Unchanged minutes,
    confirmed before, are not asked about again."""
    saved = {item.id: item.notes or "" for item in items}
    confirmed = bool(request.form.get(privacy.CONFIRM_FIELD))
    problems = {}
    for item_id, (text, _version) in typed.items():
        if text != saved.get(item_id, ""):
            problem = privacy.working_text_problem(text, confirmed=confirmed)
            if problem is not None:
                problems[item_id] = problem
    return problems


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes")
@login_required
def minutes_page(pilot_id, meeting_id):
    """A meeting's minutes as the current user may see them."""
    pilot, meeting = _load(pilot_id, meeting_id)
    return _page(pilot, meeting)


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes", methods=["POST"])
@login_required
def save_minutes(pilot_id, meeting_id):
    """Save every item's text; a button named `add` also adds that item's decision or action."""
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.edit")
    _require_csrf()
    items = visible_items(current_user, meeting)
    typed = _typed_notes(items)
    kind, _sep, item_id = request.form.get("add", "").partition("-")
    item = None
    if kind in ("decision", "action") and item_id.isdigit():
        item = load_item(meeting, int(item_id))
    # The row being added comes back as typed when the minutes beside it are sent back.
    typed_row = {item.id: _row_forms(pilot, item, request.form)} if item is not None else {}
    problem = _notes_problem(typed)
    if problem:
        flash(problem, "error")
        return _page(pilot, meeting, 422, typed=typed, row_forms=typed_row)
    if meeting.minutes_state == MinutesState.FIXED:
        # Fixed while this person was typing (another tab, a colleague): 409, and the page
        # shows their text beside the fixed one, ready to be used in a correction.
        return _page(pilot, meeting, 409, typed=typed, locked=True)
    personal = _privacy_problems(typed, items)
    if personal:
        flash(next(iter(personal.values())).message, "error")
        return _page(
            pilot, meeting, 422, typed=typed, privacy_problems=personal, row_forms=typed_row
        )
    if item is not None:
        # The row is checked before anything is written: an error answer keeps it all typed.
        invalid = _invalid_row(pilot, item, kind)
        if invalid is not None:
            return _page(pilot, meeting, 422, typed=typed, row_forms={item.id: invalid})
    try:
        minutes.save_notes(meeting, current_user, typed, items)
    except minutes.NotesConflict as conflict:
        return _page(pilot, meeting, 409, typed=typed, conflicts=conflict.items)
    if item is not None:
        invalid = _add_row(pilot, item, kind)
        if invalid is not None:
            db.session.rollback()  # nothing half-saved; the page shows what was typed
            return _page(pilot, meeting, 422, typed=typed, row_forms={item.id: invalid})
        flash(_("Minutes saved and row added."), "success")
        return htmx.redirect_to(_url(pilot, meeting, f"item-{item.id}"))
    flash(_("Minutes saved."), "success")
    return htmx.redirect_to(_url(pilot, meeting))


def _invalid_row(pilot, item, kind):
    """The row's forms with their messages when the submitted fields do not validate."""
    decision, action = _row_forms(pilot, item, formdata=request.form)
    if kind == "decision":
        return None if decision.validate() else (decision, _row_forms(pilot, item)[1])
    return None if action.validate() else (_row_forms(pilot, item)[0], action)


def _add_row(pilot, item, kind):
    """Add a decision or action row from the submitted fields; the forms when invalid."""
    decision, action = _row_forms(pilot, item, formdata=request.form)
    if kind == "decision":
        access.require("decision.record", pilot)
        if not decision.validate():
            return decision, _row_forms(pilot, item)[1]
        minutes.decide(
            item,
            current_user,
            kind=decision.kind.data,
            title=decision.title.data,
            decided_by=decision.decided_by.data,
            step_code=_default_step(pilot, item),
        )
        return None
    if not action.validate():
        return _row_forms(pilot, item)[0], action
    try:
        minutes.agree_action(
            item,
            current_user,
            title=action.title.data,
            role=action.role.data,
            assignee=db.session.get(User, action.assignee.data) if action.assignee.data else None,
            deadline=action.deadline.data,
            step_code=_default_step(pilot, item),
        )
    except ActionError as error:
        field = {"assignee_id": "assignee"}.get(error.field, error.field or "")
        (getattr(action, field, None) or action.title).errors.append(error.message)
        return _row_forms(pilot, item)[0], action
    return None


def _default_step(pilot, item) -> str | None:
    from .agenda import template_for

    template = template_for(pilot, item.meeting.kind)
    return template.step if template else None


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes/items/<int:item_id>/<kind>",
    methods=["POST"],
)
@login_required
def add_minutes_row(pilot_id, meeting_id, item_id, kind):
    """htmx: add one decision or action row in place, leaving the rest of the page as typed."""
    if kind not in ("decision", "action"):
        abort(404)
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.edit")
    _require_csrf()
    item = load_item(meeting, item_id)
    error_forms = _add_row(pilot, item, kind)
    status = 422 if error_forms is not None else 200
    if error_forms is None:
        db.session.flush()
        error_forms = _row_forms(pilot, item)
    if not htmx.is_htmx():
        if status == 200:
            flash(_("Row added."), "success")
            return htmx.redirect_to(_url(pilot, meeting, f"item-{item.id}"))
        return _page(pilot, meeting, status, row_forms={item.id: error_forms})
    context = _context(pilot, meeting, row_forms={item.id: error_forms})
    return render_template("meetings/_minutes_rows.html", item=item, **context), status


def _flash_unsent(failed) -> None:
    if failed:
        flash(
            _(
                "These messages did not go out: %(names)s. You can send them again from the "
                "meeting page.",
                names=", ".join(r.email for r in failed),
            ),
            "warning",
        )


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes/send", methods=["POST"])
@login_required
def send_minutes(pilot_id, meeting_id):
    """Send the draft minutes to the participants for comment."""
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.send")
    form = SendMinutesForm()
    if not form.validate_on_submit():
        flash(_("Give the last day for comments."), "error")
        return _page(pilot, meeting, 422)
    try:
        approval.send_for_comment(meeting, current_user, form.until.data)
    except approval.ApprovalError as error:
        _refuse(error)
    flash(_("The minutes were sent round for comment."), "success")
    # Mailed once the round is saved, so nobody reads minutes that a failed save left a concept.
    transaction.after_commit(lambda: _flash_unsent(approval.mail_for_comment(meeting)))
    return htmx.redirect_to(_url(pilot, meeting))


@bp.route(
    "/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes/items/<int:item_id>/comments",
    methods=["POST"],
)
@login_required
def comment_minutes(pilot_id, meeting_id, item_id):
    """Comment on an item of the draft minutes."""
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.comment")
    item = next((i for i in visible_items(current_user, meeting) if i.id == item_id), None)
    if item is None:
        abort(404)
    form = CommentForm()
    if not form.validate_on_submit():
        # An empty comment, or one with personal data in it (privacy.PersonalDataWarning):
        # say which; the page keeps the text and, unless it is a BSN, offers the box.
        refused = form.text.data and form.text.errors
        flash(refused[0] if refused else _("Write your comment first."), "error")
        return _page(pilot, meeting, 422, comment_forms={item.id: form})
    try:
        approval.comment(item, current_user, form.text.data)
    except approval.ApprovalError as error:
        _refuse(error)
    flash(_("Thank you, your comment is added."), "success")
    return htmx.redirect_to(_url(pilot, meeting, f"item-{item.id}"))


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes/fix", methods=["POST"])
@login_required
def fix_minutes(pilot_id, meeting_id):
    """Fix the minutes: no more changes after this."""
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.fix")
    _require_csrf()
    try:
        version = approval.fix(meeting, current_user)
    except approval.ApprovalError as error:
        _refuse(error)
    flash(
        _(
            "Minutes fixed as version %(num)s; their decisions are in the register.",
            num=version.number,
        ),
        "success",
    )
    return htmx.redirect_to(_url(pilot, meeting))


@bp.route("/pilots/<int:pilot_id>/meetings/<int:meeting_id>/minutes/correct", methods=["POST"])
@login_required
def correct_minutes(pilot_id, meeting_id):
    """Record a correction to fixed minutes."""
    pilot, meeting = _load(pilot_id, meeting_id, "minutes.correct")
    form = CorrectionForm()
    if not form.validate_on_submit():
        refused = form.reason.data and form.reason.errors
        flash(refused[0] if refused else _("Say why the minutes are corrected."), "error")
        return _page(pilot, meeting, 422, correction_form=form)
    try:
        version = approval.correct(meeting, current_user, form.reason.data)
    except approval.ApprovalError as error:
        _refuse(error)
    flash(_("Correction started as version %(num)s.", num=version.number), "success")
    return htmx.redirect_to(_url(pilot, meeting))
