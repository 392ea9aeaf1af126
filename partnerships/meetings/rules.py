"""Who may see and change meetings and decisions.

The working group and the board see every meeting of the pilot; a supplier contact sees
only the meetings they take part in, and of those only the shared agenda items and their
minutes. A held or cancelled meeting is closed: only the coordinator (or backup) changes it.
"""

from __future__ import annotations

from .. import access
from ..pilots.tabs import register_tab


def _sees_meeting(user, meeting, s) -> bool:
    if s.working_group or s.board:
        return True
    return s.supplier and meeting.takes_part(user)


access.register(
    {
        # obj: the pilot
        "meeting.list": lambda u, o, s: s.any,
        "meeting.create": lambda u, o, s: s.working_group,
        "meeting.plan_monitoring": lambda u, o, s: s.coordinator,
        # obj: a meeting
        "meeting.view": _sees_meeting,
        "meeting.view_internal": lambda u, o, s: s.working_group or s.board,
        "meeting.edit": lambda u, o, s: s.working_group and (o.is_open or s.coordinator),
        "meeting.reopen": lambda u, o, s: s.coordinator,
        # Invitations: resend what failed, add people without an account.
        "meeting.invite": lambda u, o, s: s.working_group and (o.is_open or s.coordinator),
        # Minutes are taken after the meeting too, by whoever in the working group writes them;
        # whether they are still open (not fixed) is the minutes' own rule.
        "minutes.edit": lambda u, o, s: s.working_group,
        "minutes.send": lambda u, o, s: s.working_group,
        # Fixed by the chair (who planned the meeting) or the coordinator.
        "minutes.fix": lambda u, o, s: (
            s.coordinator or (s.working_group and o.created_by_id == u.id)
        ),
        "minutes.correct": lambda u, o, s: s.coordinator,
        # Only those who were at the table comment on its minutes.
        "minutes.comment": lambda u, o, s: s.any and o.takes_part(u),
        # obj: the pilot, or a decision
        "decision.view": lambda u, o, s: s.working_group or s.board,
        "decision.record": lambda u, o, s: s.working_group,
        # obj: the pilot
        "minutes.settings": lambda u, o, s: s.coordinator,
    }
)

# The decision register is internal; suppliers are not offered its tab.
register_tab("meetings.decisions", "decision.view")


def visible_items(user, meeting) -> list:
    """The agenda items this user may read: all for insiders, only shared ones for suppliers."""
    if access.can(user, "meeting.view_internal", meeting):
        return list(meeting.items)
    return [item for item in meeting.items if item.shared]
