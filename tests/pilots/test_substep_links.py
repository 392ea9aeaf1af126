"""A sub-step page leads to the work: checklist first, each unmet check a link to the exact
place that satisfies it, filled in, and previous/next sub-steps on the route."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from partnerships.extensions import db
from partnerships.meetings.models import Decision
from tests.pilots.page_items import parse
from tests.quality.forms import form_with, forms_in


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:400]
    return response.get_data(as_text=True)


def _checks(client, pilot, code):
    """(check label, link or None) of the sub-step's checklist."""
    page = parse(_html(client, f"/pilots/{pilot.id}/steps/{code}"))
    return [(" ".join(e.text.split()), e.href) for e in page.section("substep-checks").entries]


def _selected(html, name):
    """The option chosen in a select, as the browser would show it."""
    select_html = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
    for option in re.findall(r"<option[^>]*>", select_html):
        if re.search(r"\sselected", option):
            return re.search(r'value="([^"]*)"', option).group(1)
    return None


def test_checklist_and_status_come_before_the_guidance(team, login_as):
    client = login_as(team.coordinator)
    html = _html(client, f"/pilots/{team.pilot.id}/steps/1a")
    checks, status = html.index('id="substep-checks"'), html.index('id="substep-status"')
    guidance, duties = html.index('class="guidance"'), html.index('id="step-duties"')
    assert checks < status < guidance < duties


def test_principebesluit_link_opens_the_decision_form_with_kind_and_step(team, login_as):
    client = login_as(team.coordinator)
    pilot = team.pilot
    [(label, href)] = _checks(client, pilot, "1a")
    assert href == (
        f"/pilots/{pilot.id}/decisions?kind=principebesluit&step=1a#new-decision-heading"
    )
    html = _html(client, href)
    assert _selected(html, "kind") == "principebesluit"
    assert _selected(html, "step_code") == "1a"
    assert _selected(html, "decided_by") == "board"
    form = form_with(forms_in(html, href.split("#")[0]), "kind", "title")
    data = form.data(title="Principebesluit proeftuin", decided_on="2026-02-01")
    response = client.post(form.action, data=data)
    assert response.status_code in (302, 303)
    decision = db.session.scalar(select(Decision).where(Decision.pilot_id == pilot.id))
    assert (decision.kind, decision.step_code, decision.decided_by) == (
        "principebesluit",
        "1a",
        "board",
    )
    [(after, link)] = _checks(client, pilot, "1a")
    assert "missing" in label and after.startswith("done") and link is None


def test_missing_role_opens_the_working_group_with_that_role_chosen(team, login_as):
    client = login_as(team.coordinator)
    links = dict(_checks(client, team.pilot, "1b"))
    href = next(h for label, h in links.items() if "Backup coordinator" in label)
    assert href == f"/pilots/{team.pilot.id}/working-group?role=coordinator_backup#add-heading"
    html = _html(client, href)
    assert _selected(html, "add-role") == "coordinator_backup"


def test_actions_check_opens_a_new_action_form_for_the_step(team, login_as):
    client = login_as(team.coordinator)
    links = dict(_checks(client, team.pilot, "1d"))
    href = next(h for label, h in links.items() if "actions" in label)
    assert href == f"/pilots/{team.pilot.id}/actions/new?step=1d"
    html = _html(client, href)
    assert _selected(html, "step_code") == "1d"


def test_meeting_check_opens_plan_meeting_with_the_template(team, login_as):
    client = login_as(team.coordinator)
    links = dict(_checks(client, team.pilot, "1b"))
    href = next(h for label, h in links.items() if "kick-off" in label)
    assert href == f"/pilots/{team.pilot.id}/meetings/new?kind=kickoff"
    assert client.get(href).status_code == 200


def test_links_a_person_cannot_use_are_not_shown(team, login_as):
    # The HR expert works in the pilot but does not manage its working group.
    client = login_as(team.member)
    links = dict(_checks(client, team.pilot, "1b"))
    role_links = [h for label, h in links.items() if "Role filled" in label]
    assert role_links and all(h is None for h in role_links)


def test_previous_and_next_follow_the_route(team, login_as):
    from partnerships.pilots import stepper
    from partnerships.workflows_registry import for_pilot

    client = login_as(team.coordinator)
    html = _html(client, f"/pilots/{team.pilot.id}/steps/1b")
    assert f'rel="prev" href="/pilots/{team.pilot.id}/steps/1a"' in html
    assert f'rel="next" href="/pilots/{team.pilot.id}/steps/1c"' in html
    workflow = for_pilot(team.pilot)
    team.pilot.route = "2B"
    assert stepper.neighbours(workflow, "2B", "1e") == ("1d", "2Ba")
    assert stepper.neighbours(workflow, "2B", "2Bb") == ("2Ba", "3a")
    assert stepper.neighbours(workflow, "2A", "1a") == (None, "1b")
    assert stepper.neighbours(workflow, "2A", "5d") == ("5c", None)
    # A sub-step off the route has no neighbours on it.
    assert stepper.neighbours(workflow, "2B", "2Aa") == (None, None)


def _decision_count():
    return db.session.scalar(select(func.count(Decision.id)))


def test_prefilled_forms_refuse_what_does_not_exist(team, login_as):
    client = login_as(team.coordinator)
    pilot = team.pilot
    bad = client.get(f"/pilots/{pilot.id}/decisions?kind=bribe&step=1a")
    assert bad.status_code == 400
    assert "bribe" in bad.get_data(as_text=True)
    assert client.get(f"/pilots/{pilot.id}/decisions?kind=budget&step=9z").status_code == 400
    assert client.get(f"/pilots/{pilot.id}/actions/new?step=9z").status_code == 400
    assert client.get(f"/pilots/{pilot.id}/working-group?role=emperor").status_code == 400
    assert _decision_count() == 0


def test_prefill_for_a_step_off_the_route_is_refused(team, login_as):
    client = login_as(team.coordinator)
    team.pilot.route = "2B"
    db.session.commit()
    response = client.get(f"/pilots/{team.pilot.id}/actions/new?step=2Ab")
    assert response.status_code == 400
    assert "not on the route" in response.get_data(as_text=True)
    assert client.get(f"/pilots/{team.pilot.id}/actions/new?step=2Ba").status_code == 200


def test_prefilled_decision_form_is_refused_to_who_may_not_record(team, login_as):
    client = login_as(team.supplier)
    response = client.get(f"/pilots/{team.pilot.id}/decisions?kind=principebesluit&step=1a")
    assert response.status_code in (403, 404)


def test_marking_done_with_unmet_checks_links_to_what_is_missing(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        f"/pilots/{team.pilot.id}/steps/1a/status",
        data={"status": "done", "version": "0"},
        headers={"HX-Request": "true"},
    )
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html
    assert f'href="/pilots/{team.pilot.id}/decisions?kind=principebesluit&amp;step=1a' in html
