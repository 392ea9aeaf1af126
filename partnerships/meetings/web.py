"""Helpers the meeting views share: the pilot's people and roles as form choices."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import access, workflows_registry
from ..extensions import db
from ..i18n import locale_code
from ..pilots.models import Membership


def memberships(pilot) -> list[Membership]:
    return list(
        db.session.scalars(
            select(Membership)
            .where(Membership.pilot_id == pilot.id)
            .options(joinedload(Membership.user), joinedload(Membership.supplier_organisation))
            .order_by(Membership.id)
        )
    )


def role_names(pilot) -> dict[str, str]:
    """Role codes of the pilot's method with their names in the user's language."""
    workflow = workflows_registry.for_pilot(pilot)
    return {role.code: role.name.get(locale_code()) for role in workflow.roles}


def member_choices(pilot) -> list[tuple[int, str]]:
    """One choice per person, naming their roles (and supplier) so people can be told apart."""
    names = role_names(pilot)
    people: dict[int, tuple[str, list[str]]] = {}
    for membership in memberships(pilot):
        label = names.get(membership.role, membership.role)
        if membership.supplier_organisation is not None:
            label = f"{label}, {membership.supplier_organisation.name}"
        people.setdefault(membership.user_id, (membership.user.name, []))[1].append(label)
    return [(uid, f"{name} ({'; '.join(labels)})") for uid, (name, labels) in people.items()]


def supplier_contacts(pilot) -> dict[int, tuple[str, list[int]]]:
    """Supplier organisation id -> (its name, its contacts' user ids) among the pilot's members."""
    suppliers: dict[int, tuple[str, list[int]]] = {}
    for membership in memberships(pilot):
        org = membership.supplier_organisation
        if membership.role == access.SUPPLIER_ROLE and org is not None:
            contacts = suppliers.setdefault(org.id, (org.name, []))[1]
            if membership.user_id not in contacts:
                contacts.append(membership.user_id)
    return suppliers


def supplier_kinds(pilot) -> set[str]:
    """Kinds of meeting whose agenda template puts the supplier at the table."""
    workflow = workflows_registry.for_pilot(pilot)
    return {t.key for t in workflow.agenda_templates if access.SUPPLIER_ROLE in t.roles}


def participant_groups(choices, suppliers) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """The participant choices with supplier contacts grouped under their organisation."""
    owner = {}
    for org_id, (_name, contacts) in suppliers.items():
        for user_id in contacts:
            owner.setdefault(user_id, org_id)
    groups: dict[int | None, list[tuple[int, str]]] = {None: []}
    for user_id, label in choices:
        groups.setdefault(owner.get(user_id), []).append((user_id, label))
    first = [(None, groups.pop(None))]
    return first + [(suppliers[org_id][0], people) for org_id, people in groups.items()]


def step_choices(pilot) -> list[tuple[str, str]]:
    workflow = workflows_registry.for_pilot(pilot)
    return [("", _l("(no step)"))] + [
        (s.code, f"{s.code} {s.title.get(locale_code())}") for s in workflow.substeps
    ]


def decider_choices(pilot) -> list[tuple[str, str]]:
    """Bodies and roles that take decisions: the board, the working group, a role."""
    return list(role_names(pilot).items())


def kind_names(pilot) -> dict[str, str]:
    workflow = workflows_registry.for_pilot(pilot)
    names = {t.key: t.name.get(locale_code()) for t in workflow.agenda_templates}
    names["free"] = str(_l("Free meeting"))
    return names
