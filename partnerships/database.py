"""Shared column types and mixins for the domain models."""

from __future__ import annotations

import enum
from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, DateTime, func
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from .extensions import db


def utcnow() -> datetime:
    """Return an aware UTC timestamp; every stored moment is UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """A timestamp stored as UTC and always returned timezone-aware, also on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Timestamped:
    """Adds created_at and updated_at, maintained by the database layer."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


def versioned(version_column) -> dict:
    """Mapper arguments for optimistic locking on `version_column` (SQLAlchemy's version
    counter): every UPDATE and DELETE of the row carries `WHERE version = <the version this
    request loaded>`, so a concurrent save between our read and our write matches no row and
    raises StaleDataError instead of silently overwriting it.

    The application bumps the number itself (concurrency.claim, when a person saves an edit);
    housekeeping updates such as a board's revision counter are still checked but leave the
    number alone, so that a colleague adding a card does not make the facilitator's open
    edit form stale.
    """
    return {"version_id_col": version_column, "version_id_generator": False}


def enum_check(column: str, enum_cls: type[enum.StrEnum]) -> CheckConstraint:
    """The database-level guard that a state column holds one of its enum's values."""
    values = ", ".join(f"'{member.value}'" for member in enum_cls)
    return CheckConstraint(f"{column} IN ({values})", name=f"{column}_valid")


__all__ = ["db", "func", "utcnow", "UTCDateTime", "Timestamped", "enum_check", "versioned"]
