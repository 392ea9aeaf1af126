"""Who may do what with a pilot and on its stepper: start one, see it, work on it, steer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from .. import access
from ..extensions import db
from .models import Membership, Pilot, PilotStatus


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


@dataclass(frozen=True)
class Reach:
    """Where one person stands across all their active pilots: the pilot ids per kind of
    standing, so that a page over every pilot (Voor jou) reads each kind of work once."""

    pilots: dict  # id -> Pilot, newest first
    works_on: frozenset[int]  # as a member of the working group
    board: frozenset[int]
    supplier: frozenset[int]
    decides_reports: frozenset[int]
    admin_of: frozenset[int]  # pilots the person runs as the organisation's admin

    @property
    def board_only(self) -> frozenset[int]:
        """Pilots where the person reads as board member and does not work on the pilot."""
        return self.board - self.works_on


def reach(user) -> Reach:
    """The person's Reach: active pilots they are in (or run as organisation admin), in two
    statements, each pilot judged on its own by the same standing as every view."""
    user = access.person(user)

    member_of = select(Membership.pilot_id).where(Membership.user_id == user.id)
    if user.is_org_admin:
        member_of = member_of.union(
            select(Pilot.id).where(Pilot.organisation_id == user.organisation_id)
        )
    pilots = {
        p.id: p
        for p in db.session.scalars(
            select(Pilot)
            .where(Pilot.id.in_(member_of), Pilot.status == PilotStatus.ACTIVE)
            .order_by(Pilot.start_date.desc(), Pilot.id.desc())
        )
    }
    access.standings_for(user, pilots.values())
    each = {pid: access.standing(user, p) for pid, p in pilots.items()}

    def where(test) -> frozenset[int]:
        return frozenset(pid for pid, st in each.items() if test(st))

    return Reach(
        pilots=pilots,
        works_on=where(lambda st: st.working_group),
        board=where(lambda st: st.board),
        supplier=where(lambda st: st.supplier),
        decides_reports=frozenset(
            pid for pid, pilot in pilots.items() if access.can(user, "report.decide", pilot)
        ),
        admin_of=where(lambda st: st.org_admin),
    )
