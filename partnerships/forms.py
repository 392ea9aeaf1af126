"""Form pieces shared by every domain."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import ValidationError

from . import concurrency, once


class ButtonForm(FlaskForm):
    """A form with only a CSRF token, so that even a single button is protected."""


class VersionedForm(FlaskForm):
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


class OnceForm(FlaskForm):
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
