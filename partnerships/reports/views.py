"""Progress notes: writing, publishing, and the board's acknowledgements and remarks."""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, clock, fragments, htmx
from ..documents import page
from ..extensions import db
from ..forms import ButtonForm
from . import bp, documents, remarks, services
from . import figures as key
from .forms import AnswerForm, NoteForm, RemarkForm
from .models import NoteRemark, ProgressNote


def _load_note(pilot_id: int, note_id: int, action: str):
    pilot = access.load_pilot(pilot_id, "note.list")
    return pilot, access.load(ProgressNote, note_id, action, pilot=pilot)


@bp.route("/pilots/<int:pilot_id>/notes")
@login_required
def notes(pilot_id):
    """The pilot's progress notes to the board."""
    pilot = access.load_pilot(pilot_id, "note.list")
    notes = services.notes_of(pilot, include_drafts=access.can(current_user, "note.drafts", pilot))
    unread = []
    if access.can(current_user, "note.write", pilot):
        unread = [
            r for note in notes if note.is_published for r in note.remarks if r.read_at is None
        ]
    return htmx.render(
        "reports/notes.html",
        pilot=pilot,
        notes=notes,
        unread=unread,
        can_write=access.can(current_user, "note.write", pilot),
    )


def _answer_forms(note, given=None) -> dict:
    """{remark id: its answer form} for the remarks still to answer, if this person may;
    `given` is a form sent back with its errors (and what was typed)."""
    forms = {}
    for remark in note.remarks:
        if remark.answered_at is None and access.can(current_user, "remark.answer", remark):
            forms[remark.id] = AnswerForm.for_remark(remark, formdata=None)
    if given is not None:
        forms[given[0]] = given[1]
    return forms


def _note_page(
    pilot,
    note,
    *,
    status=200,
    remark_form=None,
    answer_form=None,
    answer_error=None,
    publish_error=None,
    notice=None,
):
    """The note page, or its board part for htmx. The plain page is kept per change stamp
    (changes.py); one that shows a typed form, an error or a notice is not."""
    context = dict(
        remark_form=remark_form,
        answer_form=answer_form,
        answer_error=answer_error,
        publish_error=publish_error,
        notice=notice,
    )
    if htmx.is_htmx():
        return htmx.render(
            "reports/note.html",
            "reports/_board_response.html",
            status=status,
            **_note_context(pilot, note, **context),
        )
    plain = status == 200 and not any(context.values())
    kept = changes.key_with_forms(pilot.organisation_id, "note", note.id) if plain else None
    body = fragments.rendered_once(
        kept, lambda: render_template("reports/_note.html", **_note_context(pilot, note, **context))
    )
    return htmx.render("reports/note.html", status=status, pilot=pilot, note=note, body=body)


def _note_context(
    pilot, note, *, remark_form, answer_form, answer_error, publish_error, notice
) -> dict:
    frozen = note.figures
    outside = not access.can(current_user, "note.drafts", pilot)
    figures = frozen if frozen is not None else key.key_figures(pilot, suppress=outside)
    return dict(
        pilot=pilot,
        note=note,
        figures=key.for_display(figures, suppress=outside),
        frozen=frozen is not None,
        remark_form=remark_form or RemarkForm(formdata=None),
        button=ButtonForm(),
        publish_error=publish_error,
        notice=notice,
        can_edit=access.can(current_user, "note.edit", note),
        can_publish=access.can(current_user, "note.publish", note),
        can_acknowledge=access.can(current_user, "note.acknowledge", note),
        can_remark=access.can(current_user, "note.remark", note),
        can_mark_read=access.can(current_user, "note.write", pilot),
        acknowledged=any(a.user_id == current_user.id for a in note.acknowledgements),
        answer_forms=_answer_forms(note, answer_form),
        answer_error=answer_error,
        # Answers this board member may still say they have seen (they leave Voor jou).
        unseen_answers={
            remark.id
            for remark in note.remarks
            if access.can(current_user, "remark.see_answer", remark)
        }
        - remarks.answers_seen_by(current_user, note),
    )


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>")
@login_required
def note(pilot_id, note_id):
    """One progress note with its remarks."""
    pilot, note = _load_note(pilot_id, note_id, "note.view")
    return _note_page(pilot, note)


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>/note.<doc_format>")
@login_required
def note_document(pilot_id, note_id, doc_format):
    """The note as PDF, Word or ODF; outside the working group small counts are hidden."""
    pilot, note = _load_note(pilot_id, note_id, "note.view")
    working_group = access.can(current_user, "note.drafts", pilot)  # as the note page decides
    return page.respond(
        doc_format, lambda: documents.progress_note(pilot, note, working_group=working_group)
    )


