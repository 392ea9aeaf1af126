"""Who may see and add social return figures.

The working group sees everything of its pilot and the board the same figures with small
counts hidden; a supplier contact sees and adds only what its own organisation did on its
own contracts, its figures with small counts hidden like every figure outside the group.
An organisation admin of a buyer chooses the valuation scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import access
from ..pilots.tabs import register_tab


@dataclass(frozen=True)
class Sight:
    """What one person sees of a pilot's social return."""

    suppliers: frozenset[int] | None  # None: every supplier (the buyer's side)
    # Small counts hidden: for everyone outside the working group (the board, a supplier),
    # as on the jobs pages, so that the supplier view and the board's agree (issue 13).
    suppressed: bool
    board: bool  # a board member: exports are the board's copy
    internal: bool  # the working group: notes and settings
    entries: bool  # the contributions themselves: the working group and the supplier


def sight(user, pilot) -> Sight:
    s = access.standing(user, pilot)
    buyer_side = s.working_group or s.board
    return Sight(
        suppliers=None if buyer_side else s.supplier_org_ids,
        suppressed=not s.working_group,
        board=s.board,
        internal=s.working_group,
        entries=s.working_group or s.supplier,
    )


def _contract_supplier(s, contract) -> bool:
    return s.supplier and bool(contract.supplier_ids & s.supplier_org_ids)


access.register(
    {
        # obj: the pilot.
        "sr.view": lambda u, o, s: s.working_group or s.board or s.supplier,
        # obj: contracts.rules.InPilot (a contract seen from one pilot).
        "sr.view_contract": lambda u, o, s: (
            s.working_group or s.board or _contract_supplier(s, o.contract)
        ),
        "sr.contribute": lambda u, o, s: s.working_group or _contract_supplier(s, o.contract),
        # obj: the pilot; loading a contract list is the working group's job.
        "sr.import_contracts": lambda u, o, s: s.working_group,
        # obj: the organisation.
        "sr.policy": lambda u, o, s: (
            u.is_org_admin and u.organisation.is_buyer and u.organisation_id == o.id
        ),
    }
)

register_tab("socialreturn.pilot", "sr.view")
