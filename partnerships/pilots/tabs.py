"""Hide pilot tabs a user may not open, so nobody is offered a link that answers 403."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
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


# The pilot's navigation: six places, each one word, each with the pages under it. A place
# opens its first page this person may see; the pages of a place show as sub-tabs (the jobs
# pages bring their own, role-aware, sub-navigation). A page belongs to the place whose
# endpoint prefixes match it, so a meeting's own page keeps "Overleg" marked.
@dataclass(frozen=True)
class Place:
    key: str
    label: object
    pages: tuple[tuple[str, object], ...]
    prefixes: tuple[str, ...]
    own_subnav: bool = False


PLACES: tuple[Place, ...] = (
    Place("steps", _l("Steps"), (("pilots.show", _l("Steps")),), ("pilots.",)),
    Place(
        "team",
        _l("Team"),
        (("team.working_group", _l("Working group")), ("team.raci", _l("Who does what"))),
        ("team.",),
    ),
    Place(
        "actions",
        _l("Actions"),
        (("actions.index", _l("Actions")), ("actions.plan", _l("Action plan"))),
        ("actions.",),
    ),
    Place(
        "meetings",
        _l("Meetings"),
        (
            ("meetings.index", _l("Meetings")),
            ("meetings.decisions", _l("Decisions")),
            ("brainstorms.index", _l("Brainstorms")),
        ),
        ("meetings.", "brainstorms."),
    ),
    Place(
        "jobs",
        _l("Jobs"),
        (
            ("figures.dashboard", _l("Figures")),
            ("figures.supplier_view", _l("Overview")),
            ("contracts.contracts", _l("Contracts")),
            ("socialreturn.pilot", _l("Social return")),
        ),
        ("contracts.", "placements.", "monitoring.", "figures.", "socialreturn."),
        own_subnav=True,
    ),
    Place(
        "results",
        _l("Results"),
        (
            ("reports.notes", _l("Progress notes")),
            ("reports.evaluation", _l("Evaluation")),
            ("reports.policy", _l("Policy")),
            ("reports.results", _l("Sharing")),
        ),
        ("reports.",),
    ),
)

# Pages of a place that need more than seeing the pilot (the domains register theirs too).
TAB_ACTIONS.update(
    {
        "actions.plan": "action_plan.view",
        "figures.supplier_view": "jobs.supplier_overview_tab",
        "socialreturn.pilot": "sr.view",
        "reports.policy": "policy.view",
        "reports.results": "results.manage",
    }
)


@dataclass(frozen=True)
class PlaceLink:
    label: str
    url: str
    current: bool
    pages: tuple[tuple[str, str, bool], ...]  # (label, url, current) of its sub-tabs
    own_subnav: bool


def _allowed(endpoint: str, pilot) -> bool:
    if endpoint not in current_app.view_functions:
        return False
    action = TAB_ACTIONS.get(endpoint)
    if action is None or action not in access.RULES:
        return True
    return access.can(current_user, action, pilot)


def _visible_pages(place: Place, pilot) -> list[tuple[str, object]]:
    return [(e, label) for e, label in place.pages if _allowed(e, pilot)]


def pilot_places(pilot, endpoint: str | None) -> list[PlaceLink]:
    """The places this person may open in this pilot, with the current one marked."""
    endpoint = endpoint or ""
    links = []
    for place in PLACES:
        pages = _visible_pages(place, pilot)
        if not pages:
            continue
        current = any(endpoint.startswith(prefix) for prefix in place.prefixes)
        subs = tuple(
            (str(label), url_for(e, pilot_id=pilot.id), e == endpoint) for e, label in pages
        )
        links.append(PlaceLink(str(place.label), subs[0][1], current, subs, place.own_subnav))
    return links
