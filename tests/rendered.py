"""A test may only post what a page renders (issue 14, point 7).

The new-job form once validated a status field its page never rendered, so no browser could
save a new job, while the tests posted `status=idea` and passed. Every form post of the test
client (`client.post(url, data={...})`) is checked here against the page that renders the form:
the client opens that page first (the address itself when it answers GET, else the nearest
page above it or its edit page, e.g. the action's page for its status button, and at last
the home page), finds the forms that post to
this address, and refuses the test's post unless one of those forms has every field posted, a
select, radio button or checkbox only with a value the page offers.

A post no page renders (a hostile or tampering test, or an API call) says so:
`client.post(url, data=..., hand_built=True)`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from tests.quality.forms import Form, forms_in

# Sent with every form but never a field of the page: CSRF is off in most tests.
ALWAYS_ALLOWED = {"csrf_token"}
CHOICE_KINDS = {"select", "radio", "checkbox"}
BUTTON_KINDS = {"submit", "image"}
ANCESTORS = 3  # how many levels up the address to look for the page with the form


class NotRendered(AssertionError):
    """The test posted a field or a choice that no form of the page renders."""


def _names_and_values(data) -> dict[str, list[str]]:
    if hasattr(data, "lists"):
        items = list(data.lists())
    else:
        items = [
            (name, list(value) if isinstance(value, list | tuple) else [value])
            for name, value in data.items()
        ]
    return {name: [v if isinstance(v, str) else str(v) for v in values] for name, values in items}


def _misfit(form: Form, posted: dict[str, list[str]]) -> str:
    """Why this form cannot have sent the data ('' when it can)."""
    fields: dict[str, list] = {}
    for field in form.fields + [b for b in form.buttons if b.name]:
        fields.setdefault(field.name, []).append(field)
    for name, values in posted.items():
        if name in ALWAYS_ALLOWED:
            continue
        if name not in fields:
            return f"no field {name!r}"
        rendered = fields[name]
        if all(f.kind in CHOICE_KINDS | BUTTON_KINDS for f in rendered):
            offered = {
                o for f in rendered for o in (f.options if f.kind == "select" else [f.value])
            }
            offered |= (
                {"on"} if any(f.kind == "checkbox" and not f.value for f in rendered) else set()
            )
            wrong = [v for v in values if v not in offered]
            if wrong:
                return f"{name!r} offers {sorted(offered)[:8]}, not {wrong[:3]}"
    return ""


def _posts_to(form: Form, path: str) -> bool:
    return urlsplit(form.action).path == path or any(
        urlsplit(b.formaction).path == path for b in form.buttons if b.formaction
    )


def _pages(path: str) -> list[str]:
    """The address itself, the ones above it (nearest first) and the home page, where forms
    of every page (the language switch) can be found."""
    parts = path.rstrip("/").split("/")
    above = ["/".join(parts[: len(parts) - up]) for up in range(ANCESTORS + 1)]
    # A thing's own buttons (move, remove) may sit on its edit page.
    pages = [path] + [page for up in above[1:] if up for page in (up, up + "/edit")]
    return pages + ["/"]


def _answers_get(app, path: str) -> bool:
    adapter = app.url_map.bind("localhost")
    try:
        adapter.match(path, method="GET")
    except Exception:  # noqa: BLE001 - no GET route, a redirect or a 405: not a page
        return False
    return True


def _forms_for(html: str, page: str, path: str) -> list[Form]:
    return [form for form in forms_in(html, page) if _posts_to(form, path)]


def rendered_forms(client, path: str) -> tuple[str, list[Form]]:
    """(page, its forms that post to `path`) for the nearest page that has any."""
    for page in _pages(path):
        if not _answers_get(client.application, page):
            continue
        response = client.get(page, follow_redirects=True)
        if response.status_code != 200 or "text/html" not in (response.content_type or ""):
            continue
        if forms := _forms_for(response.get_data(as_text=True), response.request.path, path):
            return page, forms
    return "", []


def verdict(client, url: str, data) -> str:
    """Why no form rendered for `url` could have sent `data` ('' when one could)."""
    if not isinstance(data, Mapping) or not data:
        return ""
    path = urlsplit(url).path
    posted = _names_and_values(data)
    # The page the browser shows now may hold the form as the post before left it (sent back
    # with a question to confirm, or with rows added).
    last = getattr(client, "last_page", None)
    if last and any(not _misfit(form, posted) for form in _forms_for(last[1], last[0], path)):
        return ""
    page, forms = rendered_forms(client, path)
    if not forms:
        return f"POST {path}: no page renders a form that posts here (looked at {_pages(path)})"
    reasons = [reason for form in forms if (reason := _misfit(form, posted))]
    if len(reasons) == len(forms):
        return (
            f"POST {path}: the forms on {page} cannot send {sorted(posted)}: {'; '.join(reasons)}"
        )
    return ""


def refused(response) -> bool:
    """The app turned the post down (a 4xx, or sent the visitor to log in)."""
    response = response.history[0] if getattr(response, "history", None) else response
    if 400 <= response.status_code < 500:
        return True
    location = urlsplit(response.headers.get("Location", "")).path
    return response.status_code in (302, 303) and location.rstrip("/").endswith("/login")


def judge(problem: str, response) -> None:
    """Raise when the app accepted a post that no rendered form could have sent."""
    if not problem or refused(response):
        return
    where = _test_line()
    report = os.environ.get("RENDERED_REPORT")
    message = f"{problem} (answered {response.status_code}; {where})"
    if report:
        with open(report, "a") as out:
            out.write(f"{os.environ.get('PYTEST_CURRENT_TEST', '?')}\t{message}\n")
        return
    raise NotRendered(
        f"{message}. A test submits a form the way its page renders it; for a post that no "
        "page sends (a script's request), pass hand_built=True"
    )


def _test_line() -> str:
    import inspect

    for frame in inspect.stack()[2:]:
        name = frame.filename.replace(os.sep, "/")
        if "/tests/" in name and not name.endswith(("tests/rendered.py", "tests/conftest.py")):
            return f"{name.split('/tests/')[-1]}:{frame.lineno}"
    return "?"
