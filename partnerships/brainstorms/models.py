"""Shared brainstorm boards (Bijlage III): a brainstorm, who takes part, its cards and results."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db


class BrainstormStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class OutcomeKind(enum.StrEnum):
    """What a card became after the brainstorm ("from talk to work")."""

    ACTION = "action"
    DECISION = "decision"
    POTENTIAL_JOB = "potential_job"
    SHORTLIST = "shortlist"


class Brainstorm(Timestamped, db.Model):
    """One brainstorm on one contract or tender, with the header fields of the format."""

    __tablename__ = "brainstorm"
    __table_args__ = (enum_check("status", BrainstormStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    # The jobs domain will own contracts; until then the id is kept without a foreign key.
    contract_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # Keys of the workflow's brainstorm format: kinds (existing_with_sr, ...) and natures.
    kind: Mapped[str | None] = mapped_column(String(40))
    kind_other: Mapped[str] = mapped_column(String(200), default="")
    nature: Mapped[str | None] = mapped_column(String(20))
    labour_component: Mapped[str] = mapped_column(Text, default="")
    step_code: Mapped[str | None] = mapped_column(String(10))
    allow_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=BrainstormStatus.OPEN)
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # Bumped in the database on every change to the brainstorm or its cards: the board's ETag.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # Optimistic locking of the header fields.
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    pilot = relationship("Pilot")
    facilitator = relationship("User", foreign_keys=[facilitator_id])
    closed_by = relationship("User", foreign_keys=[closed_by_id])
    shares: Mapped[list[BrainstormShare]] = relationship(
        back_populates="brainstorm", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status == BrainstormStatus.OPEN

    @property
    def shared_org_ids(self) -> frozenset[int]:
        return frozenset(share.organisation_id for share in self.shares)


class BrainstormShare(db.Model):
    """A supplier organisation whose invited contacts may see and join the brainstorm."""

    __tablename__ = "brainstorm_share"
    __table_args__ = (UniqueConstraint("brainstorm_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brainstorm_id: Mapped[int] = mapped_column(
        ForeignKey("brainstorm.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )

    brainstorm: Mapped[Brainstorm] = relationship(back_populates="shares")
    organisation = relationship("Organisation")


class BrainstormParticipant(db.Model):
    """A person invited to the brainstorm; for suppliers this is their invitation."""

    __tablename__ = "brainstorm_participant"
    __table_args__ = (UniqueConstraint("brainstorm_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brainstorm_id: Mapped[int] = mapped_column(
        ForeignKey("brainstorm.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    invited_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    user = relationship("User", foreign_keys=[user_id])
    organisation = relationship("Organisation")


class Card(Timestamped, db.Model):
    """A sticky note on a prompt or column of the board; withdrawn and merged cards stay."""

    __tablename__ = "brainstorm_card"
    __table_args__ = (Index("ix_brainstorm_card_board", "brainstorm_id", "place"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brainstorm_id: Mapped[int] = mapped_column(ForeignKey("brainstorm.id", ondelete="CASCADE"))
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    # A prompt key ("what", "who", ...) or column key ("in_view", ...) of the format.
    place: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # The organisation the author spoke for when writing, kept if they later move on.
    author_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("brainstorm_card.id", ondelete="SET NULL")
    )
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    brainstorm = relationship("Brainstorm")
    pilot = relationship("Pilot")
    author = relationship("User", foreign_keys=[author_id])
    author_organisation = relationship("Organisation")

    @property
    def visible(self) -> bool:
        return not self.withdrawn and self.merged_into_id is None

    @property
    def author_label(self) -> str:
        """The author's organisation (buyer or supplier), never the person; or "anonymous"."""
        if self.anonymous:
            return str(_l("Anonymous"))
        if self.author_organisation is None:
            return str(_l("Unknown organisation"))
        return self.author_organisation.name


class ShortlistEntry(db.Model):
    """One of a brainstorm's "top 3" suppliers (route 2B), ranked, with the reason."""

    __tablename__ = "brainstorm_shortlist_entry"
    __table_args__ = (UniqueConstraint("brainstorm_id", "rank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    brainstorm_id: Mapped[int] = mapped_column(
        ForeignKey("brainstorm.id", ondelete="CASCADE"), index=True
    )
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    supplier_name: Mapped[str] = mapped_column(String(200))
    supplier_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    card_id: Mapped[int | None] = mapped_column(
        ForeignKey("brainstorm_card.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CardOutcome(db.Model):
    """What a card turned into, so the summary can show it and nobody converts it twice."""

    __tablename__ = "brainstorm_card_outcome"
    __table_args__ = (enum_check("kind", OutcomeKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(
        ForeignKey("brainstorm_card.id", ondelete="CASCADE"), index=True
    )
    brainstorm_id: Mapped[int] = mapped_column(
        ForeignKey("brainstorm.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    # The id of the action, decision, potential job or shortlist entry created.
    target_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
