"""The brainstorms of a pilot: overview, starting one, the board, its header and closing it."""

from __future__ import annotations

from flask import flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, fragments, htmx
from ..i18n import locale_code
from ..pilots.prefill import substep_arg
from . import bp, services
from .board import LazyBoard, brainstorms_for, card_counts, shared_with
from .forms import BrainstormEditForm, BrainstormForm
from .loaders import board_context, load_brainstorm, place_labels
from .sharing import pilot_suppliers

BASE = "/pilots/<int:pilot_id>/brainstorms"


def _step_for(kind: str | None) -> str | None:
    """Existing contracts belong to route 2B (2Ba), new tenders to route 2A (2Aa)."""
    if kind and kind.startswith("existing"):
        return "2Ba"
    if kind and kind.startswith("new"):
        return "2Aa"
    return None


def _header_fields(form) -> dict:
    """The format's header as the new and the edit form give it, for the services."""
    return {
        "title": form.title.data,
        "description": form.description.data,
        "kind": form.kind.data,
        "kind_other": form.kind_other.data,
        "nature": form.nature.data,
        "labour_component": form.labour_component.data,
        "allow_anonymous": form.allow_anonymous.data,
        "step_code": _step_for(form.kind.data),
    }


def _kind_for(step: str, form) -> str:
    """The first kind of the format that belongs to this step (see _step_for), or none."""
    for value, _label in form.kind.choices:
        if value and _step_for(value) == step:
            return value
    return ""


def _header_choices(form, pilot) -> None:
    fmt = services.board_format(pilot)
    locale = locale_code()
    form.kind.choices = [("", _("Not chosen yet"))] + [
        (e.key, e.label.get(locale)) for e in fmt.kinds
    ]
    form.nature.choices = [("", _("Not chosen yet"))] + [
        (e.key, e.label.get(locale)) for e in fmt.natures
    ]
    form.suppliers.choices = [(org.id, org.name) for org in pilot_suppliers(pilot)]


@bp.route(BASE)
@login_required
def index(pilot_id):
    """The pilot's brainstorms the current user may see."""
    pilot = access.load_pilot(pilot_id, "brainstorm.list")
    brainstorms = brainstorms_for(current_user, pilot)
    return render_template(
        "brainstorms/index.html",
        pilot=pilot,
        brainstorms=brainstorms,
        counts=card_counts([b.id for b in brainstorms]),
        can_create=access.can(current_user, "brainstorm.create", pilot),
    )


@bp.route(f"{BASE}/new", methods=["GET", "POST"])
@login_required
def new(pilot_id):
    """Start a brainstorm in the pilot."""
    pilot = access.load_pilot(pilot_id, "brainstorm.create")
    form = BrainstormForm()
    _header_choices(form, pilot)
    if not form.is_submitted():
        # From 2Aa's or 2Ba's checklist: a new tender or an existing contract, as the step is.
        step = substep_arg(pilot)
        if step is not None and form.kind.data in (None, ""):
            form.kind.data = _kind_for(step, form)
    return htmx.submit(
        form,
        lambda: services.start_brainstorm(
            pilot,
            current_user,
            **_header_fields(form),
            supplier_org_ids=form.suppliers.data or (),
        ),
        again=lambda: htmx.render("brainstorms/new.html", pilot=pilot, form=form),
        done=lambda brainstorm: _board_url(pilot, brainstorm),
        said=_("Brainstorm started. Invite the suppliers' contacts under Participants."),
    )


def _board_url(pilot, brainstorm) -> str:
    return url_for("brainstorms.board", pilot_id=pilot.id, brainstorm_id=brainstorm.id)


def render_board(
    pilot,
    brainstorm,
    *,
    status=200,
    card_errors=None,
    card_texts=None,
    refused_text=None,
    card_confirm=None,
):
    """The whole board page; also used to answer a refused card with what was typed.

    The plain page is kept per change stamp (changes.py), per person and CSRF secret (it
    holds their forms); one that shows what someone typed is not."""
    typed = card_errors or card_texts or refused_text is not None or card_confirm
    kept = None
    if not typed:
        kept = changes.key_with_forms(pilot.organisation_id, "brainstorm board", brainstorm.id)
    body = fragments.rendered_once(
        kept,
        lambda: _board(pilot, brainstorm, card_errors, card_texts, refused_text, card_confirm),
    )
    return htmx.render("brainstorms/board.html", status=status, brainstorm=brainstorm, body=body)


def _board(pilot, brainstorm, card_errors, card_texts, refused_text, card_confirm) -> str:
    labels = place_labels(pilot)
    return render_template(
        "brainstorms/_board.html",
        board=LazyBoard(brainstorm, labels),
        labels=labels,
        card_errors=card_errors or {},
        card_texts=card_texts or {},
        card_confirm=card_confirm or {},
        refused_text=refused_text,
        shared_with=shared_with(brainstorm),
        **board_context(pilot, brainstorm),
    )


@bp.route(f"{BASE}/<int:brainstorm_id>")
@login_required
def board(pilot_id, brainstorm_id):
    """The brainstorm's board of cards."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    return render_board(pilot, brainstorm)


@bp.route(f"{BASE}/<int:brainstorm_id>/edit", methods=["GET", "POST"])
@login_required
def edit(pilot_id, brainstorm_id):
    """Change the brainstorm's header (title, kind, nature, anonymity)."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    form = BrainstormEditForm(obj=brainstorm)
    _header_choices(form, pilot)
    del form.suppliers  # sharing has its own page
    if not form.is_submitted():
        form.kind.data = brainstorm.kind or ""
        form.nature.data = brainstorm.nature or ""
        form.version.data = brainstorm.version
    return htmx.submit(
        form,
        lambda: services.update_header(
            brainstorm, current_user, form.version.data, **_header_fields(form)
        ),
        again=lambda: htmx.render(
            "brainstorms/edit.html", pilot=pilot, brainstorm=brainstorm, form=form
        ),
        done=_board_url(pilot, brainstorm),
        said=_("The brainstorm's details are saved."),
    )


@bp.route(f"{BASE}/<int:brainstorm_id>/close", methods=["POST"])
@login_required
def close(pilot_id, brainstorm_id):
    """Close the brainstorm: no new cards or votes after this."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    services.close(brainstorm, current_user)
    flash(_("The brainstorm is closed. Now turn the cards into work."), "success")
    return htmx.redirect_to(
        url_for("brainstorms.work", pilot_id=pilot.id, brainstorm_id=brainstorm.id)
    )
