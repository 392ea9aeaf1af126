"""Pilots: the pilot, its working group and roles, RACI, and step progress (the stepper)."""

from flask import Blueprint

bp = Blueprint("pilots", __name__)

from . import step_views, views  # noqa: E402,F401
from .forms import STATUS_LABELS  # noqa: E402
from .tabs import pilot_places, tab_allowed  # noqa: E402

bp.add_app_template_global(tab_allowed, "tab_allowed")
bp.add_app_template_global(pilot_places, "pilot_places")


@bp.app_template_global()
def step_status_label(status: str) -> str:
    """A sub-step status in the user's language."""
    return str(STATUS_LABELS.get(status, status))
