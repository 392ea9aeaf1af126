"""The demo's jobs: two contracts, potential jobs in every status, placements and reports.

A cleaning contract with Schoon & Co (social return as a contract clause of 5% of the wage
sum) and a green maintenance contract with the social enterprise Groen Dichtbij. The first
quarter's cleaning report is accepted; the green one awaits acceptance.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ..accounts.models import User
from ..contracts import services
from ..contracts.models import Contract
from ..extensions import db
from ..placements.services import save_placement
from . import services as monitoring

CONTRACT_MANAGER = "contract@voorbeeldstad.example"
COORDINATOR = "coordinator@voorbeeldstad.example"

# (reference, contract index, kind, target group, hours, start, end, outcome, reason)
PLACEMENTS = [
    (
        "SC-01",
        0,
        "employment_fixed",
        "doelgroepregister",
        "25.5",
        date(2026, 2, 1),
        None,
        "active",
        "",
    ),
    ("SC-02", 0, "secondment", "doelgroepregister", "16", date(2026, 3, 1), None, "active", ""),
    (
        "SC-03",
        0,
        "werkervaringsplaats",
        "participatiewet",
        "20",
        date(2026, 2, 15),
        date(2026, 8, 14),
        "employed_after",
        "Na het traject een jaarcontract bij Schoon & Co.",
    ),
    (
        "SC-04",
        0,
        "proefplaatsing",
        "doelgroepregister",
        "12",
        date(2026, 4, 1),
        date(2026, 5, 31),
        "stopped",
        "Het werk paste niet bij de belastbaarheid.",
    ),
    ("GD-01", 1, "leerwerkplek", "doelgroepregister", "24", date(2026, 2, 1), None, "active", ""),
    ("GD-02", 1, "employment_permanent", "wajong", "32", date(2026, 3, 1), None, "active", ""),
    (
        "GD-03",
        1,
        "internship",
        "statushouder",
        "20",
        date(2026, 5, 1),
        date(2026, 10, 31),
        "employed_after",
        "Na de stage in dienst bij Groen & Zo.",
    ),
]


def _contracts(pilot, actor, schoon, groen) -> list[Contract]:
    cleaning = services.save_contract(
        pilot,
        actor,
        {
            "kind": "contract",
            "title": "Schoonmaak gemeentelijke gebouwen",
            "category": "cleaning",
            "nature": "service",
            "value_per_year": Decimal("420000"),
            "wage_sum": Decimal("300000"),
            "start_date": date(2025, 3, 1),
            "end_date": date(2028, 2, 29),
            "extension_options": "2 x 1 jaar",
            "sr_basis": "wage_sum",
            "sr_percentage": Decimal("5"),
            "sr_instrument": "contract_clause",
            "sr_description": "Opdrachtnemer besteedt 5% van de loonsom aan social return, bij "
            "voorkeur via banen voor mensen uit het doelgroepregister.",
            "notes": "Contractmanager Linda Visser; evaluatiegesprek elk kwartaal.",
        },
        [schoon.id],
    )
    green = services.save_contract(
        pilot,
        actor,
        {
            "kind": "contract",
            "title": "Onderhoud openbaar groen",
            "category": "green_spaces",
            "nature": "service",
            "value_per_year": Decimal("160000"),
            "wage_sum": Decimal("115000"),
            "start_date": date(2025, 1, 1),
            "end_date": date(2026, 12, 31),
            "extension_options": "1 x 1 jaar",
            "sr_basis": "other",
            "sr_percentage": None,
            "sr_instrument": None,
            "sr_description": "Voorbehouden opdracht (Aanbestedingswet art. 2.82) aan een sociale "
            "onderneming.",
            "notes": "",
        },
        [groen.id],
    )
    return [cleaning, green]


def _contact(org) -> User:
    return db.session.scalar(select(User).where(User.organisation_id == org.id).order_by(User.id))


def seed(*, pilot, people, suppliers) -> None:
    """Add contracts, potential jobs, placements and the first quarter's reports."""
    schoon, groen = suppliers
    coordinator, manager = people[COORDINATOR], people[CONTRACT_MANAGER]
    pilot.monitoring_frequency = pilot.monitoring_frequency or "quarter"
    contracts = _contracts(pilot, coordinator, schoon, groen)
    placed = {}
    for ref, index, kind, group, hours, start, end, outcome, reason in PLACEMENTS:
        contract = contracts[index]
        supplier = schoon if index == 0 else groen
        placed[ref] = save_placement(
            pilot,
            coordinator,
            {
                "contract_id": contract.id,
                "supplier_organisation_id": supplier.id,
                "reference": ref,
                "kind": kind,
                "target_group": group,
                "hours_per_week": Decimal(hours),
                "start_date": start,
                "end_date": end,
                "outcome": outcome,
                "outcome_reason": reason,
                "notes": "",
            },
            {
                "employment_contract": (True, start),
                "payslip": (start < date(2026, 4, 1), date(2026, 4, 10)),
            },
        )
    _potential_jobs(pilot, coordinator, schoon, groen, contracts, placed)
    _reports(pilot, manager, schoon, groen, contracts, placed)


