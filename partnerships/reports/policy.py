"""The policy framework (5a), who carries it (5b) and the board's adoption (5c).

The first version is written from what the pilot already knows, so the working group edits
a draft instead of facing seven empty boxes. Every save adds a version; none is changed.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from .. import access, audit, suppression, workflows_registry
from ..concurrency import claim
from ..extensions import db
from ..i18n import locale_code
from . import figures as key
from .models import POLICY_SECTIONS, Lesson, PolicyDraft, PolicyVersion


def section_titles() -> dict[str, str]:
    """The section names the handreiking gives a policy framework (5a, p.31)."""
    return {
        "goal": _("Goal"),
        "target_groups": _("Target groups"),
        "application": _("Application"),
        "realisation": _("Realisation"),
        "monitoring": _("Monitoring"),
        "roles": _("Division of roles"),
        "results": _("Intended results"),
    }


def draft_of(pilot) -> PolicyDraft | None:
    return db.session.scalar(select(PolicyDraft).where(PolicyDraft.pilot_id == pilot.id))


def _figures_lines(pilot) -> list[str]:
    """The results so far, as the board and the council may read them: the draft leaves the
    working group, so its figures go through the one suppression rule (suppression.py)."""
    figures = key.for_display(key.key_figures(pilot, suppress=True), suppress=True)
    lines, hidden = [], False
    if figures["people"] is not None:
        lines.append(_("- People placed so far: %(n)s", n=figures["people"]))
    if figures["banen"] == suppression.HIDDEN:
        hidden = True
    elif figures["banen"] is not None:
        lines.append(
            _(
                "- Banenafspraak jobs (25.5 hours a week each): %(n)s",
                n=str(figures["banen"]).replace(".", ","),
            )
        )
    if figures["durable"] == suppression.HIDDEN:
        hidden = True
    elif figures["durable"] is not None:
        lines.append(_("- Durable jobs (still working after a year): %(n)s", n=figures["durable"]))
    if hidden or figures["people"] == suppression.small_marker():
        lines.append(
            _(
                "- Figures of fewer than %(n)s people are left out, so that nobody can be "
                "recognised.",
                n=suppression.THRESHOLD,
            )
        )
    return lines


def _goal_line(pilot) -> str:
    jobs = str(pilot.goal_jobs).rstrip("0").rstrip(".").replace(".", ",")
    if pilot.goal_people:
        return _(
            "The pilot aimed at %(jobs)s banenafspraak jobs for %(people)s people.",
            jobs=jobs,
            people=pilot.goal_people,
        )
    return _("The pilot aimed at %(jobs)s banenafspraak jobs.", jobs=jobs)


def _roles_text(pilot) -> str:
    """Who held which role in the pilot, and what each role does in embedding (step 5)."""
    workflow = workflows_registry.for_pilot(pilot)
    locale = locale_code()
    holders: dict[str, list[str]] = {}
    for membership in pilot.memberships:
        if membership.role in access.internal_roles(pilot):
            holders.setdefault(membership.role, []).append(membership.user.name)
    duties = workflow.duties_for("5")
    lines = []
    for role in workflow.roles:
        duty = duties.get(role.code)
        if duty is None and role.code not in holders:
            continue
        line = f"- **{role.name.get(locale)}**"
        if role.code in holders:
            line += f" ({', '.join(sorted(holders[role.code]))})"
        if duty is not None:
            line += f": {duty.text.get(locale)}"
        lines.append(line)
    return "\n".join(lines)


def _monitoring_text(pilot) -> str:
    labels = {
        "month": _("every month"),
        "quarter": _("every quarter"),
        "half_year": _("every half year"),
    }
    frequency = labels.get(pilot.monitoring_frequency or "")
    if frequency is None:
        return _("The monitoring frequency has not been agreed yet.")
    return _(
        "Suppliers report the paid hours of people from the target group %(frequency)s; the "
        "working group discusses the figures and adjusts the action plan. Reports are "
        "anonymous or aggregated.",
        frequency=frequency,
    )


def prefill(pilot) -> dict[str, str]:
    """Section texts drawn from the pilot: goals (1c), roles and RACI, monitoring, results."""
    lessons = db.session.scalars(
        select(Lesson).where(Lesson.pilot_id == pilot.id).order_by(Lesson.id)
    ).all()
    application = _(
        "Social return is considered in every purchase where the work suits people from the "
        "target group: in new tenders and in existing contracts."
    )
    if lessons:
        application += "\n\n" + _("Lessons from the pilot for the next tender:") + "\n\n"
        application += "\n".join(f"- {lesson.text}" for lesson in lessons)
    realisation = "\n".join(
        [
            _("Results of the pilot so far:"),
            "",
            *(_figures_lines(pilot) or [_("- none yet")]),
        ]
    )
    return {
        "goal": "\n\n".join(filter(None, [pilot.goals_text.strip(), _goal_line(pilot)])),
        "target_groups": pilot.target_group_text.strip(),
        "application": application,
        "realisation": realisation,
        "monitoring": _monitoring_text(pilot),
        "roles": _roles_text(pilot),
        "results": _goal_line(pilot),
    }


def start_draft(pilot, actor) -> PolicyDraft:
    """Create the draft with a first version filled from the pilot's data."""
    draft = PolicyDraft(pilot_id=pilot.id)
    db.session.add(draft)
    db.session.flush()
    draft.versions.append(
        PolicyVersion(pilot_id=pilot.id, number=1, author_id=actor.id, **prefill(pilot))
    )
    db.session.flush()
    audit.record("policy.started", "", pilot=pilot, actor=actor)
    return draft


