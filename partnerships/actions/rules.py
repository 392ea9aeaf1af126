"""Who may see, assign and work on actions.

The coordinator and backup create, assign and reassign. An action's assignee, or everyone
in its role when it is assigned to the role, updates its status and comments. The board
reads. A supplier contact sees only shared actions meant for its own organisation.
"""

from .. import access


def _supplier_sees(user, action, s) -> bool:
    if action.is_internal:
        return False
    if action.assignee_id is None:
        return action.role == access.SUPPLIER_ROLE
    return action.assignee_id == user.id or (
        action.assignee is not None and action.assignee.organisation_id in s.supplier_org_ids
    )


def _view(user, action, s) -> bool:
    if s.working_group or s.board:
        return True
    return s.supplier and _supplier_sees(user, action, s)


def _works_on(user, action, s) -> bool:
    """The assignee, or anyone holding the role of a role-assigned action."""
    if not _view(user, action, s):
        return False
    if action.assignee_id is not None:
        return action.assignee_id == user.id
    return action.role in s.roles


def seen_by_suppliers(supplier_ids):
    """_supplier_sees in SQL, for lists of actions: shared, and meant for the supplier role
    or assigned to someone of these supplier organisations."""
    from sqlalchemy import and_, or_, select

    from ..accounts.models import User
    from .models import Action

    same_org = select(User.id).where(User.organisation_id.in_(supplier_ids))
    return and_(
        Action.is_internal.is_(False),
        or_(
            and_(Action.assignee_id.is_(None), Action.role == access.SUPPLIER_ROLE),
            Action.assignee_id.in_(same_org),
        ),
    )


access.register(
    {
        "action.list": lambda u, o, s: s.any,
        "action.view": _view,
        "action.manage": lambda u, o, s: s.coordinator,
        "action.work": lambda u, o, s: s.coordinator or _works_on(u, o, s),
        "action_plan.view": lambda u, o, s: s.working_group or s.board,
        "action_plan.edit": lambda u, o, s: s.coordinator,
    }
)
