"""Bounds on what a request may carry, checked once for every route.

Dates are limited to 2000-2100: year 9999 made date arithmetic run for seconds or overflow,
and no pilot, placement or report lies outside that range. NUL bytes are refused before
anything reaches the database (PostgreSQL cannot store them in text and answered 500), and
so are other control characters in the address, where no link of ours puts them.
"""

from __future__ import annotations

import re
from datetime import date

from flask import abort, g, request
from flask_babel import lazy_gettext as _l
from werkzeug.routing import BaseConverter, ValidationError

FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)
DATE_MESSAGE = _l("Enter a date between 2000 and 2100.")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# C0 controls and DEL; tab, newline and carriage return are allowed in form text (textareas).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def parse_date(raw: str | None) -> date | None:
    """A YYYY-MM-DD date within the bounds, else None."""
    if not raw or not _ISO_DATE.fullmatch(raw):
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        return None
    return value if FIRST_DATE <= value <= LAST_DATE else None


def in_bounds(value: date | None) -> bool:
    return value is None or FIRST_DATE <= value <= LAST_DATE


class DateConverter(BaseConverter):
    """`<date:name>` in a URL: a real date within the bounds, else the route does not match
    (404)."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        parsed = parse_date(value)
        if parsed is None:
            raise ValidationError()
        return parsed

    def to_url(self, value) -> str:
        return value.isoformat() if isinstance(value, date) else str(value)


def _refuse(message) -> None:
    g.own_message = True
    abort(400, description=message)


def check_request() -> None:
    """Refuse NUL anywhere and control characters in the address and its query."""
    if _CONTROL.search(request.path) or any(
        _CONTROL.search(key) or _CONTROL.search(value)
        for key, values in request.args.lists()
        for value in values
    ):
        _refuse(_l("The address contains invisible control characters."))
    if request.mimetype in _FORM_TYPES and any(
        "\x00" in key or "\x00" in value for key, values in request.form.lists() for value in values
    ):
        _refuse(_l("What you sent contains an invisible NUL character; please retype it."))


def init_app(app) -> None:
    """Before any blueprint adds its rules: the `date` converter; then the request check."""
    app.url_map.converters["date"] = DateConverter
    app.before_request(check_request)
