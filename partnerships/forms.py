"""Form pieces shared by every domain."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import ValidationError


class ButtonForm(FlaskForm):
    """A form with only a CSRF token, so that even a single button is protected."""


class VersionedForm(FlaskForm):
    """A form that carries the version of the row it edits, for optimistic locking."""

    version = HiddenField()


class NoControlCharacters:
    """Refuse invisible control characters that only cause trouble in exports and e-mail."""

    message = _l("This text contains invisible control characters; please retype it.")

    def __call__(self, form, field):
        value = field.data or ""
        if isinstance(value, str) and any(ord(ch) < 32 and ch not in "\n\r\t" for ch in value):
            raise ValidationError(self.message)


try:  # WTForms 3.3 deprecates (value, label) tuples in favour of SelectChoice.
    from wtforms.fields.choices import SelectChoice
except ImportError:  # pragma: no cover - older WTForms takes plain pairs
    SelectChoice = None


def choices(pairs) -> list:
    """Options for a SelectField/RadioField from (value, label) pairs, in the shape the
    installed WTForms wants (tuples are deprecated from 3.3 and removed in 3.4)."""
    pairs = list(pairs)
    if SelectChoice is None:
        return pairs
    return [SelectChoice(value, label) for value, label in pairs]
