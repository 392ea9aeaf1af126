"""Load-and-check helpers for this domain's rows, on top of partnerships.access."""

from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from .. import access
from ..accounts.models import Organisation
from ..extensions import db
from .models import Contract
from .rules import InPilot


def load_contract(pilot, contract_id: int, action: str = "contract.view") -> Contract:
    """A contract used by this pilot, if the user may do the action: 404 / 403 otherwise."""
    contract = db.session.get(Contract, contract_id)
    if contract is None or pilot not in contract.pilots:
        abort(404)
    if not access.can(current_user, action, InPilot(pilot, contract)):
        abort(403)
    return contract


def supplier_scope(pilot) -> set[int] | None:
    """None for the buyer's side (sees all); the own organisation ids for a supplier."""
    scope = access.visible_supplier_ids(current_user, pilot)
    return None if scope is None else set(scope)


def supplier_choices(keep=()) -> list[tuple[int, str]]:
    """The suppliers the user's organisation works with (and those in `keep`, already on the
    row), by name: never every supplier on the platform."""
    related = access.related_supplier_ids(current_user.organisation_id) | set(keep)
    return [
        (org_id, name)
        for org_id, name in db.session.execute(
            select(Organisation.id, Organisation.name)
            .where(
                Organisation.kind == "supplier",
                Organisation.is_active.is_(True),
                Organisation.id.in_(related),
            )
            .order_by(Organisation.name)
        )
    ]
