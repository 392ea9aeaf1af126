"""Who may see, join and run a brainstorm.

The working group and the board see every session of their pilot; a supplier contact sees a
session only when it is shared with the supplier organisation they speak for. The board
reads and never writes. The facilitator (who started the session) and the coordinators
edit, move, merge and pin any card; everybody else only their own.

poll.py repeats the "view" rule in SQL so that an unchanged board costs one query; a test
walks both for every kind of user so they cannot drift apart.
"""

from __future__ import annotations

from .. import access


def _brainstorm(obj):
    return getattr(obj, "brainstorm", None) or obj


def can_view(user, obj, s) -> bool:
    """Working group and board see all sessions; suppliers only those shared with them."""
    if s.working_group or s.board:
        return True
    return bool(s.supplier_org_ids & _brainstorm(obj).shared_org_ids)


def can_contribute(user, obj, s) -> bool:
    """Add cards: the working group, and suppliers the session is shared with."""
    if s.working_group:
        return True
    return bool(s.supplier_org_ids & _brainstorm(obj).shared_org_ids)


def can_facilitate(user, obj, s) -> bool:
    """Coordinators, and the working-group member who started the session."""
    brainstorm = _brainstorm(obj)
    return s.coordinator or (s.working_group and brainstorm.facilitator_id == user.id)


def can_edit_card(user, card, s) -> bool:
    """Own cards for any participant; any card for the facilitator."""
    if can_facilitate(user, card, s):
        return True
    return card.author_id == user.id and can_contribute(user, card, s)


access.register(
    {
        "brainstorm.list": lambda u, o, s: s.any,
        "brainstorm.create": lambda u, o, s: s.working_group,
        "brainstorm.view": can_view,
        "brainstorm.view_internal": lambda u, o, s: s.working_group or s.board,
        "brainstorm.contribute": can_contribute,
        "brainstorm.facilitate": can_facilitate,
        "card.view": can_view,
        "card.edit": can_edit_card,
    }
)
