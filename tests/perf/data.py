"""A large, realistic dataset, fast: the demo story is told once through the real services,
then copied with bulk inserts into many organisations and pilots.

At scale 1: ~136 organisations (34 groups of a buyer, two suppliers and an admin org),
2,000 pilots, 100,000 actions, 42,000 placements, 204,000 monitoring lines, 6,000 meetings
and one brainstorm with 500 cards. Scale 10 multiplies groups and pilots, so that every user
sees as much as at scale 1 while the database holds ten times more.
"""

from __future__ import annotations

import time
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, select, text

from partnerships.extensions import db

PILOTS = 2000
GROUPS = 34  # copies of the demo organisations; each coordinator runs PILOTS/GROUPS pilots
# Within each pilot, how many copies of these rows (and everything hanging off them).
REPLICAS = {"action": 5, "meeting": 3, "placement": 3, "monitoring_report": 17}
# Copies of these rows move back in time by this many days each, like a history of periods.
DATE_SHIFT = {"monitoring_report": 91}
BOARD_CARDS = 500
CHUNK = 5000


def _pilot_scoped(tables) -> set[str]:
    """The pilot, every table with a pilot_id, contracts, and every table that hangs off one."""
    scoped = {"pilot", "contract"} | {t.name for t in tables if "pilot_id" in t.c}
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table.name in scoped:
                continue
            for column in table.columns:
                parents = {k.column.table.name for k in column.foreign_keys}
                if not column.nullable and parents & scoped:
                    scoped.add(table.name)
                    changed = True
                    break
    return scoped


def _family(table, scoped: set[str], families: dict[str, str]) -> str:
    """The replicated root a pilot-scoped table belongs to (itself when it is one)."""
    if table.name in REPLICAS:
        return table.name
    for column in table.columns:
        for key in column.foreign_keys:
            parent = key.column.table.name
            if (
                not column.nullable
                and parent in scoped
                and parent not in ("pilot", table.name)
                and parent in families
            ):
                return families[parent]
    return table.name


def _unique_strings(table) -> set[str]:
    names = {c.name for c in table.columns if c.unique}
    for constraint in table.constraints:
        if constraint.__class__.__name__ == "UniqueConstraint" and len(constraint.columns) == 1:
            names |= set(constraint.columns.keys())
    return {
        n for n in names if not table.c[n].foreign_keys and isinstance(table.c[n].type, sa.String)
    }


def _suffixed(column: str, value, tag: str):
    if value is None:
        return None
    if column == "email" and "@" in value:
        local, _, domain = value.partition("@")
        return f"{local}+{tag}@{domain}"
    return f"{value}~{tag}"


