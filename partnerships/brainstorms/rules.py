"""Who may see, join and run a brainstorm.

The working group and the board see every brainstorm of their pilot; a supplier contact sees a
brainstorm only when it is shared with the supplier organisation they speak for. The board
reads and never writes. The facilitator (who started the brainstorm) and the coordinators
edit, move, merge and pin any card; everybody else only their own.

poll.py repeats the "view" rule in SQL so that an unchanged board costs one query; a test
walks both for every kind of user so they cannot drift apart.
"""

from __future__ import annotations

from sqlalchemy import Boolean, and_, bindparam, exists, or_, select

from .. import access
from ..pilots.models import Membership, Pilot
from .models import Brainstorm, BrainstormShare


def _brainstorm(obj):
    return getattr(obj, "brainstorm", None) or obj


def can_view(user, obj, s) -> bool:
    """Working group and board see all brainstorms; suppliers only those shared with them."""
    if s.working_group or s.board:
        return True
    return bool(s.supplier_org_ids & _brainstorm(obj).shared_org_ids)


def can_contribute(user, obj, s) -> bool:
    """Add cards: the working group, and suppliers the brainstorm is shared with."""
    if s.working_group:
        return True
    return bool(s.supplier_org_ids & _brainstorm(obj).shared_org_ids)


def can_facilitate(user, obj, s) -> bool:
    """Coordinators, and the working-group member who started the brainstorm."""
    brainstorm = _brainstorm(obj)
    return s.coordinator or (s.working_group and brainstorm.facilitator_id == user.id)


def can_edit_card(user, card, s) -> bool:
    """Own cards for any participant; any card for the facilitator."""
    if can_facilitate(user, card, s):
        return True
    return card.author_id == user.id and can_contribute(user, card, s)


def view_statement():
    """SELECT revision, may_view for one brainstorm: the `brainstorm.view` rule in SQL.

    The same rule as can_view: people of the pilot's own organisation see every brainstorm when
    they are its admin or hold a role the workflow calls internal (working group, board);
    anyone else only as the supplier they speak for, when shared with that supplier.
    Built once with parameters, so a poll does not rebuild the expression every two seconds.
    """
    user_id, organisation_id = bindparam("user_id"), bindparam("organisation_id")
    insider = and_(
        Pilot.organisation_id == organisation_id,
        or_(
            bindparam("is_org_admin", type_=Boolean),
            exists().where(
                Membership.pilot_id == Pilot.id,
                Membership.user_id == user_id,
                Membership.role.in_(bindparam("internal_roles", expanding=True)),
            ),
        ),
    )
    supplier = exists().where(
        Membership.pilot_id == Pilot.id,
        Membership.user_id == user_id,
        Membership.role == access.SUPPLIER_ROLE,
        Membership.supplier_organisation_id == organisation_id,
        BrainstormShare.brainstorm_id == Brainstorm.id,
        BrainstormShare.organisation_id == Membership.supplier_organisation_id,
    )
    return (
        select(Brainstorm.revision, or_(insider, supplier).label("may_view"))
        .join(Pilot, Pilot.id == Brainstorm.pilot_id)
        .where(
            Brainstorm.id == bindparam("brainstorm_id"),
            Brainstorm.pilot_id == bindparam("pilot_id"),
        )
    )


def view_parameters(user) -> dict:
    """The user's side of view_statement. Roles count as internal only when every loaded
    method version calls them so: the statement runs before the pilot (and so its version)
    is known, and a role outside in any version must not see unshared brainstorms."""
    from flask import current_app

    versions = list(current_app.extensions["workflows"].values())
    internal = frozenset.intersection(*(w.internal_roles for w in versions))
    return {
        "is_org_admin": bool(access.can(user, "organisation.all_pilots", user.organisation)),
        "internal_roles": sorted(internal),
    }


access.register(
    {
        "brainstorm.list": lambda u, o, s: s.any,
        "brainstorm.create": lambda u, o, s: s.working_group,
        "brainstorm.view": can_view,
        "brainstorm.view_internal": lambda u, o, s: s.working_group or s.board,
        "brainstorm.contribute": can_contribute,
        "brainstorm.facilitate": can_facilitate,
        "card.view": can_view,
        "card.edit": can_edit_card,
    }
)
