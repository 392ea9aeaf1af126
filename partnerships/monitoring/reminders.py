"""The monitoring part of the daily reminder e-mail: monitoring reports that are overdue.

Registered with `flask send-reminders` at import (this module is imported by the package),
so a supplier contact is reminded to send and the coordinator to chase.
"""

from __future__ import annotations

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _

from ..actions.reminders import ReminderSection, register_section
from ..figures import services as figures
from ..i18n import in_language_of
from . import services as monitoring


@register_section
def overdue_report_section(user, today: date) -> list[ReminderSection]:
    """One section listing this person's overdue monitoring reports, or none."""
    lines = reminder_lines(user, today)
    return [ReminderSection(_("Overdue monitoring reports"), lines)] if lines else []


def reminder_lines(user, today: date) -> list[str]:
    """One line per overdue monitoring report, for `flask send-reminders`."""
    due = monitoring.overdue_reports(user, today)
    if not due:
        return []
    names = figures.supplier_names({d.supplier_id for d in due})
    with in_language_of(user):
        return [
            _(
                "Monitoring report %(contract)s (%(supplier)s) for %(start)s to %(end)s is "
                "overdue (pilot %(pilot)s).",
                contract=d.contract_title,
                supplier=names.get(d.supplier_id, ""),
                start=format_date(d.period_start, "d MMMM yyyy"),
                end=format_date(d.period_end, "d MMMM yyyy"),
                pilot=d.pilot.title,
            )
            for d in due
        ]
