"""Load-and-check helpers for this domain's rows, on top of partnerships.access."""

from __future__ import annotations

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from .. import access
from ..accounts.models import Organisation, User, normalise_email
from ..extensions import db
from .models import Contract
from .related import related_supplier_ids
from .rules import InPilot
from .services import JobsError


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
    related = related_supplier_ids(current_user.organisation_id) | set(keep)
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


def chosen_suppliers(form) -> list[int]:
    """The suppliers ticked on the form, plus the one found by the exact e-mail address of
    one of its people; refused (JobsError on that field) when that address finds none."""
    ids = list(form.suppliers.data or [])
    if not form.supplier_email.data:
        return ids
    person = User.by_email(normalise_email(form.supplier_email.data))
    organisation = person.organisation if person is not None else None
    if organisation is None or not organisation.is_supplier or not organisation.is_active:
        raise JobsError(
            _(
                "No supplier has someone with this e-mail address. Check the address, or ask "
                "the supplier for the address of one of its people."
            ),
            "supplier_email",
        )
    return ids if organisation.id in ids else [*ids, organisation.id]
