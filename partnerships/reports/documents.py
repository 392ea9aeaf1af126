"""The reports' documents, each from the data its page shows: the progress note, the board
pack, the evaluation, the policy framework and the public results.

Each function returns (template, meta, context) for documents.page.respond, which calls it
in the document's language.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from .. import clock
from ..documents.page import Meta
from ..extensions import db
from ..i18n import locale_code
from . import evaluation as evaluations
from . import figures as key
from . import policy as policies
from . import services, sharing
from .models import NoteStatus, ProgressNote


def _meta(pilot, title: str, kind: str, day: date | None = None) -> Meta:
    return Meta(
        title=title,
        organisation=pilot.organisation.name,
        pilot_title=pilot.title,
        kind=kind,
        day=day or clock.today(),
        lang=locale_code(),
    )


def progress_note(pilot, note, *, working_group: bool):
    """The note with its frozen figures (live ones for a draft) and the goal chart."""
    frozen = note.figures
    outside = not working_group
    # As the note's page does: live figures suppressed at the source, frozen ones on display.
    figures = frozen if frozen is not None else key.key_figures(pilot, suppress=outside)
    day = note.published_at.date() if note.published_at else clock.today()
    meta = _meta(
        pilot,
        _("Progress note: %(period)s", period=note.period_label),
        _("progress note"),
        day,
    )
    context = dict(
        pilot=pilot,
        note=note,
        frozen=frozen is not None,
        figures=key.for_display(figures, suppress=not working_group),
        suppressed=not working_group,
    )
    return "documents/progress_note.html", meta, context


def _previous_note(pilot, latest) -> ProgressNote | None:
    return db.session.scalar(
        select(ProgressNote)
        .where(
            ProgressNote.pilot_id == pilot.id,
            ProgressNote.status == NoteStatus.PUBLISHED,
            ProgressNote.period_end < latest.period_end,
        )
        .order_by(ProgressNote.period_end.desc(), ProgressNote.id.desc())
        .limit(1)
    )


def board_pack(pilot):
    """For the board's meeting: the latest note, the decisions since the note before it,
    and today's figures, suppressed as everything the board sees."""
    from ..meetings.models import Decision

    note = services.latest_published(pilot)
    previous = _previous_note(pilot, note) if note is not None else None
    since = previous.published_at.date() if previous and previous.published_at else None
    query = select(Decision).where(Decision.pilot_id == pilot.id)
    if since is not None:
        query = query.where(Decision.decided_on >= since)
    decisions = db.session.scalars(query.order_by(Decision.decided_on, Decision.id)).all()
    meta = _meta(pilot, _("Board pack: %(pilot)s", pilot=pilot.title), _("board pack"))
    context = dict(
        pilot=pilot,
        note=note,
        note_figures=key.for_display(note.figures, suppress=True) if note else None,
        decisions=decisions,
        since=since,
        figures=key.for_display(key.key_figures(pilot, suppress=True), suppress=True),
        suppressed=True,
    )
    return "documents/board_pack.html", meta, context


def evaluation(pilot, row, themes: dict):
    """The 4b evaluation: impact, findings, suppliers' ideas and lessons."""
    day = row.done_at.date() if row.done_at else clock.today()
    meta = _meta(pilot, row.title, _("evaluation"), day)
    context = dict(
        pilot=pilot,
        evaluation=row,
        figures=key.for_display(evaluations.impact(row), suppress=False),
        themes=themes,
    )
    return "documents/evaluation.html", meta, context


def policy(pilot, draft, version):
    """The policy framework (5a-5c), one heading per section."""
    meta = _meta(
        pilot,
        _("Policy framework social return: %(title)s", title=pilot.title),
        _("policy framework"),
        version.created_at.date(),
    )
    context = dict(pilot=pilot, draft=draft, version=version, titles=policies.section_titles())
    return "documents/policy.html", meta, context


def results(pilot):
    """The public results on one page: the figures anyone may see, and the story."""
    meta = _meta(pilot, _("Results: %(pilot)s", pilot=pilot.title), _("results"))
    context = dict(
        pilot=pilot,
        story=getattr(sharing.results_of(pilot), "story", ""),
        # The same figures as the public page (public_views._public_figures).
        figures=key.for_display(key.key_figures(pilot, suppress=True), suppress=True),
    )
    return "documents/results.html", meta, context
