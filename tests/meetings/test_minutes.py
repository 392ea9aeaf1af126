"""Minutes on one page: every item's text, decision and action rows, saved in one go; two
people saving at once lose nothing; fixed minutes are locked and corrected as a new version."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from partnerships.actions.models import Action
from partnerships.extensions import db
from partnerships.meetings.models import Decision, DecisionSource, MeetingDecision
from tests.quality.forms import form_with, forms_in


def _page_url(world, meeting):
    return f"/pilots/{world.pilot.id}/meetings/{meeting.id}/minutes"


def _minutes_form_fields(client, world, meeting):
    """The one form of the minutes page, as the browser would submit it."""
    url = _page_url(world, meeting)
    html = client.get(url).get_data(as_text=True)
    item = meeting.items[0]
    return form_with(forms_in(html, url), f"notes-{item.id}")


def test_every_item_has_its_text_area_on_one_page_and_notes_never_run_script(world, plan, login_as):
    meeting = plan()  # supplier_first: six items
    client = login_as(world.coordinator)
    form = _minutes_form_fields(client, world, meeting)
    areas = [f.name for f in form.fields if f.name.startswith("notes-")]
    assert areas == [f"notes-{item.id}" for item in meeting.items] and len(areas) == 6
    first, last = meeting.items[0], meeting.items[-1]
    data = form.data(
        **{
            f"notes-{first.id}": "**Afgesproken**\n\n<script>alert(1)</script>",
            f"notes-{last.id}": "Rondvraag: niets.",
        }
    )
    response = client.post(form.action, data=data)
    assert response.status_code == 303
    db.session.expire_all()
    assert (first.notes, last.notes) == (
        "**Afgesproken**\n\n<script>alert(1)</script>",
        "Rondvraag: niets.",
    )
    page = client.get(f"/pilots/{world.pilot.id}/meetings/{meeting.id}").get_data(as_text=True)
    assert "<strong>Afgesproken</strong>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_two_people_saving_at_once_get_409_with_both_texts_and_lose_nothing(world, plan, login_as):
    meeting = plan()
    item = meeting.items[0]
    # Both open the page (the test client is one browser: log in before each step).
    sanne_form = _minutes_form_fields(login_as(world.coordinator), world, meeting)
    henk_form = _minutes_form_fields(login_as(world.hr), world, meeting)
    sanne = login_as(world.coordinator)
    assert (
        sanne.post(
            sanne_form.action, data=sanne_form.data(**{f"notes-{item.id}": "Versie Sanne"})
        ).status_code
        == 303
    )
    henk = login_as(world.hr)
    stale = henk.post(henk_form.action, data=henk_form.data(**{f"notes-{item.id}": "Versie Henk"}))
    assert stale.status_code == 409
    html = stale.get_data(as_text=True)
    assert "Versie Henk" in html and "Versie Sanne" in html  # both versions shown
    db.session.expire_all()
    assert item.notes == "Versie Sanne"
    # Henk combines the two and saves again from the page he was given.
    again = form_with(forms_in(html, henk_form.action), f"notes-{item.id}")
    response = henk.post(
        again.action, data=again.data(**{f"notes-{item.id}": "Versie Sanne en Henk"})
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert item.notes == "Versie Sanne en Henk"


def _add(client, world, meeting, item, row, **fields):
    """Fill an item's decision or action row and press its button (no JavaScript)."""
    form = _minutes_form_fields(client, world, meeting)
    values = {f"{row}-{item.id}-{name}": value for name, value in fields.items()}
    return client.post(form.action, data=form.data(add=f"{row}-{item.id}", **values))


def test_a_decision_in_the_minutes_enters_the_register_when_the_minutes_are_fixed(
    world, plan, login_as
):
    meeting = plan(day=date(2026, 3, 10))
    item = meeting.items[4]
    client = login_as(world.coordinator)
    response = _add(
        client,
        world,
        meeting,
        item,
        "decision",
        title="We verkennen een proeftuin met Schoon BV",
        kind="supplier_choice",
        decided_by="working_group",
    )
    assert response.status_code == 303
    assert db.session.scalars(select(Decision)).all() == []  # concept minutes: not yet
    fix = client.post(f"{_page_url(world, meeting)}/fix")
    assert fix.status_code == 303
    decision = db.session.scalars(select(Decision)).one()
    assert decision.source == DecisionSource.MEETING
    assert decision.decided_on == date(2026, 3, 10)
    assert decision.step_code == "2Bb" and decision.kind == "supplier_choice"
    origin = db.session.scalars(select(MeetingDecision)).one()
    assert (origin.meeting_id, origin.agenda_item_id, origin.provisional) == (
        meeting.id,
        item.id,
        False,
    )
    html = client.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert "We verkennen een proeftuin met Schoon BV" in html
    assert "Verslag versie 1, vastgesteld op" in html


