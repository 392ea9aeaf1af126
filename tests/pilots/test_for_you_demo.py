"""Each demo person's first page shows their own work, and one item per person opens the
place where it is done, end to end (a supplier submits a due report from its first page)."""

from __future__ import annotations

import re

import pytest

from partnerships import demo
from partnerships.extensions import db
from tests.pilots.page_items import parse
from tests.quality.forms import forms_in


@pytest.fixture
def demo_world(app):
    demo.seed()
    db.session.commit()


def _first_page(app, email):
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": demo.PASSWORD})
    assert response.status_code in (302, 303)
    landing = client.get(response.headers["Location"], follow_redirects=True)
    assert landing.request.path == "/for-you"
    return client, parse(landing.data)


def _open(client, href):
    response = client.get(href)
    assert response.status_code == 200, href
    return response.get_data(as_text=True)


def test_each_buyer_role_gets_its_own_work(app, demo_world):
    # The demo takes seconds to build, so the buyer's four people share one test.
    _coordinator(app)
    _procurement_expert(app)
    _contract_manager(app)
    _board(app)


def _coordinator(app):
    client, page = _first_page(app, "coordinator@voorbeeldstad.example")
    [(text, href)] = page.items("for-you-steps")
    assert text == "Volgende: 1d Maak een actieplan"
    assert "Maak een actieplan" in _open(client, href)
    assert page.items("for-you-tasks")  # actions for the coordinator or the role


def _procurement_expert(app):
    client, page = _first_page(app, "inkoop@voorbeeldstad.example")
    tasks = page.items("for-you-tasks")
    assert ("Overzicht lopende contracten schoonmaak en groen maken", tasks[0][1]) == tasks[0]
    assert "Overzicht lopende contracten" in _open(client, tasks[0][1])


def _contract_manager(app):
    client, page = _first_page(app, "contract@voorbeeldstad.example")
    reports = page.items("for-you-reports-accept")
    assert reports and reports[0][0].startswith("Rapportage over Onderhoud openbaar groen")
    html = _open(client, reports[0][1])
    assert any(form.has("version") for form in forms_in(html, reports[0][1]))


def _board(app):
    client, page = _first_page(app, "bestuur@voorbeeldstad.example")
    [(text, href)] = page.items("for-you-progress")
    assert text == demo.PILOT_TITLE
    assert "for-you-steps" not in page.ids  # the board does not move sub-steps
    html = _open(client, href)
    assert "Ga verder met" not in html and "Voor jou in deze proeftuin" in html
    # The coordinator answered the board member's remark on the third quarter's note.
    [(text, href)] = page.items("for-you-remarks")
    assert text == "Antwoord op je opmerking bij Kwartaal 3 2026"
    assert "Twee van de zeven." in _open(client, href)


def test_each_supplier_submits_a_due_report_from_its_first_page(app, demo_world):
    for email in ("schoon@schoonco.example", "groen@groendichtbij.example"):
        _submit_first_due_report(app, email)


def _submit_first_due_report(app, email):
    client, page = _first_page(app, email)
    due = page.items("for-you-reports-send")
    assert due, "no report to send"
    text, href = due[0]
    url = href
    html = _open(client, url)
    [form] = [f for f in forms_in(html, url) if f.has("narrative")]
    data = form.data(narrative="Rustig kwartaal, geen bijzonderheden.")
    response = client.post(form.action, data=data)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:500]
    _, again = _first_page(app, email)
    remaining = again.items("for-you-reports-send") if "for-you-reports-send" in again.ids else []
    assert (text, href) not in remaining
    # The buyer's contract manager now has it waiting for acceptance.
    _, manager = _first_page(app, "contract@voorbeeldstad.example")
    assert any(t == text for t, _ in manager.items("for-you-reports-accept"))


def test_the_admins_get_their_own_work(app, demo_world):
    from partnerships.pilots.models import Membership

    client, page = _first_page(app, demo.SITE_ADMIN[0])
    links = [href for _, href, _ in page.section("main").links]
    assert "/admin/organisations" in links
    _open(client, "/admin/organisations")
    # The buyer's organisation admin (the demo coordinator) hears of a pilot without backup.
    db.session.query(Membership).filter(Membership.role == "coordinator_backup").delete()
    db.session.commit()
    client, page = _first_page(app, "coordinator@voorbeeldstad.example")
    [(text, href)] = page.items("for-you-unstaffed")
    assert text == "Geen back-up coördinator"
    html = _open(client, href)
    chosen = re.search(r'<select[^>]*name="add-role".*?</select>', html, re.S).group(0)
    assert re.search(r'<option selected value="coordinator_backup"', chosen)
