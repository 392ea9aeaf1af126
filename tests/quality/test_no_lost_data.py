"""Nothing anyone saved is lost: not to a colleague's simultaneous edit, not to a crashed
server process, not between a backup and its restore."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from partnerships import create_app
from partnerships.extensions import db
from tests.conftest import PASSWORD
from tests.quality.forms import form_with, forms_in
from tests.quality.harness import act_as, versioned_forms
from tests.quality.live import Browser, start_gunicorn, stop
from tests.quality.world import row_counts

HERE = Path(__file__).parent


# --- (a) two people edit the same row ---


def test_two_people_saving_the_same_row_end_in_a_conflict_not_an_overwrite(app, world):
    """Every versioned form of the world: both load it, both save; the second gets 409 with
    the explanation, and the first one's text is what the page shows afterwards."""
    first, second = app.test_client(), app.test_client()
    act_as(first, world.user("coordinator"))
    act_as(second, world.user("coordinator"))  # e.g. the coordinator's laptop and phone
    conflicts, overwrites, shown, tried = 0, [], 0, []
    for number, (page, index, form) in enumerate(versioned_forms(app, world, first)):
        text = form.text_fields[0]
        mine_text, their_text = f"Eerste versie A{number}", f"Tweede versie B{number}"
        # Both load the same version of the form before either saves.
        loaded = forms_in(second.get(page).text, page)[index]
        assert loaded.action == form.action
        mine = first.post(form.action, data=form.data(**{text.name: mine_text}))
        if mine.status_code >= 400:
            tried.append(f"{form.action}: first save got {mine.status_code}")
            continue
        theirs = second.post(loaded.action, data=loaded.data(**{text.name: their_text}))
        if theirs.status_code != 409 or not (
            "Iemand anders" in theirs.text or "Someone else" in theirs.text
        ):
            overwrites.append(f"{form.action} ({text.name}): stale save got {theirs.status_code}")
            continue
        conflicts += 1
        after = first.get(page).text
        assert their_text not in after, f"{form.action}: the refused text shows anyway"
        shown += mine_text in after
    assert overwrites == [], "stale saves were not refused with the conflict message"
    assert conflicts, f"no versioned form could be saved in the world: {tried}"
    assert shown, "no page showed the first person's saved text after the conflict"


# --- (b) backup and restore ---


def _all_rows(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in db.metadata.sorted_tables
        }


def test_backup_then_restore_into_an_empty_database_gives_identical_data(app, world, tmp_path):
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "postgresql":
        return _pg_backup_and_restore(app, url, tmp_path)
    backup = tmp_path / "backup.sqlite"
    result = app.test_cli_runner().invoke(args=["backup", str(backup)])
    assert result.exit_code == 0, result.output

    target_url = f"sqlite:///{tmp_path / 'restored.sqlite'}"
    target = create_app(
        {"SQLALCHEMY_DATABASE_URI": target_url, "SECRET_KEY": "restore", "TESTING": True},
        instance_path=tmp_path,
    )
    with target.app_context():
        upgrade()  # an empty, migrated database: tables but no rows
        result = target.test_cli_runner().invoke(args=["restore", str(backup)])
        assert result.exit_code == 0, result.output
        again = target.test_cli_runner().invoke(args=["restore", str(backup)])
        assert again.exit_code != 0 and "not empty" in again.output
    original = _all_rows(db.engine)
    restored_engine = create_engine(target_url)
    restored = _all_rows(restored_engine)
    restored_engine.dispose()
    assert sum(len(rows) for rows in original.values()) > 100
    for table, rows in original.items():
        assert restored[table] == rows, f"table {table} differs after restore"


def _pg_backup_and_restore(app, url, tmp_path):
    # They come with PostgreSQL itself (CI installs it): a run without them is a broken set-up.
    assert shutil.which("pg_dump") and shutil.which("pg_restore"), (
        "PostgreSQL backups use pg_dump/pg_restore (see `flask backup`); put them on PATH"
    )
    plain = url.set(drivername="postgresql")
    dump = tmp_path / "backup.dump"
    db.session.commit()
    subprocess.run(
        [
            "pg_dump",
            "--format=custom",
            f"--file={dump}",
            plain.render_as_string(hide_password=False),
        ],
        check=True,
    )
    name = f"{url.database}_restore_{os.getpid()}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                f"--dbname={plain.set(database=name).render_as_string(False)}",
                str(dump),
            ],
            check=True,
        )
        restored_engine = create_engine(url.set(database=name))
        restored = _all_rows(restored_engine)
        restored_engine.dispose()
        original = _all_rows(db.engine)
        for table, rows in original.items():
            assert restored[table] == rows, f"table {table} differs after restore"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin.dispose()


# --- (c) a server process killed in the middle of a multi-row write ---


def test_a_worker_killed_mid_write_leaves_no_partial_rows(app, make, tmp_path):
    """Starting a pilot writes the pilot, the coordinator's membership and an audit event in
    one transaction; the worker is killed after the first INSERT and before the rest."""
    coordinator = make.user(make.org("Gemeente Crashtest"))
    db.session.commit()
    marker = tmp_path / "stalled"
    log = open(tmp_path / "gunicorn.log", "wb")  # noqa: SIM115 (closed in finally)
    server, base = start_gunicorn(
        app.config["SQLALCHEMY_DATABASE_URI"],
        config=str(HERE / "gunicorn_slow.py"),
        env={"SLOW_MARKER": str(marker), "SLOW_AFTER_TABLE": "pilot"},
        log=log,
    )
    try:
        browser = Browser(base)
        browser.login(coordinator.email, PASSWORD)
        db.session.expire_all()
        before = row_counts()  # after logging in, which starts a session (a row)
        _, html, _ = browser.request("/pilots/new")
        form = form_with(forms_in(html, "/pilots/new"), "title", "start_date")
        data = form.data(title="Pilot die nooit bestond", start_date="2026-02-01", goal_jobs="3")
        outcome = {}

        def _post():
            try:
                outcome["status"] = browser.request(form.action, data, timeout=30)[0]
            except Exception as error:  # the worker dies: the connection breaks
                outcome["error"] = error

        thread = threading.Thread(target=_post)
        thread.start()
        deadline = time.monotonic() + 15
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the worker never reached the second INSERT"
        pid, table = marker.read_text().split()
        os.kill(int(pid), signal.SIGKILL)
        thread.join(timeout=20)
        assert "status" not in outcome or outcome["status"] >= 500
    finally:
        stop(server)
        log.close()
    db.session.rollback()
    db.session.expire_all()
    after = row_counts()
    assert {t: n for t, n in after.items() if n != before[t]} == {}, (
        f"the killed write (stalled before an INSERT into {table}) left rows behind"
    )