@bp.route("/pilots/<int:pilot_id>/board-pack.pdf")
@login_required
def board_pack(pilot_id):
    """One PDF for the board's meeting: latest note, decisions since, figures."""
    pilot = access.load_pilot(pilot_id, "note.list")
    return page.respond("pdf", lambda: documents.board_pack(pilot))


@bp.route("/pilots/<int:pilot_id>/notes/new", methods=["GET", "POST"])
@login_required
def note_new(pilot_id):
    """Write a progress note for a period."""
    pilot = access.load_pilot(pilot_id, "note.write")
    label, start, end = services.suggested_period(pilot, clock.today())
    form = NoteForm(period_label=label, period_start=start, period_end=end)
    return htmx.submit(
        form,
        lambda: services.create_note(pilot, current_user, **_note_fields(form)),
        again=lambda: htmx.render("reports/note_form.html", pilot=pilot, form=form, note=None),
        done=lambda note: url_for("reports.note", pilot_id=pilot.id, note_id=note.id),
        said=_("Draft saved. Check it and publish it for the board."),
    )


def _note_fields(form) -> dict:
    """What the note form says, as the services take it."""
    return {
        "period_label": form.period_label.data,
        "period_start": form.period_start.data,
        "period_end": form.period_end.data,
        "body": form.body.data,
    }


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>/edit", methods=["GET", "POST"])
@login_required
def note_edit(pilot_id, note_id):
    """Change a draft progress note."""
    pilot, note = _load_note(pilot_id, note_id, "note.edit")
    form = NoteForm(obj=note)
    return htmx.submit(
        form,
        lambda: services.update_note(
            note, current_user, version=form.version.data, **_note_fields(form)
        ),
        again=lambda: htmx.render("reports/note_form.html", pilot=pilot, form=form, note=note),
        done=url_for("reports.note", pilot_id=pilot.id, note_id=note.id),
        said=_("Draft saved."),
    )


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>/publish", methods=["POST"])
@login_required
def note_publish(pilot_id, note_id):
    """Publish a progress note to the board."""
    pilot, note = _load_note(pilot_id, note_id, "note.publish")
    if not ButtonForm().validate_on_submit():
        return htmx.redirect_to(url_for("reports.note", pilot_id=pilot.id, note_id=note.id))
    try:
        services.publish_note(note, current_user)
    except services.PeriodTaken as taken:
        db.session.rollback()
        message = _(
            "A note for this period (%(period)s) has already been published. Change the period "
            "of this draft, or add what you want to say to the board as a new period. Your "
            "draft is kept.",
            period=taken.existing.period_label,
        )
        return _note_page(pilot, note, status=409, publish_error=message)
    flash(_("Note published. The board can read it now; its figures are frozen."), "success")
    return htmx.redirect_to(url_for("reports.note", pilot_id=pilot.id, note_id=note.id))


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>/acknowledge", methods=["POST"])
@login_required
def note_acknowledge(pilot_id, note_id):
    """The board marks a progress note as read."""
    pilot, note = _load_note(pilot_id, note_id, "note.acknowledge")
    if ButtonForm().validate_on_submit():
        services.acknowledge(note, current_user)
    thanks = _("Thank you: the coordinator can see you have read this note.")
    if htmx.is_htmx():
        # The swapped-in fragment carries the confirmation a redirect would have flashed.
        return _note_page(pilot, note, notice=thanks)
    flash(thanks, "success")
    return htmx.redirect_to(url_for("reports.note", pilot_id=pilot.id, note_id=note.id))


