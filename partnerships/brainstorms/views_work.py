"""From talk to work: after closing, cards become actions, decisions, potential jobs or
places on the "top 3" shortlist."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from .. import access, clock, htmx, workflows_registry
from ..accounts.models import Organisation
from ..extensions import db
from ..i18n import locale_code
from . import bp, outcomes
from .board import visible_cards
from .forms import (
    ActionFromCardForm,
    DecisionFromCardForm,
    PotentialJobFromCardForm,
    ShortlistForm,
)
from .loaders import load_brainstorm, load_card, place_labels
from .models import ShortlistEntry
from .services import Refused
from .sharing import pilot_suppliers
from .views import BASE

WORK = f"{BASE}/<int:brainstorm_id>/work"

# Decisions a brainstorm typically leads to.
DECISION_KINDS = {
    "supplier_choice": _l("Choice of supplier"),
    "budget": _l("Budget"),
    "other": _l("Other decision"),
}
DECIDED_BY = {
    "working_group": _l("Working group"),
    "coordinator": _l("Coordinator"),
    "board": _l("Board"),
}


def _shortlist_form(brainstorm, form=None):
    form = form or ShortlistForm(formdata=None)
    form.organisation_id.choices = [(0, _("Another supplier (name below)"))] + [
        (org.id, org.name) for org in pilot_suppliers(brainstorm.pilot)
    ]
    form.card_id.choices = [(0, _("None"))] + [
        (card.id, card.text[:80]) for card in visible_cards(brainstorm)
    ]
    return form


def _work_page(pilot, brainstorm, status=200, shortlist_form=None):
    return htmx.render(
        "brainstorms/work.html",
        status=status,
        pilot=pilot,
        brainstorm=brainstorm,
        cards=visible_cards(brainstorm),
        labels=place_labels(pilot),
        outcomes=outcomes.outcomes_by_card(brainstorm),
        shortlist=outcomes.shortlist(brainstorm),
        shortlist_form=_shortlist_form(brainstorm, shortlist_form),
        jobs_available=outcomes.potential_jobs_available(),
        # Readers (board, plain members) get no buttons that would answer 403.
        can_facilitate=access.can(current_user, "brainstorm.facilitate", brainstorm),
    )


@bp.route(WORK)
@login_required
def work(pilot_id, brainstorm_id):
    """The facilitator's working page: shortlist and conversions."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.view_internal")
    return _work_page(pilot, brainstorm)


def _convert_form(kind, pilot, brainstorm, card, formdata):
    locale = locale_code()
    kwargs = {} if formdata else {"formdata": None}
    if kind == "action":
        form = ActionFromCardForm(**kwargs)
        form.role.choices = [
            (r.code, r.name.get(locale)) for r in workflows_registry.for_pilot(pilot).roles
        ]
        if not formdata:
            form.title.data, form.description.data = outcomes.card_title(card), card.text
            form.role.data = "coordinator"
    elif kind == "decision":
        form = DecisionFromCardForm(**kwargs)
        form.kind.choices = list(DECISION_KINDS.items())
        form.decided_by.choices = list(DECIDED_BY.items())
        if not formdata:
            form.title.data, form.text.data = outcomes.card_title(card), card.text
            form.decided_on.data = clock.today()
    elif kind == "potential_job" and outcomes.potential_jobs_available():
        form = PotentialJobFromCardForm(**kwargs)
        form.suppliers.choices = [(o.id, o.name) for o in pilot_suppliers(pilot)]
        if not formdata:
            form.title.data, form.tasks.data = outcomes.card_title(card), card.text
    else:
        abort(404)
    return form


def _convert(kind, brainstorm, card, form):
    if kind == "action":
        outcomes.to_action(
            brainstorm,
            card,
            current_user,
            title=form.title.data,
            role=form.role.data,
            description=form.description.data,
            deadline=form.deadline.data,
        )
    elif kind == "decision":
        outcomes.to_decision(
            brainstorm,
            card,
            current_user,
            title=form.title.data,
            kind=form.kind.data,
            decided_by=form.decided_by.data,
            decided_on=form.decided_on.data,
            text=form.text.data,
        )
    else:
        outcomes.to_potential_job(
            brainstorm,
            card,
            current_user,
            title=form.title.data,
            tasks=form.tasks.data,
            supplier_ids=form.suppliers.data or [],
        )


DONE = {
    "action": _l("The card is now an action."),
    "decision": _l("The card is now in the decision register."),
    "potential_job": _l("The card is now a potential job."),
}


@bp.route(f"{BASE}/<int:brainstorm_id>/cards/<int:card_id>/to/<kind>", methods=["GET", "POST"])
@login_required
def convert(pilot_id, brainstorm_id, card_id, kind):
    """Turn a card into an action, a potential job or a decision."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    card = load_card(brainstorm, card_id)
    form = _convert_form(kind, pilot, brainstorm, card, request.method == "POST")
    return htmx.submit(
        form,
        lambda: _convert(kind, brainstorm, card, form),
        again=lambda: htmx.render(
            "brainstorms/convert.html",
            pilot=pilot,
            brainstorm=brainstorm,
            card=card,
            kind=kind,
            form=form,
            labels=place_labels(pilot),
        ),
        done=url_for(
            "brainstorms.work",
            pilot_id=pilot.id,
            brainstorm_id=brainstorm.id,
            _anchor=f"card-{card.id}",
        ),
        said=DONE[kind],
        refused=Refused,
        blame="title",
    )


@bp.route(f"{WORK}/shortlist", methods=["POST"])
@login_required
def shortlist_add(pilot_id, brainstorm_id):
    """Put a card on the shortlist."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    form = _shortlist_form(brainstorm, ShortlistForm())
    return htmx.submit(
        form,
        lambda: _add_to_shortlist(brainstorm, form),
        again=lambda: _work_page(pilot, brainstorm, shortlist_form=form),
        done=_shortlist_url(brainstorm),
        said=_("The supplier is on the shortlist."),
        refused=Refused,
        blame="rank",
    )


def _add_to_shortlist(brainstorm, form):
    """The shortlist form's choices (0: none, or a supplier named by hand) for the service."""
    outcomes.add_to_shortlist(
        brainstorm,
        current_user,
        rank=form.rank.data,
        supplier_name=form.supplier_name.data or "",
        organisation=(
            db.session.get(Organisation, form.organisation_id.data)
            if form.organisation_id.data
            else None
        ),
        reason=form.reason.data,
        card=load_card(brainstorm, form.card_id.data) if form.card_id.data else None,
    )


def _shortlist_url(brainstorm):
    return url_for(
        "brainstorms.work",
        pilot_id=brainstorm.pilot_id,
        brainstorm_id=brainstorm.id,
        _anchor="shortlist",
    )


@bp.route(f"{WORK}/shortlist/<int:entry_id>/remove", methods=["POST"])
@login_required
def shortlist_remove(pilot_id, brainstorm_id, entry_id):
    """Take a card off the shortlist."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    entry = db.session.get(ShortlistEntry, entry_id)
    if entry is None or entry.brainstorm_id != brainstorm.id:
        abort(404)
    outcomes.remove_from_shortlist(entry, current_user)
    flash(_("The supplier is off the shortlist."), "success")
    return htmx.redirect_to(_shortlist_url(brainstorm))
