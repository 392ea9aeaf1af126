"""Who may do what with a pilot and on its stepper: start one, see it, work on it, steer."""

from __future__ import annotations

from sqlalchemy import select

from .. import access
from ..extensions import db
from .models import Membership, Pilot


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
    roles = set(
        db.session.scalars(
            select(Membership.role)
            .join(Pilot, Pilot.id == Membership.pilot_id)
            .where(Membership.user_id == user.id, Pilot.organisation_id == user.organisation_id)
        )
    )
    return not roles or bool(roles - {"board"})


access.register(
    {
        # --- pilots ---
        "pilot.create": lambda u, o, s: _may_start_pilot(u),
        "pilot.view": lambda u, o, s: s.any,
        "pilot.view_internal": lambda u, o, s: s.working_group or s.board,
        "pilot.work": lambda u, o, s: s.working_group,
        "pilot.manage": lambda u, o, s: s.coordinator,
        "pilot.audit": lambda u, o, s: s.coordinator,
        # --- the stepper ---
        # Everyone in the pilot sees the method and how far the pilot has come; suppliers
        # see no more than that.
        "step.view": lambda u, o, s: s.any,
        # Notes, skip reasons, history, checks and names are for the buyer's side.
        "step.view_internal": lambda u, o, s: s.working_group or s.board,
        # Working-group members move sub-steps; the board reads, suppliers read.
        "step.update": lambda u, o, s: s.working_group,
        # Steering the pilot: the route and its settings belong to the coordinator (or backup).
        "pilot.choose_route": lambda u, o, s: s.coordinator,
        "pilot.edit_settings": lambda u, o, s: s.coordinator,
    }
)
