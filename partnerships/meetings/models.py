"""Meetings with their agenda, participants and minutes, and the decision register."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db

# A meeting made without one of the workflow's agenda templates.
FREE_KIND = "free"
# The agenda template whose meetings list the pilot's state and are planned periodically.
PROGRESS_KIND = "progress"


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class MinutesState(enum.StrEnum):
    """Minutes are drafted, sent round for comment, then fixed and locked."""

    CONCEPT = "concept"
    REVIEW = "review"
    FIXED = "fixed"


class Meeting(Timestamped, db.Model):
    """A meeting of the pilot: a kick-off, a talk with a supplier, a progress or board meeting."""

    __tablename__ = "meeting"
    __table_args__ = (
        enum_check("status", MeetingStatus),
        enum_check("minutes_state", MinutesState),
        Index("ix_meeting_pilot_starts", "pilot_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"))
    # An agenda template key of the pilot's workflow ("kickoff", "progress", ...) or "free".
    kind: Mapped[str] = mapped_column(String(40), default=FREE_KIND)
    title: Mapped[str] = mapped_column(String(200))
    # Stored in UTC; entered and shown in Europe/Amsterdam.
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    place: Mapped[str] = mapped_column(String(200), default="")
    video_url: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.PLANNED)
    # Progress meetings, and any meeting flagged so, list open actions and busy steps live.
    shows_pilot_state: Mapped[bool] = mapped_column(Boolean, default=False)
    # Planned by the monitoring frequency; only these are re-planned when it changes.
    auto_planned: Mapped[bool] = mapped_column(Boolean, default=False)
    held_on: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    # iCalendar's SEQUENCE: grows when the time, place or invitees change or it is cancelled,
    # so calendars replace the invitation they hold instead of adding a second one.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    minutes_state: Mapped[str] = mapped_column(String(20), default=MinutesState.CONCEPT)
    # Participants may comment on minutes sent round until the end of this day.
    comments_until: Mapped[date | None] = mapped_column(Date)
    # 1 for the first minutes; every correction of fixed minutes adds one.
    minutes_version: Mapped[int] = mapped_column(Integer, default=1)

    pilot = relationship("Pilot")
    created_by = relationship("User", foreign_keys=[created_by_id])
    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.position",
        foreign_keys="AgendaItem.meeting_id",
    )
    guests: Mapped[list[MeetingGuest]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingGuest.id"
    )

    @property
    def is_open(self) -> bool:
        """Planned meetings are open to the working group; held or cancelled ones are closed."""
        return self.status == MeetingStatus.PLANNED

    @property
    def lists_pilot_state(self) -> bool:
        return self.kind == PROGRESS_KIND or self.shows_pilot_state

    def takes_part(self, user) -> bool:
        return any(p.user_id == user.id for p in self.participants)

    def __repr__(self) -> str:
        return f"<Meeting {self.id} {self.title!r}>"


class MeetingParticipant(db.Model):
    """A member of the pilot invited to a meeting; supplier contacts see only these meetings."""

    __tablename__ = "meeting_participant"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    user = relationship("User")


class AgendaItem(db.Model):
    """A point on the agenda, with its minutes; internal unless shared with the supplier."""

    __tablename__ = "agenda_item"
    __table_args__ = (Index("ix_agenda_item_meeting_position", "meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    # The minutes of this item (Markdown, rendered sanitised).
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    # The follow-up item that fixes an earlier meeting's minutes when this meeting is held.
    approves_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )

    meeting: Mapped[Meeting] = relationship(back_populates="items", foreign_keys=[meeting_id])
    draft_decisions: Mapped[list[DraftDecision]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="DraftDecision.id"
    )
    comments: Mapped[list[MinutesComment]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="MinutesComment.id"
    )
    decisions: Mapped[list[Decision]] = relationship(
        secondary="meeting_decision", order_by="Decision.id", viewonly=True
    )
    action_links: Mapped[list[AgendaItemAction]] = relationship(
        back_populates="agenda_item", cascade="all, delete-orphan", order_by="AgendaItemAction.id"
    )

    @property
    def pilot_id(self) -> int:
        return self.meeting.pilot_id


class AgendaItemAction(db.Model):
    """Which agenda item an action agreed in a meeting came from (the action keeps source_id)."""

    __tablename__ = "agenda_item_action"
    __table_args__ = (UniqueConstraint("agenda_item_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"))

    agenda_item: Mapped[AgendaItem] = relationship(back_populates="action_links")
    action = relationship("Action")


class DecisionKind(enum.StrEnum):
    """Kinds the method needs; each is a first-class entry in the register."""

    PRINCIPEBESLUIT = "principebesluit"
    ROUTE = "route"
    SUPPLIER_CHOICE = "supplier_choice"
    BUDGET = "budget"
    POLICY_ADOPTION = "policy_adoption"
    # 2Ab: the social procurement strategy (track and instrument) for a tender.
    PROCUREMENT_STRATEGY = "procurement_strategy"
    # 2Ac: what the market consultation showed about size, nature and duration.
    MARKET_CONSULTATION = "market_consultation"
    # 2Ad: how the tender asks for social return.
    SR_REQUIREMENT = "sr_requirement"
    # 5d: how and where the results are shared.
    RESULTS_SHARED = "results_shared"
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
    # Indexed: "the decision that stands" looks for a later one superseding it.
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    supersedes = relationship("Decision", remote_side=[id])
    created_by = relationship("User")


class MeetingDecision(db.Model):
    """Where a decision taken in a meeting was taken: the meeting and its agenda item.

    Kept beside the decision rather than on it, so the register's own table stays as the
    stepper and other domains know it.
    """

    __tablename__ = "meeting_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), unique=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    # Entered before the minutes were fixed ("onder voorbehoud"), by the pilot's choice.
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)

    decision = relationship("Decision")
    meeting = relationship("Meeting")


from .records import (  # noqa: E402  (the minutes' and invitations' tables, split off)
    DraftDecision,
    InvitationDelivery,
    MeetingGuest,
    MeetingSettings,
    MinutesComment,
    MinutesVersion,
)

__all__ = [
    "AgendaItem",
    "AgendaItemAction",
    "Decision",
    "DraftDecision",
    "InvitationDelivery",
    "Meeting",
    "MeetingDecision",
    "MeetingGuest",
    "MeetingParticipant",
    "MeetingSettings",
    "MinutesComment",
    "MinutesVersion",
]
