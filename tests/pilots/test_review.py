"""Findings of the security review for pilots: impossible numbers and dates get a message."""

from __future__ import annotations


def _start(client, **fields):
    data = {
        "title": "Proeftuin",
        "purchasing_category": "cleaning",
        "start_date": "2026-01-01",
        "goal_jobs": "3",
    }
    return client.post("/pilots/new", data=data | fields)


def test_a_goal_that_is_not_a_number_is_refused_with_a_message(make, login_as):
    client = login_as(make.user(make.org()))
    for value in ("sNaN", "NaN", "Infinity"):
        response = _start(client, goal_jobs=value)
        assert response.status_code == 422, value


def test_a_start_date_in_year_one_or_9999_is_refused(make, login_as):
    client = login_as(make.user(make.org()))
    for value in ("0001-01-01", "9999-12-31"):
        response = _start(client, start_date=value)
        assert response.status_code == 422
        assert "2000 en 2100" in response.get_data(as_text=True)
    assert _start(client).status_code == 303


def test_a_pilot_id_too_large_for_the_database_is_not_found(make, login_as):
    client = login_as(make.user(make.org()))
    assert client.get("/pilots/99999999999999999999").status_code == 404
