"""Who may send, read and decide on monitoring reports.

A supplier contact sends and reads its own organisation's reports; the buyer's contract
manager, social return coordinator or the pilot's coordinator accepts or returns them.
"""

from __future__ import annotations

from .. import access
from ..contracts.rules import contract_supplier, own_supplier

# Buyer roles that accept or return a supplier's monitoring report.
REPORT_DECIDERS = frozenset({"contract_manager", "sr_coordinator"})

access.register(
    {
        "report.list": lambda u, o, s: s.working_group or s.supplier,
        "report.view": lambda u, o, s: (
            s.working_group or own_supplier(s, o.supplier_organisation_id)
        ),
        "report.submit": lambda u, o, s: own_supplier(s, o.supplier_organisation_id),
        "report.decide": lambda u, o, s: s.coordinator or bool(s.roles & REPORT_DECIDERS),
        # obj: InPilot; only a supplier named on the contract reports on it.
        "report.submit_for_contract": lambda u, o, s: contract_supplier(s, o.contract),
    }
)
