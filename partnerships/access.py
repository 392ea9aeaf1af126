"""Who may do what. Every view asks here; the rules live in one table.

A user's standing in a pilot comes from their memberships (roles from the workflow) and from
their organisation: the buyer organisation's admin runs its pilots like a coordinator. A
supplier contact is tied to the supplier organisation named on their membership and only
ever sees what is shared with that organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from flask import abort, current_app, g, has_app_context
from flask_login import current_user
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from werkzeug.local import LocalProxy

from . import changes
from .extensions import db

COORDINATOR_ROLE = "coordinator"
BACKUP_ROLE = "coordinator_backup"
COORDINATOR_ROLES = frozenset({COORDINATOR_ROLE, BACKUP_ROLE})
# The board reads and decides; it is on the buyer's side (internal) but not in the working
# group. Which other roles are outside comes from the workflow (internal_roles).
BOARD_ROLE = "board"
SUPPLIER_ROLE = "supplier"
# The largest id SQLite and PostgreSQL (bigint) can store; larger ones overflow the driver.
MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


@dataclass(frozen=True)
class Standing:
    """What one user is in one pilot, computed once per request."""

    roles: frozenset[str]
    supplier_org_ids: frozenset[int]
    org_admin: bool  # admin of the buyer organisation that runs the pilot
    internal: frozenset[str] = frozenset()  # the roles the pilot's workflow calls internal

    @property
    def coordinator(self) -> bool:
        return self.org_admin or bool(self.roles & COORDINATOR_ROLES)

    @property
    def working_group(self) -> bool:
        return self.coordinator or bool((self.roles & self.internal) - {BOARD_ROLE})

    @property
    def board(self) -> bool:
        return BOARD_ROLE in self.roles and BOARD_ROLE in self.internal

    @property
    def supplier(self) -> bool:
        return bool(self.supplier_org_ids)

    @property
    def any(self) -> bool:
        return self.working_group or self.board or self.supplier


NOBODY = Standing(frozenset(), frozenset(), False)


def person(user):
    """The user behind flask-login's `current_user`. Every attribute read through that proxy
    looks the user up again (five calls), and a page over 60 pilots reads `id` and
    `organisation_id` thousands of times: the checks below read the object itself."""
    return user._get_current_object() if isinstance(user, LocalProxy) else user


def roles_held(user) -> frozenset[tuple[str, int]]:
    """(role, organisation of the pilot) for every role the user holds, in one query per
    request (and none while the change stamps stay the same, changes.py): the navigation on
    every page asks whether they sit on a board and whether they work on their own
    organisation's pilots."""
    user = person(user)
    if user is None or not user.is_authenticated:
        return frozenset()
    cache = g.setdefault("_roles_held", {})
    if user.id not in cache:
        cache[user.id] = changes.kept(
            _kept(user, user.organisation_id, "roles held"), lambda: _roles_held(user)
        )
    return cache[user.id]


def _roles_held(user) -> frozenset[tuple[str, int]]:
    from .pilots.models import Membership, Pilot

    rows = db.session.execute(
        select(Membership.role, Pilot.organisation_id)
        .join(Pilot, Pilot.id == Membership.pilot_id)
        .where(Membership.user_id == user.id)
        .distinct()
    )
    return frozenset((role, organisation_id) for role, organisation_id in rows)


def only_own_organisation(user) -> int | None:
    """The user's organisation when every role they hold is in its pilots, else None: what
    they see over all their pilots then lies within its stamp (changes.key)."""
    user = person(user)
    if all(organisation_id == user.organisation_id for _, organisation_id in roles_held(user)):
        return user.organisation_id
    return None


def standing(user, pilot) -> Standing:
    """The user's standing in the pilot (kept for the request, and across requests while
    the change stamps of the user's own organisation stay the same)."""
    user = person(user)
    if user is None or not user.is_authenticated or pilot is None:
        return NOBODY
    cache = g.setdefault("_standing", {})
    key = (user.id, pilot.id)
    if key not in cache:
        cache[key] = changes.kept(
            _kept(user, pilot.organisation_id, "standing", pilot.id),
            lambda: _standing(user, pilot),
        )
    return cache[key]


