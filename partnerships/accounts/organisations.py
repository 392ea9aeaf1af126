"""Organisations as a site admin adds and changes them: each name once, and the details
that only apply to some kinds (a buyer's type, a social enterprise's basis) kept only there."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit
from ..extensions import db
from .models import Organisation, OrganisationKind


class NameTaken(ValueError):
    """Two organisations with one name could not be told apart in any list or choice."""

    field = "name"

    def __init__(self):
        self.message = _l("An organisation with this name exists already.")
        super().__init__(str(self.message))


def save(
    org: Organisation | None,
    *,
    name: str,
    kind: str,
    buyer_type: str | None,
    is_social_enterprise: bool,
    social_enterprise_basis: str | None,
) -> Organisation:
    """Add an organisation (org None) or change one; raises NameTaken for a name in use."""
    clash = select(Organisation.id).where(Organisation.name == name)
    if org is not None:
        clash = clash.where(Organisation.id != org.id)
    if db.session.scalar(clash) is not None:
        raise NameTaken()
    created = org is None
    if created:
        org = Organisation()
        db.session.add(org)
    org.name = name
    org.kind = kind
    org.buyer_type = buyer_type if kind == OrganisationKind.BUYER else None
    org.is_social_enterprise = bool(is_social_enterprise)
    org.social_enterprise_basis = (
        (social_enterprise_basis or None) if is_social_enterprise else None
    )
    db.session.flush()
    audit.record(
        "organisation.created" if created else "organisation.changed", name, organisation=org
    )
    return org


def listed() -> list[Organisation]:
    """Every organisation, by kind and then name."""
    return list(
        db.session.scalars(select(Organisation).order_by(Organisation.kind, Organisation.name))
    )
