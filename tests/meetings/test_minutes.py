"""Minutes per item: sanitised notes, decisions into the register, actions into the list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from partnerships.actions.models import Action
from partnerships.extensions import db
from partnerships.meetings.models import Decision, DecisionSource, MeetingDecision


def _url(world, meeting, item, suffix):
    return f"/pilots/{world.pilot.id}/meetings/{meeting.id}/items/{item.id}/{suffix}"


def _prefixed(prefix, data):
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_notes_are_markdown_and_never_run_script(world, plan, login_as):
    meeting = plan()
    item = meeting.items[0]
    client = login_as(world.coordinator)
    assert client.get(_url(world, meeting, item, "minutes")).status_code == 200
    response = client.post(
        _url(world, meeting, item, "notes"),
        data={"notes": "**Afgesproken**\n\n<script>alert(1)</script>", "version": "1"},
    )
    assert response.status_code == 303
    page = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}").get_data(as_text=True)
    assert "<strong>Afgesproken</strong>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_notes_saved_on_a_stale_copy_do_not_overwrite_a_colleague(world, plan, login_as):
    meeting = plan()
    item = meeting.items[0]
    client = login_as(world.coordinator)
    client.post(_url(world, meeting, item, "notes"), data={"notes": "Versie Sanne", "version": "1"})
    stale = login_as(world.hr).post(
        _url(world, meeting, item, "notes"), data={"notes": "Versie Henk", "version": "1"}
    )
    assert stale.status_code == 409
    db.session.refresh(item)
    assert item.notes == "Versie Sanne"


def test_a_decision_in_the_minutes_lands_in_the_register(world, plan, login_as):
    meeting = plan(day=date(2026, 3, 10))
    item = meeting.items[4]
    response = login_as(world.coordinator).post(
        _url(world, meeting, item, "decisions"),
        data=_prefixed(
            "decision",
            {
                "title": "We verkennen een proeftuin met Schoon BV",
                "kind": "supplier_choice",
                "decided_by": "working_group",
                "status": "taken",
                "step_code": "2Bb",
                "text": "Start met de schoonmaak van het stadskantoor.",
                "rationale": "Groot contract.",
            },
        ),
    )
    assert response.status_code == 303
    decision = db.session.scalars(select(Decision)).one()
    assert decision.source == DecisionSource.MEETING
    assert decision.decided_on == date(2026, 3, 10)
    assert decision.step_code == "2Bb" and decision.kind == "supplier_choice"
    origin = db.session.scalars(select(MeetingDecision)).one()
    assert (origin.meeting_id, origin.agenda_item_id) == (meeting.id, item.id)
    register = login_as(world.coordinator).get(f"/pilots/{world.pilot.id}/decisions")
    html = register.get_data(as_text=True)
    assert "We verkennen een proeftuin met Schoon BV" in html
    assert f"/meetings/{meeting.id}" in html


def test_a_route_decision_must_say_which_route(world, plan, login_as):
    meeting = plan(kind="kickoff")
    response = login_as(world.coordinator).post(
        _url(world, meeting, meeting.items[0], "decisions"),
        data=_prefixed(
            "decision",
            {
                "title": "Route",
                "kind": "route",
                "decided_by": "working_group",
                "status": "taken",
                "value": "",
            },
        ),
    )
    assert response.status_code == 422
    assert db.session.scalars(select(Decision)).all() == []


def test_two_actions_from_the_minutes_go_straight_into_the_action_list(world, plan, login_as):
    meeting = plan()
    shared_item = meeting.items[4]
    client = login_as(world.coordinator)
    for title, assignee, role in (
        ("Werkplekken inventariseren", world.supplier_a, "supplier"),
        ("Contract nalopen", 0, "contract_manager"),
    ):
        response = client.post(
            _url(world, meeting, shared_item, "actions"),
            data=_prefixed(
                "action",
                {
                    "title": title,
                    "role": role,
                    "assignee": str(getattr(assignee, "id", 0)),
                    "deadline": "2026-04-01",
                },
            ),
        )
        assert response.status_code == 303
    actions = db.session.scalars(select(Action).order_by(Action.id)).all()
    assert [a.title for a in actions] == ["Werkplekken inventariseren", "Contract nalopen"]
    assert all(a.source == "meeting" and a.source_id == meeting.id for a in actions)
    assert actions[0].assignee_id == world.supplier_a.id and actions[1].assignee_id is None
    assert actions[0].deadline == date(2026, 4, 1) and actions[0].step_code == "2Bb"
    # Agreed on a shared item, so the supplier may see them.
    assert not any(a.is_internal for a in actions)
    db.session.refresh(shared_item)
    assert len(shared_item.action_links) == 2


def test_an_action_for_someone_outside_the_pilot_is_refused(world, plan, login_as):
    meeting = plan()
    response = login_as(world.coordinator).post(
        _url(world, meeting, meeting.items[0], "actions"),
        data=_prefixed(
            "action", {"title": "X", "role": "hr_expert", "assignee": str(world.stranger.id)}
        ),
    )
    assert response.status_code == 422
    assert db.session.scalars(select(Action)).all() == []


def test_an_item_with_a_decision_stays_on_the_agenda(world, plan, login_as):
    meeting = plan()
    item = meeting.items[1]
    client = login_as(world.coordinator)
    client.post(
        _url(world, meeting, item, "decisions"),
        data=_prefixed(
            "decision",
            {
                "title": "Doel vastgesteld",
                "kind": "other",
                "decided_by": "working_group",
                "status": "taken",
            },
        ),
    )
    response = client.post(_url(world, meeting, item, "remove"))
    assert response.status_code == 409
    db.session.expire_all()
    assert len(db.session.get(type(meeting), meeting.id).items) == 6


def test_board_and_suppliers_cannot_write_minutes(world, plan, login_as):
    meeting = plan()
    item = meeting.items[0]
    for user in (world.board, world.supplier_a):
        client = login_as(user)
        assert client.get(_url(world, meeting, item, "minutes")).status_code == 403
        assert (
            client.post(
                _url(world, meeting, item, "notes"), data={"notes": "x", "version": "1"}
            ).status_code
            == 403
        )
    db.session.refresh(item)
    assert item.notes == ""
