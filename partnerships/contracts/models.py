"""Contracts and tenders, the pilots that share them, and potential jobs (step 3a)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, enum_check, versioned
from ..extensions import db
from .choices import ContractKind, JobStatus, Nature, SocialReturnBasis

contract_pilot = Table(
    "contract_pilot",
    db.metadata,
    Column("contract_id", ForeignKey("contract.id", ondelete="CASCADE"), primary_key=True),
    Column("pilot_id", ForeignKey("pilot.id", ondelete="CASCADE"), primary_key=True),
    # A pilot's contracts are looked up by pilot: the key starts with the contract.
    Index("ix_contract_pilot_pilot_id", "pilot_id"),
)

potential_job_supplier = Table(
    "potential_job_supplier",
    db.metadata,
    Column(
        "potential_job_id", ForeignKey("potential_job.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
)


class Contract(Timestamped, db.Model):
    """A contract or tender of a buyer; pilots of the same buyer may share it."""

    __tablename__ = "contract"
    __table_args__ = (
        enum_check("kind", ContractKind),
        enum_check("nature", Nature),
        enum_check("sr_basis", SocialReturnBasis),
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="term_valid"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=ContractKind.CONTRACT)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(30), default="other")
    nature: Mapped[str] = mapped_column(String(20), default=Nature.SERVICE)
    value_per_year: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    contract_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # whole term, excl. VAT
    wage_sum: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # loonsom, excl. VAT
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    extension_options: Mapped[str] = mapped_column(String(200), default="")
    sr_basis: Mapped[str] = mapped_column(String(20), default=SocialReturnBasis.NONE)
    sr_percentage: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    sr_instrument: Mapped[str | None] = mapped_column(String(30))
    sr_description: Mapped[str] = mapped_column(Text, default="")
    # Whether social return fits this contract ("passend", a human judgement the Rijk asks
    # for), with the reason; None until someone judged it.
    sr_fitting: Mapped[bool | None] = mapped_column(Boolean)
    sr_fitting_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The valuation scheme version this contract was tendered with ("cdio-2025@1").
    sr_scheme: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str] = mapped_column(Text, default="")  # internal to the working group
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    suppliers: Mapped[list[ContractSupplier]] = relationship(
        back_populates="contract", cascade="all, delete-orphan"
    )
    pilots = relationship("Pilot", secondary=contract_pilot)

    @property
    def supplier_ids(self) -> set[int]:
        return {s.organisation_id for s in self.suppliers}


class ContractSupplier(db.Model):
    """One supplier (opdrachtnemer) of a contract; a contract may have several."""

    __tablename__ = "contract_supplier"
    __table_args__ = (UniqueConstraint("contract_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("contract.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)

    contract: Mapped[Contract] = relationship(back_populates="suppliers")
    organisation = relationship("Organisation")


class PotentialJob(Timestamped, db.Model):
    """A job the working group sees coming (step 3a), from idea to filled or dropped."""

    __tablename__ = "potential_job"
    __table_args__ = (
        enum_check("status", JobStatus),
        CheckConstraint(
            "hours_per_week IS NULL OR (hours_per_week > 0 AND hours_per_week <= 60)",
            name="hours_valid",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(30), default="brainstorm")
    tasks: Mapped[str] = mapped_column(Text, default="")
    hours_per_week: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    status: Mapped[str] = mapped_column(String(20), default=JobStatus.IDEA)
    drop_reason: Mapped[str] = mapped_column(Text, default="")
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id", ondelete="SET NULL"))
    placement_id: Mapped[int | None] = mapped_column(
        ForeignKey("placement.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    pilot = relationship("Pilot")
    suppliers = relationship("Organisation", secondary=potential_job_supplier)
    contract = relationship("Contract")
    placement = relationship("Placement", foreign_keys=[placement_id])


# PotentialJob.placement names Placement: its class must be mapped whenever this one is.
from ..placements import models as _placements  # noqa: E402,F401
