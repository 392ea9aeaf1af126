"""The completion check this domain answers: `meeting:held=<agenda template key>`."""

from __future__ import annotations

from sqlalchemy import select

from .. import workflows_registry
from ..database import utcnow
from ..extensions import db
from ..workflow.checks import CheckResult, implements
from ..workflow.model import Text
from .models import Meeting, MeetingStatus


@implements("meeting:held")
def meeting_held(pilot, template_key) -> CheckResult:
    """Done once a meeting made from this agenda template was held.

    Held means held: a meeting marked so counts only once it has actually started (older
    data may hold a future meeting marked held), and only a meeting of a template of the
    pilot's own method, which names the step it belongs to.
    """
    template = workflows_registry.for_pilot(pilot).agenda_template(str(template_key))
    if template is None:
        return CheckResult(
            "unavailable",
            Text(
                nl="Deze soort overleg hoort niet bij de methode van deze pilot.",
                en="This kind of meeting is not part of this pilot's method.",
            ),
        )
    held = db.session.scalar(
        select(Meeting.held_on)
        .where(
            Meeting.pilot_id == pilot.id,
            Meeting.kind == template.key,
            Meeting.status == MeetingStatus.HELD,
            Meeting.starts_at <= utcnow(),
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
