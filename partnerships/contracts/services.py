"""Rules for contracts and tenders and for potential jobs.

Called from elsewhere (keep these signatures): create_potential_job, save_contract and
pilot_contracts.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from .. import audit
from ..accounts.models import Organisation
from ..concurrency import claim
from ..extensions import db
from ..placements.models import Placement
from ..socialreturn.policy import scheme_ref_for
from .choices import JobStatus
from .models import Contract, ContractSupplier, PotentialJob, contract_pilot

CONTRACT_FIELDS = (
    "kind",
    "title",
    "category",
    "nature",
    "value_per_year",
    "contract_value",
    "wage_sum",
    "start_date",
    "end_date",
    "extension_options",
    "sr_basis",
    "sr_percentage",
    "sr_instrument",
    "sr_description",
    "sr_fitting",
    "sr_fitting_reason",
    "notes",
)
POTENTIAL_JOB_FIELDS = (
    "title",
    "source",
    "tasks",
    "hours_per_week",
    "status",
    "drop_reason",
    "contract_id",
    "placement_id",
)


class JobsError(ValueError):
    """Input that breaks a rule of this domain; the message is shown to the user, next to
    the form field `field` names, or above the form."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.field = field


# --- contracts ---------------------------------------------------------------------------


def pilot_contracts(pilot, supplier_ids=None) -> list[Contract]:
    """The contracts linked to the pilot (only those of these suppliers, if given)."""
    query = (
        select(Contract)
        .join(contract_pilot, contract_pilot.c.contract_id == Contract.id)
        .where(contract_pilot.c.pilot_id == pilot.id)
        .order_by(Contract.kind, Contract.title)
    )
    contracts = db.session.scalars(query).unique().all()
    if supplier_ids is not None:
        contracts = [c for c in contracts if c.supplier_ids & set(supplier_ids)]
    return contracts


def linkable_contracts(pilot) -> list[Contract]:
    """Contracts of the same buyer that this pilot does not use yet."""
    linked = select(contract_pilot.c.contract_id).where(contract_pilot.c.pilot_id == pilot.id)
    return db.session.scalars(
        select(Contract)
        .where(Contract.organisation_id == pilot.organisation_id, Contract.id.not_in(linked))
        .order_by(Contract.title)
    ).all()


def _check_suppliers(supplier_ids) -> None:
    wanted = set(supplier_ids or ())
    suppliers = set(
        db.session.scalars(
            select(Organisation.id).where(
                Organisation.id.in_(wanted), Organisation.kind == "supplier"
            )
        )
    )
    if suppliers != wanted:
        raise JobsError(_("Choose suppliers from the list."))


def _set_suppliers(contract, supplier_ids) -> None:
    wanted = set(supplier_ids or ())
    contract.suppliers = [s for s in contract.suppliers if s.organisation_id in wanted] + [
        ContractSupplier(organisation_id=i) for i in sorted(wanted - contract.supplier_ids)
    ]


def save_contract(pilot, actor, data: dict, supplier_ids, contract=None, version=None):
    """Create a contract for the pilot, or update one with an optimistic lock."""
    if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
        raise JobsError(_("The end date lies before the start date."))
    _check_suppliers(supplier_ids)
    for name in ("extension_options", "sr_description", "sr_fitting_reason", "notes"):
        data[name] = data.get(name) or ""
    if contract is None:
        contract = Contract(organisation_id=pilot.organisation_id, created_by_id=actor.id)
        # The valuation scheme in force at the organisation now stays with this contract.
        contract.sr_scheme = scheme_ref_for(pilot.organisation_id)
        contract.pilots.append(pilot)
        db.session.add(contract)
        event = "contract.created"
    else:
        claim(contract, version)
        event = "contract.changed"
    for name in CONTRACT_FIELDS:
        if name in data:
            setattr(contract, name, data[name])
    _set_suppliers(contract, supplier_ids)
    db.session.flush()
    audit.record(event, contract.title, pilot=pilot)
    return contract


def link_contract(pilot, contract) -> None:
    """Let this pilot use a contract the buyer already recorded for another pilot."""
    if contract.organisation_id != pilot.organisation_id:
        raise JobsError(_("Choose a contract of your own organisation."))
    if pilot not in contract.pilots:
        contract.pilots.append(pilot)
        audit.record("contract.linked", contract.title, pilot=pilot)


# --- potential jobs ----------------------------------------------------------------------


def create_potential_job(
    pilot,
    actor,
    *,
    title,
    tasks="",
    source="brainstorm",
    supplier_ids=(),
    hours_per_week=None,
    contract_id=None,
) -> PotentialJob:
    """Record a potential job (step 3a), e.g. from a brainstorm card."""
    job = PotentialJob(
        pilot_id=pilot.id,
        title=title[:200],
        tasks=tasks,
        source=source,
        hours_per_week=hours_per_week,
        contract_id=contract_id,
        created_by_id=getattr(actor, "id", None),
    )
    if supplier_ids:
        job.suppliers = list(
            db.session.scalars(
                select(Organisation).where(Organisation.id.in_(list(supplier_ids or ())))
            )
        )
    db.session.add(job)
    db.session.flush()
    audit.record("potential_job.created", job.title, pilot=pilot, actor=actor)
    return job


def update_potential_job(job, data: dict, supplier_ids, version) -> None:
    """Change a potential job; a dropped one needs a reason, a filled one its placement."""
    for name in ("tasks", "drop_reason"):
        data[name] = data.get(name) or ""
    if data["status"] == JobStatus.DROPPED and not data["drop_reason"].strip():
        raise JobsError(_("Give the reason why this potential job was dropped."))
    if data.get("placement_id"):
        placement = db.session.get(Placement, data["placement_id"])
        if placement is None or placement.pilot_id != job.pilot_id:
            raise JobsError(_("Choose a placement of this pilot."))
    claim(job, version)
    for name in POTENTIAL_JOB_FIELDS:
        if name in data:
            setattr(job, name, data[name])
    if job.placement_id and job.status != JobStatus.DROPPED:
        job.status = JobStatus.FILLED
    job.suppliers = list(
        db.session.scalars(
            select(Organisation).where(Organisation.id.in_(list(supplier_ids or ())))
        )
    )
    audit.record("potential_job.changed", job.title, job.status, pilot=job.pilot)
