"""The decision register: everything in one list, superseded but never deleted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings import services
from partnerships.meetings.models import Decision, DecisionStatus


def _entry(**overrides):
    data = {
        "title": "Principebesluit proeftuin",
        "kind": "principebesluit",
        "text": "Het college steunt de proeftuin.",
        "rationale": "Banenafspraak.",
        "decided_by": "board",
        "decided_on": "2025-12-16",
        "status": "taken",
        "value": "",
        "step_code": "1a",
    }
    data.update(overrides)
    return data


def test_a_manual_entry_with_every_field_the_method_needs(world, login_as):
    client = login_as(world.coordinator)
    response = client.post(f"/pilots/{world.pilot.id}/decisions", data=_entry())
    assert response.status_code == 303
    decision = db.session.scalars(select(Decision)).one()
    assert (decision.kind, decision.decided_by, decision.step_code, decision.source) == (
        "principebesluit",
        "board",
        "1a",
        "manual",
    )
    assert decision.decided_on == date(2025, 12, 16)
    html = client.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert "Principebesluit proeftuin" in html and "Het college steunt de proeftuin." in html
    assert "16 december 2025" in html


def test_a_decision_can_wait_for_the_board_and_then_be_taken(world, login_as):
    client = login_as(world.coordinator)
    client.post(
        f"/pilots/{world.pilot.id}/decisions",
        data=_entry(kind="budget", title="Budget jobcoaching", status="proposed", step_code="3b"),
    )
    decision = db.session.scalars(select(Decision)).one()
    assert decision.status == DecisionStatus.PROPOSED
    url = f"/pilots/{world.pilot.id}/decisions/{decision.id}/take"
    assert client.post(url, data={"decided_on": "", "version": "1"}).status_code == 422
    assert client.post(url, data={"decided_on": "2026-04-02", "version": "1"}).status_code == 303
    db.session.refresh(decision)
    assert decision.status == DecisionStatus.TAKEN and decision.decided_on == date(2026, 4, 2)


def test_superseding_keeps_both_and_shows_the_chain(world, login_as):
    old = services.record_decision(
        world.pilot,
        world.coordinator,
        kind="route",
        title="Route 2B",
        decided_by="working_group",
        decided_on=date(2026, 2, 1),
        value="2B",
    )
    db.session.commit()
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/decisions/{old.id}/supersede"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        data=_entry(
            kind="route",
            value="both",
            title="Route 2A en 2B",
            decided_by="working_group",
            decided_on="2026-05-01",
        ),
    )
    assert response.status_code == 303
    decisions = db.session.scalars(select(Decision).order_by(Decision.id)).all()
    assert len(decisions) == 2 and decisions[1].supersedes_id == old.id
    html = client.get(f"/pilots/{world.pilot.id}/decisions").get_data(as_text=True)
    assert f'href="#decision-{decisions[1].id}"' in html  # old one points at its successor
    assert f'href="#decision-{old.id}"' in html
    # A replaced decision cannot be replaced a second time: replace the newer one.
    again = client.post(url, data=_entry(title="Nog een keer"))
    assert again.status_code == 409
    assert db.session.scalar(select(Decision).where(Decision.title == "Nog een keer")) is None


def test_there_is_no_way_to_delete_a_decision(app):
    rules = [r for r in app.url_map.iter_rules() if "decision" in r.rule]
    assert rules
    assert not any("DELETE" in r.methods for r in rules)
    assert not any(word in r.rule for r in rules for word in ("delete", "remove"))


def test_the_board_reads_the_register_but_does_not_write_in_it(world, login_as):
    services.record_decision(
        world.pilot,
        world.coordinator,
        kind="other",
        title="Iets",
        decided_by="working_group",
        decided_on=date(2026, 2, 1),
    )
    db.session.commit()
    client = login_as(world.board)
    page = client.get(f"/pilots/{world.pilot.id}/decisions")
    assert page.status_code == 200 and "Iets" in page.get_data(as_text=True)
    assert 'name="title"' not in page.get_data(as_text=True)
    assert client.post(f"/pilots/{world.pilot.id}/decisions", data=_entry()).status_code == 403
    assert db.session.scalars(select(Decision)).all()[0].title == "Iets"


def test_suppliers_and_strangers_do_not_see_the_register(world, login_as):
    for user in (world.supplier_a, world.stranger):
        assert login_as(user).get(f"/pilots/{world.pilot.id}/decisions").status_code == 403


def test_a_decision_of_another_pilot_cannot_be_reached(world, make, login_as):
    other = make.pilot(world.pilot.organisation, world.coordinator, title="Andere proeftuin")
    foreign = services.record_decision(
        other,
        world.coordinator,
        kind="other",
        title="Elders",
        decided_by="board",
        decided_on=date(2026, 1, 1),
    )
    db.session.commit()
    response = login_as(world.coordinator).get(
        f"/pilots/{world.pilot.id}/decisions/{foreign.id}/supersede"
    )
    assert response.status_code == 404


def test_our_catalogue_calls_it_the_besluitenregister():
    """One word for one thing: the Dutch never says "besluitenlijst" for the register."""
    po = Path(services.__file__).parent / "translations/nl/LC_MESSAGES/messages.po"
    with po.open("rb") as handle:
        catalogue = read_po(handle, locale="nl")
    mentions = [m.string for m in catalogue if m.id and "register" in m.id]
    assert len(mentions) >= 8
    assert all("besluitenregister" in text.lower() for text in mentions)
    texts = [m.string if isinstance(m.string, str) else " ".join(m.string) for m in catalogue]
    assert not any("besluitenlijst" in (text or "").lower() for text in texts)


def test_the_register_page_says_besluitenregister(world, login_as):
    html = (
        login_as(world.coordinator)
        .get(f"/pilots/{world.pilot.id}/decisions")
        .get_data(as_text=True)
    )
    assert "Besluitenregister" in html and "esluitenlijst" not in html
