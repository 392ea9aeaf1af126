"""Social return beyond placements: purchases, community hours, trajectories; own schemes.

Placements themselves live in placements/ (they count for the banenafspraak too); what this
domain adds is anonymous and aggregate: an invoice of an enterprise, hours of a project,
the number of people who started a trajectory.
"""

from __future__ import annotations

import enum
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

from ..database import UTCDateTime, enum_check, utcnow
from ..extensions import db


class ContributionKind(enum.StrEnum):
    PURCHASE = "purchase"
    COMMUNITY = "community"
    TRAJECTORY = "trajectory"


class Certificate(enum.StrEnum):
    """How an enterprise shows it is social (CDIO element 3): the evidence seen."""

    SOCIAL_ENTERPRISE_NL = "social_enterprise_nl"
    BUY_SOCIAL = "buy_social"
    CODE_SOCIALE_ONDERNEMINGEN = "code_sociale_ondernemingen"
    PSO_30 = "pso_30"
    PSO_1 = "pso_1"
    PSO_2 = "pso_2"
    PSO_3 = "pso_3"


class Contribution(db.Model):
    """One contribution of a supplier to a contract's social return, other than a placement."""

    __tablename__ = "sr_contribution"
    __table_args__ = (
        enum_check("kind", ContributionKind),
        CheckConstraint("amount IS NULL OR amount >= 0", name="amount_valid"),
        CheckConstraint("hours IS NULL OR hours >= 0", name="hours_valid"),
        CheckConstraint("people IS NULL OR people >= 0", name="people_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    supplier_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    occurred_on: Mapped[date] = mapped_column(Date)  # invoice date, project day, start
    description: Mapped[str] = mapped_column(String(200), default="")
    # Purchases: the invoice value (excl. VAT) and the enterprise's certificate seen.
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    enterprise: Mapped[str] = mapped_column(String(200), default="")
    certificate: Mapped[str | None] = mapped_column(String(40))
    certified_on: Mapped[date | None] = mapped_column(Date)
    # Community projects: hours. Trajectories: how many people started, of which group.
    hours: Mapped[Decimal | None] = mapped_column(Numeric(9, 2))
    people: Mapped[int | None] = mapped_column(Integer)
    target_group: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )

    contract = relationship("Contract")
    supplier = relationship("Organisation")


class OwnScheme(db.Model):
    """One saved version of an organisation's own valuation scheme, as TOML text."""

    __tablename__ = "sr_own_scheme"
    __table_args__ = (UniqueConstraint("organisation_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
