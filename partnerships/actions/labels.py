"""Names of statuses and history fields in the user's language."""

from flask_babel import lazy_gettext as _l

from .models import ActionStatus

STATUS_LABELS = {
    ActionStatus.OPEN: _l("Open"),
    ActionStatus.BUSY: _l("Busy"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.DROPPED: _l("Dropped"),
}

FIELD_LABELS = {
    "created": _l("Created"),
    "status": _l("Status"),
    "assignee_id": _l("Assigned to"),
    "deadline": _l("Deadline"),
    "role": _l("Responsible role"),
    "title": _l("Title"),
    "step_code": _l("Step"),
    "is_internal": _l("Internal"),
}
