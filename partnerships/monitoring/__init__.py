"""Monitoring reports (step 4a): the supplier reports per period, the buyer accepts or returns."""

from flask import Blueprint

from ..contracts.choices import template_helpers

bp = Blueprint("monitoring", __name__)

bp.context_processor(template_helpers)
