"""Full page or fragment, redirects that htmx follows, and 422 for invalid forms."""

from __future__ import annotations

from flask import flash, make_response, redirect, render_template, request


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


def submit(form, save, *, again, done, said=None, refused=(), blame=None, swap=None):
    """The one shape of a view that saves a form, so the view reads as what it does.

    `form` is validated; when valid, `save()` calls the service and returns what it made.
    Then `said` (a message, or a function of what was made) is flashed and the answer
    redirects to `done` (a URL, or a function of what was made). An invalid form, or a save
    that raises one of the service's `refused` errors, shows `again()` — the page with the
    form and what was typed — with 422; the request then commits nothing (transaction.py).
    A refusal's message goes to the field it names (`error.field`), else to the field
    `blame`, else above the form. A GET of a page that also takes the form just shows it.
    `swap`, for a form htmx sends from its own fragment, answers a saved htmx request in
    place instead (a function of what was made, showing its own confirmation): no flash,
    no redirect. `said` may also flash several messages itself and return None.
    """
    if not form.is_submitted():
        return again()
    if form.validate_on_submit():
        try:
            made = save()
        except refused as error:
            _blame(form, error, blame)
        else:
            if swap is not None and is_htmx():
                return swap(made)
            message = said(made) if callable(said) else said
            if isinstance(message, tuple):  # (message, category) for a warning
                flash(*message)
            elif message:
                flash(message, "success")
            return redirect_to(done(made) if callable(done) else done)
    response = make_response(again())
    response.status_code = 422
    return response


def _blame(form, error, blame) -> None:
    """Show a refusal next to the field it is about, or in the form's own error list."""
    message = getattr(error, "message", None) or str(error)
    field = getattr(error, "field", None) or blame
    if field and field in form:
        form[field].errors.append(message)
    else:
        form.form_errors.append(message)
