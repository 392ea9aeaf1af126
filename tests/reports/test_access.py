"""Who may do what in reports, as a table: the board changes nothing but its own
acknowledgements and remarks; suppliers and strangers reach nothing internal."""

from __future__ import annotations

from datetime import date

import pytest

from partnerships.extensions import db
from partnerships.reports import evaluation, policy, services, sharing


@pytest.fixture
def rows(scene, app):
    pilot, coordinator = scene.pilot, scene.coordinator
    draft = services.create_note(
        pilot,
        coordinator,
        period_label="Concept",
        period_start=date(2026, 4, 1),
        period_end=date(2026, 6, 30),
        body="x",
    )
    published = services.create_note(
        pilot,
        coordinator,
        period_label="Q1",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 3, 31),
        body="x",
    )
    services.publish_note(published, coordinator)
    remark = services.add_remark(published, scene.board, "opmerking")
    ev = evaluation.create_evaluation(pilot, coordinator, title="E")
    lesson = evaluation.add_lesson(ev, coordinator, theme="tender", text="les")
    with app.test_request_context():
        policy.start_draft(pilot, coordinator)
    sharing.switch_on(pilot, coordinator)
    db.session.commit()
    return dict(
        p=pilot.id, draft=draft.id, note=published.id, remark=remark.id, ev=ev.id, lesson=lesson.id
    )


EDIT_ROUTES = [
    "/pilots/{p}/notes/new",
    "/pilots/{p}/notes/{draft}/edit",
    "/pilots/{p}/notes/{draft}/publish",
    "/pilots/{p}/remarks/{remark}/read",
    "/pilots/{p}/evaluation",
    "/pilots/{p}/evaluations/{ev}",
    "/pilots/{p}/evaluations/{ev}/lessons",
    "/pilots/{p}/lessons/{lesson}/delete",
    "/pilots/{p}/evaluations/{ev}/done",
    "/pilots/{p}/policy/start",
    "/pilots/{p}/policy/edit",
    "/pilots/{p}/policy/specialist",
    "/pilots/{p}/policy/adoption",
    "/pilots/{p}/policy/decision",
    "/pilots/{p}/results",
    "/pilots/{p}/results/on",
    "/pilots/{p}/results/off",
]


@pytest.mark.parametrize("route", EDIT_ROUTES)
def test_board_member_cannot_change_anything(scene, rows, login_as, route):
    client = login_as(scene.board)
    assert client.post(route.format(**rows), data={"version": 1}).status_code == 403


@pytest.mark.parametrize(
    "route",
    EDIT_ROUTES
    + [
        "/pilots/{p}/notes/{note}/acknowledge",
        "/pilots/{p}/notes/{note}/remarks",
        "/pilots/{p}/evaluations/{ev}/contribution",
    ],
)
def test_strangers_change_nothing(scene, rows, login_as, route):
    client = login_as(scene.stranger)
    assert client.post(route.format(**rows), data={"version": 1}).status_code == 403


INTERNAL_PAGES = [
    "/pilots/{p}/notes",
    "/pilots/{p}/notes/{note}",
    "/pilots/{p}/notes/{draft}",
    "/pilots/{p}/evaluations/{ev}",
    "/pilots/{p}/evaluations/{ev}/evaluation.docx",
    "/pilots/{p}/policy",
    "/pilots/{p}/policy.docx",
    "/pilots/{p}/policy/print",
    "/pilots/{p}/policy/versions/1",
    "/pilots/{p}/results",
]


@pytest.mark.parametrize("route", INTERNAL_PAGES)
def test_suppliers_see_nothing_internal(scene, rows, login_as, route):
    assert login_as(scene.supplier).get(route.format(**rows)).status_code == 403


@pytest.mark.parametrize("route", INTERNAL_PAGES + ["/pilots/{p}/evaluation"])
def test_other_organisations_see_nothing(scene, rows, login_as, route):
    assert login_as(scene.stranger).get(route.format(**rows)).status_code == 403


def test_supplier_finds_the_evaluation_tab_with_only_its_own_part(scene, rows, login_as):
    page = login_as(scene.supplier).get(f"/pilots/{rows['p']}/evaluation")
    assert page.status_code == 200
    assert f'href="/pilots/{rows["p"]}/evaluation"' in page.text  # the tab
    assert "Je ideeën voor deze evaluatie" in page.text
    assert f'/evaluations/{rows["ev"]}"' not in page.text  # no link to the internal page
    assert "Een evaluatie starten" not in page.text


def test_anonymous_visitors_are_sent_to_login(client, rows):
    response = client.get("/pilots/{p}/notes".format(**rows))
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client.get("/board").status_code == 302
