"""Readable names for audit events, so the audit trail never shows a dotted code."""

from __future__ import annotations

import re
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# Every event name passed to audit.record() anywhere in partnerships/; keep it complete.
EVENT_LABELS = {
    "pilot.started": _l("Pilot started"),
    "pilot.settings": _l("Pilot settings changed"),
    "pilot.route": _l("Route chosen"),
    "membership.added": _l("Role given"),
    "membership.removed": _l("Role taken away"),
    "membership.task_changed": _l("Task description changed"),
    "duty.changed": _l("Duty text adapted"),
    "duty.reset": _l("Duty text reset to the method"),
    "action.created": _l("Action created"),
    "action.changed": _l("Action changed"),
    "action.status": _l("Action status changed"),
    "action.assigned": _l("Action (re)assigned"),
    "action.commented": _l("Comment on an action"),
    "action_plan.changed": _l("Action plan changed"),
    "user.invited": _l("Person invited"),
    "user.invitation_withdrawn": _l("Invitation withdrawn"),
    "user.activated": _l("Account activated"),
    "user.deactivated": _l("Account deactivated"),
    "user.password_changed": _l("Password changed"),
    "user.linked_to_sso": _l("Account linked to the organisation's sign-in service"),
    "user.created_by_sso": _l("Account made at a first sign-in through the organisation"),
    "user.two_factor_reset": _l("Two-factor sign-in reset by an administrator"),
    "organisation.look_changed": _l("Organisation colours and logo changed"),
    "organisation.created": _l("Organisation created"),
    "organisation.changed": _l("Organisation changed"),
    "organisation.sign_in_changed": _l("Sign-in settings changed"),
    "api_token.created": _l("API token created"),
    "api_token.revoked": _l("API token revoked"),
    "decision.recorded": _l("Decision recorded"),
    "decision.superseded": _l("Decision replaced by a new one"),
    "decision.taken": _l("Decision taken"),
    "meeting.planned": _l("Meeting planned"),
    "meeting.held": _l("Meeting held"),
    "meeting.cancelled": _l("Meeting cancelled"),
    "meeting.changed": _l("Meeting changed"),
    "minutes.changed": _l("Minutes changed"),
    "minutes.sent": _l("Minutes sent round for comment"),
    "minutes.commented": _l("Comment on the minutes"),
    "minutes.fixed": _l("Minutes fixed"),
    "minutes.corrected": _l("Correction of fixed minutes started"),
    "minutes.settings_changed": _l("Handling of decisions in minutes changed"),
    "meeting.guest_added": _l("External participant added"),
    "meeting.guest_removed": _l("External participant removed"),
    "agenda.item_added": _l("Agenda item added"),
    "agenda.item_removed": _l("Agenda item removed"),
    "brainstorm.started": _l("Brainstorm started"),
    "brainstorm.changed": _l("Brainstorm changed"),
    "brainstorm.closed": _l("Brainstorm closed"),
    "brainstorm.invited": _l("Invited to a brainstorm"),
    "brainstorm.shared": _l("Brainstorm results shared"),
    "brainstorm.shortlisted": _l("Idea put on the shortlist"),
    "brainstorm.unshortlisted": _l("Idea taken off the shortlist"),
    "contract.created": _l("Contract or tender added"),
    "contract.changed": _l("Contract or tender changed"),
    "contract.linked": _l("Contract linked"),
    "potential_job.created": _l("Potential job added"),
    "potential_job.changed": _l("Potential job changed"),
    "placement.created": _l("Placement registered"),
    "placement.changed": _l("Placement changed"),
    "jobs.settings": _l("Job settings changed"),
    "monitoring.frequency": _l("Monitoring frequency set"),
    "report.submitted": _l("Report submitted"),
    "report.accepted": _l("Report accepted"),
    "report.returned": _l("Report sent back"),
    "social_return.recorded": _l("Social return contribution recorded"),
    "social_return.policy": _l("Social return policy changed"),
    "social_return.own_scheme": _l("Own valuation scheme saved"),
    "results.shared": _l("Results shared publicly"),
    "results.revoked": _l("Public results link revoked"),
    "results.story": _l("Results story changed"),
    "note.created": _l("Progress note written"),
    "note.changed": _l("Progress note changed"),
    "note.published": _l("Progress note published"),
    "note.acknowledged": _l("Progress note marked as read"),
    "note.remark": _l("Board remark added"),
    "remark.answered": _l("Board remark answered"),
    "evaluation.created": _l("Evaluation started"),
    "evaluation.changed": _l("Evaluation changed"),
    "evaluation.contribution": _l("Contribution to the evaluation"),
    "evaluation.done": _l("Evaluation completed"),
    "evaluation.reopened": _l("Evaluation reopened"),
    "lesson.added": _l("Lesson learned added"),
    "lesson.removed": _l("Lesson learned removed"),
    "policy.started": _l("Policy framework started"),
    "policy.saved": _l("Policy framework saved"),
    "policy.decision": _l("Policy framework decision recorded"),
    "policy.record": _l("Policy framework registered"),
    "policy.specialist": _l("Policy specialist set"),
}


def event_label(event: str) -> str:
    """The translated name of an event; an unknown code reads as words ("note.created")."""
    label = EVENT_LABELS.get(event)
    if label is not None:
        return str(label)
    words = re.sub(r"[._]+", " ", event).strip()
    return words[:1].upper() + words[1:]


def readable_details(event: str, details: str, route_names: dict[str, str]) -> str:
    """Details in words: arrows instead of "->", route codes as their names, "-" as "none"."""
    text = (details or "").replace(" -> ", " → ")
    if event == "pilot.route" and " → " in text:
        old, _sep, rest = text.partition(" → ")
        new, colon, reason = rest.partition(":")
        old = _("none") if old.strip() in ("", "-") else route_names.get(old.strip(), old)
        new = route_names.get(new.strip(), new)
        text = f"{old} → {new}{colon}{reason}"
    if event.startswith("report."):
        text = _report_period(text)
    return text


# How monitoring events store their period: "2026-01-01..2026-03-31 v1" on submission,
# "2026-01-01 v1 remark" on a decision.
_PERIOD = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))? v(\d+)\s*(.*)$", re.S)


def _report_period(text: str) -> str:
    """A report's period and version in words instead of the stored codes."""
    from flask_babel import format_date

    match = _PERIOD.match(text.strip())
    if match is None:
        return text
    start, end, version, rest = match.groups()
    day = lambda value: format_date(date.fromisoformat(value), "d MMMM yyyy")  # noqa: E731
    if end:
        words = _(
            "period %(start)s to %(end)s, version %(version)s",
            start=day(start),
            end=day(end),
            version=version,
        )
    else:
        words = _("period from %(start)s, version %(version)s", start=day(start), version=version)
    return f"{words}: {rest}" if rest else words
