"""Who may read and write progress notes, evaluations, the policy and the results page.

The board reads published notes, evaluations of its pilots are internal, and the board
writes nothing but its own acknowledgements and remarks. The coordinator (or backup) reads
and answers the remarks; every board member of the pilot reads them with their answers and
is told of an answer until they have seen it. Suppliers see none of this, except their own
part of an evaluation.
"""

from __future__ import annotations

from .. import access
from ..pilots.tabs import register_tab


def _note_view(user, note, s) -> bool:
    if getattr(note, "is_published", False):
        return s.working_group or s.board
    return s.working_group


def _published_for_board(user, note, s) -> bool:
    return s.board and getattr(note, "is_published", False)


def _sits_on_board(user, organisation) -> bool:
    """The board view: buyer admins, and board members of the organisation's pilots (the
    view lists only the pilots they sit on the board of)."""
    if organisation is None or not organisation.is_buyer or user.organisation_id != organisation.id:
        return False
    return user.is_org_admin or access.any_pilot_where(user, "board.member", organisation.id)


def _browses_lessons(user, organisation) -> bool:
    """Lessons of the organisation's pilots: its admin and the working groups of its pilots."""
    if organisation is None or not organisation.is_buyer or user.organisation_id != organisation.id:
        return False
    return user.is_org_admin or access.any_pilot_where(user, "pilot.work", organisation.id)


access.register(
    {
        # obj: the pilot
        "note.list": lambda u, o, s: s.working_group or s.board,
        "note.write": lambda u, o, s: s.coordinator,
        # Drafts, and figures in full: the working group's own.
        "note.drafts": lambda u, o, s: s.working_group,
        # obj: the user's organisation
        "board.overview": lambda u, o, s: _sits_on_board(u, o),
        # The board page itself: any buyer's people (it says when they sit on no board).
        "board.page": lambda u, o, s: o is not None and o.is_buyer and u.organisation_id == o.id,
        "lessons.browse": lambda u, o, s: _browses_lessons(u, o),
        # obj: a progress note
        "note.view": _note_view,
        "note.edit": lambda u, o, s: s.coordinator and not o.is_published,
        "note.publish": lambda u, o, s: s.coordinator and not o.is_published,
        "note.acknowledge": _published_for_board,
        "note.remark": _published_for_board,
        # obj: a remark
        "remark.mark_read": lambda u, o, s: s.coordinator,
        # Those who handle remarks answer them (once: a second answer is refused as stale).
        "remark.answer": lambda u, o, s: s.coordinator,
        "remark.see_answer": lambda u, o, s: s.board and o.answered_at is not None,
        # obj: the pilot; whose Voor jou lists the answers to remarks on its notes
        "remark.answers_news": lambda u, o, s: s.board,
        # obj: the pilot
        "board.view": lambda u, o, s: s.board or s.org_admin,
        "board.member": lambda u, o, s: s.board,
        "evaluation.list": lambda u, o, s: s.working_group or s.supplier,
        "evaluation.create": lambda u, o, s: s.working_group,
        # obj: an evaluation
        "evaluation.view": lambda u, o, s: s.working_group,
        "evaluation.edit": lambda u, o, s: s.working_group and not o.is_done,
        "evaluation.close": lambda u, o, s: s.coordinator,
        "evaluation.contribute": lambda u, o, s: s.supplier and not o.is_done,
        "evaluation.view_contribution": lambda u, o, s: s.supplier,
        # obj: the pilot
        "policy.view": lambda u, o, s: s.working_group or s.board,
        "policy.edit": lambda u, o, s: s.working_group,
        "policy.record": lambda u, o, s: s.coordinator,
        "results.manage": lambda u, o, s: s.coordinator,
    }
)

# Suppliers open the evaluation tab too: there they add their own ideas (and see no more).
register_tab("reports.evaluation", "evaluation.list")
