"""Fewer, clearer places, and one view per kind of person."""

from __future__ import annotations

import re

from partnerships.extensions import db
from tests.pilots.page_items import parse


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _places(html):
    """(label, address) of the pilot's top-level navigation."""
    nav = re.search(r'<nav aria-label="Pilot sections" class="tabs">(.*?)</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav.group(1))


def test_the_pilot_has_at_most_six_places_each_named_once(team, login_as):
    client = login_as(team.coordinator)
    places = _places(_html(client, f"/pilots/{team.pilot.id}"))
    labels = [label for _, label in places]
    assert labels == ["Steps", "Team", "Actions", "Meetings", "Jobs", "Results"]
    assert len({url for url, _ in places}) == len(places)


def test_no_two_places_open_the_same_pages(team, login_as):
    client = login_as(team.coordinator)
    seen = {}
    for url, label in _places(_html(client, f"/pilots/{team.pilot.id}")):
        html = _html(client, url)
        sub = re.search(r'class="tabs subnav">(.*?)</nav>', html, re.S)
        pages = tuple(re.findall(r'<a href="([^"]+)"', sub.group(1))) if sub else (url,)
        for page in pages:
            assert page not in seen, f"{page} is under both {seen[page]} and {label}"
            seen[page] = label


def test_a_page_keeps_its_place_marked(team, login_as):
    client = login_as(team.coordinator)
    html = _html(client, f"/pilots/{team.pilot.id}/decisions")
    current = re.search(r'<a href="([^"]+)" aria-current="true">([^<]+)</a>', html)
    assert current.group(2) == "Meetings"


def test_the_action_plan_is_reachable_from_1d(team, login_as):
    client = login_as(team.coordinator)
    html = _html(client, f"/pilots/{team.pilot.id}/steps/1d")
    assert f'href="/pilots/{team.pilot.id}/action-plan"' in html
    assert _html(client, f"/pilots/{team.pilot.id}/action-plan")


def test_the_route_is_chosen_after_1d_and_elsewhere_only_shown(team, login_as):
    client = login_as(team.coordinator)
    pilot = team.pilot
    for code in ("1a", "1b", "1c", "1e"):
        assert 'id="route-choice"' not in _html(client, f"/pilots/{pilot.id}/steps/{code}")
    assert 'id="route-choice"' not in _html(client, f"/pilots/{pilot.id}")
    html = _html(client, f"/pilots/{pilot.id}/steps/1d")
    assert 'id="route-choice"' in html
    from partnerships.pilots import stepper
    from partnerships.workflows_registry import for_pilot

    stepper.choose_route(
        pilot,
        team.coordinator,
        for_pilot(pilot),
        route="2B",
        reason="Schoonmaakcontract loopt nog drie jaar.",
        version=pilot.version,
    )
    db.session.commit()
    show = parse(_html(client, f"/pilots/{pilot.id}"))
    choice = show.section("route-choice")
    assert "Existing contract (2B)" in choice.text
    assert [(text, href) for text, href, _ in choice.links] == [
        ("change the route", f"/pilots/{pilot.id}/steps/1d#route-choice")
    ]
    assert "<form" not in _html(client, f"/pilots/{pilot.id}").split('id="route-choice"')[1][:2000]


def test_suppliers_and_the_board_get_no_stepper_controls(team, login_as):
    pilot = team.pilot
    for person in (team.supplier, team.board):
        client = login_as(person)
        html = _html(client, f"/pilots/{pilot.id}")
        assert "Continue with" not in html
        assert "For you in this pilot" in html
        sub = _html(client, f"/pilots/{pilot.id}/steps/1a")
        assert "Save status" not in sub
        # Every place offered opens.
        for url, _label in _places(html):
            assert client.get(url, follow_redirects=True).status_code == 200, url
    supplier = parse(_html(login_as(team.supplier), f"/pilots/{pilot.id}"))
    links = [href for _, href, _ in supplier.section("outside-title").links]
    outside = supplier.section("main").links
    assert any("/supplier" in href for _, href, _ in outside)
    assert links == []  # the heading itself holds no links
    # The supplier is not offered the working group or the full division of roles (403).
    html = _html(login_as(team.supplier), f"/pilots/{pilot.id}/steps/2Ba")
    assert f"/pilots/{pilot.id}/raci" not in html
    assert f"/pilots/{pilot.id}/working-group" not in html


def test_the_working_group_keeps_its_continue_button(team, login_as):
    html = _html(login_as(team.member), f"/pilots/{team.pilot.id}")
    assert "Continue with 1a" in html
