"""Who may see and change contracts, tenders and potential jobs.

Contracts belong to the buyer and may be shared by several pilots, so a contract is checked
in the context of one pilot through `InPilot`. A supplier contact only ever reaches rows of
its own organisation; the board reads figures (with small counts hidden), never rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import access
from ..pilots.tabs import register_tab


@dataclass(frozen=True)
class InPilot:
    """A contract seen from one pilot; access.py finds the pilot through `.pilot`."""

    pilot: object
    contract: object


def own_supplier(s, org_id) -> bool:
    """A supplier contact looking at a row of its own organisation."""
    return s.supplier and org_id in s.supplier_org_ids


def contract_supplier(s, contract) -> bool:
    """A supplier contact of one of the contract's suppliers."""
    return s.supplier and bool(contract.supplier_ids & s.supplier_org_ids)


access.register(
    {
        # Contracts (obj: pilot for create/list, InPilot for one contract).
        "contract.list": lambda u, o, s: s.working_group or s.board or s.supplier,
        "contract.create": lambda u, o, s: s.working_group,
        "contract.view": lambda u, o, s: (
            s.working_group or s.board or contract_supplier(s, o.contract)
        ),
        "contract.edit": lambda u, o, s: s.working_group,
        # Potential jobs are the working group's planning.
        "potential_job.view": lambda u, o, s: s.working_group or s.board,
        "potential_job.edit": lambda u, o, s: s.working_group,
    }
)

# Offer a pilot tab only to those its page lets in.
register_tab("contracts.contracts", "contract.list")
