"""The evaluation of a pilot or contract (4b): what went well, suppliers' ideas, lessons."""

from __future__ import annotations

import enum
import json
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ...extensions import db


class EvaluationStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"


class LessonTheme(enum.StrEnum):
    """Themes to browse lessons by across pilots."""

    TENDER = "tender"
    CONTRACT = "contract"
    SUPPLIER = "supplier"
    TARGET_GROUP = "target_group"
    ORGANISATION = "organisation"
    MONITORING = "monitoring"
    OTHER = "other"


class Evaluation(Timestamped, db.Model):
    """The 4b evaluation of a pilot, or of one contract within it."""

    __tablename__ = "evaluation"
    __table_args__ = (enum_check("status", EvaluationStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    # The contract evaluated (jobs domain); None means the pilot as a whole.
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    went_well: Mapped[str] = mapped_column(Text, default="")
    to_improve: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=EvaluationStatus.OPEN)
    # The impact figures, frozen when the evaluation is marked done.
    figures_json: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    pilot = relationship("Pilot")
    contract = relationship("Contract")
    done_by = relationship("User")
    lessons: Mapped[list[Lesson]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan", order_by="Lesson.id"
    )
    contributions: Mapped[list[SupplierContribution]] = relationship(
        back_populates="evaluation", cascade="all, delete-orphan"
    )

    @property
    def is_done(self) -> bool:
        return self.status == EvaluationStatus.DONE

    @property
    def figures(self) -> dict | None:
        return json.loads(self.figures_json) if self.figures_json else None


class SupplierContribution(db.Model):
    """A supplier's own part of an evaluation: its ideas for social innovation."""

    __tablename__ = "supplier_contribution"
    __table_args__ = (UniqueConstraint("evaluation_id", "supplier_organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluation.id", ondelete="CASCADE"))
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    supplier_organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    ideas: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    evaluation: Mapped[Evaluation] = relationship(back_populates="contributions")
    supplier_organisation = relationship("Organisation")


class Lesson(db.Model):
    """A lesson for the next tender, browsable across the organisation's pilots."""

    __tablename__ = "lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    theme: Mapped[str] = mapped_column(String(30), default=LessonTheme.OTHER)
    text: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    evaluation: Mapped[Evaluation] = relationship(back_populates="lessons")
    pilot = relationship("Pilot")