def _standing(user, pilot) -> Standing:
    from .pilots.models import Membership

    rows = db.session.execute(
        select(Membership.role, Membership.supplier_organisation_id).where(
            Membership.pilot_id == pilot.id, Membership.user_id == user.id
        )
    ).all()
    return standing_from(user, pilot, rows)


def standings_for(user, pilots) -> None:
    """Work out the user's standing in many pilots with one query, into the request cache,
    so that asking can() about each of them costs no further query."""
    user = person(user)
    from .pilots.models import Membership, Pilot

    cache = g.setdefault("_standing", {})
    wanted = [p for p in pilots if (user.id, p.id) not in cache]
    if not wanted:
        return
    rows: dict[int, list] = {p.id: [] for p in wanted}
    held = set()
    for pilot_id, role, org, pilot_organisation_id in db.session.execute(
        select(
            Membership.pilot_id,
            Membership.role,
            Membership.supplier_organisation_id,
            Pilot.organisation_id,
        )
        .join(Pilot, Pilot.id == Membership.pilot_id)
        .where(Membership.user_id == user.id)
    ):
        held.add((role, pilot_organisation_id))
        if pilot_id in rows:
            rows[pilot_id].append((role, org))
    # Every role the user holds came with it: roles_held (the navigation) needs no query.
    g.setdefault("_roles_held", {}).setdefault(user.id, frozenset(held))
    for pilot in wanted:
        cache[(user.id, pilot.id)] = standing_from(user, pilot, rows[pilot.id])


def pilots_where(user, action: str, organisation_id: int | None = None) -> list:
    """The pilots of an organisation (the user's own by default) on which the user may do
    the action, oldest first: what organisation-wide pages, lists and exports include.

    Roles in one pilot never open another: each pilot is checked on its own."""
    user = person(user)
    if user is None or not user.is_authenticated:
        return []
    organisation_id = user.organisation_id if organisation_id is None else organisation_id
    # The answer is kept for the request: the page and its navigation often ask the same.
    answers = g.setdefault(_PILOTS_WHERE, {})
    key = (user.id, action, organisation_id)
    if key not in answers:
        pilots = _organisation_pilots(user, organisation_id)
        answers[key] = [pilot for pilot in pilots if can(user, action, pilot)]
    return list(answers[key])


def any_pilot_where(user, action: str, organisation_id: int | None = None) -> bool:
    """Whether pilots_where would list at least one pilot, stopping at the first: what the
    navigation asks on every page (is there a board view, are there figures to see)."""
    user = person(user)
    if user is None or not user.is_authenticated:
        return False
    organisation_id = user.organisation_id if organisation_id is None else organisation_id
    known = g.get(_PILOTS_WHERE, {}).get((user.id, action, organisation_id))
    if known is not None:
        return bool(known)
    return changes.kept(
        _kept(user, organisation_id, "any pilot where", action),
        lambda: _any_pilot_where(user, action, organisation_id),
    )


def _any_pilot_where(user, action: str, organisation_id: int) -> bool:
    if not (user.is_org_admin and user.organisation_id == organisation_id) and not any(
        org == organisation_id for _, org in roles_held(user)
    ):
        return False  # no role in any of its pilots: nothing to look at
    pilots = _organisation_pilots(user, organisation_id)
    return any(can(user, action, pilot) for pilot in pilots)


def _kept(user, organisation_id: int, *parts):
    """The key to keep an answer about the pilots of the organisation across requests
    (changes.py): None unless it is the signed-in person's own and about them."""
    if user is not person(current_user):
        return None
    return changes.key(organisation_id, *parts)


def _organisation_pilots(user, organisation_id: int) -> list:
    """Every pilot of the organisation, oldest first, with the user's standing in each.

    Read once per request: the board view, and the navigation on every page of a board
    member, ask about the same organisation's pilots two or three times. A write in the
    request forgets the list (_forget_pilots), so a pilot just started is in the next one."""
    from .pilots.models import Pilot

    known = g.setdefault(_ORGANISATION_PILOTS, {})
    if organisation_id not in known:
        known[organisation_id] = db.session.scalars(
            select(Pilot)
            .where(Pilot.organisation_id == organisation_id)
            .order_by(Pilot.start_date, Pilot.id)
        ).all()
    pilots = known[organisation_id]
    standings = changes.kept(
        _kept(user, organisation_id, "standings"), lambda: _judged(user, pilots)
    )
    g.setdefault("_standing", {}).update(standings)
    return pilots


