"""`make load`: 50 simulated users for 60 s against gunicorn on PostgreSQL; zero errors.

    python -m tests.perf.load [--users 50] [--seconds 60] [--workers 4] [--reuse]

Users of several roles (coordinators, working-group members, board members, supplier
contacts) from different organisations each log in and walk their pages, brainstorm
polling included, as fast as the server answers; now and then one saves a card on the
brainstorm board through its form, so that kept pages are renewed while others read.
Prints throughput and latency percentiles; exits non-zero on any error (5xx, 4xx on a page
the user may see, timeouts).
--reuse keeps a bench database that already holds data (else it is built at scale 1).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from partnerships import demo
from tests.perf import bench
from tests.quality.live import Browser, start_gunicorn, stop

ROLES = ("coordinator", "procurement_expert", "board", "supplier")


def people(url: str, users: int) -> list[dict]:
    """Users of the four roles spread over organisations, each with a pilot and brainstorm."""
    engine = create_engine(url)
    rows = []
    with engine.connect() as connection:
        for role in ROLES:
            found = connection.execute(
                text(
                    "SELECT u.email, m.pilot_id FROM membership m "
                    "JOIN user_account u ON u.id = m.user_id WHERE m.role = :role "
                    "ORDER BY m.pilot_id LIMIT :n"
                ),
                {"role": role, "n": users * 5},
            ).all()
            seen = set()
            for email, pilot_id in found:
                if email not in seen:
                    seen.add(email)
                    rows.append({"email": email, "role": role, "pilot": pilot_id})
        for row in rows:
            # A supplier contact only opens and polls a board shared with its organisation.
            shared = (
                "AND id IN (SELECT s.brainstorm_id FROM brainstorm_share s JOIN user_account u "
                "ON u.organisation_id = s.organisation_id WHERE u.email = :e) "
                if row["role"] == "supplier"
                else ""
            )
            query = "SELECT id FROM brainstorm WHERE pilot_id = :p AND status = 'open' " + shared  # noqa: S608
            row["brainstorm"] = connection.execute(
                text(query + "ORDER BY id LIMIT 1"),
                {"p": row["pilot"], "e": row["email"]},
            ).scalar()
    engine.dispose()
    by_role = {role: [r for r in rows if r["role"] == role] for role in ROLES}
    chosen = []
    for n in range(users):
        pool = by_role[ROLES[n % len(ROLES)]]
        chosen.append(pool[(n // len(ROLES)) % len(pool)])
    return chosen


def pages_for(person: dict) -> list[tuple[str, bool]]:
    """(path, is_poll) a user of this role visits; polls weigh heavily, as on a live board."""
    p, b = person["pilot"], person["brainstorm"]
    common = [("/pilots", False), (f"/pilots/{p}", False), ("/tasks", False)]
    role = person["role"]
    pages = list(common)
    if role in ("coordinator", "procurement_expert"):
        pages += [
            (f"/pilots/{p}/actions", False),
            (f"/pilots/{p}/figures", False),
            (f"/pilots/{p}/meetings", False),
            (f"/pilots/{p}/export/placements.csv", False),
        ]
    if role == "board":
        pages += [("/board", False), (f"/pilots/{p}/notes", False)]
    if role == "supplier":
        pages += [(f"/pilots/{p}/supplier", False)]
    if b and role != "board":
        pages += [(f"/pilots/{p}/brainstorms/{b}", False)] + [
            (f"/pilots/{p}/brainstorms/{b}/poll", True)
        ] * 4
    return pages


# One step in twenty of the people on a brainstorm saves a card there, so that pages are kept
# and rendered anew while others write (partnerships/changes.py), as in real use.
SAVE_SHARE = 0.05


def save_card(browser: Browser, person: dict, saves: list, errors: list) -> None:
    """A card on the brainstorm board, through the board's own form."""
    board = f"/pilots/{person['pilot']}/brainstorms/{person['brainstorm']}"
    text = f"Idee {len(saves) + 1} van {person['role']}"
    try:
        status, html, _ = browser.submit(board, {"text": text})
    except Exception as error:
        errors.append(f"saving a card as {person['email']}: {error}")
        return
    if status >= 400 or text not in html:
        errors.append(f"saving a card as {person['email']}: {status}, card not on the board")
    saves.append(text)


def simulate(
    base: str, person: dict, until: float, results: list, errors: list, saves: list
) -> None:
    browser = Browser(base)
    try:
        browser.login(person["email"], demo.PASSWORD)
    except Exception as error:
        errors.append(f"login {person['email']}: {error}")
        return
    pages = pages_for(person)
    etags: dict[str, str] = {}
    writes = person["brainstorm"] and person["role"] != "board"
    while time.monotonic() < until:
        if writes and random.random() < SAVE_SHARE:
            save_card(browser, person, saves, errors)
            continue
        path, poll = random.choice(pages)
        headers = {"HX-Request": "true", "If-None-Match": etags.get(path, "")} if poll else {}
        start = time.perf_counter()
        try:
            status, _, response_headers = browser.request(path, headers=headers, timeout=30)
        except Exception as error:
            errors.append(f"{path} as {person['email']}: {error}")
            continue
        results.append((time.perf_counter() - start) * 1000)
        if poll and response_headers.get("ETag"):
            etags[path] = response_headers["ETag"]
        if status >= 400:
            errors.append(f"{path} as {person['email']} ({person['role']}): {status}")


def ensure_data(reuse: bool, workdir: Path) -> str:
    """The scale-1 bench database on PostgreSQL: reused (and migrated) or built now."""
    url = make_url(bench.database_url("postgresql", 1, workdir))
    if url.get_backend_name() != "postgresql":
        raise SystemExit("make load runs on PostgreSQL: set DATABASE_URL to a postgresql URL")
    rendered = url.render_as_string(hide_password=False)
    if reuse:
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                pilots = connection.execute(
                    select(text("count(*)")).select_from(text("pilot"))
                ).scalar()
            if pilots > 100:
                bench.migrate(rendered, workdir)
                return rendered
        except Exception as error:  # no database or no tables yet: build it
            print(f"building the data ({type(error).__name__})")
        finally:
            engine.dispose()
    rendered = bench.fresh_database("postgresql", 1, workdir)
    bench.prepare(rendered, 1, workdir)
    return rendered


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        url = ensure_data(args.reuse, Path(tmp))
        crowd = people(url, args.users)
        # As in the bench: the demo coordinator is the organisation's admin, whom two-factor
        # would send to enrolment on every page.
        server, base = start_gunicorn(url, workers=args.workers, env=bench.NO_TWO_FACTOR)
        results: list[float] = []
        errors: list[str] = []
        saves: list[str] = []
        try:
            until = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=simulate, args=(base, p, until, results, errors, saves))
                for p in crowd
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            stop(server)
    cuts = statistics.quantiles(results, n=100) if len(results) > 1 else [0] * 99
    print(
        f"Load {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} CPUs: {args.users} users "
        f"({', '.join(ROLES)}), {elapsed:.0f} s, gunicorn {args.workers} sync workers, "
        "PostgreSQL"
    )
    print(
        f"requests {len(results)}, throughput {len(results) / elapsed:.1f}/s, "
        f"p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, p99 {cuts[98]:.0f} ms, "
        f"cards saved {len(saves)}, errors {len(errors)}"
    )
    for line in errors[:20]:
        print("  error:", line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
