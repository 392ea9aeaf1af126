"""Cards on the board: add, change, move, pin, withdraw and merge."""

from __future__ import annotations

from flask import flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, htmx
from ..concurrency import StaleEdit
from ..extensions import db
from ..forms import VersionedForm
from . import bp, services
from .board import cards_by_place, visible_cards
from .forms import CardEditForm, CardForm, MergeForm
from .loaders import board_context, load_brainstorm, load_card, place_labels
from .views import BASE, render_board

CARD = f"{BASE}/<int:brainstorm_id>/cards/<int:card_id>"


def _board_url(brainstorm, anchor=None):
    return url_for(
        "brainstorms.board",
        pilot_id=brainstorm.pilot_id,
        brainstorm_id=brainstorm.id,
        _anchor=anchor,
    )


@bp.route(f"{BASE}/<int:brainstorm_id>/cards", methods=["POST"])
@login_required
def add_card(pilot_id, brainstorm_id):
    """Put a card on the board."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.contribute")
    form = CardForm()
    place = form.place.data or ""
    errors: list = []
    if form.validate_on_submit():
        try:
            services.add_card(
                brainstorm,
                current_user,
                place=place,
                text=form.text.data,
                anonymous=form.anonymous.data,
            )
        except services.BrainstormClosed as error:
            db.session.rollback()
            return _refused(pilot, brainstorm, place, form.text.data, error.description, 409)
        except services.Refused as error:
            db.session.rollback()
            errors = [error.message]
        else:
            if htmx.is_htmx():
                return _add_card_answer(pilot, brainstorm, place)
            return htmx.redirect_to(_board_url(brainstorm, f"cards-{place}"))
    else:
        errors = [e for errs in form.errors.values() for e in errs]
    if not brainstorm.is_open:
        return _refused(
            pilot, brainstorm, place, form.text.data, services.BrainstormClosed.description, 409
        )
    warned = getattr(form.text, "privacy_warning", False)
    return _refused(pilot, brainstorm, place, form.text.data, errors, 422, warned=warned)


def _refused(pilot, brainstorm, place, text, errors, status, warned=False):
    """Answer a refused card with the message and the typed text, so nothing is lost;
    after a personal-data warning, with the box to confirm it is not about a placed person."""
    errors = errors if isinstance(errors, list) else [errors]
    if htmx.is_htmx():
        labels = place_labels(pilot)
        return htmx.render(
            "brainstorms/_add_card.html",
            "brainstorms/_add_card.html",
            status=status,
            key=place,
            label=labels.get(place, ""),
            card_errors={place: errors},
            card_texts={place: text or ""},
            card_confirm={place: warned},
            **board_context(pilot, brainstorm),
        )
    if status == 409:
        return render_board(pilot, brainstorm, status=409, refused_text=text or "")
    return render_board(
        pilot,
        brainstorm,
        status=status,
        card_errors={place: errors},
        card_texts={place: text or ""},
        card_confirm={place: warned},
    )


def _add_card_answer(pilot, brainstorm, place):
    """For htmx: a fresh form for this place, plus the changed board out of band."""
    labels = place_labels(pilot)
    return render_template(
        "brainstorms/_add_card_answer.html",
        key=place,
        label=labels.get(place, ""),
        card_errors={},
        card_texts={},
        labels=labels,
        board=cards_by_place(brainstorm, labels),
        **board_context(pilot, brainstorm),
    )


def _card_page(pilot, brainstorm, card, *, form=None, status=200, message=None):
    ctx = board_context(pilot, brainstorm)
    editable = brainstorm.is_open and card.visible and ctx["can_edit"](card)
    labels = place_labels(pilot)
    if form is None and editable:
        form = CardEditForm(obj=card, formdata=None)
        form.version.data = card.version
    if form is not None:
        form.place.choices = list(labels.items())
        if not ctx["can_facilitate"]:
            del form.place
    merge_form = None
    if editable and ctx["can_facilitate"]:
        merge_form = MergeForm(formdata=None)
        merge_form.version.data = card.version
        merge_form.source_id.choices = [
            (other.id, f"{labels.get(other.place, other.place)}: {other.text[:80]}")
            for other in visible_cards(brainstorm)
            if other.id != card.id
        ]
    return htmx.render(
        "brainstorms/card.html",
        status=status,
        card=card,
        form=form if editable else None,
        merge_form=merge_form,
        button_form=VersionedForm(formdata=None),
        labels=labels,
        message=message,
        **ctx,
    )


@bp.route(CARD, methods=["GET", "POST"])
@login_required
def card(pilot_id, brainstorm_id, card_id):
    """One card: read it, or change its text."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    card = load_card(brainstorm, card_id)
    if request.method == "GET":
        return _card_page(pilot, brainstorm, card)
    access.require("card.edit", card)
    facilitator = access.can(current_user, "brainstorm.facilitate", brainstorm)
    form = CardEditForm()
    form.place.choices = list(place_labels(pilot).items())
    if not form.validate_on_submit():
        return _card_page(pilot, brainstorm, card, form=form, status=422)
    try:
        services.edit_card(
            card,
            current_user,
            version=form.version.data,
            text=form.text.data,
            place=(form.place.data or None) if facilitator else None,
        )
    except (StaleEdit, services.BrainstormClosed) as error:
        return _conflict(pilot, brainstorm, card, form, error)
    except services.Refused as error:
        db.session.rollback()
        form.text.errors = [*form.text.errors, error.message]
        return _card_page(pilot, brainstorm, card, form=form, status=422)
    flash(_("The card is saved."), "success")
    return htmx.redirect_to(_board_url(brainstorm, f"card-{card.id}"))


