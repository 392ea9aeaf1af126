"""Social return pages: per pilot, per contract (with its contributions) and per organisation."""

from __future__ import annotations

from datetime import date

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, clock, htmx
from ..contracts.loaders import load_contract
from ..extensions import db
from ..figures import exports
from ..figures.services import supplier_names
from ..figures.settings import settings_for, target_group_choices
from ..figures.views import _organisation_scope as organisation_scope
from . import bp, present, realisation, services
from .forms import ContributionForm
from .labels import CERTIFICATES, CONTRIBUTION_KINDS, KIND_LABELS
from .models import Contribution
from .rules import sight


def as_of() -> date:
    """Today, or the date asked for (?as_of=2026-03-31) to look back."""
    raw = request.args.get("as_of")
    if not raw:
        return clock.today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400)


def scope_of(pilot) -> set[int] | None:
    """None for the working group and the board (all suppliers); a supplier's own ids."""
    suppliers = sight(current_user, pilot).suppliers
    return None if suppliers is None else set(suppliers)


@bp.app_context_processor
def _labels():
    return {"sr_kind_labels": KIND_LABELS, "sr_certificates": CERTIFICATES}


@bp.route("/pilots/<int:pilot_id>/social-return")
@login_required
def pilot(pilot_id):
    """The pilot's social return per contract."""
    pilot = access.load_pilot(pilot_id, "sr.view")
    seen = sight(current_user, pilot)
    scope = scope_of(pilot)
    day = as_of()
    summary = realisation.for_pilot(pilot, as_of=day, supplier_ids=scope)
    # Outside the working group (the board, a supplier) small counts are hidden.
    suppress = seen.suppressed
    data = present.figures(summary, suppress=suppress)
    suppliers = []
    if scope is None:
        # The board sees the suppliers' people hidden where small, like the totals.
        parts = realisation.per_supplier(pilot, as_of=day)
        suppliers = present.breakdown(summary, parts, supplier_names(parts), suppress=suppress)
    return render_template(
        "socialreturn/pilot.html",
        pilot=pilot,
        figures=data,
        suppliers=suppliers,
        as_of=day,
        internal=seen.internal,
    )


def _contribution_form(pilot, contract, scope):
    form = ContributionForm()
    names = supplier_names(contract.supplier_ids)
    own = sorted(contract.supplier_ids if scope is None else contract.supplier_ids & scope)
    form.supplier_organisation_id.choices = [(i, names.get(i, "")) for i in own]
    form.target_group.choices = [("", _("(choose)"))] + target_group_choices(
        settings_for(pilot.organisation_id)
    )
    return form


@bp.route(
    "/pilots/<int:pilot_id>/contracts/<int:contract_id>/social-return", methods=["GET", "POST"]
)
@login_required
def contract(pilot_id, contract_id):
    """A contract's social return, and recording a contribution."""
    pilot = access.load_pilot(pilot_id, "sr.view")
    contract = load_contract(pilot, contract_id, "sr.view_contract")
    seen = sight(current_user, pilot)
    scope = scope_of(pilot)
    from ..contracts.rules import InPilot

    may_add = access.can(current_user, "sr.contribute", InPilot(pilot, contract))
    form = _contribution_form(pilot, contract, scope) if may_add else None
    if form is None:
        if request.method == "POST":
            abort(403)
        return render_template(
            "socialreturn/contract.html", **_contract_context(pilot, contract, None, seen, scope)
        )
    return htmx.submit(
        form,
        lambda: services.add_contribution(
            pilot,
            contract,
            current_user,
            {name: form[name].data for name in services.CONTRIBUTION_FIELDS},
            form.supplier_organisation_id.data,
        ),
        again=lambda: htmx.render(
            "socialreturn/contract.html", **_contract_context(pilot, contract, form, seen, scope)
        ),
        done=url_for("socialreturn.contract", pilot_id=pilot.id, contract_id=contract.id),
        said=_("Recorded."),
        refused=services.SocialReturnError,
    )


def _contract_context(pilot, contract, form, seen, scope) -> dict:
    """The contract's social return as the reader may see it, with the form if they may add."""
    day = as_of()
    summary = realisation.summarise([pilot], [contract], as_of=day, supplier_ids=scope)
    data = present.figures(summary, suppress=seen.suppressed)
    entries = [
        e
        for e in db.session.scalars(
            db.select(Contribution)
            .where(Contribution.pilot_id == pilot.id, Contribution.contract_id == contract.id)
            .order_by(Contribution.occurred_on.desc(), Contribution.id.desc())
        )
        if scope is None or e.supplier_organisation_id in scope
    ]
    return dict(
        pilot=pilot,
        contract=contract,
        figures=data,
        item=data["contracts"][0],
        as_of=day,
        form=form,
        entries=entries if seen.entries else [],
        entry_values={
            e.id: realisation.entry_value(e, summary.contracts[0].scheme) for e in entries
        },
        kinds=CONTRIBUTION_KINDS,
        names=supplier_names(contract.supplier_ids),
    )


@bp.route("/social-return")
@login_required
def organisation():
    """Social return over all pilots the user may see."""
    pilots, full, _rows = organisation_scope()  # 403 for those who see no pilot's figures
    day = as_of()
    org_id = current_user.organisation_id
    summary = realisation.for_organisation(org_id, as_of=day, pilots=pilots)
    data = present.figures(
        summary, suppress=not full, tender_share=realisation.tender_share(org_id)
    )
    per_pilot = present.breakdown(
        summary,
        realisation.per_pilot(pilots, as_of=day),
        {p.id: p.title for p in pilots},
        suppress=not full,
    )
    return render_template(
        "socialreturn/organisation.html",
        figures=data,
        pilots=per_pilot,
        linked={p.id for p in pilots if access.can(current_user, "sr.view", p)},
        as_of=day,
        organisation=current_user.organisation,
        may_manage=access.can(current_user, "sr.policy", current_user.organisation),
    )


FORMATS = ("csv", "xlsx")


@bp.route("/pilots/<int:pilot_id>/social-return/export.<fmt>")
@login_required
def pilot_export(pilot_id, fmt):
    """The pilot's figures as a file: full for the working group, else (and for the board's
    copy) small counts hidden, a supplier's own figures too."""
    if fmt not in FORMATS:
        abort(404)
    pilot = access.load_pilot(pilot_id, "sr.view")
    scope = scope_of(pilot)
    seen = sight(current_user, pilot)
    board_copy = request.args.get("audience") == "board" or seen.board or seen.suppressed
    summary = realisation.for_pilot(pilot, as_of=as_of(), supplier_ids=scope)
    data = present.figures(summary, suppress=board_copy)
    return exports.response(
        present.tables(data),
        fmt,
        kind=_("social-return"),
        subject=pilot.title,
        organisation=pilot.organisation.name,
        suppressed=board_copy,
    )


@bp.route("/social-return/export.<fmt>")
@login_required
def organisation_export(fmt):
    """Social return over all pilots as CSV or XLSX."""
    if fmt not in FORMATS:
        abort(404)
    pilots, full, _rows = organisation_scope()
    org_id = current_user.organisation_id
    summary = realisation.for_organisation(org_id, as_of=as_of(), pilots=pilots)
    board_copy = request.args.get("audience") == "board" or not full
    data = present.figures(
        summary, suppress=board_copy, tender_share=realisation.tender_share(org_id)
    )
    return exports.response(
        present.tables(data),
        fmt,
        kind=_("social-return"),
        subject=current_user.organisation.name,
        organisation=current_user.organisation.name,
        suppressed=board_copy,
    )


from . import views_admin, views_scheme, views_upload  # noqa: E402,F401
