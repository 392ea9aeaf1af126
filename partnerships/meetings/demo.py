"""The demo's meetings: a held kick-off with minutes and a decision, and the first
exploratory meeting with Schoon & Co, planned from its template with a shared agenda."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from .. import clock
from ..clock import to_utc
from ..extensions import db
from ..pilots.models import Membership
from . import agenda, approval, minutes
from .models import MeetingStatus

COORDINATOR = "coordinator@voorbeeldstad.example"
KICKOFF_NOTES = [
    "Iedereen stelde zich voor. Inkoop en contractmanagement zitten vanaf de start aan tafel.",
    "De wethouder heeft in december het principebesluit genomen; de proeftuin richt zich op "
    "de schoonmaak- en groencontracten.",
    "",
    "",
    "Sanne is coördinator, Ahmed is back-up. Petra sluit aan als social return coördinator.",
    "We komen elke twee weken een uur bij elkaar, op dinsdagochtend.",
]


def seed(*, pilot, people, suppliers) -> None:
    """Add the kick-off (held) and the first supplier meeting (planned, next week)."""
    coordinator = people[COORDINATOR]
    internal = [user.id for user in people.values() if "bestuur" not in user.email]
    kickoff = agenda.plan_meeting(
        pilot,
        coordinator,
        kind="kickoff",
        title="",
        starts_at=to_utc(date(2026, 1, 20), time(14, 0)),
        ends_at=to_utc(date(2026, 1, 20), time(15, 30)),
        place="Stadskantoor, kamer 3.12",
        participant_ids=internal,
        locale="nl",
    )
    for item, notes in zip(kickoff.items, KICKOFF_NOTES, strict=False):
        item.notes = notes
    roles_item = kickoff.items[4]
    minutes.decide(
        roles_item,
        coordinator,
        kind="other",
        title="Werkgroep ingesteld",
        decided_by="working_group",
        step_code="1b",
        text="Sanne de Vries is coördinator van de proeftuin, Ahmed El Amrani haar back-up. "
        "De handreiking vraagt om één aanspreekpunt met een vaste vervanger.",
    )
    minutes.agree_action(
        kickoff.items[3],
        coordinator,
        title="Concept doelen en doelgroep opstellen",
        role="hr_expert",
        assignee=coordinator,
        deadline=date(2026, 2, 10),
        step_code="1c",
    )
    agenda.set_status(kickoff, coordinator, MeetingStatus.HELD)
    # The working group fixed the kick-off's minutes, so its decision is in the register.
    approval.fix(kickoff, coordinator)

    schoon = suppliers[0]
    contact_ids = list(
        db.session.scalars(
            select(Membership.user_id).where(
                Membership.pilot_id == pilot.id, Membership.supplier_organisation_id == schoon.id
            )
        )
    )
    day = max(clock.today() + timedelta(days=7), date(2026, 2, 3))
    insiders = [
        people[email].id
        for email in (COORDINATOR, "contract@voorbeeldstad.example", "inkoop@voorbeeldstad.example")
    ]
    first = agenda.plan_meeting(
        pilot,
        coordinator,
        kind="supplier_first",
        title=f"Eerste verkennend gesprek met {schoon.name}",
        starts_at=to_utc(day, time(10, 0)),
        ends_at=to_utc(day, time(11, 30)),
        place=f"Kantoor {schoon.name}",
        participant_ids=insiders + contact_ids,
        locale="nl",
    )
    # One point stays internal: the working group prepares its own position first.
    prepare = agenda.add_item(
        first,
        coordinator,
        title="Voorbereiding: onze inzet en grenzen",
        description="Alleen voor de werkgroep.",
        shared=False,
    )
    agenda.reorder_items(first, [prepare.id] + [i.id for i in first.items if i is not prepare])
