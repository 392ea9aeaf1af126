"""A buyer's counting settings and lists; absent means the handreiking's defaults."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..database import versioned
from ..extensions import db
from .counting import HOURS_PER_JOB


class OrganisationSettings(db.Model):
    """A buyer's counting rules, thresholds and lists; absent means the defaults below."""

    __tablename__ = "jobs_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), unique=True
    )
    hours_per_job: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=HOURS_PER_JOB)
    durable_months: Mapped[int] = mapped_column(Integer, default=12)
    sr_threshold: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("250000"))
    sr_min_months: Mapped[int] = mapped_column(Integer, default=6)
    route_2b_threshold: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal("200000"))
    # Social return policy of the organisation (socialreturn/): the valuation scheme it
    # chose, and thresholds on the *contract value* per kind, apart from the wage-sum one.
    sr_scheme: Mapped[str | None] = mapped_column(String(80))
    sr_value_threshold_work: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    sr_value_threshold_service: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    sr_value_threshold_supply: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    sr_policy_source: Mapped[str] = mapped_column(String(300), default="")
    # Lists as JSON: codes of the default entries in use, plus the organisation's own labels.
    target_groups: Mapped[str | None] = mapped_column(Text)
    placement_kinds: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