def build(scale: int = 1, *, log=print) -> dict[str, int]:
    """Tell the demo story, then copy it; returns the row count of every table."""
    from partnerships import demo

    started = time.monotonic()
    with current_app.test_request_context():  # some stories render text for the locale
        demo.seed()
        db.session.commit()
    tables = db.metadata.sorted_tables
    template = {t.name: [dict(r) for r in db.session.execute(select(t)).mappings()] for t in tables}
    scoped = _pilot_scoped(tables)
    families: dict[str, str] = {}
    for table in tables:
        if table.name in scoped:
            families[table.name] = _family(table, scoped, families)
    stride = {
        t.name: (max((r["id"] for r in template[t.name]), default=0) + 1)
        for t in tables
        if "id" in t.c
    }
    groups, pilots = GROUPS * scale, PILOTS * scale
    pilot_of_contract = {
        r["contract_id"]: r["pilot_id"] for r in template.get("contract_pilot", [])
    }

    def remap(table, row, group, unit, replica):
        """A copy of a template row for (group, pilot copy `unit`, replica)."""
        new = dict(row)
        for column in table.columns:
            value = row[column.name]
            if column.name == "id" and table.name in stride:
                if table.name in scoped:
                    reps = REPLICAS.get(families[table.name], 1)
                    new["id"] = value + (unit * reps + replica) * stride[table.name]
                else:
                    new["id"] = value + group * stride[table.name]
                continue
            if value is None or not column.foreign_keys:
                continue
            parent = next(iter(column.foreign_keys)).column.table.name
            if parent in scoped:
                reps = REPLICAS.get(families[parent], 1)
                same = families[parent] == families.get(table.name)
                offset = unit * reps + (replica % reps if same else 0)
                new[column.name] = value + offset * stride[parent]
            elif parent in stride:
                new[column.name] = value + group * stride[parent]
        return new

    counts = {}
    with db.engine.begin() as connection:
        for table in tables:
            rows = template[table.name]
            # Change stamps are per organisation id, which no copy shares: a copied
            # organisation has none until its first change (partnerships/changes.py).
            if not rows or table.name in ("login_attempt", "change_stamp"):
                continue
            uniques = _unique_strings(table)
            family = families.get(table.name)
            reps = REPLICAS.get(family, 1) if family else 1
            shift = DATE_SHIFT.get(family or "", 0)
            dates = [
                c.name
                for c in table.columns
                if isinstance(c.type, sa.Date) and not isinstance(c.type, sa.DateTime)
            ]
            batch, total = [], 0

            def flush(batch=batch, table=table):
                if batch:
                    connection.execute(table.insert(), batch)
                    batch.clear()

            if table.name in scoped:
                copies = ((u, r) for u in range(pilots) for r in range(reps) if (u, r) != (0, 0))
            else:
                copies = ((g, 0) for g in range(1, groups))
            for unit, replica in copies:
                group = unit % groups if table.name in scoped else unit
                for row in rows:
                    if table.name in scoped and not _belongs_to_a_pilot(
                        table, row, scoped, pilot_of_contract
                    ):
                        continue
                    new = remap(table, row, group, unit, replica)
                    for name in uniques:
                        new[name] = _suffixed(name, new[name], f"{unit}.{replica}")
                    if shift and replica:
                        for column in dates:
                            if new[column]:
                                new[column] -= timedelta(days=shift * replica)
                    batch.append(new)
                    total += 1
                    if len(batch) >= CHUNK:
                        flush()
            flush()
            counts[table.name] = total + len(rows)
        _big_board(connection, template)
    if db.engine.dialect.name == "postgresql":
        _reset_sequences()
        # What autovacuum would do soon after such a load: the planner needs the new sizes.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    log(f"built scale {scale} in {time.monotonic() - started:.0f} s")
    return {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in tables}


def _belongs_to_a_pilot(table, row, scoped, pilot_of_contract) -> bool:
    """Rows of pilot tables without a pilot (organisation-wide audit events) are not copied."""
    if table.name == "contract":
        return row["id"] in pilot_of_contract
    for column in table.columns:
        parents = {k.column.table.name for k in column.foreign_keys}
        if parents & scoped and row[column.name] is not None:
            return True
    return table.name == "pilot"


def _big_board(connection, template) -> None:
    """The demo's open brainstorm in the first pilot gets BOARD_CARDS cards."""
    boards = [b for b in template.get("brainstorm", []) if b.get("status") == "open"]
    cards = db.metadata.tables.get("brainstorm_card")
    if not boards or cards is None:
        return
    board = boards[0]
    own = [c for c in template["brainstorm_card"] if c["brainstorm_id"] == board["id"]]
    start = connection.execute(select(func.max(cards.c.id))).scalar() + 1
    extra = []
    for n in range(BOARD_CARDS - len(own)):
        card = dict(own[n % len(own)])
        card.update(id=start + n, merged_into_id=None, text=f"{card['text']} ({n + 1})")
        extra.append(card)
    for chunk in range(0, len(extra), CHUNK):
        connection.execute(cards.insert(), extra[chunk : chunk + CHUNK])


def _reset_sequences() -> None:
    for table in db.metadata.sorted_tables:
        if "id" in table.c:
            statement = (
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "  # noqa: S608
                f'coalesce((SELECT max(id) FROM "{table.name}"), 1))'
            )
            db.session.execute(text(statement))
    db.session.commit()
