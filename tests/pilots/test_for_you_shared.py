""" "Voor jou" for a supplier contact: the open actions shared with its organisation, not
only those assigned to the contact or its role (issue 15, point 1)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event

from partnerships import clock
from partnerships.actions.models import Action
from partnerships.extensions import db
from tests.pilots.page_items import parse


def _action(pilot, title, *, assignee=None, role="supplier", internal=False, status="open"):
    action = Action(
        pilot_id=pilot.id,
        title=title,
        role=role,
        assignee_id=assignee.id if assignee else None,
        is_internal=internal,
        status=status,
        deadline=clock.today() + timedelta(days=5),
    )
    db.session.add(action)
    db.session.flush()
    return action


def _world(make):
    pilot = make.pilot(title="Proeftuin Groen")
    schoon = make.org(name="Schoon BV", kind="supplier")
    groen = make.org(name="Groen BV", kind="supplier")
    me = make.member(pilot, make.user(schoon), role="supplier")
    colleague = make.member(pilot, make.user(schoon), role="supplier")
    stranger = make.member(pilot, make.user(groen), role="supplier")
    return pilot, me, colleague, stranger


def test_supplier_sees_actions_shared_with_its_organisation(make, login_as, client):
    pilot, me, colleague, stranger = _world(make)
    shared = _action(pilot, "Werkplekken inventariseren", assignee=colleague)
    _action(pilot, "Mijn eigen actie", assignee=me)  # listed under my actions already
    _action(pilot, "Voor alle opdrachtnemers", assignee=None)  # my role: also there
    _action(pilot, "Intern werk", assignee=colleague, internal=True)  # not shared
    _action(pilot, "Werk van Groen", assignee=stranger)  # another supplier's
    _action(pilot, "Al gedaan", assignee=colleague, status="done")  # not open
    buyer_pilot = make.pilot(title="Andere proeftuin")
    _action(buyer_pilot, "Elders", assignee=colleague)  # a pilot I am not in

    login_as(me)
    page = parse(client.get("/for-you").data)
    # By hand: of the seven actions only the colleague's open shared one is new here.
    assert [(e.link_text, e.href) for e in page.section("for-you-shared").entries] == [
        ("Werkplekken inventariseren", f"/pilots/{pilot.id}/actions/{shared.id}")
    ]
    tasks = [e.link_text for e in page.section("for-you-tasks").entries]
    assert sorted(tasks) == ["Mijn eigen actie", "Voor alle opdrachtnemers"]
    assert client.get(f"/pilots/{pilot.id}/actions/{shared.id}").status_code == 200


def test_buyer_sees_no_shared_section(make, login_as, client):
    pilot, _me, colleague, _stranger = _world(make)
    _action(pilot, "Werkplekken inventariseren", assignee=colleague)
    coordinator = make.member(pilot, role="coordinator")
    login_as(coordinator)
    page = parse(client.get("/for-you").data)
    assert "for-you-shared" not in page.ids


def _statements(client):
    count = []

    def counter(*args):
        count.append(1)

    event.listen(db.engine, "before_cursor_execute", counter)
    try:
        assert client.get("/for-you").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", counter)
    return len(count)


def test_shared_actions_take_the_same_statements_for_more_pilots(make, login_as, client):
    pilot, me, colleague, _stranger = _world(make)
    _action(pilot, "Actie 0", assignee=colleague)
    login_as(me)
    client.get("/for-you")  # warm caches
    one = _statements(client)
    for n in range(1, 4):
        other = make.pilot(title=f"Proeftuin {n}")
        make.member(other, me, role="supplier")
        make.member(other, colleague, role="supplier")
        for i in range(3):
            _action(other, f"Actie {n}.{i}", assignee=colleague)
    login_as(me)
    page = parse(client.get("/for-you").data)
    assert len(page.section("for-you-shared").entries) == 1 + 3 * 3
    assert _statements(client) == one
