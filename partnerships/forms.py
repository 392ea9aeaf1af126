"""Form pieces shared by every domain."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import DateField as _DateField
from wtforms import HiddenField, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation, ValidationError

from partnerships import i18n

from . import concurrency, once
from .inputs import DATE_MESSAGE, in_bounds


class DateField(_DateField):
    """A date within the bounds every route keeps (inputs.py): year 9999 overflowed the
    date arithmetic of figures and reminders. Every form uses this one instead of WTForms'."""

    def pre_validate(self, form):
        if not in_bounds(self.data):
            raise StopValidation(DATE_MESSAGE)


class Select(widgets.Select):
    """WTForms' select with each option written out directly: the same HTML, without an
    attribute dictionary sorted and escaped per option (the list of steps has dozens, on
    every action page)."""

    @classmethod
    def render_option(cls, choice, **kwargs):
        if kwargs or choice.render_kw:
            return super().render_option(choice, **kwargs)
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        label = escape(choice.label or choice.value)
        selected = " selected" if choice.selected else ""
        return Markup(f'<option{selected} value="{escape(value)}">{label}</option>')  # noqa: S704


class Form(FlaskForm):
    """The base of every form: WTForms' own messages ("This field is required.") in the
    user's language, from a catalogue read once per language instead of once per request."""

    class Meta:
        def get_translations(self, form):
            return i18n.wtforms_catalogue()


class ButtonForm(Form):
    """A form with only a CSRF token, so that even a single button is protected."""


class VersionedForm(Form):
    """A form that carries the version of the row it edits, for optimistic locking."""

    version = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        """As any form; but while a stale edit is answered (concurrency.answer_stale) it
        refuses, so that the view shows the form again with what the person typed."""
        valid = super().validate(extra_validators)
        if concurrency.is_stale_retry():
            concurrency.refuse_stale_form(self)
            return False
        return valid


class OnceForm(Form):
    """A form that creates a row: sent twice, it still creates one (see once.py).

    A form that also edits (it carries the version of an existing row) is left to the
    version check instead: a second save of the same version is refused there."""

    once = HiddenField(default=once.new_token)

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if valid and self.creates():
            once.use(self.once.data)  # raises AlreadySent for a form sent before
        return valid

    def creates(self) -> bool:
        version = getattr(self, "version", None)
        return version is None or str(version.data or "").strip() in ("", "0")


class NoControlCharacters:
    """Refuse invisible control characters that only cause trouble in exports and e-mail."""

    message = _l("This text contains invisible control characters; please retype it.")

    def __call__(self, form, field):
        value = field.data or ""
        if isinstance(value, str) and any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value):
            raise ValidationError(self.message)


def strip(value):
    """Filter: the spaces around typed text off, so "  Jan " and "Jan" are one name."""
    return value.strip() if isinstance(value, str) else value


def choices(pairs) -> list:
    """Options for a SelectField/RadioField from (value, label) pairs (WTForms deprecates
    plain tuples from 3.3 and removes them in 3.4)."""
    return [SelectChoice(value, label) for value, label in pairs]
