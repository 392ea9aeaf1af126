"""Who may do what. Every view asks here; the rules live in one table.

A user's standing in a pilot comes from their memberships (roles from the workflow) and from
their organisation: the buyer organisation's admin runs its pilots like a coordinator. A
supplier contact is tied to the supplier organisation named on their membership and only
ever sees what is shared with that organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, g
from flask_login import current_user
from sqlalchemy import select

from .extensions import db

COORDINATOR_ROLES = frozenset({"coordinator", "coordinator_backup"})
OUTSIDE_ROLES = frozenset({"supplier", "board"})
# The largest id SQLite and PostgreSQL (bigint) can store; larger ones overflow the driver.
MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


@dataclass(frozen=True)
class Standing:
    """What one user is in one pilot, computed once per request."""

    roles: frozenset[str]
    supplier_org_ids: frozenset[int]
    org_admin: bool  # admin of the buyer organisation that runs the pilot

    @property
    def coordinator(self) -> bool:
        return self.org_admin or bool(self.roles & COORDINATOR_ROLES)

    @property
    def working_group(self) -> bool:
        return self.coordinator or bool(self.roles - OUTSIDE_ROLES)

    @property
    def board(self) -> bool:
        return "board" in self.roles

    @property
    def supplier(self) -> bool:
        return bool(self.supplier_org_ids)

    @property
    def any(self) -> bool:
        return self.working_group or self.board or self.supplier


NOBODY = Standing(frozenset(), frozenset(), False)


def roles_held(user) -> frozenset[tuple[str, int]]:
    """(role, organisation of the pilot) for every role the user holds, in one query per
    request: the navigation on every page asks whether they sit on a board and whether
    they work on their own organisation's pilots."""
    if user is None or not user.is_authenticated:
        return frozenset()
    cache = g.setdefault("_roles_held", {})
    if user.id not in cache:
        from .pilots.models import Membership, Pilot

        rows = db.session.execute(
            select(Membership.role, Pilot.organisation_id)
            .join(Pilot, Pilot.id == Membership.pilot_id)
            .where(Membership.user_id == user.id)
            .distinct()
        )
        cache[user.id] = frozenset((role, organisation_id) for role, organisation_id in rows)
    return cache[user.id]


def standing(user, pilot) -> Standing:
    """The user's standing in the pilot (cached for the request)."""
    if user is None or not user.is_authenticated or pilot is None:
        return NOBODY
    cache = g.setdefault("_standing", {})
    key = (user.id, pilot.id)
    if key not in cache:
        from .pilots.models import Membership

        rows = db.session.execute(
            select(Membership.role, Membership.supplier_organisation_id).where(
                Membership.pilot_id == pilot.id, Membership.user_id == user.id
            )
        ).all()
        roles = frozenset(role for role, _ in rows)
        suppliers = frozenset(
            org
            for role, org in rows
            if role == "supplier" and org is not None and org == user.organisation_id
        )
        org_admin = user.is_org_admin and user.organisation_id == pilot.organisation_id
        if user.organisation_id != pilot.organisation_id:
            # People of another organisation only count as the supplier they speak for.
            roles = frozenset({"supplier"}) if suppliers else frozenset()
        cache[key] = Standing(roles, suppliers, org_admin)
    return cache[key]


def forget_standing() -> None:
    """Drop cached standings after memberships change within a request."""
    g.pop("_standing", None)


def _pilot_of(obj):
    from .pilots.models import Pilot

    if isinstance(obj, Pilot):
        return obj
    pilot = getattr(obj, "pilot", None)
    if pilot is None and getattr(obj, "pilot_id", None) is not None:
        pilot = db.session.get(Pilot, obj.pilot_id)
    return pilot


Rule = Callable[[object, object, Standing], bool]


def _may_start_pilot(user) -> bool:
    """Buyer people who run pilots: the org admin, or a member not only on a board.

    A site admin manages the platform, not pilots; someone whose only role is board member
    reads and decides, so does not start pilots either.
    """
    if not user.organisation.is_buyer:
        return False
    if user.is_org_admin:
        return True
    if user.is_site_admin:
        return False
    from .pilots.models import Membership, Pilot

    roles = set(
        db.session.scalars(
            select(Membership.role)
            .join(Pilot, Pilot.id == Membership.pilot_id)
            .where(Membership.user_id == user.id, Pilot.organisation_id == user.organisation_id)
        )
    )
    return not roles or bool(roles - {"board"})


# The rules table: action name -> rule(user, obj, standing in obj's pilot).
RULES: dict[str, Rule] = {
    # --- organisations and accounts ---
    "site.admin": lambda u, o, s: u.is_site_admin,
    "organisation.manage_users": lambda u, o, s: (
        u.is_site_admin or (u.is_org_admin and u.organisation_id == o.id)
    ),
    # --- pilots ---
    "pilot.create": lambda u, o, s: _may_start_pilot(u),
    "pilot.view": lambda u, o, s: s.any,
    "pilot.view_internal": lambda u, o, s: s.working_group or s.board,
    "pilot.work": lambda u, o, s: s.working_group,
    "pilot.manage": lambda u, o, s: s.coordinator,
    "pilot.audit": lambda u, o, s: s.coordinator,
}


def register(rules: dict[str, Rule]) -> None:
    """Domains add their rules at import; a name may be defined once."""
    clash = RULES.keys() & rules.keys()
    if clash:
        raise ValueError(f"access rules defined twice: {sorted(clash)}")
    RULES.update(rules)


def can(user, action: str, obj=None) -> bool:
    """True when the user may do the action on the object (a pilot or a pilot-owned row)."""
    if user is None or not user.is_authenticated:
        return False
    rule = RULES[action]  # an unknown action is a programming error, not a denial
    return bool(rule(user, obj, standing(user, _pilot_of(obj))))


def require(action: str, obj=None) -> None:
    """Abort with 403 unless the current user may do the action."""
    if not can(current_user, action, obj):
        abort(403)


def load(model, row_id, action: str, pilot=None):
    """Load a row by id and check access in one call: 404 if missing, 403 if not allowed.

    With `pilot` given, a row of another pilot is treated as missing, so ids in a URL cannot
    reach across pilots.
    """
    # An id no database column can hold (from a typed URL or form) is simply not there.
    if not isinstance(row_id, int) or not 0 < row_id <= MAX_ID:
        abort(404)
    row = db.session.get(model, row_id)
    if row is None or (pilot is not None and getattr(row, "pilot_id", None) != pilot.id):
        abort(404)
    require(action, row)
    return row


def load_pilot(pilot_id: int, action: str = "pilot.view"):
    """The pilot named in the URL, if the current user may do the action on it."""
    from .pilots.models import Pilot

    return load(Pilot, pilot_id, action)
