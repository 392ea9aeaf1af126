"""Rules for placements: the contract and supplier it belongs to, its dates and evidence."""

from __future__ import annotations

from flask_babel import gettext as _

from .. import audit
from ..concurrency import claim
from ..contracts.choices import EvidenceKind
from ..contracts.models import Contract
from ..contracts.services import JobsError
from ..extensions import db
from ..socialreturn.people import ENDED_BUT_ACTIVE, ended_but_active
from .models import Placement, PlacementEvidence

PLACEMENT_FIELDS = (
    "contract_id",
    "supplier_organisation_id",
    "reference",
    "kind",
    "target_group",
    "hours_per_week",
    "start_date",
    "end_date",
    "outcome",
    "outcome_reason",
    "seconding_organisation",
    "lasting_support_need",
    "notes",
)


def check_placement(pilot, data: dict, allowed_supplier_ids=None) -> Contract:
    """The rules a placement must meet beyond its form: the contract, the supplier, dates."""
    contract = db.session.get(Contract, data["contract_id"])
    if contract is None or pilot not in contract.pilots:
        raise JobsError(_("Choose a contract of this pilot."))
    supplier_id = data["supplier_organisation_id"]
    if supplier_id is None:
        # No supplier chosen: a contract with exactly one (reachable) supplier names it.
        candidates = set(contract.supplier_ids)
        if allowed_supplier_ids is not None:
            candidates &= set(allowed_supplier_ids)
        if len(candidates) != 1:
            raise JobsError(_("Choose the supplier of this placement."))
        supplier_id = data["supplier_organisation_id"] = candidates.pop()
    if supplier_id not in contract.supplier_ids:
        raise JobsError(_("This supplier is not a supplier of the chosen contract."))
    if allowed_supplier_ids is not None and supplier_id not in allowed_supplier_ids:
        raise JobsError(_("You can only record placements of your own organisation."))
    if data.get("end_date") and data["end_date"] < data["start_date"]:
        raise JobsError(_("The end date lies before the start date."))
    if ended_but_active(data.get("end_date"), data.get("outcome")):
        raise JobsError(str(ENDED_BUT_ACTIVE))
    return contract


def save_placement(
    pilot,
    actor,
    data: dict,
    evidence: dict,
    placement=None,
    version=None,
    allowed_supplier_ids=None,
) -> Placement:
    """Create or update an anonymous placement and the evidence seen for it."""
    check_placement(pilot, data, allowed_supplier_ids)
    if placement is None:
        placement = Placement(pilot_id=pilot.id, created_by_id=actor.id)
        db.session.add(placement)
        event = "placement.created"
    else:
        claim(placement, version)
        event = "placement.changed"
    for name in PLACEMENT_FIELDS:
        setattr(placement, name, data.get(name))
    placement.reference = placement.reference or ""
    placement.outcome_reason = placement.outcome_reason or ""
    placement.seconding_organisation = placement.seconding_organisation or ""
    placement.lasting_support_need = bool(placement.lasting_support_need)
    placement.notes = placement.notes or ""
    existing = {e.kind: e for e in placement.evidence}
    for kind in EvidenceKind:
        seen, seen_on = evidence.get(kind, (False, None))
        row = existing.get(kind) or PlacementEvidence(kind=kind)
        row.seen, row.seen_on = bool(seen), seen_on if seen else None
        if kind not in existing:
            placement.evidence.append(row)
    db.session.flush()
    audit.record(event, placement.reference or f"#{placement.id}", pilot=pilot)
    return placement
