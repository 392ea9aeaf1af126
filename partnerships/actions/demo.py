"""The demo action plan: actions across roles (some overdue, some done) and partners."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from .. import clock
from ..extensions import db
from ..i18n import force_locale
from .models import Action, ActionPlanInfo, ActionStatus, ExternalOrganisation
from .plan import SUGGESTED_ORGANISATIONS
from .services import create_action

C = "coordinator@voorbeeldstad.example"

# (title, step, role, assignee e-mail or None for the role, days from today, status, internal)
ACTIONS = [
    (
        "Principebesluit voorbereiden voor het college",
        "1a",
        "coordinator",
        C,
        -30,
        ActionStatus.DONE,
        True,
    ),
    (
        "Kick-off van de werkgroep plannen",
        "1b",
        "coordinator_backup",
        "backup@voorbeeldstad.example",
        -20,
        ActionStatus.DONE,
        True,
    ),
    (
        "Overzicht lopende contracten schoonmaak en groen maken",
        "2Ba",
        "procurement_expert",
        "inkoop@voorbeeldstad.example",
        -5,
        ActionStatus.BUSY,
        True,
    ),
    (
        "Resterende looptijd en verlengingsopties nagaan",
        "2Ba",
        "contract_manager",
        None,
        -2,
        ActionStatus.OPEN,
        True,
    ),
    (
        "Doelgroep en aantal banen vastleggen met HR",
        "1c",
        "hr_expert",
        None,
        4,
        ActionStatus.OPEN,
        True,
    ),
    (
        "Eerste verkennende gesprek met de opdrachtnemer voorbereiden",
        "2Bb",
        "contract_manager",
        "contract@voorbeeldstad.example",
        10,
        ActionStatus.OPEN,
        True,
    ),
    (
        "Mogelijke werkplekken in de groenploeg inventariseren",
        "3a",
        "supplier",
        None,
        21,
        ActionStatus.OPEN,
        False,
    ),
    (
        "Actieplan bespreken in het managementteam",
        "1e",
        "internal_client",
        "opdrachtgever@voorbeeldstad.example",
        14,
        ActionStatus.OPEN,
        True,
    ),
]

AGREEMENTS = (
    "- De werkgroep komt **elke twee weken** op dinsdagochtend bij elkaar (één uur).\n"
    "- De coördinator stuurt de agenda twee dagen vooraf rond; de back-up maakt het verslag.\n"
    "- Eens per kwartaal bespreekt de coördinator de voortgang met de wethouder."
)


def seed(*, pilot, people, suppliers):
    """Add the demo actions once, with dates relative to today so some are overdue."""
    if db.session.scalar(select(Action.id).where(Action.pilot_id == pilot.id).limit(1)):
        return
    today = clock.today()
    coordinator = people.get(C)
    for title, step, role, email, days, status, internal in ACTIONS:
        action = create_action(
            pilot,
            coordinator,
            title=title,
            role=role,
            step_code=step,
            assignee=people.get(email) if email else None,
            deadline=today + timedelta(days=days),
            is_internal=internal,
        )
        if status != ActionStatus.OPEN:
            action.status = status
            if status == ActionStatus.DONE:
                action.done_on = today + timedelta(days=days)
    db.session.add(ActionPlanInfo(pilot_id=pilot.id, meeting_agreements=AGREEMENTS))
    with force_locale("nl"):  # the demo story is Dutch, also when run from the CLI
        suggested = [(name, str(text)) for name, text in SUGGESTED_ORGANISATIONS]
    for name, text in suggested:
        contact = "Werkgeversservicepunt Voorbeeldstad" if name != "UWV" else "UWV regio Midden"
        db.session.add(
            ExternalOrganisation(pilot_id=pilot.id, name=name, involvement=text, contact=contact)
        )
