"""A pilot (proeftuin), its working group memberships and the state of each sub-step."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db


class PilotStatus(enum.StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"


class Route(enum.StrEnum):
    """After step 1 a pilot explores new tenders (2A), existing contracts (2B) or both."""

    TENDER = "2A"
    CONTRACT = "2B"
    BOTH = "both"


class MonitoringFrequency(enum.StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"


class PurchasingCategory(enum.StrEnum):
    CLEANING = "cleaning"
    WINDOW_CLEANING = "window_cleaning"
    CATERING = "catering"
    SECURITY = "security"
    MAINTENANCE = "maintenance"
    GREEN_SPACES = "green_spaces"
    ICT = "ict"
    RESEARCH = "research"
    OTHER = "other"


class Pilot(Timestamped, db.Model):
    """One organisation's pilot, following one version of one workflow."""

    __tablename__ = "pilot"
    __table_args__ = (
        enum_check("status", PilotStatus),
        enum_check("purchasing_category", PurchasingCategory),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    purchasing_category: Mapped[str] = mapped_column(String(30), default="other")
    start_date: Mapped[date] = mapped_column(Date)
    # The goal in banenafspraak jobs (25.5 h/week units) and, optionally, in people.
    goal_jobs: Mapped[Decimal] = mapped_column(Numeric(8, 2), default=Decimal("0"))
    goal_people: Mapped[int | None] = mapped_column(Integer)
    # Goals and target group agreed in sub-step 1c (Markdown).
    goals_text: Mapped[str] = mapped_column(Text, default="")
    target_group_text: Mapped[str] = mapped_column(Text, default="")
    # 1e: the board member who speaks for the pilot inside and outside the organisation.
    ambassador: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # The method is frozen per pilot so that editing a workflow never rewrites history.
    workflow_key: Mapped[str] = mapped_column(String(80))
    workflow_version: Mapped[int] = mapped_column(Integer)
    route: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default=PilotStatus.ACTIVE)
    monitoring_frequency: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    # Renewed whenever a placement or monitoring report of the pilot changes, so figures
    # counted from them can be kept under it (figures/cache.py); "" for pilots that
    # have not changed since the column was added.
    figures_stamp: Mapped[str] = mapped_column(
        String(32), default=lambda: uuid.uuid4().hex, server_default=""
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    organisation = relationship("Organisation")
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="pilot", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Pilot {self.id} {self.title!r}>"


class Membership(db.Model):
    """A person holding one role in a pilot; a person may hold several roles."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("pilot_id", "user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    # A role code from the pilot's workflow, e.g. "coordinator" or "supplier".
    role: Mapped[str] = mapped_column(String(40))
    # Set for supplier contacts: the supplier organisation they speak for in this pilot.
    supplier_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    task_description: Mapped[str] = mapped_column(Text, default="")
    # Optimistic locking of the task description, which any coordinator may edit.
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    pilot: Mapped[Pilot] = relationship(back_populates="memberships")
    user = relationship("User")
    supplier_organisation = relationship("Organisation")


class StepStatus(enum.StrEnum):
    OPEN = "open"
    BUSY = "busy"
    DONE = "done"
    SKIPPED = "skipped"


class StepState(db.Model):
    """Where a pilot stands on one sub-step; absent rows mean "open"."""

    __tablename__ = "step_state"
    __table_args__ = (
        UniqueConstraint("pilot_id", "code"),
        enum_check("status", StepStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default=StepStatus.OPEN)
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    updated_by = relationship("User")
