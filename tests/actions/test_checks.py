"""The completion check actions:min=N counts SMART actions (with a deadline), not dropped."""

from __future__ import annotations

from datetime import date

from partnerships.actions.services import create_action
from partnerships.extensions import db
from partnerships.workflow.checks import evaluate
from partnerships.workflow.model import CheckRef

CHECK = CheckRef("actions:min", 3)


def test_actions_min_needs_three_actions_with_a_deadline(crew):
    c, p = crew.coordinator, crew.pilot
    assert evaluate(CHECK, p).status == "missing"
    create_action(p, c, title="A", role="hr_expert", deadline=date(2026, 3, 1))
    create_action(p, c, title="B", role="hr_expert", deadline=date(2026, 3, 2))
    create_action(p, c, title="Zonder deadline", role="hr_expert")
    dropped = create_action(p, c, title="Vervallen", role="hr_expert", deadline=date(2026, 3, 3))
    dropped.status = "dropped"
    db.session.flush()
    result = evaluate(CHECK, p)
    assert result.status == "missing"
    assert "2" in result.render("en")
    create_action(p, c, title="C", role="hr_expert", deadline=date(2020, 1, 1))
    assert evaluate(CHECK, p).status == "done"


def test_actions_of_another_pilot_do_not_count(crew, make):
    other = make.pilot()
    for i in range(3):
        create_action(
            other,
            other.memberships[0].user,
            title=f"X{i}",
            role="hr_expert",
            deadline=date(2026, 3, 1),
        )
    assert evaluate(CHECK, crew.pilot).status == "missing"
