"""The pilot's action list, one action with its history and comments, and My tasks."""

from __future__ import annotations

from flask import flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, clock, fragments, htmx
from ..accounts.models import User
from ..accounts.views import safe_next
from ..extensions import db
from ..forms import SelectChoice, choices
from ..i18n import locale_code
from ..pilots.prefill import substep_arg
from ..team import services as team
from . import bp, history, queries, services
from .forms import ActionForm, CommentForm, StatusForm
from .labels import FIELD_LABELS, STATUS_LABELS
from .models import Action


def _role_names(pilot):
    locale = locale_code()
    return {r.code: r.name.get(locale) for r in services.action_roles(pilot)}


def _fill_choices(form: ActionForm, pilot, people_by_role):
    locale = locale_code()
    workflow = team.workflows_registry.for_pilot(pilot)
    steps = [SelectChoice("", _("No particular step"))]
    for step in workflow.steps:
        group = _("Step %(code)s", code=step.code)
        steps.append(
            SelectChoice(step.code, f"{step.code} {step.title.get(locale)}", optgroup=group)
        )
        steps += [
            SelectChoice(sub.code, f"{sub.code} {sub.title.get(locale)}", optgroup=group)
            for sub in step.substeps
        ]
    form.step_code.choices = steps
    form.role.choices = choices(_role_names(pilot).items())
    seen, people = set(), []
    for holders in people_by_role.values():
        for user in holders:
            if user.id not in seen:
                seen.add(user.id)
                people.append(user)
    form.assignee_id.choices = choices(
        [("", _("Everyone in the responsible role"))]
        + [(u.id, u.name) for u in sorted(people, key=lambda u: u.name)]
    )


def _context(pilot):
    by_role = queries.people_visible_to(current_user, pilot, team.people_by_role(pilot))
    return dict(
        pilot=pilot,
        people_by_role=by_role,
        role_names=_role_names(pilot),
        status_labels=STATUS_LABELS,
        today=clock.today(),
        can_manage=access.can(current_user, "action.manage", pilot),
        can_see_plan=access.can(current_user, "action_plan.view", pilot),
        can_work=lambda a: access.can(current_user, "action.work", a),
    )


def _index_page(pilot, form=None, status=200):
    ctx = _context(pilot)
    filters = queries.parse_filters(pilot, request.args)
    actions = queries.pilot_actions(pilot, current_user, filters)
    if form is None and ctx["can_manage"]:
        form = ActionForm()
        form.version.data = 0
    if form is not None:
        _fill_choices(form, pilot, ctx["people_by_role"])
    members = sorted(
        {u.id: u for us in ctx["people_by_role"].values() for u in us}.values(),
        key=lambda u: u.name,
    )
    workflow = team.workflows_registry.for_pilot(pilot)
    return htmx.render(
        "actions/index.html",
        None,
        status=status,
        actions=actions,
        form=form,
        filters=filters,
        members=members,
        steps=workflow.steps,
        locale=locale_code(),
        status_form=StatusForm(),
        **ctx,
    )


@bp.route("/pilots/<int:pilot_id>/actions")
@login_required
def index(pilot_id):
    """The pilot's actions, with the form to add one."""
    pilot = access.load_pilot(pilot_id, "action.list")
    return _index_page(pilot)


def _assignee(form):
    """The person chosen, or None for everyone in the role; refused when not a person."""
    user_id = form.assignee_id.data
    if user_id is None:
        return None
    user = db.session.get(User, user_id) if user_id > 0 else None
    if user is None:
        raise services.ActionError(_("This person is not a member of this pilot."), "assignee_id")
    return user


def _new_page(pilot, form, status=200):
    """The new-action form on a page of its own: first thing after the heading, so it is a
    few tab stops away, and after a failed submit its error summary leads."""
    ctx = _context(pilot)
    _fill_choices(form, pilot, ctx["people_by_role"])
    return htmx.render("actions/new.html", None, status=status, form=form, **ctx)


@bp.route("/pilots/<int:pilot_id>/actions/new")
@login_required
def new(pilot_id):
    """The new-action form; `?step=` (from a sub-step's checklist) chooses the step."""
    pilot = access.load_pilot(pilot_id, "action.manage")
    form = ActionForm(formdata=None)
    form.version.data = 0
    form.step_code.data = substep_arg(pilot) or ""
    return _new_page(pilot, form)


@bp.route("/pilots/<int:pilot_id>/actions", methods=["POST"])
@login_required
def create(pilot_id):
    """Add an action to the pilot."""
    pilot = access.load_pilot(pilot_id, "action.manage")
    form = ActionForm()
    _fill_choices(form, pilot, team.people_by_role(pilot))
    return htmx.submit(
        form,
        lambda: services.create_action(
            pilot,
            current_user,
            title=form.title.data,
            role=form.role.data,
            description=form.description.data,
            step_code=form.step_code.data or None,
            assignee=_assignee(form),
            deadline=form.deadline.data,
            is_internal=form.is_internal.data,
        ),
        again=lambda: _new_page(pilot, form),
        done=url_for("actions.index", pilot_id=pilot.id),
        said=_added,
        refused=services.ActionError,
    )


def _added(action):
    """Added; a deadline already past is allowed, but the person is told it shows overdue."""
    if action.deadline and action.deadline < clock.today():
        return (
            _("Action added. Note: its deadline lies in the past, so it shows as overdue."),
            "warning",
        )
    return _("Action added.")


