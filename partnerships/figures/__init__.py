"""Figures: how jobs are counted, the dashboards, the exports and the buyer's counting settings."""

from flask import Blueprint

from ..contracts.choices import template_helpers

bp = Blueprint("figures", __name__)

bp.context_processor(template_helpers)
