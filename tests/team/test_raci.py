"""The RACI matrix: duties per step and role, gaps in the current step, adapted texts."""

from __future__ import annotations

import re

from sqlalchemy import select

from partnerships.audit import AuditEvent
from partnerships.extensions import db
from partnerships.team.models import DutyOverride


def test_matrix_shows_duties_names_and_highlights_empty_roles_of_the_current_step(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    make.member(pilot, make.user(pilot.organisation, name="Petra Jansen"), role="hr_expert")
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/raci")
    assert page.status_code == 200
    # The workflow's default for the HR expert in step 1, with the person holding it.
    assert "Petra Jansen" in page.text
    assert "inclusiedoelen" in page.text  # Dutch default text of hr_expert in step 1
    gaps = re.findall(r'id="cell-1-(\w+)" class="gap"', page.text)
    # Step 1 is current: every assignable role with a duty but nobody in it is a gap.
    assert "procurement_expert" in gaps and "coordinator_backup" in gaps
    assert "hr_expert" not in gaps and "coordinator" not in gaps
    assert "working_group" not in gaps
    # Gaps are named in words, not only by colour.
    assert "raci-gaps" in page.text
    assert not re.findall(r'id="cell-2A-\w+" class="gap"', page.text)


def test_coordinator_adapts_a_duty_and_the_default_stays_visible(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    client = login_as(coordinator)
    form = client.get(f"/pilots/{pilot.id}/raci/1/hr_expert")
    assert form.status_code == 200
    response = client.post(
        f"/pilots/{pilot.id}/raci/1/hr_expert",
        data={"text": "Onze HR-adviseur regelt de doelgroep.", "version": "0"},
    )
    assert response.status_code == 303
    page = client.get(f"/pilots/{pilot.id}/raci")
    assert "Onze HR-adviseur regelt de doelgroep." in page.text
    assert "inclusiedoelen" in page.text  # the method's text is still shown
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.event == "duty.changed"))
    assert event is not None and "Onze HR-adviseur" in event.details


def test_a_stale_duty_edit_is_refused(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    client = login_as(coordinator)
    client.post(f"/pilots/{pilot.id}/raci/1/hr_expert", data={"text": "Eerste", "version": "0"})
    client.post(f"/pilots/{pilot.id}/raci/1/hr_expert", data={"text": "Tweede", "version": "1"})
    stale = client.post(
        f"/pilots/{pilot.id}/raci/1/hr_expert", data={"text": "Derde", "version": "1"}
    )
    assert stale.status_code == 409
    row = db.session.scalar(select(DutyOverride))
    db.session.refresh(row)
    assert row.text == "Tweede"


def test_unknown_step_or_role_in_the_duty_address_is_not_found(make, login_as):
    pilot = make.pilot()
    client = login_as(pilot.memberships[0].user)
    assert client.get(f"/pilots/{pilot.id}/raci/9/hr_expert").status_code == 404
    assert client.post(f"/pilots/{pilot.id}/raci/1/king", data={"text": "x"}).status_code == 404


def test_only_coordinators_adapt_duties(make, login_as):
    pilot = make.pilot()
    member = make.member(pilot, role="hr_expert")
    board = make.member(pilot, role="board")
    for user in (member, board):
        client = login_as(user)
        assert client.get(f"/pilots/{pilot.id}/raci").status_code == 200
        response = client.post(
            f"/pilots/{pilot.id}/raci/1/hr_expert", data={"text": "x", "version": "0"}
        )
        assert response.status_code == 403
    assert db.session.scalar(select(DutyOverride)) is None


def test_coordinator_warning_partial_renders_for_the_stepper(make, app):
    from flask import render_template

    pilot = make.pilot()
    with app.test_request_context("/"):
        html = render_template("team/_coordinator_warning.html", pilot=pilot)
    assert "coordinator-warning" in html
    make.member(pilot, role="coordinator_backup")
    with app.test_request_context("/"):
        assert render_template("team/_coordinator_warning.html", pilot=pilot).strip() == ""


def test_the_division_of_roles_keeps_the_extraction_notes_out_of_the_page(make, login_as):
    # Some duties of Bijlage II were placed in a column by their position in the source: a
    # note for whoever maintains the method, not for the coordinator or the board.
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    client = login_as(coordinator)
    matrix = client.get(f"/pilots/{pilot.id}/raci").text
    duty = client.get(f"/pilots/{pilot.id}/raci/2B/hr_expert").text
    for page in (matrix, duty):
        assert "onzeker" not in page and "uncertain" not in page
        assert "kolom toegekend" not in page and "column assigned" not in page
    # The source stays, where it helps to look it up.
    assert "Bijlage II" in matrix
