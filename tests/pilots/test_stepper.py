"""The stepper: a working group walks the sub-steps, the app records who did what and when."""

from __future__ import annotations

import re

from sqlalchemy import select

from partnerships.audit import AuditEvent
from partnerships.extensions import db
from partnerships.pilots.models import Pilot, StepState

HX = {"HX-Request": "true"}


def status_url(pilot, code):
    return f"/pilots/{pilot.id}/steps/{code}/status"


def state_of(pilot, code):
    db.session.expire_all()
    return db.session.scalar(
        select(StepState).where(StepState.pilot_id == pilot.id, StepState.code == code)
    )


def test_a_new_pilot_keeps_the_workflow_key_and_version_it_started_with(make, login_as, app):
    org = make.org()
    user = make.user(org)
    client = login_as(user)
    response = client.post(
        "/pilots/new",
        data={
            "title": "Proeftuin groen",
            "purchasing_category": "green_spaces",
            "start_date": "2026-02-01",
            "goal_jobs": "3",
        },
    )
    assert response.status_code == 303
    pilot = db.session.scalar(select(Pilot).where(Pilot.title == "Proeftuin groen"))
    newest = app.extensions["workflows"].newest("partnerships-voor-meer-banen")
    assert (pilot.workflow_key, pilot.workflow_version) == (newest.key, newest.version)


def test_a_sub_step_page_shows_outcome_guidance_duties_and_checks(team, login_as):
    client = login_as(team.coordinator)
    page = client.get(f"/pilots/{team.pilot.id}/steps/1a").get_data(as_text=True)
    assert "Involve the board in the initiative" in page
    assert "in-principle decision to explore" in page  # the outcome
    assert "<h2>Tips</h2>" in page  # guidance rendered from Markdown
    assert "Source: handreiking <em>Partnerships voor meer banen</em>, p. 9." in page
    # Who does what: the duty of the board, with the person holding that role.
    assert "Takes the in-principle decision" in page and "Karin Bestuur" in page
    assert "Decision recorded: in-principle decision" in page and "missing" in page


def test_a_sub_step_reads_in_dutch_by_default(team, login_as):
    team.coordinator.locale = None
    client = login_as(team.coordinator)
    page = client.get(f"/pilots/{team.pilot.id}/steps/1a").get_data(as_text=True)
    assert "Betrek het bestuur bij het initiatief" in page
    assert "Wat je doet" in page
    assert "Wie doet wat in deze stap" in page


def test_notes_about_the_extraction_stay_out_of_the_sub_step_page(team, login_as):
    # 2Ba's duties come partly from cells placed by position in the annex: that is a note
    # for the method's editors (workflow.toml), not something a busy civil servant acts on.
    client = login_as(team.coordinator)
    page = client.get(f"/pilots/{team.pilot.id}/steps/2Ba").get_data(as_text=True)
    assert "Lists promising contracts" in page
    assert "uncertain" not in page and "source: Bijlage II" not in page
    assert "column assigned by position" not in page


def test_a_sub_step_cites_its_source_once(team, login_as):
    # The guidance ends with the pages of the handreiking it follows; a second line under it
    # with only the first page said the same thing again.
    team.coordinator.locale = None
    page = (
        login_as(team.coordinator).get(f"/pilots/{team.pilot.id}/steps/1d").get_data(as_text=True)
    )
    assert page.count("Partnerships voor meer banen") == page.count("Bron: handreiking") + 1
    assert "Bron: handreiking <em>Partnerships voor meer banen</em>, p. 11-13." in page


