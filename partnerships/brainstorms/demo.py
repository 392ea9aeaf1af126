"""The demo's brainstorms: one closed brainstorm on the cleaning contract with a top 3, and
one open brainstorm shared with Schoon & Co."""

from __future__ import annotations

from datetime import timedelta

from ..database import utcnow
from . import outcomes, services, sharing

COORDINATOR = "coordinator@voorbeeldstad.example"
CONTRACT = "contract@voorbeeldstad.example"
INKOOP = "inkoop@voorbeeldstad.example"

# (place, author: "buyer e-mail" or supplier index, text, pinned)
CLOSED_CARDS = [
    ("in_view", CONTRACT, "Contract loopt nog 3 jaar, met optie op 2 x 1 jaar verlenging.", False),
    (
        "in_view",
        0,
        "We hebben 42 schoonmakers op de gemeentelijke panden, ieder jaar vertrekken er 5 à 6.",
        True,
    ),
    ("in_view", CONTRACT, "Geen social return-afspraak in het huidige contract.", False),
    (
        "potential",
        0,
        "Natuurlijk verloop: vacatures eerst aanbieden via het Werkgeversservicepunt.",
        True,
    ),
    (
        "potential",
        INKOOP,
        "Stapelbaan: afvalscheiding, koffiepunten en vergaderzalen klaarzetten combineren.",
        False,
    ),
    ("potential", 0, "Leerwerkplek schoonmaak (BBL niveau 1) met een vaste werkbegeleider.", False),
    ("follow_up", COORDINATOR, "Tweede verkennend gesprek plannen met HR van Schoon & Co.", False),
    ("follow_up", CONTRACT, "Top 3 contracten voorleggen aan de werkgroep.", False),
    ("what", COORDINATOR, "Budget voor extra begeleiding in het eerste halfjaar.", False),
    ("who", 0, "Een jobcoach van de gemeente en de teamleider van Schoon & Co.", False),
    ("how", INKOOP, "Start met twee plaatsingen op het stadhuis, daarna uitbreiden.", False),
    (
        "results",
        COORDINATOR,
        "Twee banen van 25,5 uur binnen een jaar, waarvan één duurzaam.",
        False,
    ),
]
OPEN_CARDS = [
    ("what", COORDINATOR, "Welke taken blijven nu liggen in het groenonderhoud?"),
    ("who", 0, "Onze rayonleider wil graag meedenken over begeleiding."),
    ("potential", 0, "Extra dienst: glasbewassing begane grond door een leerwerkploeg."),
]


def seed(*, pilot, people, suppliers) -> None:
    """Add both brainstorms; suppliers[0] is Schoon & Co Facilitair."""
    from sqlalchemy import select

    from ..accounts.models import User
    from ..extensions import db

    coordinator = people[COORDINATOR]
    schoon = suppliers[0]
    contact = db.session.scalar(select(User).where(User.organisation_id == schoon.id))

    def author(who):
        return contact if who == 0 else people[who]

    closed = services.start_brainstorm(
        pilot,
        coordinator,
        title="Schoonmaak gemeentelijke panden",
        description="Schoonmaak van stadhuis, stadskantoor en drie wijkcentra door "
        "Schoon & Co Facilitair.",
        kind="existing_without_sr",
        nature="service",
        labour_component="Ongeveer 42 schoonmakers, vooral praktisch werk in dag- en "
        "avonddiensten.",
        step_code="2Ba",
        supplier_org_ids=[schoon.id],
    )
    sharing.invite_contact(closed, coordinator, contact, notify=False)
    cards = []
    for place, who, text, pinned in CLOSED_CARDS:
        card = services.add_card(closed, author(who), place=place, text=text)
        card.pinned = pinned
        cards.append(card)
    services.close(closed, coordinator)
    closed.closed_at = utcnow() - timedelta(days=14)
    outcomes.to_action(
        closed, cards[6], coordinator, title=outcomes.card_title(cards[6]), role="hr_expert"
    )
    ranking = [
        (
            1,
            "Schoon & Co Facilitair",
            schoon,
            "Groot contract met jaarlijks verloop en een opdrachtnemer die wil meedoen.",
            cards[3],
        ),
        (
            2,
            "Groen Dichtbij",
            suppliers[1],
            "Sociaal ondernemer; kan leerwerkplekken in het groen bieden.",
            None,
        ),
        (
            3,
            "Cateraar De Kantine",
            None,
            "Arbeidsintensief, maar het contract loopt over een jaar af.",
            None,
        ),
    ]
    for rank, name, org, reason, card in ranking:
        outcomes.add_to_shortlist(
            closed,
            coordinator,
            rank=rank,
            supplier_name=name,
            organisation=org,
            reason=reason,
            card=card,
        )

    live = services.start_brainstorm(
        pilot,
        coordinator,
        title="Groenonderhoud en extra diensten",
        description="Verkennen wat Schoon & Co naast de schoonmaak kan oppakken.",
        kind="existing_without_sr",
        nature="service",
        allow_anonymous=True,
        step_code="2Ba",
        supplier_org_ids=[schoon.id],
    )
    sharing.invite_contact(live, coordinator, contact, notify=False)
    for place, who, text in OPEN_CARDS:
        services.add_card(live, author(who), place=place, text=text)
