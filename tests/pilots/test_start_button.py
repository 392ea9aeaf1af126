"""The "Proeftuin starten" button follows the route's rule: for every demo person, the
button is on the first page and the pilot list exactly when /pilots/new opens for them
(never a button that answers 403). The rule itself is access._may_start_pilot: buyer
people who run pilots (the organisation admin, a working-group member) may, board-only
members, supplier contacts and the site admin may not."""

from __future__ import annotations

import pytest

from partnerships import demo
from partnerships.extensions import db


@pytest.fixture
def demo_world(app):
    demo.seed()
    db.session.commit()


# By hand from demo.py and the rule: the working group (the procurement expert and the
# contract manager among them) may start a pilot; the board member, both supplier contacts
# and the site admin may not.
MAY_START = {
    "coordinator@voorbeeldstad.example": True,
    "inkoop@voorbeeldstad.example": True,
    "contract@voorbeeldstad.example": True,
    "bestuur@voorbeeldstad.example": False,
    "schoon@schoonco.example": False,
    "groen@groendichtbij.example": False,
    "admin@partnerships.example": False,
}


def test_the_start_button_shows_exactly_where_the_route_opens(app, demo_world):
    for email, may in MAY_START.items():
        client = app.test_client()
        response = client.post("/login", data={"email": email, "password": demo.PASSWORD})
        assert response.status_code in (302, 303), email
        route = client.get("/pilots/new").status_code
        assert (route == 200) is may, (email, route)
        for page in ("/for-you", "/pilots"):
            html = client.get(page, follow_redirects=True).get_data(as_text=True)
            assert ('href="/pilots/new"' in html) is may, (email, page)
