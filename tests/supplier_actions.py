"""Actions the coordinator shares with the suppliers (role "supplier", not internal), as the
tests of actions, My tasks and meetings arrange them."""

from partnerships.actions.services import create_action


def supplier_action(pilot, coordinator, title: str, assignee=None, **fields):
    """An action for the suppliers' role that they see; `assignee` one supplier contact."""
    return create_action(
        pilot,
        coordinator,
        title=title,
        role="supplier",
        assignee=assignee,
        is_internal=False,
        **fields,
    )
