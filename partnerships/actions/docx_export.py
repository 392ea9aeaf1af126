"""The action plan as a Word document (python-docx), in the language active when called."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.shared import Pt
from flask_babel import format_date, format_decimal
from flask_babel import gettext as _

from ..i18n import locale_code
from .labels import STATUS_LABELS
from .plan import Plan

_MARKDOWN_NOISE = re.compile(r"[*_`#>]+")


def _plain(text: str) -> str:
    """Markdown written by users, as plain paragraphs for Word."""
    return _MARKDOWN_NOISE.sub("", text or "").strip()


def _owner(plan: Plan, action) -> str:
    if action.assignee is not None:
        return action.assignee.name
    role = plan.role_names.get(action.role, action.role)
    names = ", ".join(u.name for u in plan.people_by_role.get(action.role, []))
    return _("Everyone in %(role)s", role=role) + (f" ({names})" if names else "")


def _table(document, headers, rows):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = str(text)
    return table


def build(plan: Plan) -> bytes:
    """Write the plan's sections in the order of the handreiking's 1d list."""
    pilot = plan.pilot
    locale = locale_code()
    document = Document()
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = _("Action plan: %(pilot)s", pilot=pilot.title)
    document.core_properties.language = locale
    document.add_heading(_("Action plan: %(pilot)s", pilot=pilot.title), level=0)
    document.add_paragraph(pilot.organisation.name)

    document.add_heading(_("Goal and policy decision"), level=1)
    document.add_paragraph(
        _("Goal: %(jobs)s banenafspraak jobs", jobs=format_decimal(pilot.goal_jobs, "#,##0.##"))
        + (_(", %(people)s people", people=pilot.goal_people) if pilot.goal_people else "")
    )
    for text in (pilot.goals_text, pilot.target_group_text):
        if text:
            document.add_paragraph(_plain(text))
    if plan.decision is not None:
        d = plan.decision
        document.add_paragraph(
            _(
                "Policy decision (principebesluit): %(title)s, %(date)s",
                title=d.title,
                date=format_date(d.decided_on, "d MMMM yyyy"),
            )
        )
        if d.text:
            document.add_paragraph(_plain(d.text))
    else:
        document.add_paragraph(_("No policy decision (principebesluit) has been recorded yet."))

    document.add_heading(_("Working group"), level=1)
    _table(
        document,
        [_("Name"), _("Role"), _("Task description")],
        [
            (m.user.name, plan.role_names.get(m.role, m.role), m.task_description or "")
            for m in plan.members
        ],
    )

    document.add_heading(_("Actions"), level=1)
    if not plan.groups:
        document.add_paragraph(_("No actions yet."))
    for group in plan.groups:
        heading = (
            _("Step %(code)s: %(title)s", code=group.code, title=group.title)
            if group.code
            else group.title
        )
        document.add_heading(heading, level=2)
        _table(
            document,
            [_("Action"), _("Owner"), _("Deadline"), _("Status")],
            [
                (
                    a.title,
                    _owner(plan, a),
                    format_date(a.deadline, "d MMMM yyyy") if a.deadline else "–",
                    str(STATUS_LABELS[a.status]),
                )
                for a in group.actions
            ],
        )

    document.add_heading(_("Meeting agreements"), level=1)
    agreements = plan.info.meeting_agreements if plan.info else ""
    for paragraph in _plain(agreements).split("\n\n") if agreements else [_("None recorded yet.")]:
        document.add_paragraph(paragraph)

    document.add_heading(_("External organisations"), level=1)
    if plan.organisations:
        _table(
            document,
            [_("Organisation"), _("What they contribute"), _("Contact point")],
            [(o.name, o.involvement, o.contact) for o in plan.organisations],
        )
    else:
        document.add_paragraph(_("None recorded yet."))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
