"""Form pieces shared by every domain."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from partnerships import i18n


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
