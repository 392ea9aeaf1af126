"""The demo working group's task descriptions and one duty text adapted by the coordinator."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..pilots.models import Membership
from .models import DutyOverride

TASKS = {
    (
        "coordinator@voorbeeldstad.example",
        "coordinator",
    ): "Trekt de werkgroep, bewaakt het actieplan en rapporteert aan de wethouder.",
    (
        "backup@voorbeeldstad.example",
        "coordinator_backup",
    ): "Leest mee met alle stukken en neemt het voorzitterschap over bij afwezigheid.",
    (
        "sr@voorbeeldstad.example",
        "sr_coordinator",
    ): "Adviseert over social return in het schoonmaak- en groencontract.",
    (
        "inkoop@voorbeeldstad.example",
        "procurement_expert",
    ): "Brengt de lopende contracten en geplande aanbestedingen in kaart.",
    (
        "contract@voorbeeldstad.example",
        "contract_manager",
    ): "Voert het gesprek met de opdrachtnemers en neemt afspraken op in de monitoring.",
    (
        "opdrachtgever@voorbeeldstad.example",
        "internal_client",
    ): "Zoekt binnen facilitaire zaken naar taken voor mensen uit de doelgroep.",
}

ADAPTED_DUTY = (
    "1",
    "hr_expert",
    "Sanne brengt als HR-adviseur de inclusiedoelen in en koppelt de werkgroep aan het "
    "Werkgeversservicepunt.",
)


def seed(*, pilot, people, suppliers):
    """Fill in task descriptions and adapt one RACI cell, as a coordinator would."""
    for (email, role), text in TASKS.items():
        user = people.get(email)
        if user is None:
            continue
        membership = db.session.scalar(
            select(Membership).where(
                Membership.pilot_id == pilot.id,
                Membership.user_id == user.id,
                Membership.role == role,
            )
        )
        if membership is not None:
            membership.task_description = text
    step, role, text = ADAPTED_DUTY
    exists = db.session.scalar(
        select(DutyOverride.id).where(
            DutyOverride.pilot_id == pilot.id,
            DutyOverride.step_code == step,
            DutyOverride.role == role,
        )
    )
    if exists is None:
        coordinator = people.get("coordinator@voorbeeldstad.example")
        db.session.add(
            DutyOverride(
                pilot_id=pilot.id,
                step_code=step,
                role=role,
                text=text,
                updated_by_id=coordinator.id if coordinator else None,
            )
        )
