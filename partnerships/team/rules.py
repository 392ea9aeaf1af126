"""Who may see and change the working group, the RACI matrix and the audit trail."""

from .. import access
from ..pilots.tabs import register_tab

access.register(
    {
        # The working group and the board see who does what; suppliers see only their own part.
        "team.view": lambda u, o, s: s.working_group or s.board,
        "team.manage": lambda u, o, s: s.coordinator,
        "team.audit": lambda u, o, s: s.coordinator,
    }
)

# Suppliers are not offered tabs that answer 403: the working group lists task descriptions
# and every supplier's contacts, which one supplier must not see of another.
register_tab("team.working_group", "team.view")
register_tab("team.raci", "team.view")
