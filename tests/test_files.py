"""The SQLite database, its WAL and backups are readable by the app's own user only
(issue 14, point 9: they were 0644, readable by every account on the server)."""

from __future__ import annotations

import os
import stat

from sqlalchemy import text

from partnerships import create_app
from partnerships.extensions import db


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_database_its_wal_and_a_backup_are_0600(tmp_path):
    old_umask = os.umask(0o022)  # the usual default, under which files come out 0644
    try:
        database = tmp_path / "app.sqlite"
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
                "SECRET_KEY": "x",
                "TESTING": True,
            },
            instance_path=tmp_path / "instance",
        )
        with app.app_context():
            with db.engine.begin() as connection:
                connection.execute(text("CREATE TABLE t (x INTEGER)"))
                connection.execute(text("INSERT INTO t VALUES (1)"))
            wal = tmp_path / "app.sqlite-wal"
            assert wal.exists()
            assert (_mode(database), _mode(wal)) == (0o600, 0o600)
            backup = tmp_path / "copy.sqlite"
            result = app.test_cli_runner().invoke(args=["backup", str(backup)])
            assert result.exit_code == 0, result.output
            assert _mode(backup) == 0o600
            db.engine.dispose()
    finally:
        os.umask(old_umask)
