"""Who may see and add social return figures.

The working group sees everything of its pilot and the board the same figures with small
counts hidden; a supplier contact sees and adds only what its own organisation did on its
own contracts. An organisation admin of a buyer chooses the valuation scheme.
"""

from __future__ import annotations

from .. import access
from ..pilots.tabs import register_tab


def _contract_supplier(s, contract) -> bool:
    return s.supplier and bool(contract.supplier_ids & s.supplier_org_ids)


access.register(
    {
        # obj: the pilot.
        "sr.view": lambda u, o, s: s.working_group or s.board or s.supplier,
        # obj: jobs.rules.InPilot (a contract seen from one pilot).
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
