"""The coordinator keeps the pilot's goals, target group and monitoring frequency up to date."""

from __future__ import annotations

from partnerships.extensions import db


def settings_data(pilot, **overrides):
    data = {
        "title": pilot.title,
        "purchasing_category": "cleaning",
        "goal_jobs": "4",
        "goal_people": "",
        "goals_text": "Zes banen.",
        "target_group_text": "Doelgroepregister",
        "monitoring_frequency": "quarter",
        "status": "active",
        "version": str(pilot.version),
    }
    data.update(overrides)
    return data


def test_the_coordinator_records_goals_and_monitoring_frequency(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(f"/pilots/{team.pilot.id}/settings", data=settings_data(team.pilot))
    assert response.status_code == 303
    db.session.expire_all()
    assert (team.pilot.goals_text, team.pilot.monitoring_frequency) == ("Zes banen.", "quarter")
    assert team.pilot.version == 2
    page = client.get(f"/pilots/{team.pilot.id}/steps/1c").get_data(as_text=True)
    assert (
        "Goals and target group recorded" in page
        and "missing" not in page.split("Checklist")[1].split("</ul>")[0]
    )


def test_a_stale_settings_form_gets_409_and_keeps_the_input(team, login_as):
    client = login_as(team.coordinator)
    old = settings_data(team.pilot)
    client.post(
        f"/pilots/{team.pilot.id}/settings", data=settings_data(team.pilot, goals_text="Eerst.")
    )
    response = client.post(
        f"/pilots/{team.pilot.id}/settings", data={**old, "goals_text": "Daarna, maar verouderd."}
    )
    assert response.status_code == 409
    assert "Daarna, maar verouderd." in response.get_data(as_text=True)
    db.session.expire_all()
    assert team.pilot.goals_text == "Eerst."


def test_invalid_settings_answer_422_and_change_nothing(team, login_as):
    client = login_as(team.coordinator)
    response = client.post(
        f"/pilots/{team.pilot.id}/settings",
        data=settings_data(team.pilot, title="", goal_jobs="-1"),
    )
    assert response.status_code == 422
    db.session.expire_all()
    assert team.pilot.title == "Pilot schoonmaak" and team.pilot.version == 1


def test_a_stopped_pilot_moves_to_the_stopped_filter_of_the_overview(team, login_as):
    client = login_as(team.coordinator)
    client.post(
        f"/pilots/{team.pilot.id}/settings", data=settings_data(team.pilot, status="stopped")
    )
    assert "Pilot schoonmaak" not in client.get("/pilots?status=active").get_data(as_text=True)
    assert "Pilot schoonmaak" in client.get("/pilots?status=stopped").get_data(as_text=True)