def test_a_pilot_may_enter_decisions_at_once_subject_to_the_minutes(world, plan, login_as):
    client = login_as(world.coordinator)
    index = f"/pilots/{world.pilot.id}/meetings"
    settings = form_with(
        forms_in(client.get(index).get_data(as_text=True), index), "decisions_at_once"
    )
    assert (
        client.post(settings.action, data=settings.data(decisions_at_once="y")).status_code == 303
    )
    meeting = plan()
    _add(
        client,
        world,
        meeting,
        meeting.items[1],
        "decision",
        title="Doel vastgesteld",
        kind="other",
        decided_by="working_group",
    )
    assert db.session.scalars(select(MeetingDecision.provisional)).one() is True
    html = client.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert "Doel vastgesteld" in html and "onder voorbehoud" in html
    client.post(f"{_page_url(world, meeting)}/fix")
    db.session.expire_all()
    assert db.session.scalars(select(MeetingDecision.provisional)).one() is False
    assert len(db.session.scalars(select(Decision)).all()) == 1  # entered once, not twice


def test_a_row_added_with_htmx_comes_back_in_place(world, plan, login_as):
    meeting = plan()
    item = meeting.items[2]
    client = login_as(world.coordinator)
    form = _minutes_form_fields(client, world, meeting)
    url = f"{_page_url(world, meeting)}/items/{item.id}/action"
    response = client.post(
        url,
        data=form.data(
            **{
                f"action-{item.id}-title": "Contract nalopen",
                f"action-{item.id}-role": "contract_manager",
            }
        ),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith(f'<div id="rows-{item.id}"') and "Contract nalopen" in html
    assert db.session.scalars(select(Action.title)).all() == ["Contract nalopen"]


def test_two_actions_from_the_minutes_go_straight_into_the_action_list(world, plan, login_as):
    meeting = plan()
    shared_item = meeting.items[4]
    client = login_as(world.coordinator)
    for title, assignee, role in (
        ("Werkplekken inventariseren", world.supplier_a, "supplier"),
        ("Contract nalopen", 0, "contract_manager"),
    ):
        response = _add(
            client,
            world,
            meeting,
            shared_item,
            "action",
            title=title,
            role=role,
            assignee=str(getattr(assignee, "id", 0)),
            deadline="2026-04-01",
        )
        assert response.status_code == 303
    actions = db.session.scalars(select(Action).order_by(Action.id)).all()
    assert [a.title for a in actions] == ["Werkplekken inventariseren", "Contract nalopen"]
    assert all(a.source == "meeting" and a.source_id == meeting.id for a in actions)
    assert actions[0].assignee_id == world.supplier_a.id and actions[1].assignee_id is None
    assert actions[0].deadline == date(2026, 4, 1) and actions[0].step_code == "2Bb"
    assert not any(a.is_internal for a in actions)  # agreed on a shared item


def test_an_action_for_someone_outside_the_pilot_is_refused_and_the_text_stays(
    world, plan, login_as
):
    meeting = plan()
    item = meeting.items[0]
    client = login_as(world.coordinator)
    response = _add(
        client,
        world,
        meeting,
        item,
        "action",
        title="Iets regelen",
        role="hr_expert",
        assignee=str(world.stranger.id),
    )
    assert response.status_code == 422
    assert "Iets regelen" in response.get_data(as_text=True)
    assert db.session.scalars(select(Action)).all() == []


def test_board_and_suppliers_cannot_write_minutes(world, plan, login_as):
    meeting = plan()
    item = meeting.items[0]
    form = _minutes_form_fields(login_as(world.coordinator), world, meeting)
    for user in (world.board, world.supplier_a):
        client = login_as(user)
        html = client.get(_page_url(world, meeting)).get_data(as_text=True)
        assert f'name="notes-{item.id}"' not in html
        response = client.post(form.action, data=form.data(**{f"notes-{item.id}": "x"}))
        assert response.status_code == 403
    db.session.refresh(item)
    assert item.notes == ""
    client = login_as(world.supplier_a)
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/status"
    assert client.post(url, data={"status": "bogus"}).status_code == 403
    assert client.post(url, data={"status": "held"}).status_code == 403


def test_an_item_with_a_decision_in_the_register_stays_on_the_agenda(world, plan, login_as):
    meeting = plan()
    item = meeting.items[1]
    client = login_as(world.coordinator)
    _add(
        client,
        world,
        meeting,
        item,
        "decision",
        title="Doel vastgesteld",
        kind="other",
        decided_by="working_group",
    )
    client.post(f"{_page_url(world, meeting)}/fix")
    url = f"/pilots/{world.pilot.id}/meetings/{meeting.id}/items/{item.id}/remove"
    assert client.post(url).status_code == 409
    db.session.expire_all()
    assert len(db.session.get(type(meeting), meeting.id).items) == 6
