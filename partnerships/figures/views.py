"""The pilot's figures, the organisation-wide view, the supplier view, the exports and the
buyer's counting settings."""

from __future__ import annotations

from datetime import date

from flask import abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, changes, clock, fragments
from ..contracts import hints, services
from ..extensions import db
from ..htmx import render, submit
from ..inputs import DATE_MESSAGE, parse_date
from ..monitoring import services as monitoring
from . import bp, exports, rules
from . import services as figures
from .chart import trend_chart
from .settings import DEFAULTS, placement_kinds, settings_for, target_groups
from .settings import save as save_settings
from .settings_forms import SettingsForm, lines

# A pilot's exports, and who may download each (the rules are in the domains' rules.py).
EXPORT_RULES = {
    "placements": "jobs.export_rows",
    "monitoring": "report.list",
    "figures": "jobs.figures",
}
EXPORTS = tuple(EXPORT_RULES)
FORMATS = ("csv", "xlsx")


def _as_of() -> date:
    """Today, or the date asked for (?as_of=2026-03-31) to look back."""
    raw = request.args.get("as_of")
    if not raw:
        return clock.today()
    chosen = parse_date(raw)
    if chosen is None:
        g.own_message = True
        abort(400, description=DATE_MESSAGE)
    return chosen


@bp.route("/pilots/<int:pilot_id>/figures")
@login_required
def dashboard(pilot_id):
    """The pilot's job figures on a day (suppliers go to their own view)."""
    pilot = access.load_pilot(pilot_id)
    if not access.can(current_user, "jobs.figures", pilot):
        if access.can(current_user, "jobs.supplier_view", pilot):
            return redirect(url_for("figures.supplier_view", pilot_id=pilot.id))
        abort(403)
    as_of = _as_of()
    kept = changes.key(pilot.organisation_id, "pilot figures", pilot.id, as_of)
    body = fragments.rendered_once(kept, lambda: _dashboard(pilot, as_of))
    return render_template("figures/dashboard.html", pilot=pilot, body=body)


def _dashboard(pilot, as_of: date) -> str:
    full = access.can(current_user, "jobs.export_rows", pilot)  # else suppressed, as the board
    data = figures.pilot_figures(pilot, as_of=as_of, suppress=not full)
    contracts = services.pilot_contracts(pilot)
    settings = settings_for(pilot.organisation_id)
    return render_template(
        "figures/_dashboard.html",
        pilot=pilot,
        figures=data,
        as_of=as_of,
        chart=trend_chart(data["trend"], data["goal_jobs"]),
        contracts=contracts,
        hints={c.id: hints.hints_for(c, settings, as_of) for c in contracts},
        overdue=monitoring.overdue_for_pilots([pilot], as_of) if full else [],
        internal=full,
    )


@bp.route("/pilots/<int:pilot_id>/supplier")
@login_required
def supplier_view(pilot_id):
    """A supplier's own placements and reports in the pilot."""
    pilot = access.load_pilot(pilot_id, "jobs.supplier_view")
    scope = access.speaks_for(current_user, pilot)
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
        # Figures leave the working group here, even of its own placements: the same rule
        # as the board's, so a supplier's copy never tells more than the board's.
        suppress=True,
    )
    return render_template(
        "figures/supplier.html",
        pilot=pilot,
        figures=data,
        as_of=as_of,
        contracts=services.pilot_contracts(pilot, scope),
        overdue=monitoring.overdue_for_pilots([pilot], as_of, supplier_ids=scope),
        names=figures.supplier_names(scope),
    )


@bp.app_template_global()
def can_see_organisation_figures(user) -> bool:
    """The nav shows "Figures" only to those /figures lets in."""
    return user.is_authenticated and access.can(
        user, "jobs.organisation_figures", user.organisation
    )


def _organisation_scope() -> tuple[list, bool, list]:
    """(pilots shown, whether in full, pilots whose rows may be exported); 403 if none."""
    access.require("jobs.organisation_figures", current_user.organisation)
    shown, rows = rules.organisation_pilots(current_user)
    full = bool(shown) and {p.id for p in shown} <= {p.id for p in rows}
    return shown, full, rows


@bp.route("/figures")
@login_required
def organisation_dashboard():
    """The job figures over all pilots the user may see."""
    access.require("jobs.organisation_figures", current_user.organisation)
    as_of = _as_of()
    kept = changes.key(current_user.organisation_id, "organisation figures", as_of)
    body = fragments.rendered_once(kept, lambda: _organisation_dashboard(as_of))
    return render_template("figures/organisation.html", body=body)


