"""Completion checks answered from placements."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from ..contracts.checks import at_least
from ..extensions import db
from ..workflow.checks import CheckResult, implements
from .models import Placement


@implements("placements:min")
def placements_min(pilot, param) -> CheckResult:
    count = db.session.scalar(
        select(func.count(Placement.id)).where(Placement.pilot_id == pilot.id)
    )
    return at_least(count, param, _l("%(count)s of at least %(wanted)s placements realised."))
