"""Placements: the jobs realised, recorded anonymously by the working group or the supplier."""

from flask import Blueprint

from ..contracts.choices import template_helpers

bp = Blueprint("placements", __name__)

bp.context_processor(template_helpers)
