"""Who may see and change the working group, the RACI matrix and the audit trail."""

from .. import access

access.register(
    {
        # The working group and the board see who does what; suppliers see only their own part.
        "team.view": lambda u, o, s: s.working_group or s.board,
        "team.manage": lambda u, o, s: s.coordinator,
        "team.audit": lambda u, o, s: s.coordinator,
    }
)
