"""Closing step 1: the route (2A, 2B or both) is chosen with a reason and kept as a decision."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings.models import Decision
from partnerships.pilots import progress
from partnerships.workflows_registry import for_pilot
from tests.quality.forms import forms_in

HX = {"HX-Request": "true"}


def choose(client, pilot, route, reason="Schoonmaakcontract loopt nog twee jaar."):
    """Post the route form as the coordinator's browser would: filled in on the sub-step
    page that shows it (1d, the action plan). Someone who is not shown the form sends what
    it would hold by hand (the app must refuse it)."""
    values = {"route-route": route, "route-reason": reason}
    form = route_form(client, pilot)
    if form is None:
        db.session.refresh(pilot)
        data = {**values, "route-version": str(pilot.version)}
        return client.post(f"/pilots/{pilot.id}/route", data=data)
    return client.post(form.action, data=form.data(**values))


def route_form(client, pilot):
    """The route form on sub-step 1d, or None when the page does not show it to this user."""
    page = f"/pilots/{pilot.id}/steps/1d"
    response = client.get(page)
    forms = forms_in(response.text, page) if response.status_code == 200 else []
    return next((form for form in forms if form.has("route-route")), None)


def route_decisions(pilot):
    return db.session.scalars(
        select(Decision)
        .where(Decision.pilot_id == pilot.id, Decision.kind == "route")
        .order_by(Decision.id)
    ).all()


def test_choosing_the_route_records_a_decision_with_the_reason(team, login_as):
    client = login_as(team.coordinator)
    response = choose(client, team.pilot, "2B")
    assert response.status_code == 303
    db.session.expire_all()
    assert team.pilot.route == "2B"
    [decision] = route_decisions(team.pilot)
    assert (decision.value, decision.source, decision.decided_by, decision.status) == (
        "2B",
        "route_choice",
        "working_group",
        "taken",
    )
    assert decision.rationale == "Schoonmaakcontract loopt nog twee jaar."
    assert decision.created_by_id == team.coordinator.id


def test_changing_the_route_supersedes_the_earlier_decision(team, login_as):
    client = login_as(team.coordinator)
    choose(client, team.pilot, "2B")
    changed = choose(client, team.pilot, "both", reason="Er komt ook een aanbesteding aan.")
    assert changed.status_code == 303
    first, second = route_decisions(team.pilot)
    assert second.supersedes_id == first.id
    assert second.value == "both"
    db.session.expire_all()
    assert team.pilot.route == "both"


def test_the_route_needs_a_reason(team, login_as):
    client = login_as(team.coordinator)
    response = choose(client, team.pilot, "2A", reason="")
    assert response.status_code == 422
    assert "Give a reason for the route." in response.get_data(as_text=True)
    assert route_decisions(team.pilot) == []


def test_an_unknown_route_is_refused(team, login_as):
    client = login_as(team.coordinator)
    assert choose(client, team.pilot, "3X").status_code == 422
    assert route_decisions(team.pilot) == []


def test_a_route_choice_on_a_stale_pilot_gets_409_and_the_first_choice_stands(team, login_as):
    client = login_as(team.coordinator)
    stale_version = team.pilot.version
    choose(client, team.pilot, "2A")
    response = client.post(
        f"/pilots/{team.pilot.id}/route",
        data={
            "route-route": "2B",
            "route-reason": "Toch bestaand contract.",
            "route-version": str(stale_version),
        },
    )
    assert response.status_code == 409
    assert "Toch bestaand contract." in response.get_data(as_text=True)
    db.session.expire_all()
    assert team.pilot.route == "2A" and len(route_decisions(team.pilot)) == 1


def test_only_the_coordinator_side_chooses_the_route(team, login_as, make):
    backup = make.member(team.pilot, role="coordinator_backup")
    for user in (team.member, team.board, team.supplier):
        client = login_as(user)
        assert choose(client, team.pilot, "2A").status_code == 403
    assert route_decisions(team.pilot) == []
    assert choose(login_as(backup), team.pilot, "2A").status_code == 303


def test_the_route_choice_by_htmx_updates_the_progress_without_reload(team, login_as):
    client = login_as(team.coordinator)
    db.session.refresh(team.pilot)
    form = route_form(client, team.pilot)
    response = client.post(
        form.action,
        headers=HX,
        data=form.data(**{"route-route": "2A", "route-reason": "Nieuwe aanbesteding groen."}),
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="route-choice"')
    assert 'hx-swap-oob="true"' in body
    assert "0 of 18 sub-steps done" in body  # 5 + 4 + 3 + 2 + 4 on route 2A
    assert "not on your route" in body


def test_progress_counts_only_the_sub_steps_on_the_route(team):
    workflow = for_pilot(team.pilot)
    totals = {
        route: progress.compute(workflow, route, {}, "en").total
        for route in (None, "2A", "2B", "both")
    }
    # Step 1 has 5 sub-steps, 2A 4, 2B 2, 3 three, 4 two and 5 four.
    assert totals == {None: 20, "2A": 18, "2B": 16, "both": 20}
    picture = progress.compute(workflow, "2B", {"1a": "done", "1b": "skipped", "2Aa": "done"}, "en")
    assert picture.done == 2  # the 2Aa row is off the route and does not count
    assert [s.code for s in picture.steps if not s.applicable] == ["2A"]
    assert picture.current_step.code == "1" and picture.current_substep.code == "1c"


def test_the_pilot_page_greys_out_the_route_not_chosen_in_text_too(team, login_as):
    client = login_as(team.coordinator)
    before = client.get(f"/pilots/{team.pilot.id}").get_data(as_text=True)
    assert "not on your route" not in before and "No route chosen yet" in before
    choose(client, team.pilot, "2B")
    after = client.get(f"/pilots/{team.pilot.id}").get_data(as_text=True)
    assert after.count("not on your route") == 1 and 'class="step step-not_applicable"' in after
    choose(client, team.pilot, "both")
    both = client.get(f"/pilots/{team.pilot.id}").get_data(as_text=True)
    assert "not on your route" not in both


def test_marking_the_last_sub_step_of_step_1_done_asks_for_the_route(team, login_as):
    client = login_as(team.coordinator)
    page = client.post(
        f"/pilots/{team.pilot.id}/steps/1e/status",
        follow_redirects=True,
        data={"status": "done", "version": "0"},
    ).get_data(as_text=True)
    assert "Step 1 is complete. Choose the route now." in page
    assert 'id="route-choice"' in page


def test_the_route_is_asked_for_only_when_step_1_is_finished_and_none_is_chosen(team):
    from partnerships.pilots.models import StepStatus
    from partnerships.pilots.stepper import asks_for_route

    pilot, workflow = team.pilot, for_pilot(team.pilot)
    # Step 1 runs 1a to 1e; the route follows its last sub-step (DOMAIN.md, step 1).
    assert asks_for_route(pilot, workflow, "1e", StepStatus.DONE) is True
    assert asks_for_route(pilot, workflow, "1d", StepStatus.DONE) is False
    assert asks_for_route(pilot, workflow, "1e", StepStatus.BUSY) is False
    pilot.route = "2A"
    assert asks_for_route(pilot, workflow, "1e", StepStatus.DONE) is False
