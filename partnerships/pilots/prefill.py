"""Values a link may fill into a form (`?step=1d`, `?kind=principebesluit`), checked first.

A sub-step's checklist links to the place that satisfies each check with the sub-step
filled in. A value nobody could have been offered is refused with a message and a 400, so
a form never silently opens with something other than what the link promised.
"""

from __future__ import annotations

from flask import abort, g, request
from flask_babel import gettext as _

from .. import workflows_registry
from .progress import route_steps


def refuse(message: str):
    """Answer 400 with this message on the error page."""
    g.own_message = True
    abort(400, message)


def substep_arg(pilot, name: str = "step") -> str | None:
    """The sub-step named in the query string, if any: one of the pilot's method, on its
    route (or a whole step code on the route)."""
    code = request.args.get(name)
    if not code:
        return None
    workflow = workflows_registry.for_pilot(pilot)
    step = workflow.step_of(code) or workflow.step(code)
    if step is None:
        refuse(_("There is no step or sub-step “%(code)s” in this pilot's method.", code=code[:20]))
    if step.code not in route_steps(workflow, pilot.route):
        refuse(_("Step %(code)s is not on the route this pilot chose.", code=code[:20]))
    return code
