"""Hide pilot tabs a user may not open, so nobody is offered a link that answers 403."""

from __future__ import annotations

from flask_login import current_user
from jinja2 import pass_context

from .. import access

# Tab endpoint -> the access action its page needs. Tabs not listed stay visible, because
# their own view decides what to show (suppliers get their shared parts there).
TAB_ACTIONS: dict[str, str] = {
    "reports.notes": "pilot.view_internal",
    "reports.evaluation": "pilot.view_internal",
    "reports.policy": "pilot.view_internal",
}


def register_tab(endpoint: str, action: str) -> None:
    """Let another domain say which action its tab needs."""
    TAB_ACTIONS[endpoint] = action


@pass_context
def tab_allowed(context, endpoint: str) -> bool:
    """True when the tab's page is open to the current user for the pilot being shown."""
    action = TAB_ACTIONS.get(endpoint)
    pilot = context.get("pilot")
    if action is None or pilot is None:
        return True
    # A tab whose action has no rule is refused like any unknown action (access.can).
    return access.can(current_user, action, pilot)
