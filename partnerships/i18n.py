"""Language: Dutch by default, English complete; dates and numbers in the user's style."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from flask import Flask, current_app, has_request_context, session
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_login import current_user

PACKAGE = Path(__file__).resolve().parent


def catalogue_dirs() -> list[Path]:
    """Each domain keeps its own catalogue; Flask-Babel merges them at runtime."""
    dirs = [PACKAGE / "translations"]
    dirs += sorted(p for p in PACKAGE.glob("*/translations") if p.is_dir())
    return dirs


def select_locale() -> str:
    """The user's saved choice, else this browser session's choice, else Dutch."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI and mail jobs choose their locale with force_locale
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    chosen = session.get("locale")
    if chosen in languages:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def locale_code() -> str:
    """The two-letter code of the active locale, for lang attributes and workflow texts."""
    return str(get_locale() or "nl")[:2]


def _date(value, style: str = "long") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        pattern = "d MMMM yyyy HH:mm" if style == "long" else "dd-MM-yyyy HH:mm"
        return format_datetime(value, pattern)
    if isinstance(value, date):
        return format_date(value, "d MMMM yyyy" if style == "long" else "dd-MM-yyyy")
    return str(value)


def _number(value, digits: int = 0) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value  # already formatted, e.g. a suppressed "<5"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(Decimal(str(value)), format=pattern)


def init_app(app: Flask, babel) -> None:
    """Wire Flask-Babel with every domain's catalogue and register the format filters."""
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=";".join(str(d) for d in catalogue_dirs()),
    )
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["number"] = _number
    app.jinja_env.globals["locale_code"] = locale_code
