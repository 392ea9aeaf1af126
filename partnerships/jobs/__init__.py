"""Jobs: contracts and tenders, potential jobs, placements, monitoring reports and figures."""

from flask import Blueprint

bp = Blueprint("jobs", __name__)

from . import views, views_admin, views_figures, views_placements, views_reports  # noqa: E402,F401
from .api import api  # noqa: E402

bp.register_blueprint(api)

from .choices import template_helpers  # noqa: E402

bp.context_processor(template_helpers)

# Overdue monitoring reports join the daily reminder e-mail (`flask send-reminders`).
from . import reminders  # noqa: E402,F401
