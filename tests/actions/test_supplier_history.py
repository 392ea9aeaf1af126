"""A shared action that passed through another supplier: its history and comments never tell
one supplier who the other supplier's contacts are or what they wrote, while the buyer's
working group keeps the whole story."""

from __future__ import annotations

from partnerships.actions.services import (
    add_comment,
    change_status,
    release_assignments,
    update_action,
)
from partnerships.extensions import db
from tests.supplier_actions import supplier_action


def action_page(client, action):
    response = client.get(f"/pilots/{action.pilot_id}/actions/{action.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def handed_over_from_groen_to_schoon(crew):
    """Esther (Groen) worked on it, commented and set it to busy; then Ruud (Schoon) got it."""
    action = supplier_action(
        crew.pilot, crew.coordinator, "Werkplekken inventariseren", crew.other_contact
    )
    db.session.flush()
    add_comment(action, crew.other_contact, "Groen heeft drie plekken bij de gemeentewerf")
    change_status(action, crew.other_contact, "busy", action.version)
    add_comment(action, crew.coordinator, "Schoon & Co neemt dit over")
    update_action(action, crew.coordinator, action.version, assignee_id=crew.contact.id)
    db.session.commit()
    return action


def test_the_new_supplier_does_not_see_the_former_suppliers_contact(crew, login_as):
    action = handed_over_from_groen_to_schoon(crew)
    html = action_page(login_as(crew.contact), action)
    assert "Esther Groen" not in html
    assert "Groen heeft drie plekken" not in html  # her comment is Groen's, not Schoon's
    assert "Schoon &amp; Co neemt dit over" in html  # the coordinator's comment stays
    assert "Ruud Leverancier" in html  # their own name, as the assignee now
    assert crew.coordinator.name in html  # the buyer's people are known to them
    # The change itself stays in the history, without the name.
    assert html.count("iemand van een andere opdrachtnemer") == 2  # status by her, handover


def test_the_buyers_working_group_and_board_still_see_everyone(crew, login_as):
    action = handed_over_from_groen_to_schoon(crew)
    for reader in (crew.coordinator, crew.hr1, crew.board):
        html = action_page(login_as(reader), action)
        assert "Esther Groen" in html
        assert "Groen heeft drie plekken" in html
        assert "iemand van een andere opdrachtnemer" not in html


def test_an_action_for_every_supplier_hides_each_suppliers_words_from_the_other(crew, login_as):
    action = supplier_action(crew.pilot, crew.coordinator, "Aanbod voor de zomer")
    db.session.flush()
    add_comment(action, crew.other_contact, "Groen levert twaalf plekken")
    add_comment(action, crew.contact, "Schoon levert er vijf")
    change_status(action, crew.other_contact, "dropped", action.version, "Groen stopt ermee")
    db.session.commit()

    html = action_page(login_as(crew.contact), action)
    assert "Esther Groen" not in html and "Groen levert twaalf plekken" not in html
    assert "Groen stopt ermee" not in html.split('id="history-heading"')[1]
    assert "Schoon levert er vijf" in html and "Ruud Leverancier" in html

    html = action_page(login_as(crew.other_contact), action)
    assert "Ruud Leverancier" not in html and "Schoon levert er vijf" not in html
    assert "Groen levert twaalf plekken" in html and "Esther Groen" in html

    html = action_page(login_as(crew.hr1), action)
    for text in ("Esther Groen", "Ruud Leverancier", "Groen stopt ermee", "Schoon levert"):
        assert text in html


def test_a_former_assignee_who_left_the_pilot_stays_hidden_from_another_supplier(crew, login_as):
    action = supplier_action(crew.pilot, crew.coordinator, "Intake plannen", crew.other_contact)
    db.session.flush()
    release_assignments(crew.pilot, crew.coordinator, crew.other_contact)
    db.session.commit()
    html = action_page(login_as(crew.contact), action)
    assert "Esther Groen" not in html
    assert "iemand van een andere opdrachtnemer" in html
