"""Contracts and tenders (steps 2A/2B) and potential jobs (step 3a)."""

from __future__ import annotations

from flask import abort, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, clock, htmx
from ..extensions import db
from ..figures.settings import settings_for
from ..htmx import redirect_to
from ..monitoring.models import MonitoringReport
from ..monitoring.services import report_periods
from ..placements.models import Placement
from . import bp, hints, services
from .forms import ContractForm, LinkContractForm, PotentialJobEditForm, PotentialJobForm
from .loaders import chosen_suppliers, load_contract, supplier_choices, supplier_scope
from .models import Contract, PotentialJob
from .rules import InPilot
from .services import CONTRACT_FIELDS, JobsError


@bp.route("/pilots/<int:pilot_id>/contracts")
@login_required
def contracts(pilot_id):
    """The pilot's contracts and tenders."""
    pilot = access.load_pilot(pilot_id, "contract.list")
    scope = supplier_scope(pilot)
    rows = services.pilot_contracts(pilot, scope)
    settings, today = settings_for(pilot.organisation_id), clock.today()
    link_form = None
    if access.can(current_user, "contract.create", pilot):
        link_form = LinkContractForm(version="0")
        link_form.contract_id.choices = [
            (c.id, c.title) for c in services.linkable_contracts(pilot)
        ]
    return render_template(
        "contracts/contracts.html",
        pilot=pilot,
        contracts=rows,
        link_form=link_form,
        hints={c.id: hints.hints_for(c, settings, today) for c in rows},
        ends_soon={c.id for c in rows if hints.ends_soon(c, today)},
        internal=scope is None,
    )


def _contract_form(contract=None, **kwargs) -> ContractForm:
    # A POST is read from what was sent only, so a field left out never falls back to the row.
    form = ContractForm(obj=None if request.method == "POST" else contract, **kwargs)
    form.suppliers.choices = supplier_choices(contract.supplier_ids if contract else ())
    if contract is not None and not form.is_submitted():
        form.suppliers.data = sorted(contract.supplier_ids)
        form.version.data = contract.version
    return form


def _contract_data(form) -> dict:
    return {name: form[name].data for name in CONTRACT_FIELDS}


@bp.route("/pilots/<int:pilot_id>/contracts/new", methods=["GET", "POST"])
@login_required
def contract_new(pilot_id):
    """Add a contract or tender to the pilot."""
    pilot = access.load_pilot(pilot_id, "contract.create")
    form = _contract_form()
    return _submit_contract(
        pilot,
        form,
        None,
        lambda: services.save_contract(
            pilot, current_user, _contract_data(form), chosen_suppliers(form)
        ),
    )


@bp.route("/pilots/<int:pilot_id>/contracts/<int:contract_id>/edit", methods=["GET", "POST"])
@login_required
def contract_edit(pilot_id, contract_id):
    """Change a contract or tender."""
    pilot = access.load_pilot(pilot_id, "contract.list")
    contract = load_contract(pilot, contract_id, "contract.edit")
    form = _contract_form(contract)
    return _submit_contract(
        pilot,
        form,
        contract,
        lambda: services.save_contract(
            pilot,
            current_user,
            _contract_data(form),
            chosen_suppliers(form),
            contract=contract,
            version=form.version.data,
        ),
    )


def _submit_contract(pilot, form, contract, save):
    """The contract form shown, or saved and on to the contract's page."""
    return htmx.submit(
        form,
        save,
        again=lambda: htmx.render(
            "contracts/contract_form.html", pilot=pilot, form=form, contract=contract
        ),
        done=lambda saved: url_for(
            "contracts.contract_show", pilot_id=pilot.id, contract_id=saved.id
        ),
        said=_("Contract saved."),
        refused=JobsError,
    )


@bp.route("/pilots/<int:pilot_id>/contracts/link", methods=["POST"])
@login_required
def contract_link(pilot_id):
    """Link one of the organisation's existing contracts to the pilot."""
    pilot = access.load_pilot(pilot_id, "contract.create")
    form = LinkContractForm()
    form.contract_id.choices = [(c.id, c.title) for c in services.linkable_contracts(pilot)]
    if not form.validate_on_submit():
        abort(422)
    services.link_contract(pilot, db.session.get(Contract, form.contract_id.data))
    flash(_("Contract added to this pilot."), "success")
    return redirect_to(url_for("contracts.contracts", pilot_id=pilot.id))


