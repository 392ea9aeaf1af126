"""An organisation's social return policy: which valuation scheme it uses, and its own
schemes, each save a new version so contracts keep the one they were tendered with."""

from __future__ import annotations

from dataclasses import replace

from flask import current_app
from sqlalchemy import func, select

from ..extensions import db
from . import schemes
from .models import OwnScheme

DEFAULT_SCHEME = "cdio-2025"
OWN = "own"


def shipped() -> dict[str, schemes.Scheme]:
    """The scheme files in VALUATION_DIR by reference; the app refuses to start without them
    being valid (see init_app), so a problem here is a programming error."""
    found = current_app.extensions.get("valuation_schemes")
    if found is None:
        found, problems = schemes.collect(current_app.config["VALUATION_DIR"])
        if problems:
            raise RuntimeError("; ".join(str(p) for p in problems))
        found = current_app.extensions["valuation_schemes"] = {s.ref: s for s in found}
    return found


def own_versions(organisation_id: int) -> list[OwnScheme]:
    """The organisation's own scheme, every saved version, newest first."""
    return list(
        db.session.scalars(
            select(OwnScheme)
            .where(OwnScheme.organisation_id == organisation_id)
            .order_by(OwnScheme.version.desc())
        )
    )


def own_ref(organisation_id: int, version: int) -> str:
    return f"{OWN}-{organisation_id}@{version}"


def newest_shipped(key: str) -> schemes.Scheme | None:
    candidates = [s for s in shipped().values() if s.key == key]
    return max(candidates, key=lambda s: s.version) if candidates else None


def scheme_ref_for(organisation_id: int) -> str | None:
    """The reference of the scheme the organisation uses now (its newest version)."""
    from ..figures.settings import settings_for

    key = settings_for(organisation_id).sr_scheme or DEFAULT_SCHEME
    if key == OWN:
        newest = db.session.scalar(
            select(func.max(OwnScheme.version)).where(OwnScheme.organisation_id == organisation_id)
        )
        return own_ref(organisation_id, newest) if newest else None
    scheme = newest_shipped(key)
    return scheme.ref if scheme else None


def scheme_by_ref(ref: str | None) -> schemes.Scheme | None:
    """A scheme by its stored reference: a shipped file, or a version of an own scheme."""
    if not ref:
        return None
    if ref in shipped():
        return shipped()[ref]
    if ref.startswith(OWN + "-"):
        owner, _, version = ref[len(OWN) + 1 :].partition("@")
        if owner.isdigit() and version.isdigit():
            row = db.session.scalar(
                select(OwnScheme).where(
                    OwnScheme.organisation_id == int(owner), OwnScheme.version == int(version)
                )
            )
            scheme = parse_own(row.text, row.organisation_id)[0] if row else None
            if scheme is not None:
                # Known by the organisation's key and version, whatever the text calls it.
                return replace(scheme, key=f"{OWN}-{owner}", version=int(version))
    return None


def scheme_for_contract(contract) -> schemes.Scheme | None:
    """The version the contract was tendered with, else what its organisation uses now."""
    return scheme_by_ref(contract.sr_scheme) or scheme_by_ref(
        scheme_ref_for(contract.organisation_id)
    )


def parse_own(text: str, organisation_id: int):
    """An own scheme from its TOML text: it may name the organisation's own target groups
    and kinds too."""
    from ..contracts.choices import DEFAULT_PLACEMENT_KINDS, DEFAULT_TARGET_GROUPS
    from ..figures import settings as jobs_settings

    found = jobs_settings.settings_for(organisation_id)
    groups = set(DEFAULT_TARGET_GROUPS) | set(jobs_settings.target_groups(found).own)
    kinds = set(DEFAULT_PLACEMENT_KINDS) | set(jobs_settings.placement_kinds(found).own)
    return schemes.parse(text, "scheme.toml", target_groups=groups, kinds=kinds)


def save_own(organisation_id: int, actor, text: str) -> OwnScheme:
    """Store the text as the next version of the organisation's own scheme."""
    newest = db.session.scalar(
        select(func.max(OwnScheme.version)).where(OwnScheme.organisation_id == organisation_id)
    )
    scheme, _problems = parse_own(text, organisation_id)
    row = OwnScheme(
        organisation_id=organisation_id,
        version=(newest or 0) + 1,
        title=scheme.title[:200] if scheme else "",
        text=text,
        created_by_id=actor.id,
    )
    db.session.add(row)
    db.session.flush()
    return row
