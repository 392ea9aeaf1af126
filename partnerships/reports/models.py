"""Progress notes for the board, evaluations (4b), the policy framework (5a-5c) and the
public results page (5d)."""

from __future__ import annotations

import enum
import json
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check, utcnow
from ..extensions import db


class NoteStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class ProgressNote(Timestamped, db.Model):
    """The coordinator's report to the board over one period; frozen once published."""

    __tablename__ = "progress_note"
    __table_args__ = (
        enum_check("status", NoteStatus),
        # One published note per period: the board must never see two versions of history.
        Index(
            "uq_progress_note_published_period",
            "pilot_id",
            "period_start",
            "period_end",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    period_label: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=NoteStatus.DRAFT)
    # Key figures as JSON, written once at publication so later changes never rewrite them.
    figures_json: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    pilot = relationship("Pilot")
    published_by = relationship("User", foreign_keys=[published_by_id])
    created_by = relationship("User", foreign_keys=[created_by_id])
    acknowledgements: Mapped[list[NoteAcknowledgement]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="NoteAcknowledgement.at"
    )
    remarks: Mapped[list[NoteRemark]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="NoteRemark.created_at"
    )

    @property
    def is_published(self) -> bool:
        return self.status == NoteStatus.PUBLISHED

    @property
    def figures(self) -> dict | None:
        return json.loads(self.figures_json) if self.figures_json else None


class NoteAcknowledgement(db.Model):
    """A board member saying "read and noted" about a published note."""

    __tablename__ = "note_acknowledgement"
    __table_args__ = (UniqueConstraint("note_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("progress_note.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    note: Mapped[ProgressNote] = relationship(back_populates="acknowledgements")
    user = relationship("User")


class NoteRemark(db.Model):
    """A review remark by the board on a note, for the coordinator to read and act on."""

    __tablename__ = "note_remark"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("progress_note.id", ondelete="CASCADE"), index=True
    )
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when the coordinator has read it; unread remarks make the badge on the notes tab.
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    note: Mapped[ProgressNote] = relationship(back_populates="remarks")
    author = relationship("User")


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


POLICY_SECTIONS = (
    "goal",
    "target_groups",
    "application",
    "realisation",
    "monitoring",
    "roles",
    "results",
)


class PolicyDraft(db.Model):
    """The pilot's policy framework (5a), with 5b (SR specialist) and 5c (board decision)."""

    __tablename__ = "policy_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), unique=True)
    # 5b: the social return specialist, a member of the organisation or a colleague's name.
    specialist_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    specialist_name: Mapped[str] = mapped_column(String(200), default="")
    # 5c: the decision by which the board adopted (or is asked to adopt) the policy.
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Bumped with every saved version, so two editors cannot overwrite each other.
    version: Mapped[int] = mapped_column(Integer, default=1)

    pilot = relationship("Pilot")
    specialist = relationship("User")
    decision = relationship("Decision")
    versions: Mapped[list[PolicyVersion]] = relationship(
        back_populates="draft", cascade="all, delete-orphan", order_by="PolicyVersion.number"
    )

    @property
    def current(self) -> PolicyVersion | None:
        return self.versions[-1] if self.versions else None


class PolicyVersion(db.Model):
    """One saved state of the policy text; every save adds one, none is changed."""

    __tablename__ = "policy_version"
    __table_args__ = (UniqueConstraint("draft_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("policy_draft.id", ondelete="CASCADE"))
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    goal: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[str] = mapped_column(Text, default="")
    application: Mapped[str] = mapped_column(Text, default="")
    realisation: Mapped[str] = mapped_column(Text, default="")
    monitoring: Mapped[str] = mapped_column(Text, default="")
    roles: Mapped[str] = mapped_column(Text, default="")
    results: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    draft: Mapped[PolicyDraft] = relationship(back_populates="versions")
    author = relationship("User")

    def sections(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in POLICY_SECTIONS}


class PublicResults(db.Model):
    """The coordinator's story for the public results page (5d) of a pilot."""

    __tablename__ = "public_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), unique=True)
    story: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)


class PublicLink(db.Model):
    """An unguessable link to the public results page; once revoked it stays dead."""

    __tablename__ = "public_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    # The token itself: the page is public by design, and the coordinator must be able to
    # copy the link again later. Revoking, not secrecy of storage, is what ends access.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    pilot = relationship("Pilot")

    @property
    def active(self) -> bool:
        return self.revoked_at is None
