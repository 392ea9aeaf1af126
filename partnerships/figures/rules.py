"""Who sees which figures, exports rows, and keeps the buyer's counting settings.

The working group sees everything, the board sees figures with small counts hidden, a
supplier sees its own overview; an organisation's figures page shows only the pilots whose
figures the user sees.
"""

from __future__ import annotations

from .. import access
from ..pilots.tabs import register_tab

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
    }
)


def _sees_organisation_figures(user, organisation) -> bool:
    """The organisation's figures page: a buyer's admin, or whoever sees the figures of at
    least one of its pilots (and then only of those, see organisation_pilots)."""
    if organisation is None or not organisation.is_buyer or user.organisation_id != organisation.id:
        return False
    if user.is_org_admin:
        return True
    return access.any_pilot_where(user, "jobs.figures", organisation.id)


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
register_tab("figures.dashboard", "jobs.dashboard_tab")
