"""Evaluation (4b): the working group's findings, suppliers' ideas, and lessons to share."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, htmx
from ..documents import page
from ..forms import ButtonForm
from ..i18n import _number
from . import bp, documents
from . import evaluation as services
from . import figures as key
from .forms import (
    THEME_LABELS,
    ContributionForm,
    EvaluationForm,
    EvaluationStartForm,
    LessonForm,
    options,
)
from .models import Evaluation, Lesson


def _load(pilot_id: int, evaluation_id: int, action: str):
    pilot = access.load_pilot(pilot_id, "evaluation.list")
    return pilot, access.load(Evaluation, evaluation_id, action, pilot=pilot)


def _start_form(pilot, **kwargs) -> EvaluationStartForm:
    form = EvaluationStartForm(**kwargs)
    form.contract_id.choices = options(
        [(0, _("The pilot as a whole"))]
        + [(c.id, _("Contract: %(title)s", title=c.title)) for c in services.contracts_for(pilot)]
    )
    return form


@bp.route("/pilots/<int:pilot_id>/evaluation")
@login_required
def evaluation(pilot_id):
    """The pilot's evaluations, and the form to start one."""
    pilot = access.load_pilot(pilot_id, "evaluation.list")
    evaluations = services.evaluations_of(pilot)
    return htmx.render(
        "reports/evaluations.html",
        pilot=pilot,
        evaluations=evaluations,
        working_group=access.can(current_user, "evaluation.create", pilot),
        form=_start_form(pilot, title=_("Evaluation of %(title)s", title=pilot.title))
        if access.can(current_user, "evaluation.create", pilot)
        else None,
    )


@bp.route("/pilots/<int:pilot_id>/evaluation", methods=["POST"])
@login_required
def evaluation_create(pilot_id):
    """Start an evaluation."""
    pilot = access.load_pilot(pilot_id, "evaluation.create")
    form = _start_form(pilot)
    return htmx.submit(
        form,
        lambda: services.create_evaluation(
            pilot, current_user, title=form.title.data, contract=_contract(pilot, form)
        ),
        again=lambda: htmx.render(
            "reports/evaluations.html",
            pilot=pilot,
            working_group=True,
            evaluations=services.evaluations_of(pilot),
            form=form,
        ),
        done=lambda created: url_for(
            "reports.evaluation_show", pilot_id=pilot.id, evaluation_id=created.id
        ),
    )


def _contract(pilot, form: EvaluationStartForm):
    """The contract chosen to evaluate, or None for the pilot as a whole."""
    return {c.id: c for c in services.contracts_for(pilot)}.get(form.contract_id.data)


def figure_lines(figures: dict) -> list[str]:
    """The impact figures as sentences, for the page and the document."""

    def shown(value, digits=0):
        return _("not yet available") if value is None else _number(value, digits)

    return [
        _("People placed: %(n)s", n=shown(figures["people"])),
        _(
            "Banenafspraak jobs: %(n)s (goal %(goal)s)",
            n=shown(figures["banen"], 2),
            goal=shown(figures["goal_jobs"], 2),
        ),
        _("Durable jobs: %(n)s", n=shown(figures["durable"])),
        _("Actions done: %(n)s", n=figures["actions_done"]),
    ]


def _page(pilot, evaluation, *, status=200, form=None, lesson_form=None):
    return htmx.render(
        "reports/evaluation.html",
        status=status,
        pilot=pilot,
        evaluation=evaluation,
        figures=key.for_display(services.impact(evaluation), suppress=False),
        form=form or EvaluationForm(formdata=None, obj=evaluation),
        lesson_form=lesson_form or LessonForm(formdata=None),
        themes=THEME_LABELS,
        button=ButtonForm(),
        can_edit=access.can(current_user, "evaluation.edit", evaluation),
        can_close=access.can(current_user, "evaluation.close", evaluation),
    )


@bp.route("/pilots/<int:pilot_id>/evaluations/<int:evaluation_id>", methods=["GET", "POST"])
@login_required
def evaluation_show(pilot_id, evaluation_id):
    """One evaluation: read it, or save its answers."""
    pilot, evaluation = _load(pilot_id, evaluation_id, "evaluation.view")
    if request.method == "GET":
        return _page(pilot, evaluation)
    access.require("evaluation.edit", evaluation)
    form = EvaluationForm()
    return htmx.submit(
        form,
        lambda: services.update_evaluation(
            evaluation,
            current_user,
            version=form.version.data,
            went_well=form.went_well.data,
            to_improve=form.to_improve.data,
        ),
        again=lambda: _page(pilot, evaluation, form=form),
        done=url_for("reports.evaluation_show", pilot_id=pilot.id, evaluation_id=evaluation.id),
        said=_("Evaluation saved."),
    )


