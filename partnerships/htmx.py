"""Full page or fragment, redirects that htmx follows, and 422 for invalid forms."""

from __future__ import annotations

from flask import make_response, redirect, render_template, request


def is_htmx() -> bool:
    """True for requests made by htmx (boosted navigation excluded: it wants the page)."""
    return bool(request.headers.get("HX-Request")) and not request.headers.get("HX-Boosted")


def render(page: str, fragment: str | None = None, status: int = 200, **context):
    """Render the fragment for htmx and the full page otherwise."""
    template = fragment if fragment and is_htmx() else page
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def invalid(page: str, fragment: str | None = None, **context):
    """An invalid form: 422 with the form and its messages, nothing saved."""
    return render(page, fragment, status=422, **context)


def redirect_to(url: str):
    """After a POST: HX-Redirect for htmx, 303 See Other for plain forms."""
    if request.headers.get("HX-Request"):
        response = make_response("", 204)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, code=303)
