"""The `meeting:held` completion check, and the demo's part of the story."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.meetings import agenda
from partnerships.meetings.models import Decision, Meeting, MeetingStatus
from partnerships.workflow.checks import evaluate
from partnerships.workflow.model import CheckRef


def test_meeting_held_is_done_only_once_a_meeting_of_that_kind_was_held(world, plan):
    check = CheckRef("meeting:held", "kickoff")
    assert evaluate(check, world.pilot).status == "missing"
    planned = plan(kind="kickoff")
    assert evaluate(check, world.pilot).status == "missing"
    other = plan(kind="board")
    agenda.set_status(other, world.coordinator, MeetingStatus.HELD)
    assert evaluate(check, world.pilot).status == "missing"
    agenda.set_status(planned, world.coordinator, MeetingStatus.CANCELLED)
    assert evaluate(check, world.pilot).status == "missing"
    agenda.set_status(planned, world.coordinator, MeetingStatus.HELD)
    result = evaluate(check, world.pilot)
    assert result.status == "done" and "10-03-2026" in result.render("nl")


def test_the_demo_has_a_held_kickoff_and_a_shared_supplier_meeting(app, monkeypatch):
    import importlib

    from partnerships import demo

    # Only this domain's part of the story, as `flask demo` runs it: outside any request.
    real_import = importlib.import_module

    def only_meetings(name, *args):
        if name.endswith(".demo") and name != "partnerships.meetings.demo":
            raise ModuleNotFoundError(name)
        return real_import(name, *args)

    monkeypatch.setattr(demo.importlib, "import_module", only_meetings)
    assert demo.seed()
    db.session.commit()
    meetings = db.session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()
    kickoff, first = meetings[0], meetings[1]
    assert kickoff.kind == "kickoff" and kickoff.status == MeetingStatus.HELD
    assert any(item.notes for item in kickoff.items)
    decision = db.session.scalars(select(Decision).where(Decision.source == "meeting")).one()
    assert decision.title == "Werkgroep ingesteld"
    assert first.kind == "supplier_first" and first.status == MeetingStatus.PLANNED
    assert "Schoon & Co" in first.title
    assert first.items[0].shared is False
    assert sum(item.shared for item in first.items) == 6
    names = {p.user.name for p in first.participants}
    assert "Ruud Hendriks" in names and "Esther Kok" not in names