@bp.route("/pilots/<int:pilot_id>/evaluations/<int:evaluation_id>/lessons", methods=["POST"])
@login_required
def lesson_add(pilot_id, evaluation_id):
    """Add a lesson learned to an evaluation."""
    pilot, evaluation = _load(pilot_id, evaluation_id, "evaluation.edit")
    form = LessonForm()
    return htmx.submit(
        form,
        lambda: services.add_lesson(
            evaluation, current_user, theme=form.theme.data, text=form.text.data
        ),
        again=lambda: _page(pilot, evaluation, lesson_form=form),
        done=url_for("reports.evaluation_show", pilot_id=pilot.id, evaluation_id=evaluation.id)
        + "#lessons",
        said=_("Lesson added."),
    )


@bp.route("/pilots/<int:pilot_id>/lessons/<int:lesson_id>/delete", methods=["POST"])
@login_required
def lesson_delete(pilot_id, lesson_id):
    """Delete a lesson learned."""
    pilot = access.load_pilot(pilot_id, "evaluation.list")
    lesson = access.load(Lesson, lesson_id, "evaluation.list", pilot=pilot)
    access.require("evaluation.edit", lesson.evaluation)
    if ButtonForm().validate_on_submit():
        services.remove_lesson(lesson, current_user)
        flash(_("Lesson removed."), "success")
    return htmx.redirect_to(
        url_for("reports.evaluation_show", pilot_id=pilot.id, evaluation_id=lesson.evaluation_id)
        + "#lessons"
    )


@bp.route("/pilots/<int:pilot_id>/evaluations/<int:evaluation_id>/done", methods=["POST"])
@login_required
def evaluation_done(pilot_id, evaluation_id):
    """Close an evaluation."""
    pilot, evaluation = _load(pilot_id, evaluation_id, "evaluation.close")
    if ButtonForm().validate_on_submit():
        if evaluation.is_done:
            services.reopen_evaluation(evaluation, current_user)
            flash(_("Evaluation opened again for changes."), "success")
        else:
            services.close_evaluation(evaluation, current_user)
            flash(_("Evaluation marked as done; its figures are frozen."), "success")
    return htmx.redirect_to(
        url_for("reports.evaluation_show", pilot_id=pilot.id, evaluation_id=evaluation.id)
    )


@bp.route(
    "/pilots/<int:pilot_id>/evaluations/<int:evaluation_id>/contribution", methods=["GET", "POST"]
)
@login_required
def evaluation_contribution(pilot_id, evaluation_id):
    """A supplier's own contribution to an evaluation."""
    pilot, evaluation = _load(pilot_id, evaluation_id, "evaluation.view_contribution")
    supplier_id = min(access.speaks_for(current_user, pilot))
    contribution = services.contribution_of(evaluation, supplier_id)
    form = ContributionForm(obj=contribution, version=contribution.version if contribution else 0)
    if form.is_submitted():
        access.require("evaluation.contribute", evaluation)
    return htmx.submit(
        form,
        lambda: services.save_contribution(
            evaluation,
            current_user,
            supplier_org_id=supplier_id,
            version=form.version.data,
            ideas=form.ideas.data,
        ),
        again=lambda: htmx.render(
            "reports/contribution.html",
            pilot=pilot,
            evaluation=evaluation,
            form=form,
            contribution=contribution,
        ),
        done=url_for(
            "reports.evaluation_contribution", pilot_id=pilot.id, evaluation_id=evaluation.id
        ),
        said=_("Thank you. The working group can read your ideas now."),
    )


@bp.route("/pilots/<int:pilot_id>/evaluations/<int:evaluation_id>/evaluation.<doc_format>")
@login_required
def evaluation_document(pilot_id, evaluation_id, doc_format):
    """An evaluation as a PDF, Word or ODF document."""
    pilot, evaluation = _load(pilot_id, evaluation_id, "evaluation.view")
    themes = {k: str(v) for k, v in THEME_LABELS.items()}
    return page.respond(doc_format, lambda: documents.evaluation(pilot, evaluation, themes))


@bp.route("/lessons")
@login_required
def lessons():
    """Lessons learned across pilots, by theme."""
    if not services.may_browse_lessons(current_user):
        abort(403)
    theme = request.args.get("theme") or None
    if theme not in THEME_LABELS:
        theme = None
    return htmx.render(
        "reports/lessons.html",
        "reports/_lesson_list.html",
        themes=THEME_LABELS,
        theme=theme,
        lessons=services.organisation_lessons(current_user.organisation_id, theme),
    )
