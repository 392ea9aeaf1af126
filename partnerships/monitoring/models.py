"""Monitoring reports (step 4a): per contract, supplier and period, one line per placement."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
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

from ..contracts.choices import ReportStatus
from ..database import UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db
from ..placements import models as _named  # noqa: F401  (reports name Contract and Placement: mapped with them)


class MonitoringReport(db.Model):
    """One version of a supplier's report on one contract for one period.

    An accepted version is locked; a correction is a new row with a higher version_no and
    a reason, so earlier versions stay readable.
    """

    __tablename__ = "monitoring_report"
    __table_args__ = (
        # Per pilot: a contract shared by two pilots has a report for each of them.
        UniqueConstraint(
            "pilot_id",
            "contract_id",
            "supplier_organisation_id",
            "period_start",
            "version_no",
            name="uq_monitoring_report_version",
        ),
        enum_check("status", ReportStatus),
        CheckConstraint("period_end >= period_start", name="period_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    supplier_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default=ReportStatus.SUBMITTED)
    narrative: Mapped[str] = mapped_column(Text, default="")
    # 4a: costs the supplier made for social return in the period (guidance, training,
    # adjustments), in EUR excl. VAT; None when not reported.
    sr_costs: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    correction_reason: Mapped[str] = mapped_column(Text, default="")
    remark: Mapped[str] = mapped_column(Text, default="")  # the buyer's, when returning
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    submitted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic lock
    __mapper_args__ = versioned(version)

    pilot = relationship("Pilot")
    contract = relationship("Contract")
    supplier = relationship("Organisation")
    submitted_by = relationship("User", foreign_keys=[submitted_by_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])
    lines: Mapped[list[MonitoringLine]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="MonitoringLine.id"
    )

    @property
    def locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED


class MonitoringLine(db.Model):
    """Paid hours in the period: for one placement, or aggregated by target group and kind."""

    __tablename__ = "monitoring_line"
    __table_args__ = (
        CheckConstraint("paid_hours >= 0", name="hours_valid"),
        CheckConstraint("people IS NULL OR people >= 0", name="people_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("monitoring_report.id", ondelete="CASCADE"), index=True
    )
    placement_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement.id", ondelete="SET NULL"), index=True
    )
    target_group: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str | None] = mapped_column(String(80))
    people: Mapped[int | None] = mapped_column(Integer)
    paid_hours: Mapped[Decimal] = mapped_column(Numeric(9, 2))

    report: Mapped[MonitoringReport] = relationship(back_populates="lines")
    placement = relationship("Placement")
