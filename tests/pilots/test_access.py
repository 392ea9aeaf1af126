"""Who may see and change what on the stepper: the working group works, others read."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from partnerships.extensions import db
from partnerships.pilots.models import StepState

READ_URLS = ["/pilots/{id}", "/pilots/{id}/steps/1a"]


def post_status(client, pilot, code="1a"):
    return client.post(
        f"/pilots/{pilot.id}/steps/{code}/status", data={"status": "done", "version": "0"}
    )


def states():
    return db.session.scalar(select(func.count()).select_from(StepState))


@pytest.mark.parametrize("who", ["board", "supplier"])
def test_board_and_supplier_read_the_steps_but_cannot_change_a_status(team, login_as, who):
    client = login_as(getattr(team, who))
    for url in READ_URLS:
        assert client.get(url.format(id=team.pilot.id)).status_code == 200
    page = client.get(f"/pilots/{team.pilot.id}/steps/1a").get_data(as_text=True)
    assert 'name="status"' not in page
    assert post_status(client, team.pilot).status_code == 403
    assert states() == 0


def test_a_working_group_member_may_change_a_status(team, login_as):
    assert post_status(login_as(team.member), team.pilot).status_code == 303
    assert states() == 1


def test_another_organisations_user_gets_403_everywhere(team, make, login_as):
    stranger = make.user(make.org(), locale="en")
    client = login_as(stranger)
    for url in [*READ_URLS, "/pilots/{id}/settings"]:
        assert client.get(url.format(id=team.pilot.id)).status_code == 403
    assert post_status(client, team.pilot).status_code == 403
    assert (
        client.post(
            f"/pilots/{team.pilot.id}/route",
            data={"route-route": "2A", "route-reason": "x", "route-version": "1"},
        ).status_code
        == 403
    )
    assert states() == 0


def test_suppliers_do_not_see_notes_reasons_history_or_names(team, login_as):
    login_as(team.coordinator).post(
        f"/pilots/{team.pilot.id}/steps/1e/status",
        data={
            "status": "skipped",
            "reason": "Interne afweging over het bestuur.",
            "note": "Vertrouwelijke notitie.",
            "version": "0",
        },
    )
    client = login_as(team.supplier)
    page = client.get(f"/pilots/{team.pilot.id}/steps/1e").get_data(as_text=True)
    assert "Skipped" in page  # progress is shared
    assert "Interne afweging" not in page and "Vertrouwelijke notitie" not in page
    assert "Sanne Coördinator" not in page and "History" not in page
    assert "Checklist" not in page
    board_page = (
        login_as(team.board).get(f"/pilots/{team.pilot.id}/steps/1e").get_data(as_text=True)
    )
    assert "Vertrouwelijke notitie" in board_page  # the board reads the internal story


def test_suppliers_do_not_see_the_goals_panel_or_internal_tabs(team, login_as):
    team.pilot.goals_text = "Intern doel"
    page = login_as(team.supplier).get(f"/pilots/{team.pilot.id}").get_data(as_text=True)
    assert "Intern doel" not in page


def test_only_the_coordinator_edits_the_settings(team, login_as):
    for user in (team.member, team.board, team.supplier):
        assert login_as(user).get(f"/pilots/{team.pilot.id}/settings").status_code == 403
    assert login_as(team.coordinator).get(f"/pilots/{team.pilot.id}/settings").status_code == 200
