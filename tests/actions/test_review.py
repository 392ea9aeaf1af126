"""Findings of the security review for actions: one supplier never learns who another
supplier's contacts are, and impossible input gets a message instead of an error page."""

from __future__ import annotations

from partnerships.actions.services import create_action
from partnerships.extensions import db
from tests.supplier_actions import supplier_action


def test_a_supplier_does_not_see_another_suppliers_contacts(crew, login_as):
    supplier_action(crew.pilot, crew.coordinator, "Werkplekken inventariseren")
    db.session.commit()
    html = login_as(crew.contact).get(f"/pilots/{crew.pilot.id}/actions").get_data(as_text=True)
    assert "Werkplekken inventariseren" in html
    assert "Ruud Leverancier" in html  # their own name, as a holder of the role
    assert "Esther Groen" not in html  # not in the person filter, not as a holder
    assert "Hanna HR" in html  # the buyer's people are their contacts
    html = login_as(crew.coordinator).get(f"/pilots/{crew.pilot.id}/actions")
    assert "Esther Groen" in html.get_data(as_text=True)


def test_an_assignee_id_too_large_for_the_database_is_refused_with_a_message(crew, login_as):
    client = login_as(crew.coordinator)
    data = {"title": "Bellen", "role": "hr_expert", "is_internal": "y", "version": "0"}
    response = client.post(
        f"/pilots/{crew.pilot.id}/actions", data=data | {"assignee_id": "99999999999999999999"}
    )
    assert response.status_code == 422
    action = create_action(crew.pilot, crew.coordinator, title="Bellen", role="hr_expert")
    db.session.commit()
    response = client.post(
        f"/pilots/{crew.pilot.id}/actions/{action.id}/edit",
        data=data | {"version": "1", "assignee_id": "-99999999999999999999"},
    )
    assert response.status_code == 422


def test_a_deadline_in_year_one_or_9999_is_refused(crew, login_as):
    client = login_as(crew.coordinator)
    for deadline in ("0001-01-01", "9999-12-31"):
        response = client.post(
            f"/pilots/{crew.pilot.id}/actions",
            data={"title": "Ooit", "role": "hr_expert", "deadline": deadline, "is_internal": "y"},
        )
        assert response.status_code == 422
        assert "2000 en 2100" in response.get_data(as_text=True)
