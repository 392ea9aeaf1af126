"""Anonymous placements: the jobs realised, and the evidence seen for them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..contracts import models as _named  # noqa: F401  (Placement.contract names Contract: mapped with them)
from ..contracts.choices import (
    EvidenceKind,
    Outcome,
)
from ..database import UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db


class Placement(db.Model):
    """A realised job, anonymous by design: no field can hold who the person is."""

    __tablename__ = "placement"
    __table_args__ = (
        enum_check("outcome", Outcome),
        CheckConstraint("hours_per_week > 0 AND hours_per_week <= 60", name="hours_valid"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    supplier_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    # The supplier's own anonymous code, so reports and placements can be matched.
    reference: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(80))
    target_group: Mapped[str] = mapped_column(String(80))
    hours_per_week: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default=Outcome.ACTIVE)
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    # An organisation, never a person: e.g. the social workplace that seconds the person.
    seconding_organisation: Mapped[str] = mapped_column(String(200), default="")
    # CDIO: a lasting support need keeps counting after the first year.
    lasting_support_need: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    pilot = relationship("Pilot")
    contract = relationship("Contract")
    supplier = relationship("Organisation")
    evidence: Mapped[list[PlacementEvidence]] = relationship(
        back_populates="placement", cascade="all, delete-orphan"
    )

    @property
    def employed_until(self) -> date | None:
        """Last day known in employment: stopping ends it; the other outcomes keep working."""
        return self.end_date if self.outcome == Outcome.STOPPED else None


class PlacementEvidence(db.Model):
    """That a document proving the placement was seen, and when; never the document itself."""

    __tablename__ = "placement_evidence"
    __table_args__ = (
        UniqueConstraint("placement_id", "kind"),
        enum_check("kind", EvidenceKind),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placement.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    seen: Mapped[bool] = mapped_column(Boolean, default=False)
    seen_on: Mapped[date | None] = mapped_column(Date)

    placement: Mapped[Placement] = relationship(back_populates="evidence")
