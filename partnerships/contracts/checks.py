"""Completion checks answered from contracts and potential jobs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from .models import PotentialJob, contract_pilot


def at_least(count: int, wanted, message) -> CheckResult:
    wanted = int(wanted or 1)
    status = "done" if count >= wanted else "missing"
    return CheckResult(status, message % {"count": count, "wanted": wanted})


@implements("contracts:min")
def contracts_min(pilot, param) -> CheckResult:
    count = db.session.scalar(
        select(func.count())
        .select_from(contract_pilot)
        .where(contract_pilot.c.pilot_id == pilot.id)
    )
    return at_least(
        count, param, _l("%(count)s of at least %(wanted)s contracts or tenders recorded.")
    )


@implements("potential_jobs:min")
def potential_jobs_min(pilot, param) -> CheckResult:
    count = db.session.scalar(
        select(func.count(PotentialJob.id)).where(PotentialJob.pilot_id == pilot.id)
    )
    return at_least(count, param, _l("%(count)s of at least %(wanted)s potential jobs recorded."))
