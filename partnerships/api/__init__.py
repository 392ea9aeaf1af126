"""The read-only JSON API for BI tools (api/v1.py, under /api/v1) and the organisation
administrator's pages that make and revoke its tokens (api/views.py)."""

from flask import Blueprint

bp = Blueprint("api", __name__)
