"""The demo pilot, rendered once per test module into every document, language and format.

WeasyPrint takes about half a second a document, so each document is made once per language
here and every test of the module reads the same bytes.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partnerships import clock
from partnerships.extensions import db
from tests.conftest import empty_all_tables, start_session

# Markdown as people type it: a list right under a sentence, bold, a link, a heading.
TYPED = (
    "We spraken dit af:\n"
    "- **Ambassadeursrol** voor de wethouder\n"
    "- elke maand een [voortgangsbericht](https://example.org/voortgang)\n"
    "\n"
    "## Vervolg\n"
    "1. eerst de contracten\n"
    "2. dan de werving\n"
)


def seed_demo():
    """The demo, plus the written parts it leaves empty: a policy draft and a public story."""
    from partnerships import demo
    from partnerships.accounts.models import User
    from partnerships.actions import plan as plan_data
    from partnerships.pilots.models import Pilot
    from partnerships.reports import policy, sharing
    from partnerships.reports.models import POLICY_SECTIONS

    demo.seed()
    pilot = db.session.scalar(select(Pilot).where(Pilot.title == demo.PILOT_TITLE))
    coordinator = db.session.scalar(select(User).where(User.email == demo.WORKING_GROUP[0][0]))
    draft = policy.start_draft(pilot, coordinator)
    sections = {name: getattr(draft.current, name) for name in POLICY_SECTIONS}
    sections["application"] = TYPED
    policy.save_version(draft, coordinator, version=draft.version, sections=sections)
    sharing.save_story(pilot, coordinator, version=0, story=TYPED)
    info = plan_data.assemble(pilot, "nl").info
    plan_data.save_meeting_agreements(pilot, coordinator, TYPED, info.version if info else 0)
    kickoff = pilot_meeting(pilot)
    kickoff.items[1].notes = TYPED
    db.session.commit()
    return pilot, coordinator


def pilot_meeting(pilot):
    from partnerships.meetings.models import Meeting

    return db.session.scalar(
        select(Meeting).where(Meeting.pilot_id == pilot.id).order_by(Meeting.starts_at)
    )


def document_urls(pilot) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each document's URL without the extension, and the formats it comes in."""
    from partnerships.brainstorms.models import Brainstorm
    from partnerships.reports.models import Evaluation, NoteStatus, ProgressNote

    note = db.session.scalar(
        select(ProgressNote).where(
            ProgressNote.pilot_id == pilot.id, ProgressNote.status == NoteStatus.PUBLISHED
        )
    )
    evaluation = db.session.scalar(select(Evaluation).where(Evaluation.pilot_id == pilot.id))
    brainstorm = db.session.scalar(select(Brainstorm).where(Brainstorm.pilot_id == pilot.id))
    base = f"/pilots/{pilot.id}"
    every = ("pdf", "docx", "odt")
    return {
        "action_plan": (f"{base}/action-plan", every),
        "minutes": (f"{base}/meetings/{pilot_meeting(pilot).id}/minutes", every),
        "progress_note": (f"{base}/notes/{note.id}/note", every),
        "board_pack": (f"{base}/board-pack", ("pdf",)),
        "evaluation": (f"{base}/evaluations/{evaluation.id}/evaluation", every),
        "policy": (f"{base}/policy", every),
        "brainstorm": (f"{base}/brainstorms/{brainstorm.id}/summary", every),
        "results": (f"{base}/results", every),
    }


class Rendered:
    """Every download of the demo, by (document, language, format)."""

    def __init__(self, pilot, responses, spreadsheets):
        self.organisation = pilot.organisation.name
        self.pilot_title = pilot.title
        self.responses = responses
        self.spreadsheets = spreadsheets
        self.today = clock.today()

    def __getitem__(self, key):
        return self.responses[key]


@pytest.fixture(scope="module")
def rendered(_app):
    with _app.app_context():
        try:
            yield _render_all(_app, documents=True)
        finally:
            # This module fills the database itself (once, not per test), so it empties it.
            db.session.rollback()
            db.session.remove()
            empty_all_tables()


@pytest.fixture(scope="module")
def exported(_app):
    """The demo's spreadsheets only (no PDFs to wait for)."""
    with _app.app_context():
        try:
            yield _render_all(_app, documents=False)
        finally:
            # This module fills the database itself (once, not per test), so it empties it.
            db.session.rollback()
            db.session.remove()
            empty_all_tables()


def _render_all(app, *, documents: bool) -> Rendered:
    """Log in as the demo coordinator and download every document and export once."""
    pilot, coordinator = seed_demo()
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = start_session(coordinator)
        session["_fresh"] = True
    responses = {}
    for name, (url, formats) in document_urls(pilot).items() if documents else ():
        for lang in ("nl", "en"):
            for fmt in formats:
                responses[(name, lang, fmt)] = client.get(f"{url}.{fmt}?lang={lang}")
    spreadsheets = {
        what: client.get(f"/pilots/{pilot.id}/export/{what}.xlsx")
        for what in ("placements", "monitoring", "figures")
    }
    spreadsheets["figures_board"] = client.get(
        f"/pilots/{pilot.id}/export/figures.xlsx?audience=board"
    )
    return Rendered(pilot, responses, spreadsheets)