def _organisation_dashboard(as_of: date) -> str:
    pilots, full, _rows = _organisation_scope()
    data = figures.organisation_figures(
        current_user.organisation_id, as_of=as_of, suppress=not full, pilots=pilots
    )
    return render_template(
        "figures/_organisation.html",
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
    """Download a pilot's figures, placements or reports as CSV or XLSX."""
    _check_format(what, fmt)
    pilot = access.load_pilot(pilot_id)
    access.require(EXPORT_RULES[what], pilot)  # checked on every request, kept or not
    args = (request.args.get("as_of"), request.args.get("audience"))
    kept = changes.key(pilot.organisation_id, "pilot export", pilot.id, what, *args)
    tables, suppressed = changes.kept(kept, lambda: _pilot_tables(pilot, what))
    return exports.response(
        tables,
        fmt,
        kind=export_kind(what),
        subject=pilot.title,
        organisation=pilot.organisation.name,
        suppressed=suppressed,
    )


def _pilot_tables(pilot, what: str) -> tuple[list, bool]:
    """The tables of a pilot's export, and whether their figures are suppressed."""
    suppressed = False
    if what == "figures":
        full = access.can(current_user, "jobs.export_rows", pilot)
        board_copy = request.args.get("audience") == "board" or not full
        data = figures.pilot_figures(pilot, as_of=_as_of(), suppress=board_copy)
        tables, suppressed = exports.figures_tables(data), board_copy
    elif what == "monitoring":
        scope = access.visible_supplier_ids(current_user, pilot)
        names = figures.supplier_names(_supplier_ids([pilot.id]))
        tables = [exports.monitoring_table([pilot.id], names, supplier_ids=scope)]
    else:
        names = figures.supplier_names(_supplier_ids([pilot.id]))
        tables = [exports.placements_table([pilot.id], names)]
    return tables, suppressed


def export_kind(what: str) -> str:
    """The file name's first word, in the user's language."""
    return {"placements": _("placements"), "monitoring": _("monitoring"), "figures": _("figures")}[
        what
    ]


@bp.route("/figures/export/<what>.<fmt>")
@login_required
def organisation_export(what, fmt):
    """Download the figures over all pilots as CSV or XLSX."""
    _check_format(what, fmt)
    shown, full, rows = _organisation_scope()
    suppressed = False
    if what == "figures":
        board_copy = request.args.get("audience") == "board" or not full
        data = figures.organisation_figures(
            current_user.organisation_id, as_of=_as_of(), suppress=board_copy, pilots=shown
        )
        tables, suppressed = exports.figures_tables(data), board_copy
    else:
        if not rows:
            abort(403)
        pilot_ids = [pilot.id for pilot in rows]
        names = figures.supplier_names(_supplier_ids(pilot_ids))
        table = exports.monitoring_table if what == "monitoring" else exports.placements_table
        tables = [table(pilot_ids, names)]
    organisation = current_user.organisation.name
    return exports.response(
        tables,
        fmt,
        kind=export_kind(what),
        subject=organisation,
        organisation=organisation,
        suppressed=suppressed,
    )


def _supplier_ids(pilot_ids) -> set[int]:
    """Suppliers named in placements or reports of the pilots, for the name column."""
    from ..monitoring.models import MonitoringReport
    from ..placements.models import Placement

    placed = select(Placement.supplier_organisation_id).where(Placement.pilot_id.in_(pilot_ids))
    reported = select(MonitoringReport.supplier_organisation_id).where(
        MonitoringReport.pilot_id.in_(pilot_ids)
    )
    return set(db.session.scalars(placed.union(reported)))


# --- the buyer's counting settings ----------------------------------------------------------


def require_buyer_admin():
    access.require("organisation.buyer_settings", current_user.organisation)
    return current_user.organisation


@bp.route("/organisation/jobs-settings", methods=["GET", "POST"])
@login_required
def settings():
    """The buyer's counting rules, thresholds and lists (its admins only)."""
    organisation = require_buyer_admin()
    row = settings_for(organisation.id)
    form = SettingsForm(obj=None if request.method == "POST" else row)
    if not form.is_submitted():
        groups, kinds = target_groups(row), placement_kinds(row)
        form.target_groups.data = list(groups.defaults_in_use)
        form.own_target_groups.data = "\n".join(groups.own)
        form.placement_kinds.data = list(kinds.defaults_in_use)
        form.own_placement_kinds.data = "\n".join(kinds.own)
        form.version.data = row.version
    return submit(
        form,
        lambda: save_settings(
            row,
            organisation,
            version=form.version.data,
            numbers={name: form[name].data for name in DEFAULTS},
            groups=form.target_groups.data,
            own_groups=lines(form.own_target_groups.data),
            kinds=form.placement_kinds.data,
            own_kinds=lines(form.own_placement_kinds.data),
        ),
        again=lambda: render("figures/settings.html", form=form, organisation=organisation),
        done=url_for("figures.settings"),
        said=_("Settings saved."),
    )
