"""The overview lists the user's pilots with their current step and progress."""

from __future__ import annotations

import re

from partnerships.extensions import db
from partnerships.pilots.models import StepState
from tests.statements import sql_statements


def pilots_for(make, user, count):
    pilots = []
    for n in range(count):
        pilot = make.pilot(org=user.organisation, coordinator=user, title=f"Pilot {n}")
        db.session.add(StepState(pilot_id=pilot.id, code="1a", status="done"))
        pilots.append(pilot)
    db.session.flush()
    return pilots


def test_the_overview_shows_the_current_step_and_progress(make, login_as):
    user = make.user(locale="en")
    [pilot] = pilots_for(make, user, 1)
    db.session.add(StepState(pilot_id=pilot.id, code="1b", status="skipped", reason="al geregeld"))
    page = login_as(user).get("/pilots").get_data(as_text=True)
    assert "Now at step 1: Make an action plan and build support" in page
    assert "2 of 20 sub-steps done" in page
    assert '<progress max="20" value="2"' in page


def test_the_overview_filters_by_status(make, login_as):
    user = make.user(locale="en")
    active, completed, stopped = pilots_for(make, user, 3)
    completed.status, stopped.status = "completed", "stopped"
    client = login_as(user)
    titles = lambda html: sorted(re.findall(r">(Pilot \d)</a>", html))  # noqa: E731
    assert titles(client.get("/pilots").get_data(as_text=True)) == ["Pilot 0", "Pilot 1", "Pilot 2"]
    assert titles(client.get("/pilots?status=active").get_data(as_text=True)) == ["Pilot 0"]
    assert titles(client.get("/pilots?status=completed").get_data(as_text=True)) == ["Pilot 1"]
    assert titles(client.get("/pilots?status=stopped").get_data(as_text=True)) == ["Pilot 2"]
    # Nonsense in the query string shows everything rather than failing.
    assert len(titles(client.get("/pilots?status=nonsense").get_data(as_text=True))) == 3


def test_the_overview_does_not_list_pilots_of_others(make, login_as):
    user = make.user(locale="en")
    make.pilot(title="Pilot van een ander")
    page = login_as(user).get("/pilots").get_data(as_text=True)
    assert "Pilot van een ander" not in page


def test_the_number_of_queries_does_not_grow_with_the_number_of_pilots(make, login_as):
    user = make.user(locale="en")
    client = login_as(user)
    pilots_for(make, user, 2)
    db.session.commit()
    client.get("/pilots")  # warm up: first-request work is not what we measure
    with sql_statements() as few:
        assert client.get("/pilots").status_code == 200
    pilots_for(make, user, 8)
    db.session.commit()
    client.get("/pilots")
    with sql_statements() as many:
        page = client.get("/pilots").get_data(as_text=True)
    assert page.count("<progress") == 10
    assert len(many) == len(few)


def test_a_long_overview_is_paged_and_keeps_the_status_filter(make, login_as):
    user = make.user(locale="en")
    pilots = pilots_for(make, user, 27)
    for pilot in pilots[:26]:
        pilot.status = "completed"
    db.session.commit()
    client = login_as(user)
    first = client.get("/pilots?status=completed").get_data(as_text=True)
    assert first.count("<progress") == 25
    assert "Pilots 1 to 25 of 26." in first and "Page 1 of 2" in first
    assert "status=completed" in first and "page=2" in first
    second = client.get("/pilots?status=completed&page=2").get_data(as_text=True)
    assert second.count("<progress") == 1
    assert "Previous page" in second and "Next page" not in second
    # Nonsense or a page past the end shows a real page rather than failing.
    for page in ("x", "0", "-3", "99", "9" * 30):
        response = client.get(f"/pilots?page={page}")
        assert response.status_code == 200
        assert response.get_data(as_text=True).count("<progress") in (25, 2)
