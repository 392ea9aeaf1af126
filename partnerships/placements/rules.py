"""Who may see and record placements: the working group, and a supplier for its own."""

from __future__ import annotations

from .. import access
from ..contracts.rules import own_supplier
from ..pilots.tabs import register_tab

access.register(
    {
        # Placements (obj: pilot for list/create, a Placement otherwise).
        "placement.list": lambda u, o, s: s.working_group or s.supplier,
        "placement.create": lambda u, o, s: s.working_group or s.supplier,
        "placement.view": lambda u, o, s: (
            s.working_group or own_supplier(s, o.supplier_organisation_id)
        ),
        "placement.edit": lambda u, o, s: (
            s.working_group or own_supplier(s, o.supplier_organisation_id)
        ),
    }
)

# Offer a pilot tab only to those its page lets in (the board has no placements tab).
register_tab("placements.placements", "placement.list")
