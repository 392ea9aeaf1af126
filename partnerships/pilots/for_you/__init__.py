""" "Voor jou": what one person must do now, across all their pilots, each item a link.

The page reads each kind of work with one statement over all the person's pilots, so the
number of statements stays the same however many pilots or items there are. What a person
sees follows their reach in each pilot (the same roles access.py reads): the working
group gets steps, reports to accept and meetings; a supplier contact its reports to send
and brainstorms; the board its unread notes, proposed decisions and the answers to remarks;
an organisation admin invitations and pilots that lack a coordinator or backup. Each
audience's part is a module of this package; items.py holds the line they all show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ... import access, clock
from .. import rules
from . import board, organisation, suppliers, working_group
from .items import ITEMS_PER_SECTION, Item

__all__ = ["ForYou", "Item", "build"]


@dataclass
class ForYou:
    """The sections of the page, in the order they are shown; empty ones are left out."""

    steps: list[Item] = field(default_factory=list)
    progress: list[Item] = field(default_factory=list)
    remarks: list[Item] = field(default_factory=list)
    tasks: list = field(default_factory=list)
    task_counts: dict = field(default_factory=dict)
    reports_to_accept: list[Item] = field(default_factory=list)
    reports_to_send: list[Item] = field(default_factory=list)
    meetings: list[Item] = field(default_factory=list)
    minutes: list[Item] = field(default_factory=list)
    brainstorms: list[Item] = field(default_factory=list)
    shared: list[Item] = field(default_factory=list)
    notes: list[Item] = field(default_factory=list)
    decisions: list[Item] = field(default_factory=list)
    invitations: list[Item] = field(default_factory=list)
    unstaffed: list[Item] = field(default_factory=list)
    pilot_count: int = 0
    today: date | None = None

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.steps,
                self.progress,
                self.remarks,
                self.tasks,
                self.reports_to_accept,
                self.reports_to_send,
                self.meetings,
                self.minutes,
                self.brainstorms,
                self.shared,
                self.notes,
                self.decisions,
                self.invitations,
                self.unstaffed,
            )
        )


def build(user, locale: str, today: date | None = None, now: datetime | None = None) -> ForYou:
    """Everything on the person's first page, in a fixed number of statements."""
    today = today or clock.today()
    now = now or datetime.now(UTC)
    reach = rules.reach(user)
    page = ForYou(pilot_count=len(reach.pilots), today=today)
    if reach.works_on or reach.board:
        page.steps, page.progress = working_group.next_steps(reach, locale)
    if reach.works_on:
        page.reports_to_accept = working_group.reports_to_accept(reach)
    if reach.pilots:
        from ...actions.queries import task_page

        tasks = task_page(user, today, 1, per_page=ITEMS_PER_SECTION)
        page.tasks, page.task_counts = tasks.items, tasks.counts
        page.meetings, page.minutes = working_group.meetings(user, reach, now)
    if reach.supplier:
        page.reports_to_send = suppliers.reports_to_send(user, reach, today)
        page.brainstorms = suppliers.brainstorms(user, reach)
        page.shared = suppliers.shared_actions(user, reach, today)
    if reach.board:
        page.notes = board.unread_notes(user, reach)
        page.decisions = board.board_decisions(reach)
        page.remarks = board.answered_remarks(user, reach, now)
    if access.can(user, "organisation.manage_users", user.organisation):
        page.invitations = organisation.invitations(user)
    page.unstaffed = organisation.unstaffed(reach)
    return page
