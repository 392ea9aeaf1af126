"""Who may see and change contracts, jobs, placements, reports and figures.

Contracts belong to the buyer and may be shared by several pilots, so a contract is checked
in the context of one pilot through `InPilot`. A supplier contact only ever reaches rows of
its own organisation; the board reads figures (with small counts hidden), never rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import access
from ..pilots.tabs import register_tab

# Buyer roles that accept or return a supplier's monitoring report.
REPORT_DECIDERS = frozenset({"contract_manager", "sr_coordinator"})


@dataclass(frozen=True)
class InPilot:
    """A contract seen from one pilot; access.py finds the pilot through `.pilot`."""

    pilot: object
    contract: object


def _own_supplier(s, org_id) -> bool:
    return s.supplier and org_id in s.supplier_org_ids


def _contract_supplier(s, contract) -> bool:
    return s.supplier and bool(contract.supplier_ids & s.supplier_org_ids)


access.register(
    {
        # Figures: the working group sees everything, the board sees suppressed figures.
        "jobs.figures": lambda u, o, s: s.working_group or s.board,
        # The figures tab: suppliers are sent on to their own supplier view.
        "jobs.dashboard_tab": lambda u, o, s: s.working_group or s.board or s.supplier,
        "jobs.export_rows": lambda u, o, s: s.working_group,
        "jobs.supplier_view": lambda u, o, s: s.supplier,
        # The supplier's overview is the supplier's page; the buyer's side has the figures.
        "jobs.supplier_overview_tab": lambda u, o, s: (
            s.supplier and not (s.working_group or s.board)
        ),
        # Contracts (obj: pilot for create/list, InPilot for one contract).
        "contract.list": lambda u, o, s: s.working_group or s.board or s.supplier,
        "contract.create": lambda u, o, s: s.working_group,
        "contract.view": lambda u, o, s: (
            s.working_group or s.board or _contract_supplier(s, o.contract)
        ),
        "contract.edit": lambda u, o, s: s.working_group,
        # Potential jobs are the working group's planning.
        "potential_job.view": lambda u, o, s: s.working_group or s.board,
        "potential_job.edit": lambda u, o, s: s.working_group,
        # Placements (obj: pilot for list/create, a Placement otherwise).
        "placement.list": lambda u, o, s: s.working_group or s.supplier,
        "placement.create": lambda u, o, s: s.working_group or s.supplier,
        "placement.view": lambda u, o, s: (
            s.working_group or _own_supplier(s, o.supplier_organisation_id)
        ),
        "placement.edit": lambda u, o, s: (
            s.working_group or _own_supplier(s, o.supplier_organisation_id)
        ),
        # Monitoring reports.
        "report.list": lambda u, o, s: s.working_group or s.supplier,
        "report.view": lambda u, o, s: (
            s.working_group or _own_supplier(s, o.supplier_organisation_id)
        ),
        "report.submit": lambda u, o, s: _own_supplier(s, o.supplier_organisation_id),
        "report.decide": lambda u, o, s: s.coordinator or bool(s.roles & REPORT_DECIDERS),
        # obj: InPilot; only a supplier named on the contract reports on it.
        "report.submit_for_contract": lambda u, o, s: _contract_supplier(s, o.contract),
    }
)


def _sees_organisation_figures(user, organisation) -> bool:
    """The organisation's figures page: a buyer's admin, or whoever sees the figures of at
    least one of its pilots (and then only of those, see organisation_pilots)."""
    if organisation is None or not organisation.is_buyer or user.organisation_id != organisation.id:
        return False
    if user.is_org_admin:
        return True
    if not any(org == organisation.id for _, org in access.roles_held(user)):
        return False  # no role in any of its pilots: no need to look further
    return bool(access.pilots_where(user, "jobs.figures", organisation.id))


access.register(
    {
        # obj: the user's own (buyer) organisation.
        "jobs.organisation_figures": lambda u, o, s: _sees_organisation_figures(u, o),
        # obj: the user's organisation: counting settings, lists and API tokens.
        "organisation.buyer_settings": lambda u, o, s: (
            o is not None and o.is_buyer and u.is_org_admin and u.organisation_id == o.id
        ),
    }
)


def organisation_pilots(user) -> tuple[list, list]:
    """(pilots whose figures the user sees, pilots whose rows the user may export) of the
    user's organisation. Organisation-wide pages and exports include only these: a role in
    one pilot never opens another."""
    return access.pilots_where(user, "jobs.figures"), access.pilots_where(user, "jobs.export_rows")


# Offer a pilot tab only to those its page lets in (the board has no "Jobs" tab).
register_tab("jobs.dashboard", "jobs.dashboard_tab")
register_tab("jobs.contracts", "contract.list")
register_tab("jobs.placements", "placement.list")
