"""The demo pilot tells the stepper's story: step 1 well under way and route 2B chosen."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings.models import Decision
from partnerships.pilots import demo
from partnerships.pilots.models import StepState
from partnerships.workflow.checks import evaluate, parse_check


def test_the_demo_marks_step_1_and_chooses_route_2b(make):
    org = make.org()
    coordinator = make.user(org, email=demo.COORDINATOR)
    pilot = make.pilot(org=org, coordinator=coordinator)
    demo.seed(pilot=pilot, people={demo.COORDINATOR: coordinator}, suppliers=[])
    states = dict(
        db.session.execute(
            select(StepState.code, StepState.status).where(StepState.pilot_id == pilot.id)
        ).all()
    )
    assert states == {"1a": "done", "1b": "done", "1c": "done", "1d": "busy"}
    assert pilot.route == "2B"
    kinds = db.session.scalars(select(Decision.kind).where(Decision.pilot_id == pilot.id)).all()
    assert sorted(kinds) == ["principebesluit", "route"]
    assert evaluate(parse_check("route:chosen"), pilot).status == "done"
    assert evaluate(parse_check("decision:principebesluit"), pilot).status == "done"
