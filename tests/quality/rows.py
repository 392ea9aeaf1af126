"""Table by table, without knowing the domains: the row of each table that URLs of the
quality world point at, and one invented row for every table no story filled."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import func, select

from partnerships.database import utcnow
from partnerships.extensions import db

if TYPE_CHECKING:
    from tests.quality.world import World

# Tables whose rows the world never fabricates: they are written by the app itself.
NOT_FABRICATED = {"login_attempt", "alembic_version"}


def first_rows(world: World) -> dict[str, int]:
    """For every table, the id of a row of the world pilot that fits the rows chosen before
    (a card of the chosen brainstorm), preferring rows of the first supplier (S1)."""
    rows: dict[str, int] = {
        "pilot": world.pilot_id,
        "organisation": world.org_ids["A"],
        "user_account": world.user_ids["member"],
    }
    s1 = world.org_ids["S1"]
    tables = db.metadata.tables
    for table in db.metadata.sorted_tables:
        if "id" not in table.c or table.name in rows:
            continue
        query = select(table.c.id).order_by(table.c.id).limit(1)
        if "pilot_id" in table.c:
            query = query.where(table.c.pilot_id == world.pilot_id)
        for column in table.columns:
            for key in column.foreign_keys:
                target = key.column.table.name
                if (
                    target in rows
                    and target not in ("organisation", "user_account")
                    and (target != table.name and not column.nullable)
                ):
                    query = query.where(column == rows[target])
        preferred = []
        for column in table.columns:
            if any(k.column.table.name == "organisation" for k in column.foreign_keys):
                preferred.append(column == s1)
        for link in tables.values():
            to_table = [
                c for c in link.columns if any(k.column.table is table for k in c.foreign_keys)
            ]
            to_org = [
                c
                for c in link.columns
                if any(k.column.table.name == "organisation" for k in c.foreign_keys)
            ]
            if to_table and to_org and link is not table:
                preferred.append(
                    table.c.id.in_(select(to_table[0]).where(to_org[0] == s1).scalar_subquery())
                )
        found = None
        if preferred:
            found = db.session.scalar(query.where(sa.or_(*preferred)))
        if found is None:
            found = db.session.scalar(query)
        if found is not None:
            rows[table.name] = found
    if "policy_version" in tables and "policy_version" in rows:
        number = db.session.scalar(
            select(tables["policy_version"].c.number).where(
                tables["policy_version"].c.id == rows["policy_version"]
            )
        )
        rows["policy_version_number"] = number
    return rows


def fabricate_missing(world: World) -> None:
    """Give every still-empty table one row that points into the world pilot."""
    for table in db.metadata.sorted_tables:
        if table.name in NOT_FABRICATED:
            continue
        if db.session.scalar(select(func.count()).select_from(table)):
            continue
        values = {}
        for column in table.columns:
            value = _value_for_column(world, table, column)
            if value is not _SKIP:
                values[column.name] = value
        with db.session.begin_nested():
            db.session.execute(table.insert().values(**values))


_SKIP = object()


def _value_for_column(world: World, table, column):
    if column.primary_key and isinstance(column.type, sa.Integer) and not column.foreign_keys:
        return _SKIP
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column.table
        if target is table:
            return _SKIP  # no self-references (merged_into, supersedes)
        return _reference(world, table, column, target.name)
    if column.default is not None or column.server_default is not None:
        return _SKIP
    if column.nullable:
        return _SKIP
    return _sample(world, table, column)


def _reference(world: World, table, column, target: str):
    if target == "pilot":
        return world.pilot_id
    if target == "organisation":
        # Rows of a pilot that name an organisation name the first supplier; organisation-wide
        # rows (settings, API tokens) belong to the buyer.
        return world.org_ids["S1"] if "pilot_id" in table.c else world.org_ids["A"]
    if target == "user_account":
        # A participant row tied to an organisation speaks for the first supplier.
        if column.name == "user_id" and "organisation_id" in table.c:
            return world.user_ids["supplier_same_pilot"]
        return world.user_ids["coordinator"]
    found = db.session.scalar(select(db.metadata.tables[target].c.id).limit(1))
    return found if found is not None or column.nullable else _SKIP


def _sample(world: World, table, column):
    allowed = _enum_values(table, column.name)
    if allowed:
        return allowed[0]
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Integer | sa.Float):
        return Decimal("1")
    if isinstance(kind, sa.Integer):
        return 1
    if isinstance(kind, sa.Float):
        return 1.0
    if isinstance(kind, sa.DateTime) or "DateTime" in type(kind).__name__:
        return utcnow() + timedelta(days=7)
    if isinstance(kind, sa.Date):
        return date(2026, 3, 2)
    if isinstance(kind, sa.JSON):
        return {}
    if isinstance(kind, sa.String | sa.Text):
        if column.name in ("code", "step_code"):
            return world.step_code
        if column.name == "role":
            return "coordinator"
        if column.name.endswith("hash"):
            return f"{table.name}-{column.name}"
        length = getattr(kind, "length", None) or 40
        return f"Voorbeeld {column.name}"[:length]
    if isinstance(kind, sa.Time):
        return datetime(2026, 1, 1, 9, 0).time()
    return _SKIP


_IN_LIST = re.compile(r"(\w+)\s+IN\s*\(([^)]*)\)", re.IGNORECASE)


def _enum_values(table, column_name: str) -> list[str]:
    for constraint in table.constraints:
        if not isinstance(constraint, sa.CheckConstraint):
            continue
        match = _IN_LIST.search(str(constraint.sqltext))
        if match and match.group(1) == column_name:
            return re.findall(r"'([^']*)'", match.group(2))
    return []
