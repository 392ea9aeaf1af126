"""The monitoring report form, built per contract: one hours field per placement."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, IntegerField, SelectField
from wtforms.validators import NumberRange, Optional

from ..contracts.fields import MAX_PAID_HOURS, LocalDecimalField, options
from ..contracts.forms import _text
from ..forms import VersionedForm

AGGREGATE_ROWS = 3


def build_report_form(placements, target_groups, kinds, **kwargs):
    """A form class for these placements, plus a few rows of aggregated hours."""

    class ReportForm(VersionedForm):
        period = HiddenField()
        narrative = _text(
            _l("Short narrative"),
            4000,
            context="report",
            description=_l("How did the period go? Anonymous: no names or other personal data."),
        )
        correction_reason = _text(_l("Reason for the new version"), 2000, context="report")
        sr_costs = LocalDecimalField(
            _l("Costs of social return in this period (EUR, excl. VAT), optional"),
            description=_l("For example guidance, training or adjustments to the workplace."),
            validators=[Optional(), NumberRange(min=0, max=10**10)],
        )

    ReportForm.placement_fields = []
    for placement in placements:
        name = f"hours_{placement.id}"
        setattr(
            ReportForm,
            name,
            LocalDecimalField(
                _l("Paid hours"), validators=[Optional(), NumberRange(min=0, max=100000)]
            ),
        )
        ReportForm.placement_fields.append((name, placement))
    ReportForm.aggregate_rows = []
    blank = [("", _l("(choose)"))]
    for n in range(AGGREGATE_ROWS):
        names = (f"agg{n}_group", f"agg{n}_kind", f"agg{n}_people", f"agg{n}_hours")
        setattr(
            ReportForm,
            names[0],
            SelectField(
                _l("Target group"), default="", choices=options(blank + list(target_groups))
            ),
        )
        setattr(
            ReportForm,
            names[1],
            SelectField(_l("Kind of placement"), default="", choices=options(blank + list(kinds))),
        )
        setattr(
            ReportForm,
            names[2],
            IntegerField(_l("People"), validators=[Optional(), NumberRange(min=0, max=100000)]),
        )
        setattr(
            ReportForm,
            names[3],
            LocalDecimalField(
                _l("Paid hours"), validators=[Optional(), NumberRange(min=0, max=MAX_PAID_HOURS)]
            ),
        )
        ReportForm.aggregate_rows.append(names)
    return ReportForm(**kwargs)


def placement_hours(form) -> dict:
    """{placement id: paid hours} for the placements the supplier filled in."""
    return {
        placement.id: form[name].data
        for name, placement in form.placement_fields
        if form[name].data is not None
    }


def aggregates(form) -> list[tuple]:
    """(target group, kind, people, hours) rows that have hours filled in."""
    rows = []
    for group, kind, people, hours in form.aggregate_rows:
        if form[hours].data is not None:
            rows.append(
                (
                    form[group].data or None,
                    form[kind].data or None,
                    form[people].data,
                    form[hours].data,
                )
            )
    return rows


class DecideForm(VersionedForm):
    remark = _text(_l("Remark (needed when you return the report)"), 4000)


class CorrectionForm(VersionedForm):
    correction_reason = _text(_l("Reason for the correction"), 2000)