def _judged(user, pilots) -> dict:
    """{(user id, pilot id): standing} for these pilots, in one query (standings_for)."""
    standings_for(user, pilots)
    known = g.get("_standing")
    return {(user.id, pilot.id): known[(user.id, pilot.id)] for pilot in pilots}


_ORGANISATION_PILOTS = "_organisation_pilots"
_PILOTS_WHERE = "_pilots_where"


@event.listens_for(Session, "after_flush")
def _forget_pilots(_session, _context):
    if has_app_context():
        g.pop(_ORGANISATION_PILOTS, None)
        g.pop(_PILOTS_WHERE, None)


def standing_from(user, pilot, rows) -> Standing:
    """A Standing from the user's (role, supplier organisation) memberships in the pilot."""
    org_admin = user.is_org_admin and user.organisation_id == pilot.organisation_id
    if not rows:  # most pilots on a page over all of an organisation's pilots
        return _without_roles(org_admin, internal_roles(pilot))
    roles = frozenset(role for role, _ in rows)
    suppliers = frozenset(
        org
        for role, org in rows
        if role == SUPPLIER_ROLE and org is not None and org == user.organisation_id
    )
    if user.organisation_id != pilot.organisation_id:
        # People of another organisation only count as the supplier they speak for.
        roles = frozenset({SUPPLIER_ROLE}) if suppliers else frozenset()
    return Standing(roles, suppliers, org_admin, internal_roles(pilot))


@lru_cache(maxsize=64)
def _without_roles(org_admin: bool, internal: frozenset[str]) -> Standing:
    """The standing of someone without a membership in the pilot: one shared (immutable)
    value per kind instead of a new one for each of sixty pilots."""
    return Standing(frozenset(), frozenset(), org_admin, internal)


def internal_roles(pilot) -> frozenset[str]:
    """Roles the pilot's workflow declares `internal = true`: the buyer's side. Every other
    role, and any role the workflow does not know, is outside and sees nothing internal."""
    from . import workflows_registry

    return workflows_registry.for_pilot(pilot).internal_roles


def visible_supplier_ids(user, pilot) -> frozenset[int] | None:
    """Whose rows the user sees in the pilot's lists, queries and exports.

    None means every supplier's (the buyer's side: working group and board, as far as the
    page's own rule lets them in); otherwise the supplier organisations the user speaks for,
    empty for a stranger. Every list, query and export asks this, never the roles.
    """
    s = standing(user, pilot)
    if s.working_group or s.board:
        return None
    return s.supplier_org_ids


def speaks_for(user, pilot) -> frozenset[int]:
    """The supplier organisations the user speaks for in the pilot (none for the buyer)."""
    return standing(user, pilot).supplier_org_ids


def forget_standing() -> None:
    """Drop cached standings after memberships change within a request."""
    g.pop("_standing", None)
    g.pop(_PILOTS_WHERE, None)


def _pilot_of(obj):
    from .pilots.models import Pilot

    if isinstance(obj, Pilot):
        return obj
    pilot = getattr(obj, "pilot", None)
    if pilot is None and getattr(obj, "pilot_id", None) is not None:
        pilot = db.session.get(Pilot, obj.pilot_id)
    return pilot


Rule = Callable[[object, object, Standing], bool]


# The rules table: action name -> rule(user, obj, standing in obj's pilot).
# Each domain adds its own at import (pilots/rules.py, accounts/rules.py, ...).
RULES: dict[str, Rule] = {}


def register(rules: dict[str, Rule]) -> None:
    """Domains add their rules at import; a name may be defined once."""
    clash = RULES.keys() & rules.keys()
    if clash:
        raise ValueError(f"access rules defined twice: {sorted(clash)}")
    RULES.update(rules)


def can(user, action: str, obj=None) -> bool:
    """True when the user may do the action on the object (a pilot or a pilot-owned row)."""
    user = person(user)
    if user is None or not user.is_authenticated:
        return False
    rule = RULES.get(action)
    if rule is None:
        # A misspelt or forgotten rule must never open anything: refuse, and say so loudly.
        current_app.logger.error("access: no rule for the action %r; refused", action)
        return False
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