def save_version(draft: PolicyDraft, actor, *, version, sections: dict[str, str]) -> PolicyVersion:
    """Add the edited text as a new version, unless someone saved in between."""
    claim(draft, version)
    number = (draft.current.number if draft.current else 0) + 1
    row = PolicyVersion(
        pilot_id=draft.pilot_id,
        number=number,
        author_id=actor.id,
        **{name: sections.get(name, "") for name in POLICY_SECTIONS},
    )
    draft.versions.append(row)
    db.session.flush()
    audit.record("policy.saved", _("Version %(n)s", n=number), pilot=draft.pilot, actor=actor)
    return row


def set_specialist(draft: PolicyDraft, actor, *, user=None, name: str = "") -> None:
    """5b: record who carries social return from now on, a colleague in the system or not."""
    draft.specialist_user_id = user.id if user is not None else None
    draft.specialist_name = "" if user is not None else name.strip()
    audit.record(
        "policy.specialist",
        user.name if user else draft.specialist_name,
        pilot=draft.pilot,
        actor=actor,
    )


def record_adoption(draft: PolicyDraft, actor, *, title: str, status: str, decided_on: date):
    """5c: put the adoption in the decision register (proposed for the board, or taken)."""
    from ..meetings.services import record_decision

    decision = record_decision(
        draft.pilot,
        actor,
        kind="policy_adoption",
        title=title,
        decided_by="board",
        decided_on=decided_on,
        step_code="5c",
        source="policy",
        status=status,
        text=_("Policy framework, version %(n)s", n=draft.current.number) if draft.current else "",
    )
    draft.decision_id = decision.id
    return decision


def link_decision(draft: PolicyDraft, actor, decision) -> None:
    """5c: point at a decision already in the register."""
    draft.decision_id = decision.id if decision is not None else None
    audit.record(
        "policy.decision", decision.title if decision else "", pilot=draft.pilot, actor=actor
    )


def pilot_decisions(pilot) -> list:
    """Decisions of the pilot that the policy may point to, newest first."""
    from ..meetings.models import Decision

    return list(
        db.session.scalars(
            select(Decision)
            .where(Decision.pilot_id == pilot.id)
            .order_by(Decision.decided_on.desc(), Decision.id.desc())
        )
    )
