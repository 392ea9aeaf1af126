"""The supplier organisations a buyer already works with."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db


def related_supplier_ids(organisation_id: int) -> set[int]:
    """Supplier organisations a buyer works with: named on one of its contracts or tenders,
    or spoken for by a contact in one of its pilots. Pickers offer only these and their
    contacts; anyone else is found by typing their exact e-mail address."""
    from ..pilots.models import Membership, Pilot
    from .models import Contract, ContractSupplier

    on_contract = (
        select(ContractSupplier.organisation_id)
        .join(Contract, Contract.id == ContractSupplier.contract_id)
        .where(Contract.organisation_id == organisation_id)
    )
    in_pilot = (
        select(Membership.supplier_organisation_id)
        .join(Pilot, Pilot.id == Membership.pilot_id)
        .where(
            Pilot.organisation_id == organisation_id,
            Membership.supplier_organisation_id.is_not(None),
        )
    )
    return set(db.session.scalars(on_contract.union(in_pilot)))
