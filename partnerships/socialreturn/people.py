"""People counted once: the rules that keep a person from becoming two rows' worth.

The supplier's pseudonymous reference links the placements of one person (see
valuation.person_key); an ended placement must say how it ended, so that durable outcomes
and "counts for one year" are counted for persons who really still work.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

ENDED_BUT_ACTIVE = _l(
    "A placement with an end date has ended: choose how it ended instead of \u201cActive\u201d."
)


def ended_but_active(end_date: date | None, outcome: str | None) -> bool:
    """True for a placement that has an end date but still claims to be running."""
    return end_date is not None and outcome == "active"
