"""A buyer's counting rules and lists, with the handreiking's defaults when none are saved."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from .. import audit
from ..concurrency import claim
from ..contracts.choices import DEFAULT_PLACEMENT_KINDS, DEFAULT_TARGET_GROUPS
from ..extensions import db
from .counting import HOURS_PER_JOB
from .models import OrganisationSettings

DEFAULTS = {
    "hours_per_job": HOURS_PER_JOB,
    "durable_months": 12,
    "sr_threshold": Decimal("250000"),
    "sr_min_months": 6,
    "route_2b_threshold": Decimal("200000"),
}


@dataclass(frozen=True)
class ListSetting:
    """Which default entries are in use and which own entries the organisation added."""

    defaults_in_use: tuple[str, ...]
    own: tuple[str, ...]

    def choices(self, defaults: dict) -> list[tuple[str, str]]:
        return [
            (code, str(defaults[code])) for code in self.defaults_in_use if code in defaults
        ] + [(entry, entry) for entry in self.own]


def _parse_list(raw: str | None, defaults: dict) -> ListSetting:
    if not raw:
        return ListSetting(tuple(defaults), ())
    data = json.loads(raw)
    return ListSetting(tuple(data.get("defaults", [])), tuple(data.get("own", [])))


def dump_list(defaults_in_use, own) -> str:
    """The JSON stored for a list setting."""
    return json.dumps({"defaults": list(defaults_in_use), "own": list(own)})


def settings_for(organisation_id: int) -> OrganisationSettings:
    """The saved settings, or an unsaved row holding the defaults."""
    row = db.session.scalar(
        select(OrganisationSettings).where(OrganisationSettings.organisation_id == organisation_id)
    )
    return row or OrganisationSettings(organisation_id=organisation_id, version=0, **DEFAULTS)


def target_groups(settings: OrganisationSettings) -> ListSetting:
    return _parse_list(settings.target_groups, DEFAULT_TARGET_GROUPS)


def placement_kinds(settings: OrganisationSettings) -> ListSetting:
    return _parse_list(settings.placement_kinds, DEFAULT_PLACEMENT_KINDS)


def target_group_choices(settings: OrganisationSettings) -> list[tuple[str, str]]:
    return target_groups(settings).choices(DEFAULT_TARGET_GROUPS)


def placement_kind_choices(settings: OrganisationSettings) -> list[tuple[str, str]]:
    return placement_kinds(settings).choices(DEFAULT_PLACEMENT_KINDS)


def save(
    row: OrganisationSettings,
    organisation,
    *,
    version,
    numbers: dict,
    groups,
    own_groups,
    kinds,
    own_kinds,
) -> None:
    """Save a buyer's settings, only on the version its admin saw.

    A first save is refused as stale too when someone else saved first. The defaults keep
    their own order, and an own entry that is also a default is kept once, as the default.
    """
    if row.id is None:
        if str(version) != "0":
            claim(row, version)  # someone saved first: refuse as stale
        db.session.add(row)
        row.version = 1
    else:
        claim(row, version)
    for name, value in numbers.items():
        setattr(row, name, value)
    row.target_groups = dump_list(
        [c for c in DEFAULT_TARGET_GROUPS if c in groups],
        [x for x in own_groups if x not in DEFAULT_TARGET_GROUPS],
    )
    row.placement_kinds = dump_list(
        [c for c in DEFAULT_PLACEMENT_KINDS if c in kinds],
        [x for x in own_kinds if x not in DEFAULT_PLACEMENT_KINDS],
    )
    audit.record("jobs.settings", organisation.name, organisation=organisation)