def _conflict(pilot, brainstorm, card, form, error):
    """A stale edit or a closed brainstorm: 409, the typed text kept, the latest text shown."""
    db.session.rollback()
    db.session.refresh(card)
    form.version.data = card.version
    return _card_page(pilot, brainstorm, card, form=form, status=409, message=error.description)


def _versioned_action(pilot_id, brainstorm_id, card_id, action, change, done_message):
    """Load, check and apply a button-only change that carries the card's version."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id)
    card = load_card(brainstorm, card_id, action)
    form = VersionedForm()
    if not form.validate_on_submit():
        return _card_page(pilot, brainstorm, card, status=422)
    try:
        change(card, form.version.data)
    except (StaleEdit, services.BrainstormClosed) as error:
        db.session.rollback()
        db.session.refresh(card)
        return _card_page(pilot, brainstorm, card, status=409, message=error.description)
    flash(done_message, "success")
    return htmx.redirect_to(_board_url(brainstorm, f"cards-{card.place}"))


@bp.route(f"{CARD}/pin", methods=["POST"])
@login_required
def pin(pilot_id, brainstorm_id, card_id):
    """Pin a card to the top of its place, or unpin it."""
    pinned = request.form.get("pinned") == "1"
    return _versioned_action(
        pilot_id,
        brainstorm_id,
        card_id,
        "brainstorm.facilitate",
        lambda card, version: services.set_pinned(
            card, current_user, version=version, pinned=pinned
        ),
        _("The card is pinned.") if pinned else _("The card is no longer pinned."),
    )


@bp.route(f"{CARD}/withdraw", methods=["POST"])
@login_required
def withdraw(pilot_id, brainstorm_id, card_id):
    """Take a card off the board."""
    return _versioned_action(
        pilot_id,
        brainstorm_id,
        card_id,
        "card.edit",
        lambda card, version: services.withdraw_card(card, current_user, version=version),
        _("The card is withdrawn."),
    )


@bp.route(f"{CARD}/merge", methods=["POST"])
@login_required
def merge(pilot_id, brainstorm_id, card_id):
    """Merge a card into another that says the same."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    target = load_card(brainstorm, card_id)
    form = MergeForm()
    form.source_id.choices = [
        (c.id, str(c.id)) for c in visible_cards(brainstorm) if c.id != target.id
    ]
    if not form.validate_on_submit():
        return _card_page(
            pilot,
            brainstorm,
            target,
            status=422,
            message=_("Choose another card of this board to merge."),
        )
    source = load_card(brainstorm, form.source_id.data)
    try:
        services.merge_cards(target, source, current_user, version=form.version.data)
    except (StaleEdit, services.BrainstormClosed) as error:
        db.session.rollback()
        db.session.refresh(target)
        return _card_page(pilot, brainstorm, target, status=409, message=error.description)
    except services.Refused as error:
        db.session.rollback()
        return _card_page(pilot, brainstorm, target, status=422, message=error.message)
    flash(_("The cards are merged."), "success")
    return htmx.redirect_to(_board_url(brainstorm, f"card-{target.id}"))
