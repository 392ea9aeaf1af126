"""The jobs part of the daily reminder e-mail: monitoring reports that are overdue.

Registered with `flask send-reminders` at import (this module is imported by the package),
so a supplier contact is reminded to send and the coordinator to chase.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from ..actions.reminders import ReminderSection, register_section
from . import services


@register_section
def overdue_report_section(user, today: date) -> list[ReminderSection]:
    """One section listing this person's overdue monitoring reports, or none."""
    lines = services.reminder_lines(user, today)
    return [ReminderSection(_("Overdue monitoring reports"), lines)] if lines else []
