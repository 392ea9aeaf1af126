"""Completion check owned by brainstorms: `brainstorm:held`."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from ..workflow.model import Text
from .models import Brainstorm, BrainstormStatus, Card


@implements("brainstorm:held")
def brainstorm_held(pilot, step) -> CheckResult:
    """Done when a brainstorm held for this sub-step (2Aa for a new tender, 2Ba for an existing
    contract) is closed with at least one card still on it: one brainstorm about a contract
    does not tick the tender's sub-step too."""
    held = db.session.scalar(
        select(Brainstorm.id)
        .where(
            Brainstorm.pilot_id == pilot.id,
            Brainstorm.step_code == step,
            Brainstorm.status == BrainstormStatus.CLOSED,
            Brainstorm.id.in_(
                select(Card.brainstorm_id).where(
                    Card.pilot_id == pilot.id,
                    Card.withdrawn.is_(False),
                    Card.merged_into_id.is_(None),
                )
            ),
        )
        .limit(1)
    )
    if held is not None:
        return CheckResult(
            "done",
            Text(
                nl="Er is een brainstorm gehouden en afgesloten.",
                en="A brainstorm has been held and closed.",
            ),
        )
    return CheckResult(
        "missing",
        Text(
            nl="Houd voor deze tussenstap een brainstorm met kaartjes en sluit die af.",
            en="Hold a brainstorm with cards for this sub-step and close it.",
        ),
    )
