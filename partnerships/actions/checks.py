"""Completion checks answered from the pilot's actions."""

from __future__ import annotations

from sqlalchemy import func, select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from ..workflow.model import Text
from .models import Action, ActionStatus


@implements("actions:min")
def actions_min(pilot, param) -> CheckResult:
    """At least N actions in the plan with an owner and a deadline (SMART), not dropped."""
    wanted = int(param or 0)
    count = db.session.scalar(
        select(func.count(Action.id)).where(
            Action.pilot_id == pilot.id,
            Action.status != ActionStatus.DROPPED,
            Action.deadline.is_not(None),
        )
    )
    if count >= wanted:
        return CheckResult(
            "done",
            Text(
                nl=f"{count} acties met een eigenaar en deadline (minstens {wanted}).",
                en=f"{count} actions with an owner and a deadline (at least {wanted}).",
            ),
        )
    return CheckResult(
        "missing",
        Text(
            nl=f"{count} van de minstens {wanted} acties met een eigenaar en deadline.",
            en=f"{count} of at least {wanted} actions with an owner and a deadline.",
        ),
    )
