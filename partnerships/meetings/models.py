"""Meetings and the decision register."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, enum_check, utcnow
from ..extensions import db


class DecisionKind(enum.StrEnum):
    """Kinds the method needs; each is a first-class entry in the register."""

    PRINCIPEBESLUIT = "principebesluit"
    ROUTE = "route"
    SUPPLIER_CHOICE = "supplier_choice"
    BUDGET = "budget"
    POLICY_ADOPTION = "policy_adoption"
    OTHER = "other"


class DecisionSource(enum.StrEnum):
    MANUAL = "manual"
    MEETING = "meeting"
    ROUTE_CHOICE = "route_choice"
    BRAINSTORM = "brainstorm"
    POLICY = "policy"


class DecisionStatus(enum.StrEnum):
    """A decision may be prepared and wait for the body that takes it (often the board)."""

    PROPOSED = "proposed"
    TAKEN = "taken"


class Decision(db.Model):
    """A decision of the pilot; never deleted, only superseded by a later one."""

    __tablename__ = "decision"
    __table_args__ = (
        enum_check("kind", DecisionKind),
        enum_check("source", DecisionSource),
        enum_check("status", DecisionStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default=DecisionKind.OTHER)
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    # The body or role that decided: "board", "working_group", "coordinator", ...
    decided_by: Mapped[str] = mapped_column(String(40))
    decided_on: Mapped[date] = mapped_column(Date)
    step_code: Mapped[str | None] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(20), default=DecisionSource.MANUAL)
    status: Mapped[str] = mapped_column(String(20), default=DecisionStatus.TAKEN)
    # For route decisions: "2A", "2B" or "both".
    value: Mapped[str | None] = mapped_column(String(40))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    supersedes = relationship("Decision", remote_side=[id])
    created_by = relationship("User")