def _show_page(pilot, action, status_form=None, comment_form=None, status=200):
    return htmx.render(
        "actions/show.html",
        None,
        status=status,
        action=action,
        status_form=status_form or StatusForm(),
        comment_form=comment_form or CommentForm(),
        **history.for_reader(action, pilot, current_user),
        field_labels=FIELD_LABELS,
        **_context(pilot),
    )


def _load(pilot_id, action_id, rule="action.view"):
    pilot = access.load_pilot(pilot_id, "action.list")
    return pilot, access.load(Action, action_id, rule, pilot=pilot)


@bp.route("/pilots/<int:pilot_id>/actions/<int:action_id>")
@login_required
def show(pilot_id, action_id):
    """One action with its comments."""
    pilot, action = _load(pilot_id, action_id)
    return _show_page(pilot, action)


@bp.route("/pilots/<int:pilot_id>/actions/<int:action_id>/edit", methods=["GET", "POST"])
@login_required
def edit(pilot_id, action_id):
    """Change an action (its owner, due date, status and text)."""
    pilot, action = _load(pilot_id, action_id, "action.manage")
    if request.method == "GET":
        form = ActionForm(obj=action, formdata=None)
        form.version.data = action.version
    else:
        form = ActionForm()
    # The change form on a page of its own, like the new-action form: the action page, read
    # far more often than changed, stays light. Its people are read once for both the
    # choices and the page.
    ctx = _context(pilot)
    _fill_choices(form, pilot, ctx["people_by_role"])
    return htmx.submit(
        form,
        lambda: services.update_action(
            action,
            current_user,
            form.version.data,
            title=form.title.data,
            description=form.description.data or "",
            step_code=form.step_code.data or None,
            role=form.role.data,
            assignee_id=form.assignee_id.data,
            deadline=form.deadline.data,
            is_internal=form.is_internal.data,
        ),
        again=lambda: htmx.render("actions/edit.html", None, action=action, form=form, **ctx),
        done=url_for("actions.show", pilot_id=pilot.id, action_id=action.id),
        said=lambda changed: _("Action saved.") if changed else _("Nothing was changed."),
        refused=services.ActionError,
    )


@bp.route("/pilots/<int:pilot_id>/actions/<int:action_id>/status", methods=["POST"])
@login_required
def status(pilot_id, action_id):
    """Inline status change (htmx swaps the status cell); a plain POST redirects back."""
    pilot, action = _load(pilot_id, action_id, "action.work")
    form = StatusForm()
    back = safe_next(request.form.get("next")) or url_for(
        "actions.show", pilot_id=pilot.id, action_id=action.id
    )
    error = None
    if form.validate_on_submit():
        try:
            services.change_status(
                action, current_user, form.status.data, form.version.data, form.reason.data
            )
        except services.ActionError as exc:
            error = exc.message
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    if error:
        db.session.rollback()
        form.status.errors = [error]
        if htmx.is_htmx():
            return htmx.invalid(
                "actions/_status.html",
                None,
                action=action,
                form=form,
                status_labels=STATUS_LABELS,
                today=clock.today(),
                can_work=True,
                next=back,
            )
        return _show_page(pilot, action, status_form=form, status=422)
    if htmx.is_htmx():
        return htmx.render(
            "actions/_status.html",
            None,
            action=action,
            form=StatusForm(),
            status_labels=STATUS_LABELS,
            today=clock.today(),
            can_work=True,
            next=back,
            saved=True,
        )
    flash(_("Status changed to %(status)s.", status=STATUS_LABELS[action.status]), "success")
    return htmx.redirect_to(back)


@bp.route("/pilots/<int:pilot_id>/actions/<int:action_id>/comments", methods=["POST"])
@login_required
def comment(pilot_id, action_id):
    """Add a comment to an action."""
    pilot, action = _load(pilot_id, action_id, "action.work")
    form = CommentForm()
    return htmx.submit(
        form,
        lambda: services.add_comment(action, current_user, form.body.data),
        again=lambda: _show_page(pilot, action, comment_form=form),
        done=url_for("actions.show", pilot_id=pilot.id, action_id=action.id, _anchor="comments"),
        said=_("Comment added."),
    )


@bp.route("/tasks")
@login_required
def my_tasks():
    """A page of the user's tasks, most urgent first, with the size of each group."""
    number = queries.page_number(request.args.get("page"))
    kept = changes.key_with_forms(access.only_own_organisation(current_user), "my tasks", number)
    body = fragments.rendered_once(kept, lambda: _my_tasks(number))
    return htmx.render("actions/my_tasks.html", None, body=body)


def _my_tasks(number: int) -> str:
    today = clock.today()
    page = queries.task_page(current_user, today, number)
    groups = {"overdue": [], "soon": [], "later": []}
    for task in page.items:
        groups[queries.urgency(task, today)].append(task)
    role_names = {}
    locale = locale_code()
    for task in page.items:
        if task.role not in role_names:
            # A task row names its pilot's method (workflow_key, workflow_version) as a
            # Pilot does, which is all role_name reads of the pilot.
            role_names[task.role] = team.role_name(task, task.role, locale)
    return render_template(
        "actions/_my_tasks.html",
        groups=groups,
        tasks=page,
        # Translated once, not once per row and option.
        status_labels={key: str(label) for key, label in STATUS_LABELS.items()},
        role_names=role_names,
        total=page.total,
    )
