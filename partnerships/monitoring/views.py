"""Monitoring reports: the supplier submits per period, the buyer accepts or returns."""

from __future__ import annotations

from datetime import date

from flask import abort, g, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import or_, select

from .. import access, clock
from ..contracts.loaders import load_contract, supplier_scope
from ..contracts.rules import InPilot
from ..extensions import db
from ..figures.services import supplier_names
from ..figures.settings import placement_kind_choices, settings_for, target_group_choices
from ..htmx import render, submit
from ..placements.models import Placement
from . import bp
from . import services as monitoring
from .forms import DecideForm, aggregates, build_report_form, placement_hours
from .models import MonitoringReport
from .services import ReportError


def _refuse(message: str, code: int = 422):
    g.own_message = True
    abort(code, description=message)


@bp.route("/pilots/<int:pilot_id>/reports")
@login_required
def reports(pilot_id):
    """The pilot's monitoring reports and those due."""
    pilot = access.load_pilot(pilot_id, "report.list")
    scope = supplier_scope(pilot)
    query = (
        select(MonitoringReport)
        .where(MonitoringReport.pilot_id == pilot.id)
        .order_by(
            MonitoringReport.period_start.desc(),
            MonitoringReport.contract_id,
            MonitoringReport.version_no.desc(),
        )
    )
    if scope is not None:
        query = query.where(MonitoringReport.supplier_organisation_id.in_(scope))
    rows = db.session.scalars(query).all()
    overdue = monitoring.overdue_for_pilots([pilot], clock.today(), supplier_ids=scope)
    names = supplier_names(
        {r.supplier_organisation_id for r in rows} | {d.supplier_id for d in overdue}
    )
    return render_template(
        "monitoring/reports.html",
        pilot=pilot,
        reports=rows,
        overdue=overdue,
        names=names,
        internal=scope is None,
    )


def _period(pilot, contract, start: date) -> tuple[date, date]:
    try:
        return monitoring.check_period(pilot, contract, start)
    except ReportError as error:
        _refuse(str(error))


@bp.route(
    "/pilots/<int:pilot_id>/contracts/<int:contract_id>/reports/<date:period>",
    methods=["GET", "POST"],
)
@login_required
def report_new(pilot_id, contract_id, period):
    """A supplier's monitoring report for a contract and period."""
    pilot = access.load_pilot(pilot_id, "report.list")
    contract = load_contract(pilot, contract_id)
    access.require("report.submit_for_contract", InPilot(pilot, contract))
    own = sorted(contract.supplier_ids & access.speaks_for(current_user, pilot))
    supplier_id = own[0]
    start, end = _period(pilot, contract, period)
    earlier = monitoring.versions(pilot.id, contract.id, supplier_id, start)
    placements = db.session.scalars(
        select(Placement)
        .where(
            Placement.pilot_id == pilot.id,
            Placement.contract_id == contract.id,
            Placement.supplier_organisation_id == supplier_id,
            Placement.start_date <= end,
            or_(Placement.end_date.is_(None), Placement.end_date >= start),
        )
        .order_by(Placement.start_date, Placement.id)
    ).all()
    settings = settings_for(pilot.organisation_id)
    form = build_report_form(
        placements, target_group_choices(settings), placement_kind_choices(settings)
    )
    if not form.is_submitted() and earlier:
        form.narrative.data = earlier[0].narrative
        form.sr_costs.data = earlier[0].sr_costs
        for line in earlier[0].lines:
            if line.placement_id and f"hours_{line.placement_id}" in form:
                form[f"hours_{line.placement_id}"].data = line.paid_hours
    return submit(
        form,
        lambda: monitoring.submit(
            pilot,
            current_user,
            contract=contract,
            supplier_id=supplier_id,
            period_start=start,
            narrative=form.narrative.data or "",
            placement_hours=placement_hours(form),
            aggregates=aggregates(form),
            correction_reason=form.correction_reason.data or "",
            sr_costs=form.sr_costs.data,
        ),
        again=lambda: render(
            "monitoring/report_form.html",
            pilot=pilot,
            contract=contract,
            form=form,
            period=(start, end),
            earlier=earlier,
            supplier_name=supplier_names([supplier_id])[supplier_id],
        ),
        done=lambda report: url_for(
            "monitoring.report_show", pilot_id=pilot.id, report_id=report.id
        ),
        said=_("Report submitted. The buyer will accept it or return it with a remark."),
        refused=ReportError,
    )


@bp.route("/pilots/<int:pilot_id>/reports/<int:report_id>")
@login_required
def report_show(pilot_id, report_id):
    """One monitoring report with its lines and history."""
    pilot = access.load_pilot(pilot_id, "report.list")
    report = access.load(MonitoringReport, report_id, "report.view", pilot=pilot)
    history = monitoring.versions(
        report.pilot_id, report.contract_id, report.supplier_organisation_id, report.period_start
    )
    can_decide = access.can(current_user, "report.decide", report)
    form = DecideForm(version=report.version) if can_decide else None
    return render_template(
        "monitoring/report_show.html",
        pilot=pilot,
        report=report,
        history=history,
        form=form,
        newest=history[0],
        can_submit=access.can(current_user, "report.submit", report),
        internal=supplier_scope(pilot) is None,
    )


@bp.route("/pilots/<int:pilot_id>/reports/<int:report_id>/decide", methods=["POST"])
@login_required
def report_decide(pilot_id, report_id):
    """Accept a monitoring report or return it with a remark."""
    pilot = access.load_pilot(pilot_id, "report.list")
    report = access.load(MonitoringReport, report_id, "report.decide", pilot=pilot)
    form = DecideForm()
    accept = request.form.get("decision") == "accept"
    return submit(
        form,
        lambda: monitoring.decide(
            report,
            current_user,
            accept=accept,
            remark=form.remark.data or "",
            submitted_version=form.version.data,
        ),
        again=lambda: _decided_page(pilot, report, form),
        done=url_for("monitoring.report_show", pilot_id=pilot.id, report_id=report.id),
        said=_("Report accepted and locked.") if accept else _("Report returned to the supplier."),
        refused=ReportError,
    )


def _decided_page(pilot, report, form):
    """The report with the buyer's refused decision form."""
    history = monitoring.versions(
        report.pilot_id, report.contract_id, report.supplier_organisation_id, report.period_start
    )
    return render(
        "monitoring/report_show.html",
        pilot=pilot,
        report=report,
        history=history,
        form=form,
        newest=history[0],
        can_submit=False,
        internal=True,
    )
