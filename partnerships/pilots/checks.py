"""Completion checks answered from the pilot's own data: goals, route, roles, decisions.

Each answers "done" only when the data is there; the message says what is missing.
"""

from __future__ import annotations

from functools import cache

from flask import has_request_context
from sqlalchemy import bindparam, exists, select
from sqlalchemy.orm import aliased

from .. import workflows_registry
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..i18n import locale_code
from ..workflow.checks import CheckResult, implements
from .models import Membership


def _role_name(pilot, code: str) -> str:
    """The role's name in the user's language, falling back to its code."""
    try:
        role = workflows_registry.for_pilot(pilot).role(code)
    except KeyError:
        role = None
    locale = locale_code() if has_request_context() else "nl"
    return role.name.get(locale) if role is not None else code


def current_decisions(pilot_id: int, kind: str):
    """A select of the pilot's taken decisions of a kind that no taken decision supersedes."""
    return _current_decisions().params(pilot_id=pilot_id, kind=kind)


@cache
def _current_decisions():
    """The statement of current_decisions, built once (the stepper asks on every view)."""
    from ..meetings.models import Decision, DecisionStatus

    later = aliased(Decision)
    superseded = exists().where(
        later.supersedes_id == Decision.id, later.status == DecisionStatus.TAKEN
    )
    return (
        select(Decision)
        .where(
            Decision.pilot_id == bindparam("pilot_id"),
            Decision.kind == bindparam("kind"),
            Decision.status == DecisionStatus.TAKEN,
            ~superseded,
        )
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )


@implements("goals:set")
def goals_set(pilot, _param) -> CheckResult:
    """Sub-step 1c: the working group wrote down its goals and the target group it chose."""
    goals = bool((pilot.goals_text or "").strip())
    target_group = bool((pilot.target_group_text or "").strip())
    if goals and target_group:
        return CheckResult("done")
    if goals:
        return CheckResult("missing", _l("The target group has not been written down yet."))
    if target_group:
        return CheckResult("missing", _l("The goals have not been written down yet."))
    return CheckResult("missing", _l("Neither the goals nor the target group are written down."))


@implements("ambassador:named")
def ambassador_named(pilot, _param) -> CheckResult:
    """Sub-step 1e: someone on the board is the pilot's ambassador."""
    if (pilot.ambassador or "").strip():
        return CheckResult("done")
    return CheckResult("missing", _l("No ambassador on the board has been named yet."))


@implements("route:chosen")
def route_chosen(pilot, _param) -> CheckResult:
    """Closing step 1: a route is set and backed by a recorded route decision."""
    if not pilot.route:
        return CheckResult("missing", _l("No route has been chosen yet (2A, 2B or both)."))
    decision = db.session.scalars(current_decisions(pilot.id, "route").limit(1)).first()
    if decision is None or decision.value != pilot.route:
        return CheckResult("missing", _l("The route has not been recorded as a decision."))
    return CheckResult("done")


@implements("role_filled")
def role_filled(pilot, role: str) -> CheckResult:
    """Somebody holds the role in this pilot."""
    held = db.session.scalar(
        select(exists().where(Membership.pilot_id == pilot.id, Membership.role == role))
    )
    if held:
        return CheckResult("done")
    return CheckResult(
        "missing", _l("Nobody holds the role “%(role)s” yet.", role=_role_name(pilot, role))
    )


DECISION_LABELS = {
    "principebesluit": _l("in-principle decision (principebesluit)"),
    "route": _l("route choice"),
    "supplier_choice": _l("choice of supplier"),
    "budget": _l("budget decision"),
    "policy_adoption": _l("adoption of the policy"),
    "procurement_strategy": _l("social procurement strategy"),
    "market_consultation": _l("market consultation record"),
    "sr_requirement": _l("decision on how the tender asks for social return"),
    "results_shared": _l("decision on sharing the results"),
    "other": _l("decision"),
}


@implements("decision")
def decision_taken(pilot, kind: str) -> CheckResult:
    """A decision of this kind is taken and still stands."""
    found = db.session.scalars(current_decisions(pilot.id, kind).limit(1)).first()
    if found is not None:
        return CheckResult("done")
    return CheckResult(
        "missing",
        _l("No %(kind)s has been recorded as taken yet.", kind=DECISION_LABELS.get(kind, kind)),
    )


@implements("monitoring:frequency_set")
def monitoring_frequency_set(pilot, _param) -> CheckResult:
    """Sub-step 4a: how often you monitor (month, quarter, half year) is agreed."""
    if pilot.monitoring_frequency:
        return CheckResult("done")
    return CheckResult(
        "missing", _l("The monitoring frequency has not been set yet (pilot settings).")
    )