def test_marking_done_with_unmet_checks_warns_by_name_but_saves(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        status_url(team.pilot, "1b"), data={"status": "done", "version": "0"}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "these checks do not hold yet" in page
    # 1b needs a backup and a procurement expert, and the kickoff meeting; the coordinator is there.
    assert "Role filled: Backup coordinator" in page
    assert "Role filled: Procurement expert" in page
    assert "Role filled: Project coordinator;" not in page
    assert state_of(team.pilot, "1b").status == "done"


def test_marking_done_with_checks_met_gives_no_warning(team, login_as):
    team.pilot.goals_text = "Zes banen in schoonmaak."
    team.pilot.target_group_text = "Mensen uit het doelgroepregister."
    client = login_as(team.coordinator)
    page = client.post(
        status_url(team.pilot, "1c"), data={"status": "done", "version": "0"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Status saved." in page and "do not hold yet" not in page


def test_skipping_without_a_reason_is_refused_and_nothing_is_saved(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        status_url(team.pilot, "1e"), data={"status": "skipped", "reason": "   ", "version": "0"}
    )
    assert response.status_code == 422
    assert "Give a reason when you skip a sub-step." in response.get_data(as_text=True)
    assert state_of(team.pilot, "1e") is None


def test_skipping_with_a_reason_is_recorded_with_who_and_when(team, login_as):
    client = login_as(team.member)
    response = client.post(
        status_url(team.pilot, "1e"),
        data={"status": "skipped", "reason": "Bestuur is al betrokken via 1a.", "version": "0"},
    )
    assert response.status_code == 303
    state = state_of(team.pilot, "1e")
    assert (state.status, state.reason, state.updated_by_id) == (
        "skipped",
        "Bestuur is al betrokken via 1a.",
        team.member.id,
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.event == "step.skipped"))
    assert (event.subject, event.actor_id) == ("1e", team.member.id)
    assert "Bestuur is al betrokken" in event.details
    page = client.get(f"/pilots/{team.pilot.id}/steps/1e").get_data(as_text=True)
    assert "set the status to Skipped" in page and "Henk HR" in page


def test_a_second_editor_on_a_stale_version_gets_409_and_the_first_save_survives(team, login_as):
    client = login_as(team.coordinator)
    first = client.post(
        status_url(team.pilot, "1d"),
        data={"status": "busy", "note": "Eerste versie van het actieplan.", "version": "0"},
    )
    assert first.status_code == 303
    # A colleague opened the page before that save, so their form still says version 0.
    second = client.post(
        status_url(team.pilot, "1d"),
        data={"status": "done", "note": "Mijn notitie.", "version": "0"},
    )
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "Someone else changed this in the meantime" in page
    assert "Mijn notitie." in page  # what they typed is still in the form
    state = state_of(team.pilot, "1d")
    assert (state.status, state.note, state.version) == (
        "busy",
        "Eerste versie van het actieplan.",
        1,
    )


def test_the_stale_answer_for_htmx_is_the_status_fragment(team, login_as):
    client = login_as(team.coordinator)
    client.post(status_url(team.pilot, "1d"), data={"status": "busy", "version": "0"})
    response = client.post(
        status_url(team.pilot, "1d"), headers=HX, data={"status": "done", "version": "0"}
    )
    assert response.status_code == 409
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith('<section id="substep-status"')
    assert 'name="version" type="hidden" value="1"' in body


def test_htmx_status_change_swaps_the_status_and_the_progress_bar(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        status_url(team.pilot, "1a"), headers=HX, data={"status": "done", "version": "0"}
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert 'id="substep-status"' in body
    [progress_tag] = re.findall(r'<section id="pilot-progress"[^>]*>', body)
    assert 'hx-swap-oob="true"' in progress_tag
    assert "1 of 20 sub-steps done" in body
    assert 'id="substep-history"' in body and "<html" not in body


def test_htmx_invalid_status_answers_422_with_the_form_fragment(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        status_url(team.pilot, "1a"), headers=HX, data={"status": "skipped", "version": "0"}
    )
    assert response.status_code == 422
    assert response.get_data(as_text=True).lstrip().startswith('<section id="substep-status"')


def test_an_unknown_sub_step_code_gets_a_friendly_404(team, login_as):
    client = login_as(team.coordinator)
    response = client.get(f"/pilots/{team.pilot.id}/steps/9z")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "has no sub-step &#34;9z&#34;" in page or 'has no sub-step "9z"' in page
    assert f"/pilots/{team.pilot.id}/steps/1a" in page  # a way back to a real sub-step
    assert (
        client.post(
            status_url(team.pilot, "9z"), data={"status": "done", "version": "0"}
        ).status_code
        == 404
    )


def test_a_sub_step_off_the_route_is_shown_but_its_status_cannot_change(team, login_as):
    team.pilot.route = "2A"
    client = login_as(team.coordinator)
    page = client.get(f"/pilots/{team.pilot.id}/steps/2Ba").get_data(as_text=True)
    assert "not on the route your pilot chose" in page
    assert 'name="status"' not in page
    response = client.post(status_url(team.pilot, "2Ba"), data={"status": "done", "version": "0"})
    assert response.status_code == 422
    assert state_of(team.pilot, "2Ba") is None


def test_a_note_alone_is_recorded_in_the_history(team, login_as):
    client = login_as(team.coordinator)
    client.post(status_url(team.pilot, "1a"), data={"status": "busy", "version": "0"})
    client.post(
        status_url(team.pilot, "1a"),
        data={"status": "busy", "version": "1", "note": "Notitie ligt bij de wethouder."},
    )
    events = db.session.scalars(
        select(AuditEvent.event).where(AuditEvent.subject == "1a").order_by(AuditEvent.id)
    ).all()
    assert events == ["step.busy", "step.note"]
    assert state_of(team.pilot, "1a").version == 2
