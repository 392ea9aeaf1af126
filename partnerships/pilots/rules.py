"""Who may do what on the stepper: read steps, see internal notes, update steps, steer."""

from __future__ import annotations

from .. import access

access.register(
    {
        # Everyone in the pilot sees the method and how far the pilot has come; suppliers
        # see no more than that.
        "step.view": lambda u, o, s: s.any,
        # Notes, skip reasons, history, checks and names are for the buyer's side.
        "step.view_internal": lambda u, o, s: s.working_group or s.board,
        # Working-group members move sub-steps; the board reads, suppliers read.
        "step.update": lambda u, o, s: s.working_group,
        # Steering the pilot: the route and its settings belong to the coordinator (or backup).
        "pilot.choose_route": lambda u, o, s: s.coordinator,
        "pilot.edit_settings": lambda u, o, s: s.coordinator,
    }
)
