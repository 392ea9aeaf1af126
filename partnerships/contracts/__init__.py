"""Contracts and tenders (steps 2A/2B) and the potential jobs the working group sees coming (3a).

The job pages of a pilot are split by what they are about: contracts/ (here), placements/,
monitoring/ (the suppliers' reports), figures/ (counting, dashboards, exports, settings) and
api/ (the read-only API for BI tools).
"""

from flask import Blueprint

from .choices import template_helpers

bp = Blueprint("contracts", __name__)

bp.context_processor(template_helpers)
