"""The demo's reports: last quarter's note (read by the board) and an evaluation under way.

The current quarter is left open, so the demo coordinator can write and publish a note and
the demo board member can respond to it.
"""

from __future__ import annotations

from datetime import date

from . import evaluation, remarks, services

COORDINATOR = "coordinator@voorbeeldstad.example"
BOARD = "bestuur@voorbeeldstad.example"
CONTRACT_MANAGER = "contract@voorbeeldstad.example"


def seed(*, pilot, people, suppliers) -> None:
    """Add a published note for the third quarter and an interim evaluation with lessons."""
    coordinator, board = people[COORDINATOR], people[BOARD]
    note = services.create_note(
        pilot,
        coordinator,
        period_label="Kwartaal 3 2026",
        period_start=date(2026, 7, 1),
        period_end=date(2026, 9, 30),
        body=(
            "De werkgroep is compleet en het actieplan is vastgesteld. Met **Schoon & Co "
            "Facilitair** verkennen we stapelbanen in de schoonmaak; **Groen Dichtbij** "
            "biedt leerwerkplekken in het groenonderhoud.\n\n"
            "Aandachtspunten:\n\n"
            "- de monitoring per kwartaal loopt nog niet bij beide opdrachtnemers;\n"
            "- voor de jobcoach is een budgetbesluit nodig."
        ),
    )
    services.publish_note(note, coordinator, as_of=date(2026, 9, 30))
    services.acknowledge(note, board)
    # The board asked, and the coordinator answered: the board finds it on Voor jou.
    remark = services.add_remark(
        note,
        board,
        "Hoeveel van de geplaatste mensen hebben nu een contract van een jaar of langer?",
    )
    remarks.answer_remark(
        remark,
        coordinator,
        "Twee van de zeven. Bij de anderen loopt het eerste contract nog; in de volgende "
        "notitie laten we zien hoeveel er een vervolgcontract krijgen.",
    )

    interim = evaluation.create_evaluation(
        pilot, people[CONTRACT_MANAGER], title="Tussenevaluatie schoonmaak en groen"
    )
    interim.went_well = (
        "- Korte lijnen met beide opdrachtnemers.\n"
        "- De personeelsschouw leverde meer geschikt werk op dan verwacht."
    )
    interim.to_improve = "Social return eerder in de marktconsultatie meenemen."
    evaluation.add_lesson(
        interim,
        coordinator,
        theme="tender",
        text="Vraag social return als gunningscriterium, niet alleen als contractbepaling.",
    )
    evaluation.add_lesson(
        interim,
        coordinator,
        theme="monitoring",
        text="Spreek de rapportagevorm (betaalde uren per kwartaal) af bij de start.",
    )
    if suppliers:
        contact = next(
            (m.user for m in pilot.memberships if m.supplier_organisation_id == suppliers[0].id),
            coordinator,
        )
        evaluation.save_contribution(
            interim,
            contact,
            supplier_org_id=suppliers[0].id,
            version=0,
            ideas="Taken van verschillende opdrachtnemers bundelen tot stapelbanen.",
        )
