"""Names chosen by users reach error messages as text, never as markup (issue 13, finding 6).

A supplier contact chooses its own display name; CSP stops an injected script, but not
injected htmx (hx-post with hx-trigger="load" would post with the page's CSRF header) nor
an injected form or button.
"""

from __future__ import annotations

from tests.quality.hostile import dangerous_markup

NAME = '<button hx-post="/logout" hx-trigger="load" class="injected">Jan</button>'


def test_a_name_in_the_role_already_held_message_is_escaped(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    colleague = make.member(pilot, make.user(pilot.organisation, name=NAME), role="hr_expert")
    response = login_as(coordinator).post(
        f"/pilots/{pilot.id}/working-group/add",
        data={"add-user_id": colleague.id, "add-role": "hr_expert"},
    )
    assert response.status_code == 422
    assert "&lt;button hx-post=" in response.text
    assert dangerous_markup(response.text) == []


def test_a_name_in_the_already_in_the_plan_message_is_escaped(make, login_as):
    pilot = make.pilot()
    coordinator = pilot.memberships[0].user
    client = login_as(coordinator)
    url = f"/pilots/{pilot.id}/action-plan/organisations"
    assert client.post(url, data={"name": NAME}).status_code in (200, 303)
    again = client.post(url, data={"name": NAME})
    assert again.status_code == 422
    assert "&lt;button hx-post=" in again.text
    assert dangerous_markup(again.text) == []
