"""The rules of recording social return: contributions, uploads and the organisation's policy.

Services flush and the request commits once; an error leaves nothing half saved.
"""

from __future__ import annotations

from flask_babel import gettext as _

from .. import audit
from ..extensions import db
from ..jobs import monitoring
from ..jobs import services as jobs_services
from ..jobs.settings import settings_for
from . import contracts_workbook, policy, report_workbook, scheme_rows
from .models import Contribution
from .sheets import Problem, UploadRefused


class SocialReturnError(ValueError):
    """Input that breaks a rule of this domain; the message is shown to the user."""


CONTRIBUTION_FIELDS = (
    "kind",
    "occurred_on",
    "description",
    "amount",
    "enterprise",
    "certificate",
    "certified_on",
    "hours",
    "people",
    "target_group",
)


def add_contribution(pilot, contract, actor, data: dict, supplier_id: int) -> Contribution:
    """Record a purchase, community hours or trajectory starts for one supplier."""
    if supplier_id not in contract.supplier_ids:
        raise SocialReturnError(_("Choose a supplier of this contract."))
    kind = data["kind"]
    entry = Contribution(
        pilot_id=pilot.id,
        contract_id=contract.id,
        supplier_organisation_id=supplier_id,
        created_by_id=actor.id,
        kind=kind,
        occurred_on=data["occurred_on"],
        description=data.get("description") or "",
    )
    # Only the fields of this kind are kept, so a purchase never carries stray hours.
    if kind == "purchase":
        entry.amount = data["amount"]
        entry.enterprise = data.get("enterprise") or ""
        entry.certificate = data["certificate"]
        entry.certified_on = data["certified_on"]
    elif kind == "community":
        entry.hours = data["hours"]
    else:
        entry.people = data["people"]
        entry.target_group = data.get("target_group")
    db.session.add(entry)
    db.session.flush()
    audit.record("social_return.recorded", contract.title, kind, pilot=pilot)
    return entry


def submit_workbook(pilot, actor, *, contract, supplier_id, period, placements, data: bytes):
    """Check an uploaded report template and, only when every row is right, apply it.

    End dates and outcomes go through the placement rules of the web form; the hours
    through the report service, which makes a new version awaiting acceptance.
    """
    parsed = report_workbook.parse(
        data, contract=contract, supplier_id=supplier_id, period=period, placements=placements
    )
    by_id = {p.id: p for p in placements}
    for placement_id, (end_date, outcome) in sorted(parsed.changes.items()):
        placement = by_id[placement_id]
        fields = {name: getattr(placement, name) for name in jobs_services.PLACEMENT_FIELDS}
        fields.update(end_date=end_date, outcome=outcome)
        try:
            jobs_services.check_placement(pilot, fields, allowed_supplier_ids={supplier_id})
        except jobs_services.JobsError as error:
            raise UploadRefused([Problem(str(error))]) from None
        placement.end_date, placement.outcome = end_date, outcome
        placement.version += 1
        audit.record("placement.changed", placement.reference or f"#{placement.id}", pilot=pilot)
    try:
        return monitoring.submit(
            pilot,
            actor,
            contract=contract,
            supplier_id=supplier_id,
            period_start=period[0],
            narrative="",
            placement_hours=parsed.hours,
        )
    except monitoring.ReportError as error:
        raise UploadRefused([Problem(str(error))]) from None


def import_contracts(pilot, actor, data: bytes) -> list:
    """Create every contract of an uploaded list for the pilot, or none of them."""
    rows = contracts_workbook.parse(data)
    created = []
    for fields, supplier_ids in rows:
        fields = dict(fields, extension_options="", sr_description="", notes="")
        created.append(jobs_services.save_contract(pilot, actor, fields, supplier_ids))
    return created


def save_policy(organisation, form) -> None:
    """The organisation's scheme choice and its contract-value thresholds per kind."""
    row = settings_for(organisation.id)
    if row.id is None:
        db.session.add(row)
        row.version = 1
    else:
        row.version += 1
    row.sr_scheme = form.scheme.data
    row.sr_policy_source = form.policy_source.data or ""
    row.sr_value_threshold_work = form.threshold_work.data
    row.sr_value_threshold_service = form.threshold_service.data
    row.sr_value_threshold_supply = form.threshold_supply.data
    db.session.flush()
    audit.record(
        "social_return.policy", organisation.name, row.sr_scheme or "", organisation=organisation
    )


class Overlap(SocialReturnError):
    """Two elements of a scheme value the same effort on the same day."""

    def __init__(self, pairs: list[tuple[int, int]]):
        super().__init__(_("Two elements value the same effort on the same day."))
        self.pairs = pairs


def define_own_scheme(organisation, actor, *, title, source, valid_from, elements):
    """Save the elements as the next version of the organisation's own scheme.

    None when they say what the newest version says already: a version is a change of
    values, and contracts refer to versions. Raises Overlap when two elements would value
    the same effort, which the reader of schemes refuses.
    """
    rates = [scheme_rows.rate_of(e, valid_from, i) for i, e in enumerate(elements)]
    if pairs := scheme_rows.overlapping(rates):
        raise Overlap(pairs)
    versions = policy.own_versions(organisation.id)
    text = scheme_rows.to_toml(
        title=title,
        source=source,
        valid_from=valid_from,
        version=(versions[0].version + 1) if versions else 1,
        rates=rates,
    )
    scheme, problems = policy.parse_own(text, organisation.id)
    if problems:  # the form offers only what the reader accepts
        raise RuntimeError("; ".join(str(p) for p in problems))
    if versions:
        newest = policy.parse_own(versions[0].text, organisation.id)[0]
        if newest is not None and scheme_rows.same_content(scheme, newest):
            return None
    row = policy.save_own(organisation.id, actor, text)
    audit.record(
        "social_return.own_scheme", organisation.name, f"v{row.version}", organisation=organisation
    )
    return row
