"""Social return value: valuation schemes, obligations per contract and their realisation.

Beside the banenafspraak jobs (placements/, figures/), which count paid hours of people in the
doelgroepregister, social return values every target group and more kinds of effort
(purchases from social enterprises, community projects, trajectories) in euros, per the
scheme the organisation chose.
"""

from flask import Blueprint

bp = Blueprint("socialreturn", __name__)

from ..contracts.choices import template_helpers  # noqa: E402
from . import views  # noqa: E402,F401

# Contracts and placements are named the way the jobs pages name them.
bp.context_processor(template_helpers)