@bp.route("/pilots/<int:pilot_id>/notes/<int:note_id>/remarks", methods=["POST"])
@login_required
def note_remark(pilot_id, note_id):
    """The board adds a remark to a progress note."""
    pilot, note = _load_note(pilot_id, note_id, "note.remark")
    form = RemarkForm()
    sent = _("Remark sent to the coordinator.")
    return htmx.submit(
        form,
        lambda: services.add_remark(note, current_user, form.body.data),
        again=lambda: _note_page(pilot, note, remark_form=form),
        done=url_for("reports.note", pilot_id=pilot.id, note_id=note.id),
        said=sent,
        swap=lambda _remark: _note_page(pilot, note, notice=sent),
    )


def _load_remark(pilot_id: int, note_id: int, remark_id: int, action: str):
    pilot, note = _load_note(pilot_id, note_id, "note.view")
    remark = access.load(NoteRemark, remark_id, action, pilot=pilot)
    if remark.note_id != note.id:
        abort(404)
    return pilot, note, remark


@bp.route(
    "/pilots/<int:pilot_id>/notes/<int:note_id>/remarks/<int:remark_id>/answer",
    methods=["POST"],
)
@login_required
def remark_answer(pilot_id, note_id, remark_id):
    """The coordinator answers a board remark; answering also marks it read."""
    pilot, note, remark = _load_remark(pilot_id, note_id, remark_id, "remark.answer")
    form = AnswerForm.for_remark(remark)
    if not form.validate_on_submit():
        return _note_page(pilot, note, status=422, answer_form=(remark.id, form))
    try:
        remarks.answer_remark(remark, current_user, form.answer.data)
    except remarks.AlreadyAnswered:
        who = remark.answered_by.name if remark.answered_by else _("(removed user)")
        message = _(
            "%(name)s has already answered this remark, so yours was not sent. Your text is "
            "below, so you can keep what you still want to say.",
            name=who,
        )
        return _note_page(
            pilot, note, status=409, answer_error=(remark.id, message, form.answer.data)
        )
    sent = _("Answer sent. The board sees it with the remark.")
    if htmx.is_htmx():
        return _note_page(pilot, note, notice=sent)
    flash(sent, "success")
    return htmx.redirect_to(
        url_for("reports.note", pilot_id=pilot.id, note_id=note.id, _anchor=f"remark-{remark.id}")
    )


@bp.route(
    "/pilots/<int:pilot_id>/notes/<int:note_id>/remarks/<int:remark_id>/seen",
    methods=["POST"],
)
@login_required
def remark_answer_seen(pilot_id, note_id, remark_id):
    """A board member has seen the answer to a remark; it leaves their Voor jou."""
    pilot, note, remark = _load_remark(pilot_id, note_id, remark_id, "remark.see_answer")
    if ButtonForm().validate_on_submit():
        remarks.see_answer(remark, current_user)
    if htmx.is_htmx():
        return _note_page(pilot, note)
    return htmx.redirect_to(
        url_for("reports.note", pilot_id=pilot.id, note_id=note.id, _anchor=f"remark-{remark.id}")
    )


@bp.route("/pilots/<int:pilot_id>/remarks/<int:remark_id>/read", methods=["POST"])
@login_required
def remark_read(pilot_id, remark_id):
    """Mark a board remark as read."""
    pilot = access.load_pilot(pilot_id, "note.list")
    remark = access.load(NoteRemark, remark_id, "remark.mark_read", pilot=pilot)
    if ButtonForm().validate_on_submit():
        services.mark_read(remark)
    return htmx.redirect_to(url_for("reports.notes", pilot_id=pilot.id))


from . import board_views, evaluation_views, policy_views, public_views  # noqa: E402,F401
