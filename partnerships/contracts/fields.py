"""Form fields that read numbers the way the user writes them (12,5 in Dutch) and checkboxes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

# The largest values the Numeric(14, 2) amounts and Numeric(9, 2) paid hours can hold: a form
# that allowed 10**12 let PostgreSQL refuse the row (numeric field overflow) with a 500.
MAX_AMOUNT = Decimal("999999999999.99")
MAX_PAID_HOURS = Decimal("9999999.99")


class LocalDecimalField(DecimalField):
    """A decimal in the user's notation ("420.000" or "12,5" in Dutch), or plain "12.5"."""

    widget = TextInput()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "decimal"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        raw = valuelist[0].strip().replace(" ", "").removeprefix("€").removeprefix("EUR")
        try:
            self.data = parse_decimal(raw, locale=str(get_locale() or "nl"), strict=True)
        except (NumberFormatError, ValueError, ArithmeticError):  # babel lets InvalidOperation out
            try:
                self.data = Decimal(raw)
            except InvalidOperation:
                self.data = None
                raise ValueError(_l("Enter a number, for example 12,5.")) from None
        if not self.data.is_finite():
            self.data = None
            raise ValueError(_l("Enter a number, for example 12,5."))
        # The columns keep two decimals: 0.001 hours would be rounded to 0 and then break a
        # rule of the database instead of getting a message here.
        if self.places is not None and self.data.as_tuple().exponent < -self.places:
            self.data = None
            raise ValueError(_l("Use at most two decimals, for example 12,25."))

    def pre_validate(self, form):
        # A value that could not be read keeps its own message; "enter the hours" (required)
        # would wrongly say the field was left empty.
        if self.process_errors:
            raise StopValidation()

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        text = format(Decimal(self.data).normalize(), "f")
        return text.replace(".", ",") if str(get_locale() or "nl").startswith("nl") else text


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes; templates render it in a fieldset (see _checkboxes)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def options(pairs) -> list[SelectChoice]:
    """Choices for a field's constructor: (value, label) pairs or a {value: label} dict."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return [SelectChoice(value, label) for value, label in items]
