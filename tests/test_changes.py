"""Pages kept per change stamp (partnerships/changes.py): a commit renews the stamp of the
organisation whose pilots it changed, and a kept page never outlives a change it shows."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from partnerships.changes import EVERYTHING, ChangeStamp
from partnerships.extensions import db
from partnerships.placements.models import Placement


def _stamps() -> dict[int, str]:
    db.session.commit()
    return dict(db.session.execute(select(ChangeStamp.organisation_id, ChangeStamp.stamp)).all())


def test_a_commit_renews_the_stamp_of_the_organisation_whose_pilot_changed(make):
    town, city = make.org(name="Gemeente A"), make.org(name="Gemeente B")
    coordinator = make.user(town)
    pilot_a = make.pilot(town, coordinator=coordinator, title="Pilot A")
    make.pilot(city, title="Pilot B")
    before = _stamps()

    pilot_a.goals_text = "Tien banen."
    after_pilot = _stamps()
    assert after_pilot[town.id] != before[town.id]
    assert after_pilot[city.id] == before[city.id]
    assert after_pilot[EVERYTHING] == before[EVERYTHING]

    # A row of the pilot (it has a pilot_id) counts for the pilot's organisation.
    make.meeting(pilot_a, coordinator)
    after_row = _stamps()
    assert after_row[town.id] != after_pilot[town.id]
    assert after_row[city.id] == before[city.id]

    # What a person may see changes with their roles, in whichever organisation's pilot.
    make.member(pilot_a, role="hr_expert")
    after_member = _stamps()
    assert after_member[EVERYTHING] != after_row[EVERYTHING]

    # People are shown in other organisations' pages: a change to one renews everything.
    coordinator.name = "Andere naam"
    after_person = _stamps()
    assert after_person[EVERYTHING] != after_member[EVERYTHING]
    assert after_person[town.id] == after_member[town.id]

    # Undone work renews nothing.
    pilot_a.goals_text = "Twintig banen."
    db.session.flush()
    db.session.rollback()
    assert _stamps() == after_person


def test_reading_pages_renews_nothing(make, login_as):
    org = make.org()
    coordinator = make.user(org)
    pilot = make.pilot(org, coordinator=coordinator)
    before = _stamps()
    client = login_as(coordinator)
    for path in ("/pilots", f"/pilots/{pilot.id}", "/tasks", f"/pilots/{pilot.id}/figures"):
        assert client.get(path).status_code == 200
    assert _stamps() == before


def test_kept_pages_show_a_saved_change_at_once(make, web):
    org = make.org(name="Gemeente Voorbeeldstad")
    coordinator = make.user(org, name="Sanne de Vries")
    pilot = make.pilot(org, coordinator=coordinator, title="Proeftuin schoonmaak")
    board = make.member(pilot, make.user(org, name="Karin Mulder"), role="board")
    as_coordinator, as_board = web(coordinator), web(board)
    pages = [
        (as_board, "/board"),
        (as_coordinator, "/pilots"),
        (as_coordinator, "/figures"),
        (as_coordinator, f"/pilots/{pilot.id}/figures"),
        (as_coordinator, f"/pilots/{pilot.id}/action-plan"),
        (as_coordinator, f"/pilots/{pilot.id}"),
    ]
    for visitor, path in pages * 2:  # the second visit is answered from what was kept
        page = visitor.get(path)
        assert page.status_int == 200 and "Proeftuin schoonmaak" in page.text, path
        # A one-time token in a kept page would be shared by every visit (once.py).
        assert 'name="once"' not in page.text, path

    saved = as_coordinator.submit(f"/pilots/{pilot.id}/settings", title="Proeftuin groen")
    assert saved.status_int in (302, 303)

    for visitor, path in pages:
        page = visitor.get(path)
        assert "Proeftuin groen" in page.text, path
        assert "Proeftuin schoonmaak" not in page.text, path


def test_kept_figures_count_a_new_placement(make, web):
    """The pilot dashboard, kept, then a placement saved: people placed goes from 0 to 1."""
    org = make.org()
    coordinator = make.user(org)
    pilot = make.pilot(org, coordinator=coordinator, start_date=date(2026, 1, 1))
    supplier = make.org(name="Schoon & Co", kind="supplier")
    contract = make.contract(pilot, [supplier])
    visitor = web(coordinator)
    path = f"/pilots/{pilot.id}/figures"
    for _ in range(2):  # the second answer is the kept one
        assert _people_placed(visitor.get(path).text) == "0"
    db.session.add(
        Placement(
            pilot_id=pilot.id,
            contract_id=contract.id,
            supplier_organisation_id=supplier.id,
            kind="employment_fixed",
            target_group="doelgroepregister",
            hours_per_week=Decimal("25.5"),
            start_date=date(2026, 2, 1),
        )
    )
    assert _people_placed(visitor.get(path).text) == "1"


def _people_placed(html: str) -> str:
    found = re.search(r'id="figure-people">([^<]*)<', html)
    assert found, "the dashboard shows no count of people placed"
    return found.group(1)


def test_kept_pages_are_each_persons_own(make, web):
    """Two board members of one organisation, each on the board of another pilot."""
    org = make.org()
    coordinator = make.user(org)
    one = make.pilot(org, coordinator=coordinator, title="Pilot een")
    two = make.pilot(org, coordinator=coordinator, title="Pilot twee")
    first = make.member(one, make.user(org, name="Lid een"), role="board")
    second = make.member(two, make.user(org, name="Lid twee"), role="board")
    for _ in range(2):
        seen_first, seen_second = web(first).get("/board"), web(second).get("/board")
        assert "Pilot een" in seen_first.text and "Pilot twee" not in seen_first.text
        assert "Pilot twee" in seen_second.text and "Pilot een" not in seen_second.text


def test_publishing_a_note_renews_the_stamp_once_at_the_commit(make):
    """Publishing guards its period with a savepoint; the stamp is renewed by the commit of
    the whole transaction, not by the savepoint (which may still be followed by writes)."""
    from partnerships.reports import services

    org = make.org()
    coordinator = make.user(org)
    pilot = make.pilot(org, coordinator=coordinator)
    note = services.create_note(
        pilot,
        coordinator,
        period_label="Kwartaal 1 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        body="Voortgang",
    )
    before = _stamps()
    services.publish_note(note, coordinator)  # releases its savepoint
    assert (
        db.session.scalar(select(ChangeStamp.stamp).where(ChangeStamp.organisation_id == org.id))
        == before[org.id]
    )
    assert _stamps()[org.id] != before[org.id]