def _potential_jobs(pilot, actor, schoon, groen, contracts, placed) -> None:
    jobs = [
        (
            "Stapelbaan facilitair: schoonmaak, groen en postkamer",
            "stapelbaan",
            [schoon.id, groen.id],
            "25.5",
            "in_discussion",
            None,
            "",
        ),
        (
            "Glasbewassing binnen (natuurlijk verloop)",
            "staff_review",
            [schoon.id],
            "20",
            "vacancy_open",
            contracts[0].id,
            "",
        ),
        (
            "Schoonmaakmedewerker stadskantoor",
            "vacancy",
            [schoon.id],
            "25.5",
            "filled",
            contracts[0].id,
            "",
        ),
        (
            "Leerwerkplek groenonderhoud",
            "training_place",
            [groen.id],
            "24",
            "filled",
            contracts[1].id,
            "",
        ),
        ("Koffie- en vergaderservice", "new_task", [], None, "idea", None, ""),
        (
            "Assistent parkeerbeheer",
            "job_creation",
            [],
            "16",
            "dropped",
            None,
            "Geen budget in 2026; volgend jaar opnieuw bekijken.",
        ),
    ]
    filled_by = {
        "Schoonmaakmedewerker stadskantoor": placed["SC-01"],
        "Leerwerkplek groenonderhoud": placed["GD-01"],
    }
    for title, source, supplier_ids, hours, status, contract_id, reason in jobs:
        job = services.create_potential_job(
            pilot,
            actor,
            title=title,
            source=source,
            supplier_ids=supplier_ids,
            hours_per_week=Decimal(hours) if hours else None,
            tasks="Taken in overleg met de opdrachtnemer uitgewerkt.",
        )
        job.status, job.contract_id, job.drop_reason = status, contract_id, reason
        if title in filled_by:
            job.placement_id = filled_by[title].id


def _reports(pilot, manager, schoon, groen, contracts, placed) -> None:
    """Q1 2026: cleaning accepted, green submitted and awaiting acceptance."""
    q1 = date(2026, 1, 1)
    cleaning = monitoring.submit(
        pilot,
        _contact(schoon),
        contract=contracts[0],
        supplier_id=schoon.id,
        period_start=q1,
        narrative="Twee collega's uit het doelgroepregister zijn gestart; de werkervaringsplaats "
        "loopt goed.",
        placement_hours={
            placed["SC-01"].id: Decimal("216.75"),
            placed["SC-02"].id: Decimal("70.4"),
            placed["SC-03"].id: Decimal("128"),
        },
    )
    db.session.flush()
    monitoring.decide(cleaning, manager, accept=True, remark="", submitted_version=1)
    monitoring.submit(
        pilot,
        _contact(groen),
        contract=contracts[1],
        supplier_id=groen.id,
        period_start=q1,
        narrative="De leerwerkplek en de vaste baan zijn ingevuld.",
        placement_hours={placed["GD-01"].id: Decimal("204"), placed["GD-02"].id: Decimal("141")},
        aggregates=[("doelgroepregister", "training", 2, Decimal("96"))],
    )
