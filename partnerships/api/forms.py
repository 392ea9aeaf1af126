"""The form that makes a new API token: a name saying who uses it, and how long it lives."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..contracts.fields import options
from ..forms import Form, NoControlCharacters


class ApiTokenForm(Form):
    name = StringField(
        _l("Name of the token"),
        description=_l("Say who uses it, for example: Power BI HR dashboard."),
        validators=[DataRequired(), Length(max=100), NoControlCharacters()],
    )
    lifetime = SelectField(
        _l("Valid for"),
        description=_l("After this the token stops working; create a new one then."),
        choices=options(
            [
                ("30", _l("30 days")),
                ("90", _l("90 days")),
                ("365", _l("1 year")),
                ("730", _l("2 years")),
            ]
        ),
        default="365",
    )
