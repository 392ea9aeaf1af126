"""Sharing results (5d): a public page behind an unguessable, revocable link that shows
aggregates and the coordinator's story, and nothing internal or personal."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.reports.models import PublicLink


def _switch_on(client, pilot):
    assert client.post(f"/pilots/{pilot.id}/results/on").status_code == 303
    return db.session.scalar(
        select(PublicLink).where(PublicLink.revoked_at.is_(None)).order_by(PublicLink.id.desc())
    )


def test_public_page_shows_aggregates_and_the_story_without_login(
    scene, login_as, app, jobs_figures
):
    jobs_figures.update(people=3, banen="1.40", durable=0)
    client = login_as(scene.coordinator)
    story = "We begonnen bij de **schoonmaak**. <script>alert(1)</script>"
    assert (
        client.post(
            f"/pilots/{scene.pilot.id}/results", data={"story": story, "version": 0}
        ).status_code
        == 303
    )
    link = _switch_on(client, scene.pilot)
    assert len(link.token) >= 43  # 32 random bytes, URL-safe

    anonymous = app.test_client()
    page = anonymous.get(f"/results/{link.token}")
    assert page.status_code == 200
    assert "Proeftuin schoonmaak" in page.text and "Gemeente Voorbeeldstad" in page.text
    assert "<strong>schoonmaak</strong>" in page.text
    assert "<script>alert(1)" not in page.text
    assert "&lt;5" in page.text and "1,40" not in page.text  # three people: suppressed
    for name in ("Sanne de Vries", "Wethouder Karin Mulder", "Ruud Hendriks", "Esther Kok"):
        assert name not in page.text
    assert page.headers["X-Robots-Tag"].startswith("noindex")


def test_story_that_names_contact_details_is_refused(scene, login_as):
    client = login_as(scene.coordinator)
    response = client.post(
        f"/pilots/{scene.pilot.id}/results", data={"story": "Bel Jan op 06-12345678", "version": 0}
    )
    assert response.status_code == 422


def test_revoked_link_is_gone_and_a_new_switch_on_makes_a_new_token(scene, login_as, app):
    client = login_as(scene.coordinator)
    first = _switch_on(client, scene.pilot)
    assert client.post(f"/pilots/{scene.pilot.id}/results/off").status_code == 303
    anonymous = app.test_client()
    gone = anonymous.get(f"/results/{first.token}")
    assert gone.status_code == 410
    assert "niet meer beschikbaar" in gone.text
    assert "Proeftuin schoonmaak" not in gone.text

    second = _switch_on(client, scene.pilot)
    assert second.token != first.token
    assert anonymous.get(f"/results/{second.token}").status_code == 200
    assert anonymous.get(f"/results/{first.token}").status_code == 410
    assert anonymous.get("/results/not-a-token").status_code == 404


def test_switching_on_twice_keeps_one_link(scene, login_as):
    client = login_as(scene.coordinator)
    first = _switch_on(client, scene.pilot)
    second = _switch_on(client, scene.pilot)
    assert first.id == second.id
    assert len(db.session.scalars(select(PublicLink)).all()) == 1


def test_only_the_coordinator_manages_the_results_page(scene, login_as):
    for user in (scene.member, scene.board, scene.supplier, scene.stranger):
        client = login_as(user)
        assert client.get(f"/pilots/{scene.pilot.id}/results").status_code == 403
        assert client.post(f"/pilots/{scene.pilot.id}/results/on").status_code == 403
    assert db.session.scalar(select(PublicLink)) is None
