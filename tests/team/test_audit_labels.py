"""The audit trail reads as words: every recorded event has a name, details use arrows."""

import re
from pathlib import Path

from partnerships import audit
from partnerships.extensions import db
from partnerships.team.audit_labels import EVENT_LABELS, event_label, readable_details

ROOT = Path(__file__).resolve().parents[2] / "partnerships"


def test_every_event_recorded_in_the_code_has_a_label():
    source = "\n".join(p.read_text() for p in ROOT.rglob("*.py"))
    named = set(re.findall(r'audit\.record\(\s*"([a-z_]+\.[a-z_]+)"', source))
    named |= set(re.findall(r'event = "([a-z_]+\.[a-z_]+)"', source))
    named |= {f"meeting.{s}" for s in ("planned", "held", "cancelled")}
    assert named - EVENT_LABELS.keys() == set()


def test_an_unknown_event_reads_as_words():
    assert event_label("something_new.happened") == "Something new happened"


def test_a_route_change_names_the_routes():
    names = {"2B": "Route B"}
    assert readable_details("pilot.route", "- -> 2B: why", names) == "none → Route B: why"


def test_the_audit_page_shows_labels_not_codes(make, login_as):
    coordinator = make.user(make.org())
    pilot = make.pilot(coordinator=coordinator)
    audit.record("note.created", "Q1", pilot=pilot)
    audit.record("pilot.route", "2B", "- -> 2B: best fit", pilot=pilot)
    db.session.commit()
    page = login_as(coordinator).get(f"/pilots/{pilot.id}/audit").get_data(as_text=True)
    assert "note.created" not in page and "pilot.route" not in page
    assert "Progress note written" in page or "Voortgangsnotitie geschreven" in page
    assert " -&gt; " not in page and "→" in page
