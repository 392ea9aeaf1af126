"""The pilot's figures, the organisation-wide view, the supplier view and the exports."""

from __future__ import annotations

from datetime import date

from flask import abort, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access
from ..extensions import db
from ..inputs import DATE_MESSAGE, parse_date
from ..pilots.models import Pilot
from . import bp, exports, figures, hints, monitoring, services
from .chart import trend_chart
from .settings import settings_for

EXPORTS = ("placements", "monitoring", "figures")
FORMATS = ("csv", "xlsx")


def _as_of() -> date:
    """Today, or the date asked for (?as_of=2026-03-31) to look back."""
    raw = request.args.get("as_of")
    if not raw:
        return date.today()
    chosen = parse_date(raw)
    if chosen is None:
        g.own_message = True
        abort(400, description=DATE_MESSAGE)
    return chosen


@bp.route("/pilots/<int:pilot_id>/figures")
@login_required
def dashboard(pilot_id):
    pilot = access.load_pilot(pilot_id)
    standing = access.standing(current_user, pilot)
    if not (standing.working_group or standing.board):
        if standing.supplier:
            return redirect(url_for("jobs.supplier_view", pilot_id=pilot.id))
        abort(403)
    as_of = _as_of()
    suppress = not standing.working_group  # the board sees small counts as "<5"
    data = figures.pilot_figures(pilot, as_of=as_of, suppress=suppress)
    contracts = services.pilot_contracts(pilot)
    settings = settings_for(pilot.organisation_id)
    return render_template(
        "jobs/dashboard.html",
        pilot=pilot,
        figures=data,
        as_of=as_of,
        chart=trend_chart(data["trend"], data["goal_jobs"]),
        contracts=contracts,
        hints={c.id: hints.hints_for(c, settings, as_of) for c in contracts},
        overdue=monitoring.overdue_for_pilots([pilot], as_of) if standing.working_group else [],
        internal=standing.working_group,
    )


@bp.route("/pilots/<int:pilot_id>/supplier")
@login_required
def supplier_view(pilot_id):
    pilot = access.load_pilot(pilot_id, "jobs.supplier_view")
    scope = access.standing(current_user, pilot).supplier_org_ids
    as_of = _as_of()
    pairs = [
        (row, f)
        for row, f in figures.load_facts([pilot.id])
        if row.supplier_organisation_id in scope
    ]
    data = figures.compute(
        pairs,
        as_of=as_of,
        frequency=figures.frequency_of(pilot),
        settings=settings_for(pilot.organisation_id),
        start=pilot.start_date,
        # Its own placements, which it lists anyway: suppression is for what leaves the group.
        suppress=False,
    )
    return render_template(
        "jobs/supplier.html",
        pilot=pilot,
        figures=data,
        as_of=as_of,
        contracts=services.pilot_contracts(pilot, scope),
        overdue=monitoring.overdue_for_pilots([pilot], as_of, supplier_ids=scope),
        names=figures.supplier_names(scope),
    )


def organisation_standing(user) -> tuple[bool, bool]:
    """(may see rows and full figures, may see suppressed figures) across the buyer's pilots."""
    if not user.is_authenticated or not user.organisation.is_buyer:
        return False, False
    if user.is_org_admin:
        return True, True
    roles = {role for role, org in access.roles_held(user) if org == user.organisation_id}
    working_group = bool(roles - {"board", "supplier"})
    return working_group, working_group or "board" in roles


def _organisation_standing() -> tuple[bool, bool]:
    return organisation_standing(current_user)


@bp.app_template_global()
def can_see_organisation_figures(user) -> bool:
    """The nav shows "Figures" only to those /figures lets in."""
    return organisation_standing(user)[1]


@bp.route("/figures")
@login_required
def organisation_dashboard():
    full, allowed = _organisation_standing()
    if not allowed:
        abort(403)
    as_of = _as_of()
    data = figures.organisation_figures(
        current_user.organisation_id, as_of=as_of, suppress=not full
    )
    return render_template(
        "jobs/organisation.html",
        figures=data,
        as_of=as_of,
        chart=trend_chart(data["trend"], data["goal_jobs"]),
        internal=full,
        organisation=current_user.organisation,
    )


def _check_format(what: str, fmt: str) -> None:
    if what not in EXPORTS or fmt not in FORMATS:
        abort(404)


@bp.route("/pilots/<int:pilot_id>/export/<what>.<fmt>")
@login_required
def export(pilot_id, what, fmt):
    _check_format(what, fmt)
    pilot = access.load_pilot(pilot_id)
    standing = access.standing(current_user, pilot)
    board_copy = request.args.get("audience") == "board" or not standing.working_group
    names = figures.supplier_names(_supplier_ids([pilot.id]))
    if what == "figures":
        if not (standing.working_group or standing.board):
            abort(403)
        data = figures.pilot_figures(pilot, as_of=_as_of(), suppress=board_copy)
        tables = exports.figures_tables(data)
    elif what == "monitoring" and (standing.working_group or standing.supplier):
        scope = None if standing.working_group else standing.supplier_org_ids
        tables = [exports.monitoring_table([pilot.id], names, supplier_ids=scope)]
    elif what == "placements" and standing.working_group:
        tables = [exports.placements_table([pilot.id], names)]
    else:
        abort(403)
    return exports.response(tables, fmt, f"pilot-{pilot.id}-{what}")


@bp.route("/figures/export/<what>.<fmt>")
@login_required
def organisation_export(what, fmt):
    _check_format(what, fmt)
    full, allowed = _organisation_standing()
    if not allowed or (what != "figures" and not full):
        abort(403)
    pilot_ids = list(
        db.session.scalars(
            select(Pilot.id).where(Pilot.organisation_id == current_user.organisation_id)
        )
    )
    names = figures.supplier_names(_supplier_ids(pilot_ids))
    if what == "figures":
        board_copy = request.args.get("audience") == "board" or not full
        data = figures.organisation_figures(
            current_user.organisation_id, as_of=_as_of(), suppress=board_copy
        )
        tables = exports.figures_tables(data)
    elif what == "monitoring":
        tables = [exports.monitoring_table(pilot_ids, names)]
    else:
        tables = [exports.placements_table(pilot_ids, names)]
    return exports.response(tables, fmt, f"organisation-{what}")


def _supplier_ids(pilot_ids) -> set[int]:
    """Suppliers named in placements or reports of the pilots, for the name column."""
    from .models import MonitoringReport, Placement

    placed = select(Placement.supplier_organisation_id).where(Placement.pilot_id.in_(pilot_ids))
    reported = select(MonitoringReport.supplier_organisation_id).where(
        MonitoringReport.pilot_id.in_(pilot_ids)
    )
    return set(db.session.scalars(placed.union(reported)))
