"""Checks that measure the guide's outcome: each one holds only when that sub-step's
outcome exists, and another sub-step's data does not satisfy it."""

from __future__ import annotations

from datetime import date

from partnerships.extensions import db
from partnerships.meetings.services import record_decision
from partnerships.workflow.checks import evaluate
from partnerships.workflows_registry import for_pilot
from tests.quality.forms import form_with, forms_in


def sub_step(pilot, code) -> str:
    """ "done" when every check of the sub-step holds, else "missing"."""
    workflow = for_pilot(pilot)
    statuses = {evaluate(check, pilot).status for check in workflow.substep(code).checks}
    return "done" if statuses == {"done"} else "missing"


def decide(team, kind, value=None, step=None):
    record_decision(
        team.pilot,
        team.coordinator,
        kind=kind,
        title=f"Besluit {kind}",
        decided_by="working_group",
        decided_on=date(2026, 3, 1),
        value=value,
        step_code=step,
    )
    db.session.flush()


def test_2ab_needs_the_strategy_and_2ad_how_sr_is_asked(team):
    decide(team, "other", step="2Ab")
    assert sub_step(team.pilot, "2Ab") == "missing"  # "any other decision" no longer counts
    assert sub_step(team.pilot, "2Ad") == "missing"
    decide(team, "procurement_strategy", value="social_return", step="2Ab")
    assert sub_step(team.pilot, "2Ab") == "done"
    assert sub_step(team.pilot, "2Ad") == "missing"  # 2Ab's decision does not answer 2Ad
    decide(team, "sr_requirement", value="award_criterion", step="2Ad")
    assert sub_step(team.pilot, "2Ad") == "done"


def test_2ac_needs_a_market_consultation_record_not_two_roles(team, make):
    make.member(team.pilot, role="procurement_expert")
    assert sub_step(team.pilot, "2Ac") == "missing"  # the HR expert is already there
    decide(team, "procurement_strategy", value="lots")
    assert sub_step(team.pilot, "2Ac") == "missing"
    decide(team, "market_consultation", step="2Ac")
    assert sub_step(team.pilot, "2Ac") == "done"


def test_5d_holds_when_results_are_shared_not_when_evaluated(team):
    from partnerships.reports import sharing
    from partnerships.reports.evaluation import create_evaluation
    from partnerships.reports.models import EvaluationStatus

    evaluation = create_evaluation(team.pilot, team.coordinator, title="Eerste jaar")
    evaluation.status = EvaluationStatus.DONE
    db.session.flush()
    assert sub_step(team.pilot, "4b") == "done"
    assert sub_step(team.pilot, "5d") == "missing"  # an evaluation is 4b's outcome, not 5d's
    sharing.switch_on(team.pilot, team.coordinator)
    assert sub_step(team.pilot, "5d") == "done"
    sharing.revoke(team.pilot, team.coordinator)
    db.session.flush()
    assert sub_step(team.pilot, "5d") == "missing"
    decide(team, "results_shared", step="5d")
    assert sub_step(team.pilot, "5d") == "done"


def test_brainstorms_count_for_the_step_they_are_held_for(team):
    from partnerships.brainstorms import services

    session = services.start_brainstorm(
        team.pilot, team.coordinator, title="Schoonmaakcontract", step_code="2Ba"
    )
    place = services.place_keys(team.pilot)[0]
    services.add_card(session, team.coordinator, place=place, text="Natuurlijk verloop")
    services.close(session, team.coordinator)
    db.session.flush()
    held = [
        evaluate(c, team.pilot).status
        for c in for_pilot(team.pilot).substep("2Ba").checks
        if c.name == "brainstorm:held"
    ]
    tender = [
        evaluate(c, team.pilot).status
        for c in for_pilot(team.pilot).substep("2Aa").checks
        if c.name == "brainstorm:held"
    ]
    assert held == ["done"] and tender == ["missing"]


def test_1e_needs_an_ambassador_and_1a_s_decision_is_not_it(team):
    decide(team, "principebesluit", step="1a")
    assert sub_step(team.pilot, "1a") == "done"
    ambassador = next(
        c for c in for_pilot(team.pilot).substep("1e").checks if c.name == "ambassador:named"
    )
    assert evaluate(ambassador, team.pilot).status == "missing"
    team.pilot.ambassador = "Wethouder Karin Mulder"
    assert evaluate(ambassador, team.pilot).status == "done"


def _decision_form(client, pilot, query=""):
    url = f"/pilots/{pilot.id}/decisions{query}"
    html = client.get(url).get_data(as_text=True)
    return form_with(forms_in(html, url), "kind", "title", "value")


def test_3b_accepts_a_recorded_decision_that_no_budget_is_needed(team, login_as):
    from partnerships.meetings.models import Decision

    client = login_as(team.coordinator)
    budget = next(c for c in for_pilot(team.pilot).substep("3b").checks if c.name == "decision")
    assert evaluate(budget, team.pilot).status == "missing"
    form = _decision_form(client, team.pilot, "?kind=budget&step=3b")
    response = client.post(
        form.action,
        data=form.data(
            title="Geen extra budget nodig", decided_on="2026-04-01", value="not_needed"
        ),
    )
    assert response.status_code in (302, 303)
    stored = db.session.query(Decision).one()
    assert (stored.kind, stored.value, stored.step_code) == ("budget", "not_needed", "3b")
    assert evaluate(budget, team.pilot).status == "done"
    page = client.get(f"/pilots/{team.pilot.id}/decisions").get_data(as_text=True)
    assert "No extra budget needed" in page and ": not_needed" not in page


def test_a_strategy_decision_must_say_which_strategy(team, login_as):
    from partnerships.meetings.models import Decision

    client = login_as(team.coordinator)
    form = _decision_form(client, team.pilot, "?kind=procurement_strategy&step=2Ab")
    response = client.post(form.action, data=form.data(title="Strategie", decided_on="2026-04-01"))
    assert response.status_code == 422
    assert "Choose what was decided." in response.get_data(as_text=True)
    # A value of another kind of decision is refused too.
    response = client.post(
        form.action,
        data=form.data(title="Strategie", decided_on="2026-04-01", value="not_needed"),
    )
    assert response.status_code == 422
    assert db.session.query(Decision).count() == 0


def test_a_passend_judgement_on_a_contract_needs_its_reason(team, login_as):
    from partnerships.contracts.models import Contract

    client = login_as(team.coordinator)
    url = f"/pilots/{team.pilot.id}/contracts/new"
    form = form_with(forms_in(client.get(url).get_data(as_text=True), url), "sr_fitting")
    base = form.data(title="Schoonmaak", sr_fitting="yes")
    response = client.post(form.action, data=base)
    assert response.status_code == 422
    assert "Give the reason for this judgement." in response.get_data(as_text=True)
    assert db.session.query(Contract).count() == 0
    base["sr_fitting_reason"] = "Loonsom boven EUR 250.000 en looptijd van drie jaar."
    response = client.post(form.action, data=base)
    assert response.status_code in (302, 303)
    contract = db.session.query(Contract).one()
    assert (contract.sr_fitting, contract.sr_fitting_reason) == (
        True,
        "Loonsom boven EUR 250.000 en looptijd van drie jaar.",
    )
