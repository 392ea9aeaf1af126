"""Findings of the security review for pilots: impossible numbers and dates get a message."""

from __future__ import annotations


def _start(visitor, **fields):
    """Start a pilot through the page's form, as rendered."""
    data = {
        "title": "Proeftuin",
        "purchasing_category": "cleaning",
        "start_date": "2026-01-01",
        "goal_jobs": "3",
    }
    return visitor.submit("/pilots/new", **(data | fields))


def test_a_goal_that_is_not_a_number_is_refused_with_a_message(make, web):
    visitor = web(make.user(make.org()))
    for value in ("sNaN", "NaN", "Infinity"):
        response = _start(visitor, goal_jobs=value)
        assert response.status_int == 422, value


def test_a_start_date_in_year_one_or_9999_is_refused(make, web):
    visitor = web(make.user(make.org()))
    for value in ("0001-01-01", "1999-12-31", "2101-01-01", "9999-12-31"):
        response = _start(visitor, start_date=value)
        assert response.status_int == 422, value
        assert "2000 en 2100" in response.text
    assert _start(visitor).status_int == 303


def test_a_pilot_id_too_large_for_the_database_is_not_found(make, login_as):
    client = login_as(make.user(make.org()))
    assert client.get("/pilots/99999999999999999999").status_code == 404
