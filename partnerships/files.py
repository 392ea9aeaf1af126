"""Local files that hold the organisation's data: readable by the app's own user only.

The SQLite database, its WAL and shared-memory files and backups were created with the
process umask (usually 0644: readable by every account on the server).
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_file(path: Path) -> None:
    """Create the file with mode 0600, or bring an existing one to 0600."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    except FileExistsError:
        _restrict(path)


def private_sqlite(path: Path) -> None:
    """The database file and whichever of its companion files exist, all 0600."""
    private_file(path)
    for suffix in SQLITE_COMPANIONS:
        _restrict(path.with_name(path.name + suffix))


def _restrict(path: Path) -> None:
    try:
        if path.stat().st_mode & 0o777 != PRIVATE:
            os.chmod(path, PRIVATE)
    except FileNotFoundError:
        pass
    except PermissionError:  # another account's file: its owner decides
        pass
