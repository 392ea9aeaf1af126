"""The demo coordinator downloads the action plan and the kick-off minutes as PDF from their
pages, the way a civil servant sends them on to the board. Every page passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from sqlalchemy import select

from partnerships import clock, demo
from partnerships.extensions import db

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_pilot(app):
    from partnerships.pilots.models import Pilot

    demo.seed()
    db.session.commit()
    return db.session.scalar(select(Pilot).where(Pilot.title == demo.PILOT_TITLE))


def _pdf(download) -> PdfReader:
    return PdfReader(str(download.path()))


def test_the_action_plan_and_the_minutes_download_as_pdf(page, axe_check, demo_pilot):
    page.goto("/login")
    axe_check(page)
    page.get_by_label("E-mailadres").fill(demo.WORKING_GROUP[0][0])
    page.get_by_label("Wachtwoord").fill(demo.PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    axe_check(page)

    page.goto(f"/pilots/{demo_pilot.id}/action-plan")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF", exact=True).click()
    today = clock.today().isoformat()
    assert download.value.suggested_filename == (
        f"actieplan-proeftuin-schoonmaak-en-groen-{today}.pdf"
    )
    plan = _pdf(download.value)
    assert plan.metadata.title == "Actieplan: Proeftuin schoonmaak en groen"
    first = plan.pages[0].extract_text()
    assert "Gemeente Voorbeeldstad" in first and f"pagina 1 van {len(plan.pages)}" in first

    from partnerships.meetings.models import Meeting

    kickoff = db.session.scalar(
        select(Meeting).where(Meeting.pilot_id == demo_pilot.id).order_by(Meeting.starts_at)
    )
    page.goto(f"/pilots/{demo_pilot.id}/meetings/{kickoff.id}")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Verslag als PDF").click()
    assert download.value.suggested_filename == (
        "verslag-proeftuin-schoonmaak-en-groen-2026-01-20.pdf"
    )
    minutes = _pdf(download.value)
    text = "\n".join(p.extract_text() for p in minutes.pages)
    assert minutes.metadata.title == "Verslag: Startbijeenkomst werkgroep"
    assert "Concept doelen en doelgroep opstellen" in text and "Sanne de Vries" in text
