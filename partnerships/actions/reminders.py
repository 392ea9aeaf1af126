"""Daily reminder e-mails: each person's overdue and soon-due tasks, in their language.

Other domains add their own parts of the e-mail through SECTION_PROVIDERS. A provider is
``fn(user, today) -> list[ReminderSection]``; it is called with the user's language active
(so gettext works), should return [] when it has nothing for this person, and must not
change data. Register it at import, e.g. in your domain's ``checks.py`` or ``rules.py``::

    from partnerships.actions.reminders import ReminderSection, register_section

    @register_section
    def overdue_reports(user, today):
        lines = [...]  # plain text, one line per item
        return [ReminderSection(_("Monitoring reports overdue"), lines)] if lines else []

A person gets at most one e-mail a day (User.last_reminder_on), and none when every
section is empty or they switched reminders off in their settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from flask import current_app, url_for
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from .. import clock, mail
from ..extensions import db
from ..i18n import in_language_of
from . import queries


@dataclass
class ReminderSection:
    """A titled list of plain-text lines in one reminder e-mail."""

    title: str
    lines: list[str] = field(default_factory=list)


SectionProvider = Callable[[object, date], list[ReminderSection]]
SECTION_PROVIDERS: list[SectionProvider] = []


def register_section(provider: SectionProvider) -> SectionProvider:
    """Add a provider of reminder sections (once, however often the module is imported)."""
    name = f"{provider.__module__}.{provider.__qualname__}"
    if all(f"{p.__module__}.{p.__qualname__}" != name for p in SECTION_PROVIDERS):
        SECTION_PROVIDERS.append(provider)
    return provider


def _line(action) -> str:
    deadline = format_date(action.deadline, "d MMMM yyyy") if action.deadline else "–"
    return _(
        "%(title)s (%(pilot)s), deadline %(deadline)s",
        title=action.title,
        pilot=action.pilot.title,
        deadline=deadline,
    )


@register_section
def action_sections(user, today: date) -> list[ReminderSection]:
    """Overdue actions, and actions due in the next seven days."""
    tasks = queries.my_tasks(user, today)
    overdue = [a for a in tasks if queries.urgency(a, today) == "overdue"]
    soon = [a for a in tasks if queries.urgency(a, today) == "soon"]
    sections = []
    if overdue:
        sections.append(ReminderSection(_("Overdue"), [_line(a) for a in overdue]))
    if soon:
        sections.append(ReminderSection(_("Due in the next 7 days"), [_line(a) for a in soon]))
    return sections


def compose(user, today: date) -> tuple[str, str] | None:
    """Subject and body for this person today, or None when there is nothing to remind."""
    sections = [s for provider in SECTION_PROVIDERS for s in provider(user, today) if s.lines]
    if not sections:
        return None
    parts = [
        _("Hello %(name)s,", name=user.name),
        "",
        _("Here is what needs your attention in Partnerships."),
    ]
    for section in sections:
        parts += ["", section.title, "-" * len(section.title)]
        parts += [f"- {line}" for line in section.lines]
    parts += [
        "",
        _("See all your tasks: %(link)s", link=url_for("actions.my_tasks", _external=True)),
        "",
        _(
            "You can switch these reminders off in your settings: %(link)s",
            link=url_for("accounts.settings", _external=True),
        ),
    ]
    count = sum(len(s.lines) for s in sections)
    subject = ngettext(
        "Partnerships: %(num)s task needs your attention",
        "Partnerships: %(num)s tasks need your attention",
        count,
    )
    return subject, "\n".join(parts)


def send_all(today: date | None = None) -> int:
    """Mail everyone who is due a reminder; returns how many e-mails were sent."""
    from ..accounts.models import User

    today = today or clock.today()
    users = db.session.scalars(
        select(User)
        .where(
            User.is_active_account.is_(True),
            User.reminders_enabled.is_(True),
            (User.last_reminder_on.is_(None)) | (User.last_reminder_on < today),
        )
        .order_by(User.id)
    ).all()
    base = current_app.config.get("BASE_URL") or "http://localhost:5000"
    sent = 0
    # Links in the e-mail need an absolute address; outside a request, BASE_URL gives it.
    with current_app.test_request_context("/", base_url=base):
        for user in users:
            with in_language_of(user):
                message = compose(user, today)
            if message is None:
                continue
            if mail.send(user.email, *message):
                user.last_reminder_on = today
                sent += 1
                # Commit per person, so a failure half-way never mails anyone twice.
                db.session.commit()
    return sent
