"""Rules for the working group: who holds which role, invitations into a role, warnings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import access, audit, workflows_registry
from ..accounts.models import Organisation, OrganisationKind, User, normalise_email
from ..concurrency import claim
from ..contracts.related import related_supplier_ids
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..pilots.models import Membership

COORDINATOR = "coordinator"
BACKUP = "coordinator_backup"
SUPPLIER = "supplier"


class TeamError(ValueError):
    """A change to the working group that the method's rules do not allow."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def assignable_roles(pilot):
    """The roles of the pilot's workflow that a person can hold, in the workflow's order."""
    return [r for r in workflows_registry.for_pilot(pilot).roles if r.assignable]


def role_name(pilot, code: str, locale: str | None) -> str:
    """A role's name in the user's language; an unknown code is shown as it is."""
    role = workflows_registry.for_pilot(pilot).role(code)
    return role.name.get(locale) if role else code


def memberships(pilot) -> list[Membership]:
    """Every membership of the pilot with its person and supplier, in one query."""
    return list(
        db.session.scalars(
            select(Membership)
            .options(joinedload(Membership.user), joinedload(Membership.supplier_organisation))
            .where(Membership.pilot_id == pilot.id)
            .order_by(Membership.id)
        )
    )


def people_by_role(pilot) -> dict[str, list[User]]:
    """Role code -> the people holding it, so "everyone in role X" resolves to names."""
    result: dict[str, list[User]] = {}
    for membership in memberships(pilot):
        result.setdefault(membership.role, []).append(membership.user)
    return result


def member_ids(pilot) -> set[int]:
    """Ids of everyone holding any role in the pilot."""
    return set(
        db.session.scalars(select(Membership.user_id).where(Membership.pilot_id == pilot.id))
    )


def coordinator_warning(pilot):
    """Why the pilot lacks a coordinator and a different backup, or None when it has both."""
    rows = db.session.execute(
        select(Membership.role, Membership.user_id).where(
            Membership.pilot_id == pilot.id, Membership.role.in_((COORDINATOR, BACKUP))
        )
    ).all()
    coordinators = {uid for role, uid in rows if role == COORDINATOR}
    backups = {uid for role, uid in rows if role == BACKUP}
    if not coordinators and not backups:
        return _l("This pilot has no coordinator and no backup coordinator yet.")
    if not coordinators:
        return _l("This pilot has no coordinator yet.")
    if not backups:
        return _l(
            "This pilot has no backup coordinator yet. The method asks for one, so the "
            "work goes on when the coordinator is away."
        )
    if not any(c != b for c in coordinators for b in backups):
        return _l(
            "The coordinator is also the backup coordinator. Ask someone else to be the "
            "backup, so the work goes on when the coordinator is away."
        )
    return None


def candidates(pilot) -> tuple[list[User], list[User]]:
    """People who can join: active users of the buyer, and contacts of the suppliers it works
    with (related_supplier_ids); others are invited by their exact e-mail address."""
    buyer = list(
        db.session.scalars(
            select(User)
            .where(User.organisation_id == pilot.organisation_id, User.is_active_account.is_(True))
            .order_by(User.name)
        )
    )
    suppliers = list(
        db.session.scalars(
            select(User)
            .join(Organisation, User.organisation_id == Organisation.id)
            .options(joinedload(User.organisation))
            .where(
                Organisation.kind == OrganisationKind.SUPPLIER,
                Organisation.is_active.is_(True),
                Organisation.id.in_(related_supplier_ids(pilot.organisation_id)),
                User.is_active_account.is_(True),
            )
            .order_by(Organisation.name, User.name)
        )
    )
    return buyer, suppliers


def supplier_organisations(pilot) -> list[Organisation]:
    """Supplier organisations the buyer works with, that a new contact can be invited into."""
    return list(
        db.session.scalars(
            select(Organisation)
            .where(
                Organisation.kind == OrganisationKind.SUPPLIER,
                Organisation.is_active.is_(True),
                Organisation.id.in_(related_supplier_ids(pilot.organisation_id)),
            )
            .order_by(Organisation.name)
        )
    )


def _check_role(pilot, role: str) -> None:
    if role not in {r.code for r in assignable_roles(pilot)}:
        raise TeamError(_l("This role does not exist in the pilot's method."), "role")


