"""An organisation admin's part: open invitations and pilots without a coordinator or backup."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from ...access import BACKUP_ROLE, COORDINATOR_ROLE, COORDINATOR_ROLES
from ...extensions import db
from .. import rules
from ..models import Membership
from .items import ITEMS_PER_SECTION, Item, item


def invitations(user) -> list[Item]:
    """Invitations of the organisation not accepted yet (one statement)."""
    from ...accounts.models import AuthToken, TokenPurpose, User

    rows = db.session.execute(
        select(User.name, User.email)
        .join(AuthToken, AuthToken.user_id == User.id)
        .where(
            User.organisation_id == user.organisation_id,
            AuthToken.purpose == TokenPurpose.INVITE,
            AuthToken.used_at.is_(None),
        )
        .order_by(AuthToken.expires_at)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        Item(
            text=f"{row.name} ({row.email})",
            pilot_title="",
            endpoint="accounts.org_users",
            values={"org_id": user.organisation_id},
        )
        for row in rows
    ]


def unstaffed(reach: rules.Reach) -> list[Item]:
    """The organisation's pilots without a coordinator or without a backup (one statement)."""
    from flask_babel import gettext as _

    if not reach.admin_of:
        return []
    held: dict[int, set[str]] = defaultdict(set)
    for pilot_id, role in db.session.execute(
        select(Membership.pilot_id, Membership.role).where(
            Membership.pilot_id.in_(reach.admin_of), Membership.role.in_(COORDINATOR_ROLES)
        )
    ):
        held[pilot_id].add(role)
    items = []
    for pid in sorted(reach.admin_of):
        missing = COORDINATOR_ROLES - held[pid]
        if not missing:
            continue
        # The coordinator matters before the backup: the link goes to the first missing.
        first = COORDINATOR_ROLE if COORDINATOR_ROLE in missing else BACKUP_ROLE
        text = (
            _("No coordinator and no backup")
            if len(missing) == 2
            else _("No coordinator")
            if first == COORDINATOR_ROLE
            else _("No backup coordinator")
        )
        items.append(item(reach, pid, text, "team.working_group", role=first))
    return items[:ITEMS_PER_SECTION]
