"""Forms for starting and describing a pilot."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..forms import NoControlCharacters
from .models import PurchasingCategory

CATEGORY_LABELS = {
    PurchasingCategory.CLEANING: _l("Cleaning"),
    PurchasingCategory.WINDOW_CLEANING: _l("Window cleaning"),
    PurchasingCategory.CATERING: _l("Catering"),
    PurchasingCategory.SECURITY: _l("Security"),
    PurchasingCategory.MAINTENANCE: _l("Maintenance"),
    PurchasingCategory.GREEN_SPACES: _l("Green spaces"),
    PurchasingCategory.ICT: _l("ICT"),
    PurchasingCategory.RESEARCH: _l("Research"),
    PurchasingCategory.OTHER: _l("Other"),
}


class PilotForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200),
                                                 NoControlCharacters()],
                        filters=[lambda v: v.strip() if isinstance(v, str) else v])
    purchasing_category = SelectField(_l("Purchasing category"),
                                      choices=list(CATEGORY_LABELS.items()))
    start_date = DateField(_l("Start date"), validators=[DataRequired()])
    goal_jobs = DecimalField(
        _l("Goal in banenafspraak jobs"),
        description=_l("One job is 25.5 paid hours a week; part-time jobs count pro rata."),
        places=2,
        validators=[DataRequired(), NumberRange(min=0, max=10000)],
    )
    goal_people = IntegerField(_l("Goal in people (optional)"),
                               validators=[Optional(), NumberRange(min=0, max=100000)])
