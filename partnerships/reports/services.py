"""Progress notes for the board and the board's own view across its pilots."""

from __future__ import annotations

import json
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import access, audit, clock
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from ..figures.counting import period_bounds
from ..paging import Page, page_within
from . import figures as key
from .models import NoteAcknowledgement, NoteRemark, NoteStatus, ProgressNote

# Decisions the board itself takes; a proposed one of these waits for the board.
BOARD_DECISION_KINDS = ("principebesluit", "budget", "policy_adoption")


class PeriodTaken(Exception):
    """A published note already covers this period; history is not written twice."""

    def __init__(self, existing: ProgressNote):
        super().__init__(existing.period_label)
        self.existing = existing


def suggested_period(pilot, today: date) -> tuple[str, date, date]:
    """The current monitoring period (quarter unless agreed otherwise) with a readable label."""
    frequency = pilot.monitoring_frequency or "quarter"
    try:
        start, end = period_bounds(today, frequency)
    except ValueError:
        frequency, (start, end) = "quarter", period_bounds(today, "quarter")
    if frequency == "month":
        label = format_date(start, "MMMM yyyy")
    elif frequency == "half_year":
        label = (
            _("First half of %(year)s", year=start.year)
            if start.month == 1
            else _("Second half of %(year)s", year=start.year)
        )
    elif frequency == "year":
        label = str(start.year)
    else:
        label = _("Quarter %(number)s %(year)s", number=(start.month + 2) // 3, year=start.year)
    return label, start, end


def create_note(
    pilot, actor, *, period_label: str, period_start: date, period_end: date, body: str
) -> ProgressNote:
    """Start a draft note; nobody but the working group sees it until it is published."""
    note = ProgressNote(
        pilot_id=pilot.id,
        period_label=period_label.strip(),
        period_start=period_start,
        period_end=period_end,
        body=body,
        created_by_id=actor.id,
    )
    db.session.add(note)
    db.session.flush()
    audit.record("note.created", note.period_label, pilot=pilot, actor=actor)
    return note


def update_note(
    note: ProgressNote,
    actor,
    *,
    version,
    period_label: str,
    period_start: date,
    period_end: date,
    body: str,
) -> None:
    """Change a draft; a stale copy is refused so two editors do not overwrite each other."""
    claim(note, version)
    note.period_label = period_label.strip()
    note.period_start, note.period_end, note.body = period_start, period_end, body
    audit.record("note.changed", note.period_label, pilot=note.pilot, actor=actor)


def published_for_period(note: ProgressNote) -> ProgressNote | None:
    """Another published note of the same pilot over exactly the same period."""
    return db.session.scalar(
        select(ProgressNote).where(
            ProgressNote.pilot_id == note.pilot_id,
            ProgressNote.period_start == note.period_start,
            ProgressNote.period_end == note.period_end,
            ProgressNote.status == NoteStatus.PUBLISHED,
            ProgressNote.id != note.id,
        )
    )


def publish_note(note: ProgressNote, actor, *, as_of: date | None = None) -> None:
    """Publish for the board and freeze the key figures as they are now."""
    existing = published_for_period(note)
    if existing is not None:
        raise PeriodTaken(existing)
    # Figures as at the end of the period, or today when the period has not ended yet.
    as_of = as_of or min(note.period_end, clock.today())
    note.figures_json = json.dumps(key.key_figures(note.pilot, as_of=as_of))
    note.status = NoteStatus.PUBLISHED
    note.published_at = utcnow()
    note.published_by_id = actor.id
    note.version += 1
    try:
        # The unique index is the last guard when two people publish at the same moment.
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        note.status, note.figures_json, note.published_at = NoteStatus.DRAFT, None, None
        raise PeriodTaken(published_for_period(note) or note) from None
    audit.record("note.published", note.period_label, pilot=note.pilot, actor=actor)


def acknowledge(note: ProgressNote, user) -> bool:
    """Record that a board member has read the note; saying it twice changes nothing."""
    if any(ack.user_id == user.id for ack in note.acknowledgements):
        return False
    note.acknowledgements.append(NoteAcknowledgement(user_id=user.id))
    db.session.flush()
    audit.record("note.acknowledged", note.period_label, pilot=note.pilot, actor=user)
    return True


def add_remark(note: ProgressNote, user, body: str) -> NoteRemark:
    """A board member's review remark, shown to the coordinator as unread."""
    remark = NoteRemark(pilot_id=note.pilot_id, author_id=user.id, body=body.strip())
    note.remarks.append(remark)
    db.session.flush()
    audit.record("note.remark", note.period_label, pilot=note.pilot, actor=user)
    return remark


def mark_read(remark: NoteRemark) -> None:
    """The coordinator has read the remark; it leaves the unread count."""
    if remark.read_at is None:
        remark.read_at = utcnow()


def unread_remarks(pilot) -> int:
    """Remarks the coordinator has not yet read, for the badge on the notes page."""
    return (
        db.session.scalar(
            select(func.count(NoteRemark.id)).where(
                NoteRemark.pilot_id == pilot.id, NoteRemark.read_at.is_(None)
            )
        )
        or 0
    )


def notes_of(pilot, *, include_drafts: bool) -> list[ProgressNote]:
    """The pilot's notes, newest period first; drafts only for the working group."""
    # Counts and unread remarks (with their authors) come along in a fixed number of queries.
    query = (
        select(ProgressNote)
        .where(ProgressNote.pilot_id == pilot.id)
        .options(
            selectinload(ProgressNote.acknowledgements),
            selectinload(ProgressNote.remarks).joinedload(NoteRemark.author),
        )
    )
    if not include_drafts:
        query = query.where(ProgressNote.status == NoteStatus.PUBLISHED)
    return list(
        db.session.scalars(query.order_by(ProgressNote.period_end.desc(), ProgressNote.id.desc()))
    )


def latest_published(pilot) -> ProgressNote | None:
    """The published note over the most recent period."""
    return db.session.scalar(
        select(ProgressNote)
        .where(ProgressNote.pilot_id == pilot.id, ProgressNote.status == NoteStatus.PUBLISHED)
        .order_by(ProgressNote.period_end.desc(), ProgressNote.id.desc())
        .limit(1)
    )


def board_pilots(user) -> list:
    """Pilots of the user's organisation where they sit on the board, or all for its admin,
    by title. Sorted here, not by the database: the same order on both engines, and the
    pilots were read already to decide which ones the user may see."""
    return sorted(access.pilots_where(user, "board.view"), key=lambda p: (p.title, p.id))


def awaiting_board(pilot) -> list:
    """Proposed decisions the board is to take for this pilot."""
    from ..meetings.models import Decision, DecisionStatus

    return list(
        db.session.scalars(
            select(Decision)
            .where(
                Decision.pilot_id == pilot.id,
                Decision.status == DecisionStatus.PROPOSED,
                (Decision.kind.in_(BOARD_DECISION_KINDS)) | (Decision.decided_by == "board"),
            )
            .order_by(Decision.decided_on, Decision.id)
        )
    )


# Each pilot is a panel of figures, a note and decisions; ten make a page a board reads.
BOARD_PILOTS_PER_PAGE = 10


def board_page(
    user, *, today: date, number: int = 1, per_page: int = BOARD_PILOTS_PER_PAGE
) -> Page:
    """A page of board_overview, in the same queries for 3 pilots or 300; a page past the
    end shows the last page."""
    pilots = board_pilots(user)
    number = page_within(number, len(pilots), per_page)
    shown = pilots[(number - 1) * per_page : number * per_page]
    return Page(_board_rows(user, shown, today), len(pilots), number, per_page)


def board_overview(user, *, today: date) -> list[dict]:
    """What the board sees per pilot: step, suppressed figures, latest note, open decisions.

    Read for all the board's pilots at once, so it costs the same queries for 3 pilots or 300.
    """
    return _board_rows(user, board_pilots(user), today)


def _board_rows(user, pilots, today: date) -> list[dict]:
    from ..pilots import progress

    ids = [pilot.id for pilot in pilots]
    statuses = progress.statuses_for(ids)
    counts = key.action_counts_for(ids, today)
    notes = _latest_published_for(ids, user)
    decisions = _awaiting_board_for(ids)
    jobs = key.job_figures_for(pilots, today, suppress=True)
    seats = _board_seats(user, pilots)
    rows = []
    for pilot in pilots:
        note = notes.get(pilot.id)
        figures = key.key_figures(
            pilot,
            as_of=today,
            statuses=statuses[pilot.id],
            counts=counts[pilot.id],
            jobs=jobs[pilot.id],
        )
        rows.append(
            {
                "pilot": pilot,
                "figures": key.for_display(figures, suppress=True),
                "note": note,
                "acknowledged": bool(note) and bool(note.acknowledged),
                "decisions": decisions.get(pilot.id, []),
                # An org admin sees every pilot here but only a board member has notes to read.
                "on_board": pilot.id in seats,
            }
        )
    return rows


def _board_seats(user, pilots) -> set[int]:
    """Ids of the given pilots in which the user holds the board role."""
    # No query when choosing the board's pilots (access.pilots_where) judged them already.
    access.standings_for(user, pilots)
    return {pilot.id for pilot in pilots if access.can(user, "board.member", pilot)}


def _latest_published_for(pilot_ids, user) -> dict:
    """{pilot_id: its latest published note}, in one query: the note's id, period_label and
    published_at, and whether this user marked it as read (`acknowledged`). Plain rows:
    the board view shows no note's text, and every earlier note stays in the database."""
    if not pilot_ids:
        return {}
    ranked = (
        select(
            ProgressNote.id,
            ProgressNote.pilot_id,
            ProgressNote.period_label,
            ProgressNote.published_at,
            func.row_number()
            .over(
                partition_by=ProgressNote.pilot_id,
                order_by=(ProgressNote.period_end.desc(), ProgressNote.id.desc()),
            )
            .label("newest_first"),
        )
        .where(ProgressNote.pilot_id.in_(pilot_ids), ProgressNote.status == NoteStatus.PUBLISHED)
        .subquery()
    )
    acknowledged = (
        select(NoteAcknowledgement.id)
        .where(NoteAcknowledgement.note_id == ranked.c.id, NoteAcknowledgement.user_id == user.id)
        .exists()
    )
    rows = db.session.execute(
        select(
            ranked.c.id,
            ranked.c.pilot_id,
            ranked.c.period_label,
            ranked.c.published_at,
            acknowledged.label("acknowledged"),
        ).where(ranked.c.newest_first == 1)
    )
    return {row.pilot_id: row for row in rows}


def _awaiting_board_for(pilot_ids) -> dict:
    """{pilot_id: proposed decisions the board is to take}, in one query."""
    from ..meetings.models import Decision, DecisionStatus

    if not pilot_ids:
        return {}
    result: dict = {}
    for decision in db.session.scalars(
        select(Decision)
        .where(
            Decision.pilot_id.in_(pilot_ids),
            Decision.status == DecisionStatus.PROPOSED,
            (Decision.kind.in_(BOARD_DECISION_KINDS)) | (Decision.decided_by == "board"),
        )
        .order_by(Decision.decided_on, Decision.id)
    ):
        result.setdefault(decision.pilot_id, []).append(decision)
    return result
