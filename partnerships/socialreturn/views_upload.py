"""Excel in and out: a supplier's report template, and an organisation's contract list."""

from __future__ import annotations

from datetime import date

from flask import Response, abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import or_, select

from .. import access
from ..contracts.loaders import load_contract
from ..documents import downloads
from ..extensions import db
from ..htmx import invalid, redirect_to
from ..monitoring import services as monitoring
from ..monitoring.services import ReportError
from ..placements.models import Placement
from . import bp, contracts_workbook, report_workbook, services
from .forms import UploadForm
from .sheets import Problem, UploadRefused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An .xlsx of thousands of rows stays far below this; the app refuses larger bodies anyway.
MAX_UPLOAD = 1024 * 1024


def _download(body: bytes, kind: str, subject: str, day: date | None = None) -> Response:
    """Named like every download: in the user's language, with what it is about and a date."""
    name = downloads.file_name(kind, subject=subject, day=day, ext="xlsx")
    return downloads.attachment(body, name, XLSX)


def _report_context(pilot_id, contract_id, period):
    """The pilot, contract, own supplier id, period and placements of a report, or 4xx."""
    pilot = access.load_pilot(pilot_id, "report.list")
    contract = load_contract(pilot, contract_id)
    own = sorted(contract.supplier_ids & access.speaks_for(current_user, pilot))
    if not own:
        abort(403)  # only the contract's own supplier reports on it
    try:
        start = date.fromisoformat(period)
    except ValueError:
        abort(404)
    try:
        start, end = monitoring.check_period(pilot, contract, start)
    except ReportError:
        abort(404)
    placements = db.session.scalars(
        select(Placement)
        .where(
            Placement.pilot_id == pilot.id,
            Placement.contract_id == contract.id,
            Placement.supplier_organisation_id == own[0],
            Placement.start_date <= end,
            or_(Placement.end_date.is_(None), Placement.end_date >= start),
        )
        .order_by(Placement.start_date, Placement.id)
    ).all()
    return pilot, contract, own[0], (start, end), placements


@bp.route("/pilots/<int:pilot_id>/contracts/<int:contract_id>/reports/<period>/template.xlsx")
@login_required
def report_template(pilot_id, contract_id, period):
    """The Excel template for a supplier's monitoring report."""
    pilot, contract, supplier_id, span, placements = _report_context(pilot_id, contract_id, period)
    earlier = monitoring.versions(pilot.id, contract.id, supplier_id, span[0])
    hours = {
        line.placement_id: line.paid_hours
        for line in (earlier[0].lines if earlier else [])
        if line.placement_id
    }
    body = report_workbook.build(
        contract=contract, supplier_id=supplier_id, period=span, placements=placements, hours=hours
    )
    return _download(body, _("report template"), contract.title, span[0])


def _uploaded(form) -> bytes | None:
    data = form.workbook.data.read(MAX_UPLOAD + 1) if form.workbook.data else b""
    if len(data) > MAX_UPLOAD:
        form.workbook.errors = [_("The file is larger than 1 MB.")]
        return None
    return data


@bp.route(
    "/pilots/<int:pilot_id>/contracts/<int:contract_id>/reports/<period>/upload",
    methods=["GET", "POST"],
)
@login_required
def report_upload(pilot_id, contract_id, period):
    """Upload a filled-in monitoring report workbook."""
    pilot, contract, supplier_id, span, placements = _report_context(pilot_id, contract_id, period)
    form = UploadForm()
    problems: list[Problem] = []
    if form.validate_on_submit() and (data := _uploaded(form)) is not None:
        try:
            report = services.submit_workbook(
                pilot,
                current_user,
                contract=contract,
                supplier_id=supplier_id,
                period=span,
                placements=placements,
                data=data,
            )
        except UploadRefused as refused:
            problems = refused.problems
        else:
            flash(
                _("Report submitted. The buyer will accept it or return it with a remark."),
                "success",
            )
            return redirect_to(
                url_for("monitoring.report_show", pilot_id=pilot.id, report_id=report.id)
            )
    context = dict(pilot=pilot, contract=contract, period=span, form=form, problems=problems)
    if form.is_submitted():
        return invalid("socialreturn/report_upload.html", **context)
    return render_template("socialreturn/report_upload.html", **context)


@bp.route("/pilots/<int:pilot_id>/contracts/import/template.xlsx")
@login_required
def contracts_template(pilot_id):
    """The Excel template for importing contracts."""
    pilot = access.load_pilot(pilot_id, "sr.import_contracts")
    return _download(contracts_workbook.build(), _("contracts template"), pilot.title)


@bp.route("/pilots/<int:pilot_id>/contracts/import", methods=["GET", "POST"])
@login_required
def contracts_import(pilot_id):
    """Import contracts from a filled-in workbook."""
    pilot = access.load_pilot(pilot_id, "sr.import_contracts")
    form = UploadForm()
    problems: list[Problem] = []
    if form.validate_on_submit() and (data := _uploaded(form)) is not None:
        try:
            created = services.import_contracts(pilot, current_user, data)
        except UploadRefused as refused:
            problems = refused.problems
        else:
            flash(_("%(n)d contracts loaded.", n=len(created)), "success")
            return redirect_to(url_for("contracts.contracts", pilot_id=pilot.id))
    context = dict(pilot=pilot, form=form, problems=problems)
    if form.is_submitted():
        return invalid("socialreturn/contracts_import.html", **context)
    return render_template("socialreturn/contracts_import.html", **context)
