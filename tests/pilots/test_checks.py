"""The completion checks of the pilots domain answer "done" only when the data is there."""

from __future__ import annotations

from datetime import date

from partnerships.extensions import db
from partnerships.meetings.services import record_decision
from partnerships.workflow.checks import evaluate, parse_check


def check(pilot, raw):
    return evaluate(parse_check(raw), pilot).status


def test_goals_set_needs_written_goals_and_a_target_group(team):
    assert check(team.pilot, "goals:set") == "missing"
    team.pilot.goals_text = "   "
    assert check(team.pilot, "goals:set") == "missing"
    team.pilot.goals_text = "Zes banen in de schoonmaak."
    assert check(team.pilot, "goals:set") == "missing"  # 1c also chooses the target group
    team.pilot.target_group_text = "Mensen uit het doelgroepregister."
    assert check(team.pilot, "goals:set") == "done"
    team.pilot.goals_text = ""
    assert check(team.pilot, "goals:set") == "missing"


def test_monitoring_frequency_set_needs_a_frequency(team):
    assert check(team.pilot, "monitoring:frequency_set") == "missing"
    team.pilot.monitoring_frequency = "quarter"
    assert check(team.pilot, "monitoring:frequency_set") == "done"


def test_role_filled_needs_a_membership_in_that_role(team, make):
    assert check(team.pilot, "role_filled:coordinator") == "done"
    assert check(team.pilot, "role_filled:coordinator_backup") == "missing"
    make.member(team.pilot, role="coordinator_backup")
    assert check(team.pilot, "role_filled:coordinator_backup") == "done"


def test_role_filled_counts_only_this_pilot(team, make):
    other = make.pilot()
    make.member(other, role="sr_coordinator")
    assert check(team.pilot, "role_filled:sr_coordinator") == "missing"


def decide(pilot, kind="principebesluit", **fields):
    fields.setdefault("title", "Principebesluit")
    fields.setdefault("decided_by", "board")
    fields.setdefault("decided_on", date(2026, 1, 26))
    decision = record_decision(pilot, None, kind=kind, **fields)
    db.session.flush()
    return decision


def test_a_decision_counts_only_when_taken(team):
    assert check(team.pilot, "decision:principebesluit") == "missing"
    decide(team.pilot, status="proposed")
    assert check(team.pilot, "decision:principebesluit") == "missing"
    decide(team.pilot)
    assert check(team.pilot, "decision:principebesluit") == "done"
    assert check(team.pilot, "decision:budget") == "missing"


def test_a_superseded_decision_still_leaves_the_newer_one_standing(team):
    first = decide(team.pilot, kind="budget")
    decide(team.pilot, kind="budget", supersedes=first)
    assert check(team.pilot, "decision:budget") == "done"


def test_a_decision_of_another_pilot_does_not_count(team, make):
    decide(make.pilot())
    assert check(team.pilot, "decision:principebesluit") == "missing"


def test_route_chosen_needs_both_the_route_and_its_decision(team):
    assert check(team.pilot, "route:chosen") == "missing"
    team.pilot.route = "2B"
    assert check(team.pilot, "route:chosen") == "missing"  # set, but never decided
    decide(team.pilot, kind="route", value="2A", title="Route", decided_by="working_group")
    assert check(team.pilot, "route:chosen") == "missing"  # the decision says another route
    decide(team.pilot, kind="route", value="2B", title="Route", decided_by="working_group")
    # The 2A decision is not superseded, but the newest standing decision says 2B.
    assert check(team.pilot, "route:chosen") == "done"


def test_missing_checks_say_what_is_missing(team, app):
    with app.test_request_context():
        result = evaluate(parse_check("role_filled:coordinator_backup"), team.pilot)
        assert result.render("nl")  # a message, in the request's language
        assert "Back-up coördinator" in result.render()
