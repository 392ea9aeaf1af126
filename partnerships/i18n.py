"""Language: Dutch by default, English complete; dates and numbers in the user's style."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import flask_babel
import markupsafe
from babel import support
from babel.dates import format_date
from babel.dates import format_datetime as _babel_format_datetime
from babel.numbers import format_decimal
from flask import Flask, current_app, g, has_request_context, session
from flask_babel import Domain, get_babel, get_locale, get_timezone
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup
from wtforms.i18n import messages_path

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


# The app's own per-request slot on `g`: (locale, merged catalogue) of the active language.
# Flask-Babel looks both up again for every string (some 20 microseconds of context-local
# lookups each), which made a list of fifty rows spend most of its time translating; here
# they are looked up once per request. force_locale() below empties the slot on entry and
# exit, so a switched locale is still honoured.
_ACTIVE = "partnerships_language"


def _active() -> tuple:
    """The active (locale, catalogue), looked up once per request or forced block."""
    try:
        found = g.get(_ACTIVE)  # one lookup of `g` per string: pages ask hundreds of times
    except RuntimeError:  # outside an app context (a script): untranslated
        return None, support.NullTranslations()
    if found is None:
        found = (get_locale(), get_babel().instance.domain_instance.lookup_translations())
        setattr(g, _ACTIVE, found)
    return found


def forget_language() -> None:
    """Drop the cached language, e.g. after the user switched it within a request."""
    if g:
        g.pop(_ACTIVE, None)


@contextmanager
def force_locale(locale):
    """flask_babel.force_locale for this app: every string in the block, and after it, is
    translated in the right language although the catalogue is cached per request."""
    forget_language()
    try:
        with flask_babel.force_locale(locale):
            yield
    finally:
        forget_language()


def in_language_of(user):
    """force_locale in the language this person chose, else the app's default: for a mail or
    text made for someone other than the one asking (a reminder, an invitation)."""
    return force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"])


class RequestCachedDomain(Domain):
    """Flask-Babel's message domain, reading the active catalogue from the app's slot. Every
    gettext and lazy string goes through here; templates ask catalogue() directly."""

    def lookup_translations(self):
        return super().get_translations()

    def get_translations(self):
        return _active()[1]


def catalogue():
    """The active locale's merged catalogue (see _active): templates ask for it per string."""
    return _active()[1]


@pass_eval_context
def _template_gettext(eval_context, string: str, **variables):
    """Jinja's newstyle gettext: the translation escaped-safe, variables escaped into it."""
    text = catalogue().ugettext(string)
    if eval_context.autoescape:
        text = Markup(text)  # noqa: S704 - our own catalogue, as Jinja's i18n does
    return text % variables if variables else text


def _locale():
    """The active locale, for formatting dates and numbers (see _active)."""
    return _active()[0]


# Lists show the same few dates and counts over and over; formatting one with Babel costs
# more than the rest of its table cell, so each (value, pattern, locale) is formatted once.
@lru_cache(maxsize=4096)
def _formatted_date(value: date, pattern: str, locale) -> str:
    return format_date(value, pattern, locale=locale)


# What Flask-Babel's format_datetime does (in the user's time zone), remembered: a page with
# fifteen comments formatted fifteen moments anew on every view.
@lru_cache(maxsize=4096)
def _formatted_datetime(value: datetime, pattern: str, locale, zone) -> str:
    return _babel_format_datetime(value, pattern, tzinfo=zone, locale=locale)


# Keyed by the value itself: a table of sixty pilots formats the same few counts again and
# again, and converting each to a Decimal first cost as much as looking the text up.
@lru_cache(maxsize=4096)
def _formatted_number(value, digits: int, locale) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(Decimal(str(value)), format=pattern, locale=locale)


def _date(value, style: str = "long") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        pattern = "d MMMM yyyy HH:mm" if style == "long" else "dd-MM-yyyy HH:mm"
        return _formatted_datetime(value, pattern, _locale(), get_timezone())
    if isinstance(value, date):
        pattern = "d MMMM yyyy" if style == "long" else "dd-MM-yyyy"
        return _formatted_date(value, pattern, _locale())
    return str(value)


def _number(value, digits: int = 0) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value  # already formatted, e.g. a suppressed "<5"
    return _formatted_number(value, digits, _locale())


# WTForms' Dutch says "Nummer" for a number and "karakters" for characters; ours says it
# the way Dutch government forms do.
_WTFORMS_NL = {
    "Number must be between %(min)s and %(max)s.": "Vul een getal in tussen %(min)s en %(max)s.",
    "Field must be between %(min)d and %(max)d characters long.": (
        "Gebruik tussen %(min)d en %(max)d tekens."
    ),
}


@lru_cache(maxsize=8)
def _wtforms_catalogue(locale: str):
    """WTForms' own messages ("This field is required.") in one language, read from disk once."""
    catalogue = support.Translations.load(messages_path(), [locale], domain="wtforms")
    if str(locale).startswith("nl") and hasattr(catalogue, "_catalog"):
        catalogue._catalog.update(_WTFORMS_NL)
    return catalogue


def wtforms_catalogue():
    """WTForms' own messages in the active language, for the base form's Meta."""
    return _wtforms_catalogue(str(_locale()))


def init_app(app: Flask, babel) -> None:
    """Wire Flask-Babel with every domain's catalogue and register the format filters."""
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=";".join(str(d) for d in catalogue_dirs()),
    )
    babel.domain_instance = RequestCachedDomain(domain=get_babel(app).default_domain)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalogue().ugettext(s),
        ngettext=lambda s, p, n: catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )
    # `_()` is the most-called function in our templates; Jinja's newstyle alias goes through
    # two context calls per string, this does the same work in one.
    app.jinja_env.globals["_"] = app.jinja_env.globals["gettext"] = _template_gettext
    app.jinja_env.filters["date"] = _date
    app.jinja_env.filters["number"] = _number
    app.jinja_env.globals["locale_code"] = locale_code


class _EscapingLazyString(flask_babel.LazyString):
    """A lazily translated message that Jinja escapes like any other text.

    Flask-Babel's LazyString tells Jinja it is markup already (`__html__` returns it as it
    is), so a name put into it ("%(name)s already holds this role.") would reach the page
    unescaped. Messages with user text in them are made with lazy_gettext below instead.
    """

    def __html__(self):
        return str(markupsafe.escape(str(self)))


def lazy_gettext(string: str, **variables) -> _EscapingLazyString:
    """flask_babel.lazy_gettext for messages that carry user text: escaped on the page."""
    return _EscapingLazyString(flask_babel.gettext, string, **variables)
