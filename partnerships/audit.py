"""The audit trail: who changed what and when, for the coordinator to read back."""

from __future__ import annotations

from datetime import datetime

from flask_login import current_user
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .database import UTCDateTime, utcnow
from .extensions import db


class AuditEvent(db.Model):
    """One recorded change; rows are only ever added."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_pilot_at", "pilot_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    pilot_id: Mapped[int | None] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"))
    # A dotted name such as "membership.added", "action.status" or "duty.changed".
    event: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(300), default="")
    details: Mapped[str] = mapped_column(Text, default="")

    actor = relationship("User")


def record(
    event: str, subject: str = "", details: str = "", *, pilot=None, organisation=None, actor=None
) -> AuditEvent:
    """Add an audit row for the current request's user (or the given actor)."""
    if actor is None and current_user and current_user.is_authenticated:
        actor = current_user
    row = AuditEvent(
        event=event,
        subject=subject[:300],
        details=details,
        pilot_id=pilot.id if pilot is not None else None,
        organisation_id=(
            organisation.id
            if organisation is not None
            else (pilot.organisation_id if pilot is not None else None)
        ),
        actor_id=actor.id if actor is not None else None,
    )
    db.session.add(row)
    return row
