"""A pilot with everyone the reports pages distinguish: coordinator, working-group member,
board member, two supplier contacts and a stranger from another organisation."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass

import pytest

from partnerships import clock
from partnerships.extensions import db


@dataclass
class Scene:
    org: object
    pilot: object
    coordinator: object
    member: object
    board: object
    supplier: object
    supplier_org: object
    other_supplier: object
    other_supplier_org: object
    stranger: object


@pytest.fixture
def scene(make):
    org = make.org(name="Gemeente Voorbeeldstad")
    coordinator = make.user(org, name="Sanne de Vries")
    pilot = make.pilot(coordinator=coordinator, title="Proeftuin schoonmaak")
    member = make.member(pilot, role="hr_expert")
    board = make.member(pilot, make.user(org, name="Wethouder Karin Mulder"), role="board")
    supplier_org = make.org(name="Schoon & Co", kind="supplier")
    supplier = make.member(pilot, make.user(supplier_org, name="Ruud Hendriks"), role="supplier")
    other_org = make.org(name="Groen Dichtbij", kind="supplier")
    other_supplier = make.member(pilot, make.user(other_org, name="Esther Kok"), role="supplier")
    stranger = make.user(make.org(name="Gemeente Elders"))
    db.session.commit()
    return Scene(
        org,
        pilot,
        coordinator,
        member,
        board,
        supplier,
        supplier_org,
        other_supplier,
        other_org,
        stranger,
    )


@pytest.fixture
def jobs_figures(monkeypatch):
    """Stand in for partnerships.figures.services.pilot_figures with chosen numbers."""
    figures = {"people": 7, "banen": "3.25", "durable": 2}
    calls = []

    def pilot_figures(pilot, *, as_of, suppress=False):
        calls.append((pilot.id, as_of))
        return dict(figures)

    module = types.ModuleType("partnerships.figures.services")
    module.pilot_figures = pilot_figures
    module.latest_figures = lambda pilot: pilot_figures(pilot, as_of=clock.today())
    module.headline_figures = lambda pilots, *, as_of, suppress=False: {
        pilot.id: pilot_figures(pilot, as_of=as_of, suppress=suppress) for pilot in pilots
    }
    monkeypatch.setitem(sys.modules, "partnerships.figures.services", module)
    import partnerships.figures as figures_package

    monkeypatch.setattr(figures_package, "services", module, raising=False)
    figures["calls"] = calls
    return figures
