"""The organisation administrator's form for the counting settings and lists."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..contracts import choices
from ..contracts.fields import MAX_AMOUNT, CheckboxesField, LocalDecimalField, options
from ..forms import NoControlCharacters, VersionedForm
from .counting import DOELGROEPREGISTER


def _lines(text: str | None) -> list[str]:
    """Non-empty, distinct lines of a textarea, in order."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        line = line.strip()[:80]
        if line and line not in seen:
            seen.append(line)
    return seen


class SettingsForm(VersionedForm):
    hours_per_job = LocalDecimalField(
        _l("Hours per week that make one banenafspraak job"),
        description=_l("The Wet banenafspraak counts 25.5 hours a week as one job."),
        validators=[DataRequired(), NumberRange(min=1, max=60)],
    )
    durable_months = IntegerField(
        _l("Months after the start at which a job counts as durable"),
        validators=[DataRequired(), NumberRange(min=1, max=120)],
    )
    sr_threshold = LocalDecimalField(
        _l("Social return threshold: minimum wage sum (EUR, excl. VAT)"),
        description=_l(
            "Rijk: EUR 250,000 of wage sum. A threshold on the contract value (Rijnmond, for "
            "example, from EUR 50,000 of contract value) is set in the social return policy."
        ),
        validators=[DataRequired(), NumberRange(min=0, max=MAX_AMOUNT)],
    )
    sr_min_months = IntegerField(
        _l("Social return threshold: minimum term in months"),
        validators=[DataRequired(), NumberRange(min=0, max=240)],
    )
    route_2b_threshold = LocalDecimalField(
        _l("Route 2B: contracts worth more than (EUR a year)"),
        validators=[DataRequired(), NumberRange(min=0, max=MAX_AMOUNT)],
    )
    target_groups = CheckboxesField(
        _l("Target groups in use"), choices=options(choices.DEFAULT_TARGET_GROUPS)
    )
    own_target_groups = TextAreaField(
        _l("Own target groups (one per line)"),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
    )
    placement_kinds = CheckboxesField(
        _l("Kinds of placement in use"), choices=options(choices.DEFAULT_PLACEMENT_KINDS)
    )
    own_placement_kinds = TextAreaField(
        _l("Own kinds of placement (one per line)"),
        validators=[Optional(), Length(max=2000), NoControlCharacters()],
    )

    def validate_target_groups(self, field):
        # Only the doelgroepregister counts for the banenafspraak; it cannot be switched off.
        if DOELGROEPREGISTER not in (field.data or []):
            raise ValidationError(
                _l(
                    "The doelgroepregister must stay in the list: only its "
                    "placements count for the banenafspraak."
                )
            )

    def validate_placement_kinds(self, field):
        if not field.data and not _lines(self.own_placement_kinds.data):
            raise ValidationError(_l("Keep at least one kind of placement."))


lines = _lines
