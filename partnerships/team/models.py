"""A pilot's own wording of a RACI duty, next to the workflow's default."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow, versioned
from ..extensions import db


class DutyOverride(db.Model):
    """The coordinator's adapted duty text for one step and role in one pilot."""

    __tablename__ = "duty_override"
    __table_args__ = (UniqueConstraint("pilot_id", "step_code", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    step_code: Mapped[str] = mapped_column(String(10))
    role: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    updated_by = relationship("User")
