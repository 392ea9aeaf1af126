"""The completion check this domain answers: `meeting:held=<agenda template key>`."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..workflow.checks import CheckResult, implements
from ..workflow.model import Text
from .models import Meeting, MeetingStatus


@implements("meeting:held")
def meeting_held(pilot, template_key) -> CheckResult:
    """Done once a meeting made from this agenda template was marked held."""
    held = db.session.scalar(
        select(Meeting.held_on)
        .where(
            Meeting.pilot_id == pilot.id,
            Meeting.kind == str(template_key),
            Meeting.status == MeetingStatus.HELD,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    if held is None:
        return CheckResult(
            "missing",
            Text(
                nl="Er is nog geen overleg van deze soort als gehouden gemarkeerd.",
                en="No meeting of this kind has been marked as held yet.",
            ),
        )
    return CheckResult(
        "done",
        Text(
            nl=f"Gehouden op {held:%d-%m-%Y}.",
            en=f"Held on {held:%d-%m-%Y}.",
        ),
    )