@bp.route("/pilots/<int:pilot_id>/contracts/<int:contract_id>")
@login_required
def contract_show(pilot_id, contract_id):
    """One contract with its placements, reports and hints."""
    pilot = access.load_pilot(pilot_id, "contract.list")
    contract = load_contract(pilot, contract_id)
    scope = supplier_scope(pilot)
    today = clock.today()
    suppliers = [s for s in contract.suppliers if scope is None or s.organisation_id in scope]
    newest = {}
    for report in db.session.scalars(
        select(MonitoringReport)
        .where(MonitoringReport.pilot_id == pilot.id, MonitoringReport.contract_id == contract.id)
        .order_by(MonitoringReport.version_no)
    ):
        newest[(report.supplier_organisation_id, report.period_start)] = report
    schedule = [
        (supplier, start, end, newest.get((supplier.organisation_id, start)))
        for supplier in suppliers
        for start, end in reversed(report_periods(pilot, contract, today))
    ]
    placements = db.session.scalars(
        select(Placement)
        .where(Placement.pilot_id == pilot.id, Placement.contract_id == contract.id)
        .order_by(Placement.start_date)
    ).all()
    if scope is not None:
        placements = [p for p in placements if p.supplier_organisation_id in scope]
    return render_template(
        "contracts/contract_show.html",
        pilot=pilot,
        contract=contract,
        internal=scope is None,
        hints=hints.hints_for(contract, settings_for(pilot.organisation_id), today),
        schedule=schedule,
        placements=placements,
        today=today,
        can_edit=access.can(current_user, "contract.edit", InPilot(pilot, contract)),
    )


# --- potential jobs ----------------------------------------------------------------------


@bp.route("/pilots/<int:pilot_id>/potential-jobs")
@login_required
def potential_jobs(pilot_id):
    """The pilot's potential jobs."""
    pilot = access.load_pilot(pilot_id, "potential_job.view")
    jobs = db.session.scalars(
        select(PotentialJob)
        .where(PotentialJob.pilot_id == pilot.id)
        .order_by(PotentialJob.created_at, PotentialJob.id)
    ).all()
    return render_template(
        "contracts/potential_jobs.html",
        pilot=pilot,
        jobs=jobs,
        can_edit=access.can(current_user, "potential_job.edit", pilot),
    )


def _job_form(pilot, job=None) -> PotentialJobForm:
    form_class = PotentialJobForm if job is None else PotentialJobEditForm
    form = form_class(obj=None if request.method == "POST" else job)
    form.suppliers.choices = supplier_choices([s.id for s in job.suppliers] if job else ())
    form.contract_id.choices = [(None, _("(none)"))] + [
        (c.id, c.title) for c in services.pilot_contracts(pilot)
    ]
    if job is None:
        return form
    form.placement_id.choices = [(None, _("(none)"))] + [
        (p.id, p.reference or f"#{p.id}")
        for p in db.session.scalars(
            select(Placement).where(Placement.pilot_id == pilot.id).order_by(Placement.start_date)
        )
    ]
    if not form.is_submitted():
        form.suppliers.data = [s.id for s in job.suppliers]
        form.version.data = job.version
    return form


@bp.route("/pilots/<int:pilot_id>/potential-jobs/new", methods=["GET", "POST"])
@login_required
def potential_job_new(pilot_id):
    """Add a potential job."""
    pilot = access.load_pilot(pilot_id, "potential_job.edit")
    form = _job_form(pilot)
    return _submit_job(
        pilot,
        form,
        lambda: services.create_potential_job(
            pilot,
            current_user,
            title=form.title.data,
            tasks=form.tasks.data or "",
            source=form.source.data,
            supplier_ids=chosen_suppliers(form),
            hours_per_week=form.hours_per_week.data,
            contract_id=form.contract_id.data,
        ),
        job=None,
    )


@bp.route("/pilots/<int:pilot_id>/potential-jobs/<int:job_id>", methods=["GET", "POST"])
@login_required
def potential_job_edit(pilot_id, job_id):
    """Show or change a potential job."""
    pilot = access.load_pilot(pilot_id, "potential_job.view")
    job = access.load(PotentialJob, job_id, "potential_job.view", pilot=pilot)
    form = _job_form(pilot, job)
    if form.is_submitted():
        access.require("potential_job.edit", job)
    return _submit_job(
        pilot,
        form,
        lambda: services.update_potential_job(
            job,
            {name: form[name].data for name in services.POTENTIAL_JOB_FIELDS},
            chosen_suppliers(form),
            form.version.data,
        ),
        job=job,
        can_edit=access.can(current_user, "potential_job.edit", job),
    )


def _submit_job(pilot, form, save, **context):
    """The potential job's form shown, or saved and back to the list."""
    return htmx.submit(
        form,
        save,
        again=lambda: htmx.render(
            "contracts/potential_job_form.html", pilot=pilot, form=form, **context
        ),
        done=url_for("contracts.potential_jobs", pilot_id=pilot.id),
        said=_("Potential job saved."),
        refused=JobsError,
    )
