"""What a pilot leaves behind: the policy framework (5a-5c) and its public results (5d)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import UTCDateTime, utcnow, versioned
from ...extensions import db

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
    __mapper_args__ = versioned(version)

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
    __mapper_args__ = versioned(version)


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
