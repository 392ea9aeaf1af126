"""The quality world's database state: count it, save it, and put it back quickly after a
request changed it, instead of building the world again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from partnerships.extensions import db
from tests.conftest import empty_all_tables

if TYPE_CHECKING:
    from tests.quality.world import World


def empty_database() -> None:
    """Remove every row, children first, so that a world can be built again."""
    db.session.rollback()
    empty_all_tables()


def row_counts() -> dict[str, int]:
    """Rows per table, to prove that a refused request changed nothing."""
    return {
        t.name: db.session.scalar(select(func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }


def take_snapshot() -> dict[str, list]:
    """Every row of every table, to put the world back quickly after a request changed it."""
    return {
        table.name: [dict(row) for row in db.session.execute(select(table)).mappings()]
        for table in db.metadata.sorted_tables
    }


def restore(world: World) -> None:
    """Put the database back to the world's snapshot (ids included)."""
    empty_database()
    for table in db.metadata.sorted_tables:
        rows = world.snapshot.get(table.name)
        # The change stamps are not put back: putting the rows back is itself a change, and
        # its commit gives everything a new stamp (partnerships/changes.py).
        if rows and table.name != "change_stamp":
            db.session.execute(table.insert(), rows)
    if db.engine.dialect.name == "postgresql":
        for table in db.metadata.sorted_tables:
            if "id" in table.c and world.snapshot.get(table.name):
                # Table names come from our own metadata, not from input.
                statement = (
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "  # noqa: S608
                    f'(SELECT max(id) FROM "{table.name}"))'
                )
                db.session.execute(text(statement))
    db.session.commit()
    db.session.expire_all()
