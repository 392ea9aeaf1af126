"""Completion checks of steps 4b and 5a, answered from the evaluation and the policy draft."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from .models import POLICY_SECTIONS, Evaluation, EvaluationStatus, PolicyDraft, PublicLink


@implements("evaluation:done")
def evaluation_done(pilot, _param) -> CheckResult:
    """Done once the working group has marked an evaluation of the pilot as done."""
    done = db.session.scalar(
        select(Evaluation.id)
        .where(Evaluation.pilot_id == pilot.id, Evaluation.status == EvaluationStatus.DONE)
        .limit(1)
    )
    if done is not None:
        return CheckResult("done", _l("An evaluation has been completed."))
    return CheckResult("missing", _l("No evaluation has been marked as done yet."))


@implements("policy:drafted")
def policy_drafted(pilot, _param) -> CheckResult:
    """Done when the latest version of the policy framework fills every section."""
    draft = db.session.scalar(select(PolicyDraft).where(PolicyDraft.pilot_id == pilot.id))
    if draft is None or draft.current is None:
        return CheckResult("missing", _l("No policy framework has been drafted yet."))
    empty = [name for name in POLICY_SECTIONS if not getattr(draft.current, name).strip()]
    if empty:
        return CheckResult(
            "missing",
            lazy_ngettext(
                "%(num)s of the seven sections of the policy framework is still empty.",
                "%(num)s of the seven sections of the policy framework are still empty.",
                len(empty),
            ),
        )
    return CheckResult("done", _l("The policy framework has text in every section."))


@implements("results:shared")
def results_shared(pilot, _param) -> CheckResult:
    """Sub-step 5d: the results are shared, through the public results page that is switched
    on or a recorded decision on how they are shared. An evaluation alone (4b) is not it."""
    from ..meetings.models import Decision, DecisionStatus

    public = db.session.scalar(
        select(PublicLink.id)
        .where(PublicLink.pilot_id == pilot.id, PublicLink.revoked_at.is_(None))
        .limit(1)
    )
    if public is not None:
        return CheckResult("done", _l("The public results page is switched on."))
    decided = db.session.scalar(
        select(Decision.id)
        .where(
            Decision.pilot_id == pilot.id,
            Decision.kind == "results_shared",
            Decision.status == DecisionStatus.TAKEN,
        )
        .limit(1)
    )
    if decided is not None:
        return CheckResult("done", _l("How the results are shared is recorded as a decision."))
    return CheckResult(
        "missing",
        _l("Switch on the public results page, or record how you shared the results."),
    )
