"""Optimistic locking: an edit made on a stale copy is refused instead of overwriting."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import Conflict


class StaleEdit(Conflict):
    """Someone saved this row after the editor loaded it; their change must not be lost."""

    description = _l(
        "Someone else changed this in the meantime. Reload the page to see their change, "
        "then make yours again."
    )


def claim(row, submitted_version) -> None:
    """Refuse the edit unless it was made on the current version, then bump the version."""
    try:
        submitted = int(submitted_version)
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if submitted != row.version:
        raise StaleEdit()
    row.version = row.version + 1
