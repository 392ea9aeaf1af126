"""Potential jobs through their pages, filled in as the page renders the form (WebTest)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from partnerships.contracts.models import PotentialJob
from partnerships.contracts.services import create_potential_job
from partnerships.extensions import db
from tests.quality.forms import form_with, forms_in
from tests.rendered import NotRendered


def test_a_new_potential_job_is_saved_from_the_page_as_rendered(world, web):
    # The new-job page shows no status; the form used to require one ("Ongeldige keuze").
    visitor = web(world.coordinator)
    response = visitor.submit(
        f"/pilots/{world.pilot.id}/potential-jobs/new",
        title="Medewerker postkamer",
        tasks="Post sorteren en rondbrengen",
        hours_per_week="20,5",
        suppliers=[world.supplier_a.id],
    )
    assert response.status_int == 303, response.text[:2000]
    job = db.session.scalar(select(PotentialJob).where(PotentialJob.pilot_id == world.pilot.id))
    assert (job.title, job.hours_per_week, job.status) == (
        "Medewerker postkamer",
        Decimal("20.5"),
        "idea",
    )
    assert [s.id for s in job.suppliers] == [world.supplier_a.id]


def test_the_new_job_page_renders_no_status_and_a_test_cannot_post_one(world, web):
    visitor = web(world.coordinator)
    page = visitor.get(f"/pilots/{world.pilot.id}/potential-jobs/new")
    form = visitor.form(page, "title")
    assert "status" not in form.fields
    try:
        form["status"] = "idea"
    except (AssertionError, ValueError, KeyError):
        refused = True
    else:
        refused = False
    assert refused, "WebTest let a test set a field the page does not render"


def test_a_potential_job_from_a_brainstorm_is_dropped_with_a_reason(world, web):
    job = create_potential_job(
        world.pilot,
        world.coordinator,
        title="Stapelbaan",
        tasks="Post en schoonmaak",
        supplier_ids=[world.supplier_a.id],
        hours_per_week=Decimal("20"),
    )
    visitor = web(world.coordinator)
    url = f"/pilots/{world.pilot.id}/potential-jobs/{job.id}"
    assert visitor.submit(url, status="dropped", drop_reason="").status_int == 422
    assert visitor.submit(url, status="dropped", drop_reason="Geen budget").status_int == 303
    db.session.refresh(job)
    assert (job.status, job.drop_reason) == ("dropped", "Geen budget")


def test_a_filled_potential_job_links_to_its_placement(world, place, web):
    placement = place(world, world.contract_a, world.supplier_a)
    job = create_potential_job(world.pilot, world.coordinator, title="Schoonmaker")
    response = web(world.coordinator).submit(
        f"/pilots/{world.pilot.id}/potential-jobs/{job.id}",
        status="vacancy_open",
        placement_id=placement.id,
    )
    assert response.status_int == 303
    db.session.refresh(job)
    assert job.placement_id == placement.id and job.status == "filled"


def test_the_test_client_refuses_a_saved_post_with_a_field_the_page_does_not_render(
    world, login_as
):
    """The old tests' way of saving a new job (status=idea, which no browser sends) now fails
    the test itself; the same post without it passes, and a refused post may send anything."""
    client = login_as(world.coordinator)
    url = f"/pilots/{world.pilot.id}/potential-jobs/new"
    form = form_with(forms_in(client.get(url).text, url), "title")
    data = form.data(title="Medewerker postkamer", tasks="Post sorteren", hours_per_week="20")
    data["status"] = "idea"
    with pytest.raises(NotRendered, match="no field 'status'"):
        client.post(url, data=data)
    del data["status"]
    assert client.post(url, data=data).status_code == 303
    # The board may not add jobs: its refused post is not held against the test.
    refused = login_as(world.board).post(url, data={**data, "status": "idea"})
    assert refused.status_code == 403
