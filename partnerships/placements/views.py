"""Placements: the jobs realised, recorded anonymously by the working group or the supplier."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, clock, htmx
from ..contracts import services
from ..contracts.loaders import supplier_scope
from ..contracts.services import JobsError
from ..extensions import db
from ..figures.services import supplier_names
from ..figures.settings import placement_kind_choices, settings_for, target_group_choices
from ..paging import Page, page_count, page_number
from . import bp
from .forms import PlacementForm, evidence_data
from .models import Placement
from .services import PLACEMENT_FIELDS, save_placement

PLACEMENTS_PER_PAGE = 100


def _with_current(options, current):
    """Keep a value that was dropped from the organisation's list selectable on old rows."""
    if current and current not in {code for code, _ in options}:
        return options + [(current, current)]
    return options


def _placement_form(pilot, scope, placement=None) -> PlacementForm:
    # A POST is read from what was sent only, so a field left out never falls back to the row.
    form = PlacementForm(obj=None if request.method == "POST" else placement)
    contracts = services.pilot_contracts(pilot, scope)
    form.contract_id.choices = [(c.id, c.title) for c in contracts]
    supplier_ids = set().union(*(c.supplier_ids for c in contracts)) if contracts else set()
    if scope is not None:
        supplier_ids &= scope
    names = supplier_names(supplier_ids)
    form.supplier_organisation_id.choices = [("", _("Choose…"))] + sorted(
        names.items(), key=lambda kv: kv[1]
    )
    settings = settings_for(pilot.organisation_id)
    form.kind.choices = _with_current(
        placement_kind_choices(settings), placement.kind if placement else None
    )
    form.target_group.choices = _with_current(
        target_group_choices(settings), placement.target_group if placement else None
    )
    if placement is not None and not form.is_submitted():
        form.version.data = placement.version
        for evidence in placement.evidence:
            form[f"ev_{evidence.kind}"].data = evidence.seen
            form[f"ev_{evidence.kind}_on"].data = evidence.seen_on
    return form


@bp.route("/pilots/<int:pilot_id>/placements")
@login_required
def placements(pilot_id):
    """The pilot's placements, for a supplier only its own."""
    pilot = access.load_pilot(pilot_id, "placement.list")
    scope = supplier_scope(pilot)
    query = (
        select(Placement)
        .where(Placement.pilot_id == pilot.id)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
    )
    if scope is not None:
        query = query.where(Placement.supplier_organisation_id.in_(scope))
    # Paged: a pilot with 50,000 placements made one page of 19 MB.
    paged = db.paginate(
        query,
        page=page_number(request.args.get("page")),
        per_page=PLACEMENTS_PER_PAGE,
        error_out=False,
    )
    if not paged.items and paged.page > 1:  # a page past the end shows the last page
        last = page_count(paged.total, PLACEMENTS_PER_PAGE)
        paged = db.paginate(query, page=last, per_page=PLACEMENTS_PER_PAGE, error_out=False)
    rows = paged.items
    return render_template(
        "placements/placements.html",
        pilot=pilot,
        placements=rows,
        page=Page(rows, paged.total, paged.page, PLACEMENTS_PER_PAGE),
        internal=scope is None,
        names=supplier_names({p.supplier_organisation_id for p in rows}),
        can_create=access.can(current_user, "placement.create", pilot),
        today=clock.today(),
    )


def _submit(pilot, form, scope, placement=None):
    """The placement form shown, or saved and back to the list (new and existing alike)."""
    return htmx.submit(
        form,
        lambda: save_placement(
            pilot,
            current_user,
            {name: form[name].data for name in PLACEMENT_FIELDS},
            evidence_data(form),
            placement=placement,
            version=form.version.data,
            allowed_supplier_ids=scope,
        ),
        again=lambda: htmx.render(
            "placements/placement_form.html", pilot=pilot, form=form, placement=placement
        ),
        done=url_for("placements.placements", pilot_id=pilot.id),
        said=_("Placement saved."),
        refused=JobsError,
    )


@bp.route("/pilots/<int:pilot_id>/placements/new", methods=["GET", "POST"])
@login_required
def placement_new(pilot_id):
    """Record a placement (anonymous: a reference, no name)."""
    pilot = access.load_pilot(pilot_id, "placement.create")
    scope = supplier_scope(pilot)
    form = _placement_form(pilot, scope)
    return _submit(pilot, form, scope)


@bp.route("/pilots/<int:pilot_id>/placements/<int:placement_id>", methods=["GET", "POST"])
@login_required
def placement_edit(pilot_id, placement_id):
    """Show or change a placement."""
    pilot = access.load_pilot(pilot_id, "placement.list")
    placement = access.load(Placement, placement_id, "placement.view", pilot=pilot)
    scope = supplier_scope(pilot)
    form = _placement_form(pilot, scope, placement)
    if form.is_submitted():
        access.require("placement.edit", placement)
    return _submit(pilot, form, scope, placement)
