"""Work done after the response has gone out, so that its time cannot be measured."""

from __future__ import annotations

from flask import after_this_request, current_app, request

from ..extensions import db


def after_response(func, *args) -> None:
    """Run func(*args) once the server has sent the response (WSGI close), in a request
    context of its own with the same host, so that links in mail point where this one did.
    A failure is logged; the visitor has their answer already."""
    app = current_app._get_current_object()
    base_url = request.host_url

    def run() -> None:
        try:
            with app.test_request_context("/", base_url=base_url):
                func(*args)
                db.session.commit()
        except Exception:
            app.logger.exception("Work after the response failed: %s", func.__name__)

    @after_this_request
    def _register(response):
        response.call_on_close(run)
        return response
