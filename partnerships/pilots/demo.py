"""The stepper's part of the demo story: step 1 mostly done, route 2B chosen with a reason."""

from __future__ import annotations

from datetime import date

from .. import workflows_registry
from ..extensions import db
from . import stepper
from .models import StepStatus

COORDINATOR = "coordinator@voorbeeldstad.example"

NOTES = {
    "1a": "Wethouder Mulder tekende het principebesluit op 26 januari; zij is ambassadeur.",
    "1b": "Werkgroep met HR, inkoop, contractmanagement en de facilitair manager; "
    "Ahmed is back-up.",
    "1c": "Doel: zes banenafspraakbanen in schoonmaak en groen; doelgroep: mensen uit het "
    "doelgroepregister.",
}


def seed(*, pilot, people, suppliers):
    """Mark 1a-1c done, 1d busy, record the principebesluit and choose route 2B."""
    from ..meetings.services import record_decision

    coordinator = people[COORDINATOR]
    workflow = workflows_registry.for_pilot(pilot)
    pilot.target_group_text = (
        "Mensen uit het doelgroepregister van UWV (banenafspraak), met voorrang voor "
        "inwoners van Voorbeeldstad."
    )
    record_decision(
        pilot,
        coordinator,
        kind="principebesluit",
        title="Principebesluit proeftuin",
        decided_by="board",
        decided_on=date(2026, 1, 26),
        step_code="1a",
        text="Het college geeft de werkgroep ruimte om via inkoop meer banen te verkennen.",
    )
    for code, note in NOTES.items():
        stepper.set_status(
            pilot, coordinator, workflow, code, status=StepStatus.DONE, version=0, note=note
        )
    stepper.set_status(
        pilot,
        coordinator,
        workflow,
        "1d",
        status=StepStatus.BUSY,
        version=0,
        note="Concept-actieplan staat; acties en eigenaren worden nog verdeeld.",
    )
    stepper.choose_route(
        pilot,
        coordinator,
        workflow,
        route="2B",
        version=pilot.version,
        decided_on=date(2026, 2, 16),
        reason="De schoonmaak- en groencontracten lopen nog twee jaar en zijn "
        "arbeidsintensief; daar liggen de snelste kansen.",
    )
    db.session.flush()
