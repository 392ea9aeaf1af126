"""Completion checks of steps 4b and 5a, answered from the evaluation and the policy draft."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from .models import POLICY_SECTIONS, Evaluation, EvaluationStatus, PolicyDraft


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