def add_member(pilot, actor, user: User, role: str, task_description: str = "") -> Membership:
    """Give an existing person a role; supplier contacts only ever hold the supplier role."""
    _check_role(pilot, role)
    org = user.organisation
    supplier_org_id = None
    if org.id == pilot.organisation_id:
        if role == SUPPLIER:
            raise TeamError(
                _l("Only a contact of a supplier organisation can hold the supplier role."), "role"
            )
    elif org.kind == OrganisationKind.SUPPLIER:
        if role != SUPPLIER:
            raise TeamError(
                _l("A contact of a supplier organisation can only hold the supplier role."), "role"
            )
        supplier_org_id = org.id
    else:
        raise TeamError(
            _l("This person belongs to another organisation and cannot join this pilot."), "user_id"
        )
    exists = db.session.scalar(
        select(Membership.id).where(
            Membership.pilot_id == pilot.id, Membership.user_id == user.id, Membership.role == role
        )
    )
    if exists:
        raise TeamError(_l("%(name)s already holds this role.", name=user.name), "role")
    membership = Membership(
        pilot_id=pilot.id,
        user_id=user.id,
        role=role,
        supplier_organisation_id=supplier_org_id,
        task_description=task_description or "",
    )
    db.session.add(membership)
    db.session.flush()
    access.forget_standing()
    audit.record(
        "membership.added", f"{user.name}: {role}", task_description or "", pilot=pilot, actor=actor
    )
    return membership


def invite_member(
    pilot,
    actor,
    *,
    name: str,
    email: str,
    role: str,
    supplier_organisation: Organisation | None = None,
    task_description: str = "",
) -> tuple[Membership, str | None, bool]:
    """Invite a new person by e-mail and give them the role in one step.

    Returns the membership, the invitation link (None when the person already had an account)
    and whether the invitation was mailed.
    """
    from ..accounts.services import InvitationRefused, invite

    _check_role(pilot, role)
    found = User.by_email(normalise_email(email))
    if role == SUPPLIER and supplier_organisation is None and found is not None:
        # Found by their exact e-mail address: a contact of a supplier the buyer does not
        # work with yet is reached this way, never picked from a list of strangers.
        supplier_organisation = found.organisation if found.organisation.is_supplier else None
    elif (
        role == SUPPLIER
        and supplier_organisation is not None
        and supplier_organisation.id not in related_supplier_ids(pilot.organisation_id)
    ):
        raise TeamError(
            _l("Choose a supplier you work with, or give the contact's exact e-mail address."),
            "supplier_organisation_id",
        )
    if role == SUPPLIER:
        if supplier_organisation is None or not supplier_organisation.is_supplier:
            raise TeamError(
                _l("Choose the supplier organisation this contact works for."),
                "supplier_organisation_id",
            )
        org = supplier_organisation
    else:
        if supplier_organisation is not None:
            raise TeamError(
                _l(
                    "Only the supplier role is linked to a supplier organisation; "
                    "leave it empty for this role."
                ),
                "supplier_organisation_id",
            )
        org = pilot.organisation
    existing = User.by_email(normalise_email(email))
    if existing is not None and existing.organisation_id != org.id:
        raise TeamError(
            _l("This e-mail address belongs to someone of another organisation."), "email"
        )
    if existing is not None and existing.password_hash and not existing.is_active:
        raise TeamError(
            _l(
                "This account has been deactivated. Ask your organisation's "
                "administrator to reactivate it first."
            ),
            "email",
        )
    link, sent = None, False
    if existing is None or not existing.password_hash:
        try:
            user, link, sent = invite(org, email, name, actor)
        except InvitationRefused as refused:
            raise TeamError(refused.message, "email") from None
    else:
        user = existing
    return add_member(pilot, actor, user, role, task_description), link, sent


def remove_member(pilot, actor, membership: Membership) -> None:
    """End a membership; the last coordinator stays, and open tasks fall back to the role."""
    if membership.role == COORDINATOR:
        count = db.session.scalar(
            select(db.func.count(Membership.id)).where(
                Membership.pilot_id == pilot.id, Membership.role == COORDINATOR
            )
        )
        if count <= 1:
            raise TeamError(
                _l("The last coordinator cannot be removed. Make someone else coordinator first.")
            )
    user = membership.user
    db.session.delete(membership)
    db.session.flush()
    access.forget_standing()
    audit.record("membership.removed", f"{user.name}: {membership.role}", pilot=pilot, actor=actor)
    if user.id not in member_ids(pilot):
        from ..actions.services import release_assignments

        release_assignments(pilot, actor, user)


def set_task_description(pilot, actor, membership: Membership, text: str, version) -> None:
    """Record what this person does in this role, as the action plan lists it.

    Raises StaleEdit (409) when another coordinator saved a change after this one loaded
    the page; saving the text that is already there is never a conflict.
    """
    old = membership.task_description or ""
    if old == (text or ""):
        return
    claim(membership, version)
    membership.task_description = text or ""
    audit.record(
        "membership.task_changed",
        f"{membership.user.name}: {membership.role}",
        f"{old} → {text}",
        pilot=pilot,
        actor=actor,
    )
